// Home-shopping benchmark scenarios (servers target, real broadcast CSV imported): the schedule of the busiest day
// (cached) and one broadcast's product page, anonymous and logged in.
import type { BenchEnv, Scenario } from './types.js';

interface ScheduleItem {
  live_id: number;
  live_date: string | null;
}

/** Picks the day with the most food broadcasts and one of its broadcasts; fills the schedule cache once. */
export async function prepareHomeshopping(env: BenchEnv): Promise<Scenario[]> {
  const all = (await (await fetch(`${env.baseUrl}/api/homeshopping/schedule`)).json()) as { schedules: ScheduleItem[] };
  const perDay = new Map<string, ScheduleItem[]>();
  for (const s of all.schedules) if (s.live_date) perDay.set(s.live_date, [...(perDay.get(s.live_date) ?? []), s]);
  const [day, slots] = [...perDay.entries()].sort((a, b) => b[1].length - a[1].length)[0] ?? [];
  if (!day) throw new Error('no home-shopping schedule: import the broadcast CSV first');
  const schedule = `/api/homeshopping/schedule?live_date=${day}`;
  await fetch(env.baseUrl + schedule);
  const liveId = slots[Math.floor(slots.length / 2)].live_id;
  const auth = { authorization: `Bearer ${env.token}` };
  return [
    { name: `hs schedule ${day} (${slots.length} slots, cached)`, path: schedule },
    { name: 'hs schedule (logged in)', path: schedule, headers: auth },
    { name: 'hs product detail', path: `/api/homeshopping/product/${liveId}` },
    { name: 'hs product detail (logged in)', path: `/api/homeshopping/product/${liveId}`, headers: auth },
  ];
}
