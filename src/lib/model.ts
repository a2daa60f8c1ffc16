/**
 * The site's view of the content: pure functions from plain entries (references already resolved to ids) to what
 * pages show. Routes call `loadSite()` (src/data/site.ts) once and pass its result here.
 */
import type { Conference, Guide, Lang, Speaker, Tag, Talk } from './schema.ts';
import { byDay, bySchedule, neighbours } from './schedule.ts';
import { otherLang } from './i18n.ts';

export interface Entry<T> {
  id: string;
  data: T;
}

export function talksOfConference(talks: readonly Entry<Talk>[], conference: string): Entry<Talk>[] {
  return talks.filter((talk) => talk.data.conference === conference).sort((a, b) => bySchedule(a.data, b.data) || a.id.localeCompare(b.id));
}

/** Every talk of the archive in schedule order: conferences by start date, then day and time. */
export function scheduleOrder(talks: readonly Entry<Talk>[], conferences: readonly Entry<Conference>[]): Entry<Talk>[] {
  const startOf = new Map(conferences.map((conf) => [conf.id, Date.parse(conf.data.start)]));
  return [...talks].sort(
    (a, b) =>
      (startOf.get(a.data.conference) ?? 0) - (startOf.get(b.data.conference) ?? 0) ||
      a.data.conference.localeCompare(b.data.conference) ||
      bySchedule(a.data, b.data) ||
      a.id.localeCompare(b.id),
  );
}

/** Previous and next talk of the same conference, in schedule order. */
export function adjacentTalks(talks: readonly Entry<Talk>[], id: string) {
  const talk = talks.find((entry) => entry.id === id);
  if (!talk) return {};
  const ordered = talksOfConference(talks, talk.data.conference);
  return neighbours(ordered, ordered.findIndex((entry) => entry.id === id));
}

type TimelineItem =
  | { type: 'talk'; day: number; start: string; end: string; talk: Entry<Talk> }
  | { type: 'slot'; day: number; start: string; end: string; slot: Conference['slots'][number] };

/** The schedule of a conference, day by day: talks and the other slots (breaks, party) in time order. */
export function timeline(conference: Entry<Conference>, talks: readonly Entry<Talk>[]) {
  const items: TimelineItem[] = [
    ...talksOfConference(talks, conference.id).map((talk) => ({ type: 'talk' as const, day: talk.data.day, start: talk.data.start, end: talk.data.end, talk })),
    ...conference.data.slots.map((slot) => ({ type: 'slot' as const, day: slot.day, start: slot.start, end: slot.end, slot })),
  ];
  return byDay(items);
}

/** The company a speaker gave a talk for at one conference. */
export const companyAt = (speaker: Speaker, conference: string) => speaker.companies.find((company) => company.conference === conference);

/** Talks per key (a speaker, a tag), each list in the order given. */
function talksBy(ordered: readonly Entry<Talk>[], keys: (talk: Talk) => readonly string[]): Map<string, Entry<Talk>[]> {
  const index = new Map<string, Entry<Talk>[]>();
  for (const talk of ordered) {
    for (const key of keys(talk.data)) {
      if (!index.has(key)) index.set(key, []);
      index.get(key)!.push(talk);
    }
  }
  return index;
}

/** Talks per speaker, each list in schedule order. */
export const talksBySpeaker = (ordered: readonly Entry<Talk>[]): Map<string, Entry<Talk>[]> => talksBy(ordered, (talk) => talk.speakers);

/** Talks per tag, each list in schedule order. */
export const talksByTag = (ordered: readonly Entry<Talk>[]): Map<string, Entry<Talk>[]> => talksBy(ordered, (talk) => talk.tags);

/** Tags with how many talks use them, most used first, then by label in the page language. */
export function tagCounts(tags: readonly Entry<Tag>[], byTag: Map<string, unknown[]>, lang: Lang) {
  const collator = new Intl.Collator(lang === 'zh' ? 'zh-CN' : 'en');
  return tags
    .map((tag) => ({ tag, count: byTag.get(tag.id)?.length ?? 0 }))
    .sort((a, b) => b.count - a.count || collator.compare(a.tag.data.label[lang], b.tag.data.label[lang]));
}

/** Speakers sorted for an index page: by pinyin/romanization, so 陈辉 and Dave Cheney sort together. */
export function sortSpeakers(speakers: readonly Entry<Speaker>[]): Entry<Speaker>[] {
  const key = (speaker: Entry<Speaker>) => (speaker.data.romanization ?? speaker.data.name.en).toLowerCase();
  return [...speakers].sort((a, b) => key(a).localeCompare(key(b), 'en'));
}

/** The other names a speaker is known by, for a page in `lang`: the name in the other language, the romanization, aliases. */
export function otherNames(speaker: Speaker, lang: Lang): string[] {
  const name = speaker.name[lang];
  return [...new Set([speaker.name[otherLang(lang)], speaker.romanization, ...speaker.aliases])].filter((alias): alias is string => Boolean(alias) && alias !== name);
}

/** A conference's name in a language, or its id when no such conference is loaded. */
export const conferenceName = (conferences: readonly Entry<Conference>[], id: string, lang: Lang): string =>
  conferences.find((conf) => conf.id === id)?.data.name[lang] ?? id;

/** Whether an entry has text in a language, given its `untranslated` list. */
export const hasLanguage = (entry: { untranslated: readonly Lang[] }, lang: Lang): boolean => !entry.untranslated.includes(lang);

export type { Conference, Guide, Speaker, Tag, Talk };
