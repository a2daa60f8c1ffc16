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
  /** The conference's own list of days (dates, names); when given, it decides the count and each day's date. */
  days?: ReadonlyArray<{ date: string }>;
}

/** Number of days of the schedule: the conference's own list, or every calendar day from start to end. */
export function dayCount(conference: ConferenceDates): number {
  if (conference.days && conference.days.length > 0) return conference.days.length;
  const start = Date.parse(`${conference.start.slice(0, 10)}T00:00:00Z`);
  const end = Date.parse(`${conference.end.slice(0, 10)}T00:00:00Z`);
  return Math.round((end - start) / 86_400_000) + 1;
}

/** The calendar date of day N (1-based). */
export const dayDate = (conference: ConferenceDates, day: number): string =>
  conference.days?.[day - 1]?.date ?? addDays(conference.start, day - 1);

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

/** Minutes east of UTC of an offset "+08:00". */
export const offsetMinutes = (offset: string): number => {
  const match = /^([+-])(\d{2}):(\d{2})$/.exec(offset);
  if (!match) return 0;
  return (match[1] === '-' ? -1 : 1) * (Number(match[2]) * 60 + Number(match[3]));
};

/** "+08:00" from minutes east of UTC. */
export const formatOffset = (total: number): string => {
  const sign = total < 0 ? '-' : '+';
  const abs = Math.abs(total);
  return `${sign}${String(Math.floor(abs / 60)).padStart(2, '0')}:${String(abs % 60).padStart(2, '0')}`;
};

/** The UTC offset of an IANA zone at an instant (ms since the epoch), in minutes east of UTC. */
export function zoneOffsetAt(timeZone: string, instant: number): number {
  const parts = new Intl.DateTimeFormat('en-US', {
    timeZone,
    hourCycle: 'h23',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    second: '2-digit',
  }).formatToParts(new Date(instant));
  const get = (type: string) => Number(parts.find((part) => part.type === type)!.value);
  const asUtc = Date.UTC(get('year'), get('month') - 1, get('day'), get('hour'), get('minute'), get('second'));
  return Math.round((asUtc - Math.floor(instant / 1000) * 1000) / 60_000);
}

/** The instant (ms) of a local date and clock time at a fixed offset. */
export const instantAt = (date: string, clock: string, offset: string): number =>
  Date.parse(`${date}T${clock}:00Z`) - offsetMinutes(offset) * 60_000;
