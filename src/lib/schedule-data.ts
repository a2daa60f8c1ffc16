/**
 * The schedule for other tools, in the two formats conference software speaks: the c3voc `schedule.json` (what
 * frab and pretalx export; schema at c3voc.de/schedule/schema.json) and the frab/pentabarf `schedule.xml` (XSD at
 * c3voc.de/schedule/schema.xsd). Both are written from the same session list (src/lib/program.ts) and are held to
 * the schemas strictly in tests/schedule-exports.test.ts.
 */
import type { Conference, Lang } from './schema.ts';
import type { Session } from './program.ts';
import { dateTimeAt, scheduleDays, uuidV5 } from './program.ts';
import { minutes } from './schedule.ts';

export interface ScheduleDataInput {
  conference: Conference;
  conferenceId: string;
  lang: Lang;
  sessions: readonly Session[];
  /** Absolute URLs of the conference page and of this file. */
  conferenceUrl: string;
  selfUrl: string;
  /** The label of the room a session for everyone (a break across rooms) is filed under. */
  everyone: string;
}

/** c3voc acronyms are lowercase letters, digits and underscores (hyphens only in a "-2024-x" tail). */
export const acronymOf = (id: string): string => id.replace(/-/g, '_');

const duration = (session: Session) => {
  const total = minutes(session.end) - minutes(session.start);
  return `${String(Math.floor(total / 60)).padStart(2, '0')}:${String(total % 60).padStart(2, '0')}`;
};

/** The c3voc/frab `slug`: acronym, a hyphen, the session key in lowercase letters, digits and underscores. */
const slugOf = (conferenceId: string, session: Session) => `${acronymOf(conferenceId)}-${session.key.replace(/-/g, '_').padEnd(4, '0')}`;

/** A version string that changes whenever the exported facts do (a short hash of them), stable otherwise. */
function versionOf(sessions: readonly Session[]): string {
  const text = JSON.stringify(sessions);
  let hash = 0x811c9dc5;
  for (let index = 0; index < text.length; index++) hash = Math.imul(hash ^ text.charCodeAt(index), 0x01000193) >>> 0;
  return hash.toString(16).padStart(8, '0');
}

/** Rooms as the schedule lists them: the conference's rooms in order, then "everyone" if a session needs it. */
function roomsOf(input: ScheduleDataInput): string[] {
  const names = [...new Set(input.sessions.map((session) => session.room ?? input.everyone))];
  return names;
}

function dayBounds(input: ScheduleDataInput, date: string, sessions: readonly Session[]) {
  if (sessions.length === 0) return { start: dateTimeAt(input.conference, date, '00:00'), end: dateTimeAt(input.conference, date, '23:59') };
  const start = sessions.reduce((first, session) => (minutes(session.start) < minutes(first) ? session.start : first), sessions[0].start);
  const end = sessions.reduce((last, session) => (minutes(session.end) > minutes(last) ? session.end : last), sessions[0].end);
  return { start: dateTimeAt(input.conference, date, start), end: dateTimeAt(input.conference, date, end) };
}

const roomGuid = (input: ScheduleDataInput, name: string) => uuidV5(`${input.conferenceId}/room/${name}`);

