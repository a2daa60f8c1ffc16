/** Schedule arithmetic: days, clock times and the order of talks. Times are local to the conference. */

export const minutes = (clock: string): number => {
  const [h, m] = clock.split(':').map(Number);
  return h * 60 + m;
};

/** The offset ("+08:00") of an ISO date-time string. */
export const offsetOf = (iso: string): string => iso.match(/([+-]\d{2}:\d{2})$/)?.[1] ?? '+00:00';

/** Adds whole days to a calendar date "YYYY-MM-DD" without touching time zones. */
export function addDays(isoDate: string, days: number): string {
  const date = new Date(`${isoDate.slice(0, 10)}T00:00:00Z`);
  date.setUTCDate(date.getUTCDate() + days);
  return date.toISOString().slice(0, 10);
}

export interface ConferenceDates {
  start: string;
  end: string;
}

/** Number of calendar days the conference spans, counting both ends. */
export function dayCount(conference: ConferenceDates): number {
  const start = Date.parse(`${conference.start.slice(0, 10)}T00:00:00Z`);
  const end = Date.parse(`${conference.end.slice(0, 10)}T00:00:00Z`);
  return Math.round((end - start) / 86_400_000) + 1;
}

/** The calendar date of day N (1-based). */
export const dayDate = (conference: ConferenceDates, day: number): string => addDays(conference.start, day - 1);

/** A machine-readable date-time for day N at a clock time, in the conference's offset, for `<time datetime>`. */
export const isoAt = (conference: ConferenceDates, day: number, clock: string): string =>
  `${dayDate(conference, day)}T${clock}${offsetOf(conference.start)}`;

export interface Timed {
  day: number;
  start: string;
  end: string;
}

export const bySchedule = <T extends Timed>(a: T, b: T): number =>
  a.day - b.day || minutes(a.start) - minutes(b.start) || minutes(a.end) - minutes(b.end);

/** Whether two slots of the same day overlap in time (touching ends do not overlap). */
export const overlaps = (a: Timed, b: Timed): boolean =>
  a.day === b.day && minutes(a.start) < minutes(b.end) && minutes(b.start) < minutes(a.end);

/** The neighbours of an item in a list already in schedule order. */
export function neighbours<T>(ordered: readonly T[], index: number): { prev?: T; next?: T } {
  return { prev: index > 0 ? ordered[index - 1] : undefined, next: index >= 0 ? ordered[index + 1] : undefined };
}

/** Groups items by day, days ascending, each day in schedule order. */
export function byDay<T extends Timed>(items: readonly T[]): Array<{ day: number; items: T[] }> {
  const days = new Map<number, T[]>();
  for (const item of [...items].sort(bySchedule)) {
    if (!days.has(item.day)) days.set(item.day, []);
    days.get(item.day)!.push(item);
  }
  return [...days.entries()].sort(([a], [b]) => a - b).map(([day, dayItems]) => ({ day, items: dayItems }));
}
