/**
 * A conference's program as the exports see it: every session (talks and the other slots) with its facts in one
 * language, absolute URLs and stable identifiers. schedule.json, schedule.xml and the calendars are all written
 * from this one list (src/lib/schedule-data.ts, src/lib/calendar.ts), so they cannot disagree.
 */
import { createHash } from 'node:crypto';
import type { Conference, Lang, Speaker, Tag, Talk } from './schema.ts';
import type { Entry } from './model.ts';
import { companiesAt, kindLabel, roomLabel, talksOfConference } from './model.ts';
import { dayCount, dayDate, minutes, offsetOf } from './schedule.ts';
import { localizedUrl } from './paths.ts';
import { joinList } from './i18n.ts';

export interface Session {
  /** Stable within the conference: the talk id, or kind, day, time and room of a slot. */
  key: string;
  /** RFC 4122 version 5 UUID from the conference id and `key`: the same in every language and every build. */
  guid: string;
  /** A positive integer from the guid, for formats that still want a numeric id (frab's `id`). */
  number: number;
  kind: string;
  kindLabel: string;
  day: number;
  date: string;
  start: string;
  end: string;
  /** The room's label in this language, or undefined for a session that is for everyone. */
  room?: string;
  title: string;
  speakers: Array<{ name: string; companies: string[] }>;
  /** The review's verdict, when the session is a talk with a review. */
  abstract?: string;
  url: string;
  slides?: string;
  tags: string[];
}

export interface ProgramInput {
  conference: Entry<Conference>;
  talks: readonly Entry<Talk>[];
  speakers: readonly Entry<Speaker>[];
  tags: readonly Entry<Tag>[];
  lang: Lang;
  base: string;
  origin: string;
  verdict: (talk: Entry<Talk>) => string | undefined;
}

/** A fixed namespace for confnotes' version 5 UUIDs (itself a v5 UUID of "confnotes" in the URL namespace). */
const NAMESPACE = '3c1f0f4e-4f57-5b0b-9a1f-6b9c1a2f3e4d';

/** RFC 4122 section 4.3: SHA-1 over namespace bytes and name, version and variant bits set. */
export function uuidV5(name: string, namespace = NAMESPACE): string {
  const ns = Buffer.from(namespace.replace(/-/g, ''), 'hex');
  const hash = createHash('sha1').update(ns).update(name, 'utf8').digest();
  hash[6] = (hash[6] & 0x0f) | 0x50;
  hash[8] = (hash[8] & 0x3f) | 0x80;
  const hex = hash.subarray(0, 16).toString('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

const absolute = (origin: string, path: string) => new URL(path, origin).href;

/** Every session of a conference in one language, in schedule order (day, start, room). */
export function programOf(input: ProgramInput): Session[] {
  const { conference, lang, base, origin } = input;
  const conf = conference.data;
  const conferenceUrl = absolute(origin, localizedUrl(base, lang, { kind: 'conference', conference: conference.id }));
  const roomRank = (room?: string) => (room === undefined ? -1 : conf.rooms.findIndex((entry) => entry.id === room));
  const sessions: Array<Session & { rank: number }> = [];
  const identify = (key: string) => {
    const guid = uuidV5(`${conference.id}/${key}`);
    return { key, guid, number: Number.parseInt(guid.slice(0, 7), 16) + 1 };
  };
  for (const talk of talksOfConference(input.talks, conference.id)) {
    const data = talk.data;
    sessions.push({
      ...identify(talk.id),
      kind: data.kind,
      kindLabel: kindLabel(conf, data.kind, lang),
      day: data.day,
      date: dayDate(conf, data.day),
      start: data.start,
      end: data.end,
      room: roomLabel(conf, data.room, lang),
      title: data.title[lang],
      speakers: data.speakers.map((id) => {
        const speaker = input.speakers.find((entry) => entry.id === id);
        return { name: speaker?.data.name[lang] ?? id, companies: speaker ? companiesAt(speaker.data, conference.id, talk.id).map((company) => company.name[lang]) : [] };
      }),
      abstract: input.verdict(talk),
      url: absolute(origin, localizedUrl(base, lang, { kind: 'talk', conference: conference.id, talk: talk.id })),
      slides: data.slides,
      tags: data.tags.map((id) => input.tags.find((tag) => tag.id === id)?.data.label[lang] ?? id),
      rank: roomRank(data.room),
    });
  }
  for (const slot of conf.slots) {
    const title = slot.title ? `${kindLabel(conf, slot.kind, lang)}${lang === 'zh' ? '：' : ': '}${slot.title[lang]}` : kindLabel(conf, slot.kind, lang);
    sessions.push({
      ...identify(`${slot.kind}-${slot.day}-${slot.start.replace(':', '')}${slot.room ? `-${slot.room}` : ''}`),
      kind: slot.kind,
      kindLabel: kindLabel(conf, slot.kind, lang),
      day: slot.day,
      date: dayDate(conf, slot.day),
      start: slot.start,
      end: slot.end,
      room: roomLabel(conf, slot.room, lang),
      title,
      speakers: [],
      url: `${conferenceUrl}#day-${slot.day}`,
      tags: [],
      rank: roomRank(slot.room),
    });
  }
  const numbers = new Map<number, string>();
  for (const session of sessions) {
    const clash = numbers.get(session.number);
    if (clash) throw new Error(`${conference.id}: sessions "${clash}" and "${session.key}" hash to the same number; rename one`);
    numbers.set(session.number, session.key);
  }
  return sessions
    .sort((a, b) => a.day - b.day || minutes(a.start) - minutes(b.start) || a.rank - b.rank || a.key.localeCompare(b.key))
    .map(({ rank: _rank, ...session }) => session);
}

/** "2016-04-16T09:10:00+08:00": a local date and time in the conference's offset, with seconds (RFC 3339). */
export const dateTimeAt = (conference: Conference, date: string, clock: string): string => `${date}T${clock}:00${offsetOf(conference.start)}`;

/** The days of the schedule with their dates, even days with no sessions. */
export const scheduleDays = (conference: Conference) =>
  Array.from({ length: dayCount(conference) }, (_, index) => ({ index: index + 1, date: dayDate(conference, index + 1) }));

/** "陈辉（蚂蚁金服）、刘奇" for a description line. */
export const speakerLine = (session: Session, lang: Lang): string =>
  joinList(
    lang,
    session.speakers.map((speaker) =>
      speaker.companies.length === 0 ? speaker.name : lang === 'zh' ? `${speaker.name}（${joinList(lang, speaker.companies)}）` : `${speaker.name} (${joinList(lang, speaker.companies)})`,
    ),
  );
