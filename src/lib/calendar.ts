/**
 * iCalendar (RFC 5545) for a conference's sessions: one file of all sessions per language, one per talk.
 * - UIDs come from the session's v5 UUID, so they are the same in every build and every language.
 * - Times are local with TZID; the VTIMEZONE is computed from the conference's IANA zone for its year (Intl knows
 *   the rules), or is a fixed offset when the conference gives none.
 * - DTSTAMP comes from the content (the source post's date, else the conference's end), never the clock, so two
 *   builds are byte-identical.
 * - Lines end in CRLF and are folded at 75 octets without splitting a UTF-8 character.
 */
import type { Conference, Lang } from './schema.ts';
import type { Session } from './program.ts';
import { speakerLine } from './program.ts';
import { formatOffset, offsetMinutes, offsetOf, zoneOffsetAt } from './schedule.ts';

/** "Asia/Shanghai (UTC+08:00)", or "UTC+08:00" when the conference names no zone. */
export function zoneLabel(conference: Conference): string {
  const offset = `UTC${offsetOf(conference.start)}`;
  return conference.timezone ? `${conference.timezone} (${offset})` : offset;
}

/** The TZID the calendars use: the IANA name, or "UTC+08:00" for a bare offset. */
export const tzid = (conference: Conference): string => conference.timezone ?? `UTC${offsetOf(conference.start)}`;

/** TEXT value escaping (RFC 5545 3.3.11). */
export const escapeText = (value: string): string =>
  value.replace(/\\/g, '\\\\').replace(/;/g, '\\;').replace(/,/g, '\\,').replace(/\r?\n/g, '\\n');

/** Folds a content line at 75 octets (RFC 5545 3.1), never inside a UTF-8 sequence. */
export function foldLine(line: string): string {
  const out: string[] = [];
  let current = '';
  let octets = 0;
  for (const char of line) {
    const size = Buffer.byteLength(char, 'utf8');
    const limit = out.length === 0 ? 75 : 74;
    if (octets + size > limit) {
      out.push(current);
      current = '';
      octets = 0;
    }
    current += char;
    octets += size;
  }
  out.push(current);
  return out.join('\r\n ');
}

const compactOffset = (minutes: number) => formatOffset(minutes).replace(':', '');
const localStamp = (date: string, clock: string) => `${date.replace(/-/g, '')}T${clock.replace(':', '')}00`;

/** UTC "YYYYMMDDTHHMMSS" of a local wall time in minutes. */
function wallStamp(instant: number, offset: number): string {
  const wall = new Date(instant + offset * 60_000).toISOString();
  return `${wall.slice(0, 4)}${wall.slice(5, 7)}${wall.slice(8, 10)}T${wall.slice(11, 13)}${wall.slice(14, 16)}${wall.slice(17, 19)}`;
}

/**
 * The VTIMEZONE lines for the conference's year: an observance for the offset in force on 1 January, plus one per
 * transition of that year (found by scanning Intl's offsets, then narrowing to the minute).
 */
export function vtimezone(conference: Conference): string[] {
  if (!conference.timezone) {
    const offset = compactOffset(offsetMinutes(offsetOf(conference.start)));
    return ['BEGIN:VTIMEZONE', `TZID:${tzid(conference)}`, 'BEGIN:STANDARD', 'DTSTART:19700101T000000', `TZOFFSETFROM:${offset}`, `TZOFFSETTO:${offset}`, 'END:STANDARD', 'END:VTIMEZONE'];
  }
  const zone = conference.timezone;
  const year = Number(conference.start.slice(0, 4));
  const from = Date.UTC(year, 0, 1);
  const to = Date.UTC(year + 1, 0, 1);
  const transitions: Array<{ at: number; before: number; after: number }> = [];
  const step = 6 * 3_600_000;
  let previous = zoneOffsetAt(zone, from);
  for (let at = from + step; at <= to; at += step) {
    const offset = zoneOffsetAt(zone, at);
    if (offset === previous) continue;
    let low = at - step;
    let high = at;
    while (high - low > 60_000) {
      const middle = low + Math.floor((high - low) / 120_000) * 60_000;
      if (zoneOffsetAt(zone, middle) === previous) low = middle;
      else high = middle;
    }
    transitions.push({ at: high, before: previous, after: offset });
    previous = offset;
  }
  const initial = zoneOffsetAt(zone, from);
  const standard = Math.min(initial, ...transitions.map((transition) => transition.after));
  const observance = (type: string, start: string, before: number, after: number) => [
    `BEGIN:${type}`,
    `DTSTART:${start}`,
    `TZOFFSETFROM:${compactOffset(before)}`,
    `TZOFFSETTO:${compactOffset(after)}`,
    `END:${type}`,
  ];
  return [
    'BEGIN:VTIMEZONE',
    `TZID:${zone}`,
    ...observance(initial > standard ? 'DAYLIGHT' : 'STANDARD', '19700101T000000', initial, initial),
    ...transitions.flatMap((transition) =>
      observance(transition.after > standard ? 'DAYLIGHT' : 'STANDARD', wallStamp(transition.at, transition.before), transition.before, transition.after),
    ),
    'END:VTIMEZONE',
  ];
}

/** DTSTAMP from the content: the source post's date, else the conference's last day, at 00:00 UTC. */
export const contentStamp = (conference: Conference): string =>
  `${(conference.source?.published ?? conference.end.slice(0, 10)).replace(/-/g, '')}T000000Z`;

export interface CalendarInput {
  conference: Conference;
  conferenceId: string;
  /** The calendar's display name (X-WR-CALNAME). */
  name: string;
  lang: Lang;
  sessions: readonly Session[];
  /** The domain part of UIDs: the site's host. */
  host: string;
  /** The venue in this language, for LOCATION. */
  venue: string;
}

/** One VCALENDAR of the given sessions, as a string with CRLF line ends. */
export function icalendar(input: CalendarInput): string {
  const { conference, sessions, lang } = input;
  const zone = tzid(conference);
  const stamp = contentStamp(conference);
  const lines = [
    'BEGIN:VCALENDAR',
    'VERSION:2.0',
    'PRODID:-//confnotes//schedule//EN',
    'CALSCALE:GREGORIAN',
    'METHOD:PUBLISH',
    `X-WR-CALNAME:${escapeText(input.name)}`,
    `X-WR-TIMEZONE:${zone}`,
    ...vtimezone(conference),
    ...sessions.flatMap((session) => {
      const people = speakerLine(session, lang);
      const description = [people, session.abstract, session.url].filter(Boolean).join('\n');
      return [
        'BEGIN:VEVENT',
        `UID:${session.guid}@${input.host}`,
        `DTSTAMP:${stamp}`,
        `DTSTART;TZID=${zone}:${localStamp(session.date, session.start)}`,
        `DTEND;TZID=${zone}:${localStamp(session.date, session.end)}`,
        `SUMMARY:${escapeText(session.title)}`,
        `LOCATION:${escapeText(session.room ? `${session.room}${lang === 'zh' ? '，' : ', '}${input.venue}` : input.venue)}`,
        `DESCRIPTION:${escapeText(description)}`,
        `CATEGORIES:${escapeText(session.kindLabel)}`,
        `URL:${session.url}`,
        'END:VEVENT',
      ];
    }),
    'END:VCALENDAR',
  ];
  return lines.map(foldLine).join('\r\n') + '\r\n';
}
