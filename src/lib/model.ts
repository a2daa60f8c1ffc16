/**
 * The site's view of the content: pure functions from plain entries (references already resolved to ids) to what
 * pages show. Routes call `loadSite()` (src/data/site.ts) once and pass its result here.
 */
import type { Conference, Guide, Lang, Speaker, Tag, Talk } from './schema.ts';
import { SESSION_KINDS, SLOT_KINDS, SPONSOR_TIERS } from './schema.ts';
import { byDay, bySchedule, minutes, neighbours } from './schedule.ts';
import { otherLang, useTranslations, type UiKey } from './i18n.ts';

export interface Entry<T> {
  id: string;
  data: T;
}

const talksByConference = new WeakMap<readonly Entry<Talk>[], Map<string, Entry<Talk>[]>>();

/**
 * The talks of a conference in schedule order. Every talk page, calendar and card asks, so the archive is grouped by
 * conference once per list of talks (filtering the whole archive each time grew the build as talks²).
 */
export function talksOfConference(talks: readonly Entry<Talk>[], conference: string): Entry<Talk>[] {
  let groups = talksByConference.get(talks);
  if (!groups) {
    groups = new Map();
    for (const talk of talks) {
      const group = groups.get(talk.data.conference);
      if (group) group.push(talk);
      else groups.set(talk.data.conference, [talk]);
    }
    for (const group of groups.values()) group.sort((a, b) => bySchedule(a.data, b.data) || a.id.localeCompare(b.id));
    talksByConference.set(talks, groups);
  }
  return [...(groups.get(conference) ?? [])];
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

/** Previous and next talk of the same conference, in schedule order (talk ids are unique per conference). */
export function adjacentTalks(talks: readonly Entry<Talk>[], talk: Entry<Talk>) {
  const ordered = talksOfConference(talks, talk.data.conference);
  const index = ordered.findIndex((entry) => entry.id === talk.id);
  return index === -1 ? {} : neighbours(ordered, index);
}

export type TimelineItem =
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

/** The room of a timeline item, if it has one. */
export const roomOf = (item: TimelineItem): string | undefined => (item.type === 'talk' ? item.talk.data.room : item.slot.room);

/**
 * A day's items grouped into rows of sessions that run at the same time (parallel rooms). A row holds items whose
 * times overlap, directly or through another item of the row; inside a row, items follow the conference's room
 * order, so the same room keeps the same column.
 */
export function parallelRows(items: readonly TimelineItem[], rooms: readonly { id: string }[]) {
  const rank = (item: TimelineItem) => {
    const room = roomOf(item);
    const index = room === undefined ? -1 : rooms.findIndex((entry) => entry.id === room);
    return index === -1 && room !== undefined ? rooms.length : index;
  };
  const rows: Array<{ start: string; end: string; items: TimelineItem[] }> = [];
  for (const item of [...items].sort(bySchedule)) {
    const row = rows.at(-1);
    if (row && minutes(item.start) < minutes(row.end)) {
      row.items.push(item);
      if (minutes(item.end) > minutes(row.end)) row.end = item.end;
    } else {
      rows.push({ start: item.start, end: item.end, items: [item] });
    }
  }
  for (const row of rows) row.items.sort((a, b) => rank(a) - rank(b) || bySchedule(a, b));
  return rows;
}

/** A room's label in a language: the conference's bilingual name for it, or the id as written. */
export function roomLabel(conference: Conference, room: string | undefined, lang: Lang): string | undefined {
  if (room === undefined) return undefined;
  return conference.rooms.find((entry) => entry.id === room)?.name[lang] ?? room;
}

/** A day's heading: the conference's own name for it ("Training day"), or "Day N". */
export function dayName(conference: Conference, day: number, lang: Lang): string | undefined {
  return conference.days[day - 1]?.name?.[lang];
}

/** A session kind's label: the dictionary's for the common kinds, the conference's own for the others. */
export function kindLabel(conference: Conference, kind: string, lang: Lang): string {
  if ((SESSION_KINDS as readonly string[]).includes(kind)) return useTranslations(lang)(`kind.${kind}` as UiKey);
  return conference.kinds.find((entry) => entry.id === kind)?.name[lang] ?? kind;
}

/** Whether a kind is a slot without a review (a break, a meal), not a session with a talk page. */
export const isSlotKind = (kind: string): boolean => SLOT_KINDS.includes(kind);

/** A sponsor tier's label, like kindLabel. */
export function tierLabel(conference: Conference, tier: string, lang: Lang): string {
  if ((SPONSOR_TIERS as readonly string[]).includes(tier)) return useTranslations(lang)(`tier.${tier}` as UiKey);
  return conference.tiers.find((entry) => entry.id === tier)?.name[lang] ?? tier;
}

/** Sponsor tiers in the order the conference lists its sponsors (each tier where it first appears). */
export const sponsorTiers = (conference: Conference): string[] => [...new Set(conference.sponsors.map((sponsor) => sponsor.tier))];

/** The official titles of a talk, by language: the ones not marked as our translation. */
export const officialTitles = (talk: Talk) =>
  (['zh', 'en'] as const).filter((lang) => !talk.translatedTitle.includes(lang)).map((lang) => ({ lang, title: talk.title[lang] }));

/** The company a speaker gave a talk for at one conference (the first, when there are several). */
export const companyAt = (speaker: Speaker, conference: string, talk?: string) => companiesAt(speaker, conference, talk)[0];

/**
 * Every affiliation a speaker had at a conference, or for one talk of it: entries scoped to other talks
 * (`talks: [...]`) are left out.
 */
export const companiesAt = (speaker: Speaker, conference: string, talk?: string) =>
  speaker.companies.filter((company) => company.conference === conference && (!talk || !company.talks || company.talks.includes(talk)));

/** Talks per key (a speaker, a tag), each list in the order given. */
type TalkIndex = ReadonlyMap<string, readonly Entry<Talk>[]>;
const talkIndexes: Record<'speakers' | 'tags', WeakMap<readonly Entry<Talk>[], TalkIndex>> = { speakers: new WeakMap(), tags: new WeakMap() };

/**
 * Talks per speaker or tag, once per list of talks: every speaker and tag page and its Markdown twin asks, and building
 * the index for each of them grew the build as speakers × talks. The lists are shared, so they are read-only.
 */
function talksBy(ordered: readonly Entry<Talk>[], key: 'speakers' | 'tags'): TalkIndex {
  const cached = talkIndexes[key].get(ordered);
  if (cached) return cached;
  const index = new Map<string, Entry<Talk>[]>();
  for (const talk of ordered) {
    for (const value of talk.data[key]) {
      if (!index.has(value)) index.set(value, []);
      index.get(value)!.push(talk);
    }
  }
  talkIndexes[key].set(ordered, index);
  return index;
}

/** Talks per speaker, each list in schedule order. */
export const talksBySpeaker = (ordered: readonly Entry<Talk>[]): TalkIndex => talksBy(ordered, 'speakers');

/** Talks per tag, each list in schedule order. */
export const talksByTag = (ordered: readonly Entry<Talk>[]): TalkIndex => talksBy(ordered, 'tags');

/** Guides per tag, each list newest first. */
export function guidesByTag(guides: readonly Entry<Guide>[]): Map<string, Entry<Guide>[]> {
  const index = new Map<string, Entry<Guide>[]>();
  for (const guide of [...guides].sort((a, b) => b.data.published.localeCompare(a.data.published) || a.id.localeCompare(b.id))) {
    for (const tag of guide.data.tags) {
      if (!index.has(tag)) index.set(tag, []);
      index.get(tag)!.push(guide);
    }
  }
  return index;
}

/**
 * Tags with how many talks and guides use them, most used first, then by label in the page language. `guides`
 * defaults to none, for callers that count talks only.
 */
export function tagCounts(tags: readonly Entry<Tag>[], byTag: ReadonlyMap<string, readonly unknown[]>, lang: Lang, guides: ReadonlyMap<string, readonly unknown[]> = new Map()) {
  const collator = new Intl.Collator(lang === 'zh' ? 'zh-CN' : 'en');
  return tags
    .map((tag) => ({ tag, count: byTag.get(tag.id)?.length ?? 0, guideCount: guides.get(tag.id)?.length ?? 0 }))
    .sort((a, b) => b.count + b.guideCount - (a.count + a.guideCount) || collator.compare(a.tag.data.label[lang], b.tag.data.label[lang]));
}

export type Source = NonNullable<Conference['source']>;
export interface Credit {
  source: Source;
  /** How the credit line reads: the verdicts of a list, or a guide's method. */
  kind: 'list' | 'guide';
}

/**
 * The credits a list page owes (speaker and tag pages): one per original post whose words it shows, the talks'
 * through their conference's source, guides through their own. A post shown twice is credited once.
 */
export function creditsFor(talks: readonly Entry<Talk>[], guides: readonly Entry<Guide>[], conferences: readonly Entry<Conference>[]): Credit[] {
  const credits = new Map<string, Credit>();
  for (const talk of talks) {
    const source = conferences.find((conf) => conf.id === talk.data.conference)?.data.source;
    if (source && !credits.has(source.url)) credits.set(source.url, { source, kind: 'list' });
  }
  for (const guide of guides) {
    const source = guide.data.source;
    if (source && !credits.has(source.url)) credits.set(source.url, { source, kind: 'guide' });
  }
  return [...credits.values()];
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
