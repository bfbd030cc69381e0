// Column-sized texts of the broadcast notices: TITLE is VARCHAR(100) and MESSAGE VARCHAR(255), counted in characters
// by both engines, so a long product name is cut (the original failed the insert and skipped the notice).
const TITLE_MAX = 100;
const MESSAGE_MAX = 255;

/** Cuts by code points, so an emoji or a Korean syllable is never split in half. */
function cut(text: string, max: number): string {
  const chars = Array.from(text);
  return chars.length <= max ? text : chars.slice(0, max).join('');
}

export const noticeTitle = (text: string) => cut(text, TITLE_MAX);
export const noticeMessage = (text: string) => cut(text, MESSAGE_MAX);
