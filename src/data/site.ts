/**
 * Loads every collection once per build and resolves Astro references to plain ids, so everything downstream
 * works on the plain types of src/lib/schema.ts.
 */
import { getCollection, type CollectionEntry } from 'astro:content';
import { LANGS, type Conference, type Guide, type Lang, type Speaker, type Tag, type Talk } from '../lib/schema.ts';
import type { Entry } from '../lib/model.ts';
import { scheduleOrder } from '../lib/model.ts';
import { pageTable, textLanguage, type SitePage } from '../lib/pages.ts';

const refId = (ref: { id: string } | string): string => (typeof ref === 'string' ? ref : ref.id);

export interface Site {
  conferences: Entry<Conference>[];
  talks: Entry<Talk>[];
  speakers: Entry<Speaker>[];
  tags: Entry<Tag>[];
  guides: Entry<Guide>[];
  reviews: Map<string, CollectionEntry<'reviews'>>;
  summaries: Map<string, CollectionEntry<'summaries'>>;
  guideTexts: Map<string, CollectionEntry<'guideTexts'>>;
}

let cached: Promise<Site> | undefined;

export function loadSite(): Promise<Site> {
  cached ??= (async () => {
    const [conferences, talks, speakers, tags, guides, reviews, summaries, guideTexts] = await Promise.all([
      getCollection('conferences'),
      getCollection('talks'),
      getCollection('speakers'),
      getCollection('tags'),
      getCollection('guides'),
      getCollection('reviews'),
      getCollection('summaries'),
      getCollection('guideTexts'),
    ]);
    const plainConferences = conferences.map(({ id, data }) => ({ id, data }));
    const plainTalks = talks.map(({ id, data }) => ({
      id,
      data: { ...data, conference: refId(data.conference), speakers: data.speakers.map(refId), tags: data.tags.map(refId) },
    }));
    return {
      conferences: plainConferences.sort((a, b) => Date.parse(b.data.start) - Date.parse(a.data.start)),
      talks: scheduleOrder(plainTalks, plainConferences),
      speakers: speakers.map(({ id, data }) => ({
        id,
        data: { ...data, companies: data.companies.map((company) => ({ ...company, conference: refId(company.conference) })) },
      })),
      tags: tags.map(({ id, data }) => ({ id, data })),
      guides: guides.map(({ id, data }) => ({ id, data: { ...data, conference: data.conference ? refId(data.conference) : undefined } })),
      reviews: new Map(reviews.map((entry) => [entry.id, entry])),
      summaries: new Map(summaries.map((entry) => [entry.id, entry])),
      guideTexts: new Map(guideTexts.map((entry) => [entry.id, entry])),
    };
  })();
  return cached;
}

/**
 * The text of an entry in a language: its own, or the other language's when it has none yet, with the language it
 * is written in (for `lang` attributes). Texts are keyed "<entry id>/<lang>", as the collections name them.
 */
export function inLanguage<T>(texts: ReadonlyMap<string, T>, id: string, lang: Lang): { entry: T; lang: Lang } | undefined {
  const written = languagesOf(texts, id);
  if (written.length === 0) return undefined;
  const textLang = textLanguage(written, lang);
  return { entry: texts.get(`${id}/${textLang}`)!, lang: textLang };
}

/** The languages an entry's texts are written in. */
const languagesOf = (texts: ReadonlyMap<string, unknown>, id: string): Lang[] => LANGS.filter((lang) => texts.has(`${id}/${lang}`));

let pages: Promise<SitePage[]> | undefined;

/** The page table of the site (src/lib/pages.ts), built once per build. */
export function loadPages(): Promise<SitePage[]> {
  pages ??= loadSite().then((site) => pageTable({ ...site, summaryLanguages: (id) => languagesOf(site.summaries, id) }));
  return pages;
}

/** The review to show for a talk in a language: its own, or the other language's when it has none yet. */
export const reviewFor = (site: Site, talkId: string, lang: Lang) => inLanguage(site.reviews, talkId, lang);

/** The one-line verdict of a talk for lists, tagged with the language it is written in. */
export function verdictFor(site: Site, talkId: string, lang: Lang) {
  const review = reviewFor(site, talkId, lang);
  return review && { text: review.entry.data.verdict, lang: review.lang };
}
