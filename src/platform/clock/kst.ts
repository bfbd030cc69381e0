// Korea Standard Time (Asia/Seoul, UTC+9, no daylight saving): the contract shows local times and dates in KST
// whatever the server's own time zone, so they are computed from the instant, never from the process's TZ.
const KST_OFFSET_MS = 9 * 3600_000;

/** 'YYYY-MM-DDTHH:MM:SS' wall-clock time in KST. */
export function kstDateTime(instant: Date): string {
  return new Date(instant.getTime() + KST_OFFSET_MS).toISOString().slice(0, 19);
}


/** 'YYYY-MM-DD' calendar day in KST. */
export function kstDate(instant: Date): string {
  return kstDateTime(instant).slice(0, 10);
}

/** The calendar day `days` after a 'YYYY-MM-DD' day (negative: before); pure date arithmetic, no time zone. */
export function shiftDate(day: string, days: number): string {
  const at = new Date(`${day}T00:00:00Z`);
  at.setUTCDate(at.getUTCDate() + days);
  return at.toISOString().slice(0, 10);
}
