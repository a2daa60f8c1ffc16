/**
 * What the reading layout shows around a page's own content, as pure functions: which header section a URL belongs
 * to, the "On this page" list, the breadcrumb trail, and the talks related to a talk. Templates pass plain data in.
 */
import type { Lang } from './schema.ts';
import type { Entry, Talk } from './model.ts';
import { bySchedule } from './schedule.ts';

/** The header's sections, in the order the header lists them. */
export const SECTIONS = ['conferences', 'speakers', 'tags', 'guides', 'search'] as const;
export type Section = (typeof SECTIONS)[number];

/**
 * The section a page belongs to, from its path under the base: /zh/speakers/x/ → speakers; a conference or a talk →
 * conferences; the home page and the 404 → none (the header then marks nothing).
 */
export function sectionOf(base: string, pathname: string): Section | undefined {
  const head = base.endsWith('/') ? base : `${base}/`;
  const rest = pathname.startsWith(head) ? pathname.slice(head.length) : pathname.replace(/^\/+/, '');
  const [lang, first] = rest.split('/');
  if (!['zh', 'en'].includes(lang) || !first || first.endsWith('.html')) return undefined;
  if (first === 'speakers' || first === 'tags' || first === 'guides' || first === 'search') return first;
  if (first === 'files' || first.includes('.')) return undefined;
  return 'conferences';
}

export interface TocEntry {
  /** The heading's id. */
  slug: string;
  text: string;
  /** `lang` of the text when it differs from the page's. */
  lang?: string;
}

/** A page is given a table of contents once it has this many sections (h2). */
export const TOC_MIN_SECTIONS = 3;

/** The table of contents a page shows: its h2 sections, or nothing when it has too few to need one. */
export function tableOfContents(sections: readonly TocEntry[]): TocEntry[] {
  const seen = new Set<string>();
  const unique = sections.filter((entry) => entry.slug && !seen.has(entry.slug) && seen.add(entry.slug));
  return unique.length >= TOC_MIN_SECTIONS ? unique : [];
}

/** One step of a breadcrumb trail; the last step is the page itself and has no link. */
export interface Crumb {
  label: string;
  href?: string;
  lang?: string;
}

export interface RelatedTalk {
  talk: Entry<Talk>;
  sharedSpeakers: string[];
  sharedTags: string[];
}

/**
 * The archive prepared once for relatedTalks: the talks in tie-break order (conference id, then schedule, then talk
 * id), and for each speaker and tag the positions of the talks naming it in that order, once per mention.
 */
interface RelatedIndex {
  ordered: Entry<Talk>[];
  bySpeaker: Map<string, number[]>;
  byTag: Map<string, number[]>;
  /** Answers already given, per talk and limit: every talk page asks in both languages. */
  answers: WeakMap<Entry<Talk>, Map<number, RelatedTalk[]>>;
  /** Scratch counts per position, all zero between calls. */
  people: Int32Array;
  topics: Int32Array;
}

const relatedIndexes = new WeakMap<readonly Entry<Talk>[], RelatedIndex>();

function relatedIndex(talks: readonly Entry<Talk>[]): RelatedIndex {
  let index = relatedIndexes.get(talks);
  if (index) return index;
  const ordered = [...talks].sort((a, b) => a.data.conference.localeCompare(b.data.conference) || bySchedule(a.data, b.data) || a.id.localeCompare(b.id));
  const bySpeaker = new Map<string, number[]>();
  const byTag = new Map<string, number[]>();
  const add = (map: Map<string, number[]>, key: string, position: number) => {
    const list = map.get(key);
    if (list) list.push(position);
    else map.set(key, [position]);
  };
  ordered.forEach((talk, position) => {
    for (const id of talk.data.speakers) add(bySpeaker, id, position);
    for (const id of talk.data.tags) add(byTag, id, position);
  });
  index = { ordered, bySpeaker, byTag, answers: new WeakMap(), people: new Int32Array(ordered.length), topics: new Int32Array(ordered.length) };
  relatedIndexes.set(talks, index);
  return index;
}

/**
 * Talks to read next: those sharing a speaker come first, then those sharing more tags; ties in schedule order.
 * Previous and next in the schedule are linked separately, so only topic and people count here.
 * Only talks that share something are looked at (through the archive's speaker and tag lists, built once), keeping
 * the best `limit`; sorting the whole archive for every talk page made the build grow with talks².
 */
export function relatedTalks(talks: readonly Entry<Talk>[], talk: Entry<Talk>, limit = 4): RelatedTalk[] {
  if (limit <= 0) return [];
  const index = relatedIndex(talks);
  let answers = index.answers.get(talk);
  if (!answers) index.answers.set(talk, (answers = new Map()));
  const known = answers.get(limit);
  if (known) return known;
  const { speakers, tags } = talk.data;
  // How many of this talk's speakers and tags each other talk names (counted as `filter(includes)` would).
  const { people, topics } = index;
  const touched: number[] = [];
  const count = (lists: Map<string, number[]>, ids: readonly string[], counts: Int32Array) => {
    for (const id of new Set(ids)) {
      for (const position of lists.get(id) ?? []) {
        if (people[position] === 0 && topics[position] === 0) touched.push(position);
        counts[position]++;
      }
    }
  };
  count(index.bySpeaker, speakers, people);
  count(index.byTag, tags, topics);
  // Best first: more people, then more topics, then earlier in tie-break order.
  const best: Array<{ position: number; people: number; topics: number }> = [];
  for (const position of touched) {
    const candidate = { position, people: people[position], topics: topics[position] };
    people[position] = 0;
    topics[position] = 0;
    const other = index.ordered[position];
    if (other.id === talk.id && other.data.conference === talk.data.conference) continue;
    const ahead = (than: (typeof best)[number]) =>
      candidate.people - than.people || candidate.topics - than.topics || than.position - candidate.position;
    if (best.length === limit && ahead(best[limit - 1]) <= 0) continue;
    let at = best.length;
    while (at > 0 && ahead(best[at - 1]) > 0) at--;
    best.splice(at, 0, candidate);
    if (best.length > limit) best.pop();
  }
  const related = best.map(({ position }) => {
    const other = index.ordered[position];
    return {
      talk: other,
      sharedSpeakers: other.data.speakers.filter((id) => speakers.includes(id)),
      sharedTags: other.data.tags.filter((id) => tags.includes(id)),
    };
  });
  answers.set(limit, related);
  return related;
}

/** A heading's id for a piece of template text (day headings and the like); Markdown headings get theirs from Astro. */
export const dayAnchor = (day: number): string => `day-${day}`;

/** The language a page's other official title is in. */
export const otherTitleLang = (lang: Lang): Lang => (lang === 'zh' ? 'en' : 'zh');

/**
 * The line under a talk page's h1 (the title in the page's language, shown once): the other language's title when
 * it differs, labeled by which of the two is official. `otherOfficial`: both are; `otherOurs`: the other is our
 * translation; `headingOurs`: the heading is ours and the other is the official one.
 */
export interface OtherTitle {
  title: string;
  lang: Lang;
  label: 'talk.otherOfficial' | 'talk.otherOurs' | 'talk.headingOurs';
}

export function otherTitle(talk: Pick<Talk, 'title' | 'translatedTitle'>, lang: Lang): OtherTitle | undefined {
  const other = otherTitleLang(lang);
  const title = talk.title[other];
  if (title === talk.title[lang]) return undefined;
  const label = talk.translatedTitle.includes(other) ? 'talk.otherOurs' : talk.translatedTitle.includes(lang) ? 'talk.headingOurs' : 'talk.otherOfficial';
  return { title, lang: other, label };
}
