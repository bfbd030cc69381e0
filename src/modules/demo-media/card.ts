// Demo product pictures drawn as SVG cards (name and category on a colour picked from the category), so the
// embedded demo shows a fitting picture with no third-party host and no network.
const WIDTH = 600;
const HEIGHT = 600;
const CHARS_PER_LINE = 11;
const MAX_LINES = 4;

const escapeXml = (text: string) =>
  text.replace(/[<>&"']/g, (c) => ({ '<': '&lt;', '>': '&gt;', '&': '&amp;', '"': '&quot;', "'": '&apos;' })[c]!);

/** A stable hue per category: the same category always gets the same colour. */
function hueOf(text: string): number {
  let h = 0;
  for (const ch of text) h = (h * 31 + ch.codePointAt(0)!) % 360;
  return h;
}

/** Breaks a title into lines at spaces, cutting words longer than a line; at most MAX_LINES lines. */
function lines(title: string): string[] {
  const out: string[] = [];
  let line = '';
  for (const word of title.split(/\s+/).filter(Boolean)) {
    for (let rest = word; rest.length > 0; rest = rest.slice(CHARS_PER_LINE)) {
      const piece = rest.slice(0, CHARS_PER_LINE);
      if (line && line.length + 1 + piece.length > CHARS_PER_LINE) {
        out.push(line);
        line = piece;
      } else line = line ? `${line} ${piece}` : piece;
    }
  }
  if (line) out.push(line);
  return out.length > MAX_LINES ? [...out.slice(0, MAX_LINES - 1), `${out[MAX_LINES - 1]}…`] : out;
}

export function demoCardSvg(title: string, category: string): string {
  const hue = hueOf(category || title);
  const text = lines(title);
  const top = HEIGHT / 2 - ((text.length - 1) * 56) / 2 + 20;
  const rows = text.map((l, i) => `<text x="300" y="${top + i * 56}" font-size="46" font-weight="700" fill="#1d1d1f" text-anchor="middle">${escapeXml(l)}</text>`);
  return [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${WIDTH}" height="${HEIGHT}" viewBox="0 0 ${WIDTH} ${HEIGHT}" role="img" aria-label="${escapeXml(title)}">`,
    `<rect width="${WIDTH}" height="${HEIGHT}" fill="hsl(${hue} 70% 88%)"/>`,
    `<circle cx="480" cy="120" r="170" fill="hsl(${hue} 65% 78%)"/>`,
    `<rect x="40" y="40" rx="24" width="${Math.min(520, 40 + category.length * 30)}" height="56" fill="hsl(${hue} 55% 40%)"/>`,
    `<g font-family="'NanumGothic','Nanum Gothic','Noto Sans KR','Apple SD Gothic Neo','Malgun Gothic',sans-serif">`,
    `<text x="60" y="79" font-size="28" font-weight="700" fill="#fff">${escapeXml(category)}</text>`,
    ...rows,
    `<text x="300" y="560" font-size="22" fill="hsl(${hue} 40% 35%)" text-anchor="middle">UHOK DEMO</text>`,
    '</g></svg>',
  ].join('');
}

/** Where a demo card is served: `<base>/demo-images/card.svg?title=…&category=…`. */
export function demoImageUrl(baseUrl: string, title: string, category: string): string {
  return `${baseUrl}/demo-images/card.svg?${new URLSearchParams({ title, category }).toString()}`;
}