/** schedule.json in the c3voc format, as an object ready for JSON.stringify. */
export function c3vocSchedule(input: ScheduleDataInput) {
  const { conference, sessions, lang } = input;
  const days = scheduleDays(conference);
  const rooms = roomsOf(input);
  return {
    $schema: 'https://c3voc.de/schedule/schema.json',
    generator: { name: 'confnotes' },
    schedule: {
      version: versionOf(sessions),
      base_url: input.conferenceUrl,
      conference: {
        acronym: acronymOf(input.conferenceId),
        title: conference.name[lang],
        start: conference.start,
        end: conference.end,
        daysCount: days.length,
        timeslot_duration: '00:05',
        ...(conference.timezone ? { time_zone_name: conference.timezone } : {}),
        url: input.conferenceUrl,
        rooms: rooms.map((name) => ({ name, guid: roomGuid(input, name) })),
        days: days.map((day) => {
          const ofDay = sessions.filter((session) => session.day === day.index);
          const bounds = dayBounds(input, day.date, ofDay);
          return {
            index: day.index,
            date: day.date,
            day_start: bounds.start,
            day_end: bounds.end,
            rooms: Object.fromEntries(
              rooms
                .map((room) => [room, ofDay.filter((session) => (session.room ?? input.everyone) === room)] as const)
                .filter(([, list]) => list.length > 0)
                .map(([room, list]) => [
                  room,
                  list.map((session) => ({
                    guid: session.guid,
                    id: session.number,
                    date: dateTimeAt(conference, session.date, session.start),
                    start: session.start,
                    end: dateTimeAt(conference, session.date, session.end),
                    duration: duration(session),
                    room,
                    slug: slugOf(input.conferenceId, session),
                    url: session.url,
                    title: session.title,
                    subtitle: '',
                    track: session.tags[0] ?? null,
                    type: session.kind,
                    language: lang,
                    abstract: session.abstract ?? '',
                    description: null,
                    persons: session.speakers.map((speaker) => ({ name: speaker.name })),
                    links: session.slides ? [{ type: 'slides', url: session.slides, title: session.slides.split('/').at(-1)! }] : [],
                  })),
                ]),
            ),
          };
        }),
      },
    },
  };
}

const escapeXml = (value: string) => value.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
const element = (name: string, value: string) => `<${name}>${escapeXml(value)}</${name}>`;

/** schedule.xml in the frab/pentabarf format (c3voc XSD). */
export function frabScheduleXml(input: ScheduleDataInput): string {
  const { conference, sessions, lang } = input;
  const days = scheduleDays(conference);
  const rooms = roomsOf(input);
  const out: string[] = ['<?xml version="1.0" encoding="UTF-8"?>', '<schedule>', '  <generator name="confnotes"/>'];
  out.push(`  ${element('url', input.selfUrl)}`, `  ${element('version', versionOf(sessions))}`, '  <conference>');
  out.push(
    `    ${element('title', conference.name[lang])}`,
    `    ${element('acronym', acronymOf(input.conferenceId))}`,
    `    ${element('start', conference.start)}`,
    `    ${element('end', conference.end)}`,
    `    ${element('days', String(days.length))}`,
    `    ${element('timeslot_duration', '00:05')}`,
    `    ${element('base_url', input.conferenceUrl)}`,
    `    ${element('url', input.conferenceUrl)}`,
    ...(conference.timezone ? [`    ${element('time_zone_name', conference.timezone)}`] : []),
    '  </conference>',
  );
  for (const day of days) {
    const ofDay = sessions.filter((session) => session.day === day.index);
    const bounds = dayBounds(input, day.date, ofDay);
    out.push(`  <day index="${day.index}" date="${day.date}" start="${bounds.start}" end="${bounds.end}">`);
    for (const room of rooms) {
      const list = ofDay.filter((session) => (session.room ?? input.everyone) === room);
      if (list.length === 0) continue;
      out.push(`    <room name="${escapeXml(room)}" guid="${roomGuid(input, room)}">`);
      for (const session of list) {
        out.push(
          `      <event guid="${session.guid}" id="${session.number}">`,
          `        ${element('room', room)}`,
          `        ${element('title', session.title)}`,
          `        ${element('subtitle', '')}`,
          `        ${element('type', session.kind)}`,
          `        ${element('date', dateTimeAt(conference, session.date, session.start))}`,
          `        ${element('start', session.start)}`,
          `        ${element('duration', duration(session))}`,
          `        ${element('abstract', session.abstract ?? '')}`,
          `        ${element('slug', slugOf(input.conferenceId, session))}`,
          `        ${element('track', session.tags[0] ?? '')}`,
          `        ${element('language', lang)}`,
          '        <persons>',
          ...session.speakers.map((speaker) => `          ${element('person', speaker.name)}`),
          '        </persons>',
          '        <links>',
          ...(session.slides ? [`          <link href="${escapeXml(session.slides)}" type="slides">${escapeXml(session.slides.split('/').at(-1)!)}</link>`] : []),
          '        </links>',
          `        ${element('url', session.url)}`,
          '      </event>',
        );
      }
      out.push('    </room>');
    }
    out.push('  </day>');
  }
  out.push('</schedule>', '');
  return out.join('\n');
}
