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
 * Talks to read next: those sharing a speaker come first, then those sharing more tags; ties in schedule order.
 * Previous and next in the schedule are linked separately, so only topic and people count here.
 */
export function relatedTalks(talks: readonly Entry<Talk>[], talk: Entry<Talk>, limit = 4): RelatedTalk[] {
  return talks
    .filter((other) => other.id !== talk.id || other.data.conference !== talk.data.conference)
    .map((other) => ({
      talk: other,
      sharedSpeakers: other.data.speakers.filter((id) => talk.data.speakers.includes(id)),
      sharedTags: other.data.tags.filter((id) => talk.data.tags.includes(id)),
    }))
    .filter((entry) => entry.sharedSpeakers.length > 0 || entry.sharedTags.length > 0)
    .sort(
      (a, b) =>
        b.sharedSpeakers.length - a.sharedSpeakers.length ||
        b.sharedTags.length - a.sharedTags.length ||
        a.talk.data.conference.localeCompare(b.talk.data.conference) ||
        bySchedule(a.talk.data, b.talk.data) ||
        a.talk.id.localeCompare(b.talk.id),
    )
    .slice(0, limit);
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
