/**
 * Loads every collection once per build and resolves Astro references to plain ids, so everything downstream
 * works on the plain types of src/lib/schema.ts.
 */
import { dirname, relative, resolve, sep } from 'node:path';
import { getCollection, type CollectionEntry } from 'astro:content';
import { basePath, contentRoot, shareCardsEnabled, siteUrl } from '../lib/config.ts';
import { readInsideRoot } from '../lib/content-files.ts';
import { embeddedFiles } from '../lib/embed.ts';
import { LANGS, type Conference, type Guide, type Lang, type Speaker, type Tag, type Talk } from '../lib/schema.ts';
import type { Entry } from '../lib/model.ts';
import { scheduleOrder } from '../lib/model.ts';
import { pageKey, siteKey } from '../lib/page-keys.ts';
import { pageTable, textLanguage, type SitePage } from '../lib/pages.ts';

const refId = (ref: { id: string } | string): string => (typeof ref === 'string' ? ref : ref.id);

export interface Site {
  conferences: Entry<Conference>[];
  talks: Entry<Talk>[];
  speakers: Entry<Speaker>[];
  tags: Entry<Tag>[];
  guides: Entry<Guide>[];
  /** Reviews keyed by reviewKey(): "<conference>/<talk id>/<lang>". */
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
    // A talk's collection id is its folder path; its own id is the folder name, unique within its conference.
    const plainTalks = talks.map(({ id, data }) => ({
      id: id.split('/').at(-1)!,
      data: { ...data, conference: refId(data.conference), speakers: data.speakers.map(refId), tags: data.tags.map(refId) },
    }));
    const talkOfPath = new Map(talks.map((talk, index) => [talk.id, plainTalks[index]]));
    const reviewsByTalk = reviews.flatMap((entry): Array<[string, CollectionEntry<'reviews'>]> => {
      const lang = entry.id.split('/').at(-1) as Lang;
      const talk = talkOfPath.get(entry.id.split('/').slice(0, -1).join('/'));
      return talk ? [[reviewKey(talk, lang), entry]] : [];
    });
    return {
      conferences: plainConferences.sort((a, b) => Date.parse(b.data.start) - Date.parse(a.data.start)),
      talks: scheduleOrder(plainTalks, plainConferences),
      speakers: speakers.map(({ id, data }) => ({
        id,
        data: { ...data, companies: data.companies.map((company) => ({ ...company, conference: refId(company.conference) })) },
      })),
      tags: tags.map(({ id, data }) => ({ id, data })),
      guides: guides.map(({ id, data }) => ({
        id,
        data: { ...data, conference: data.conference ? refId(data.conference) : undefined, tags: data.tags.map(refId) },
      })),
      reviews: new Map(reviewsByTalk),
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

/**
 * The page table of the site (src/lib/pages.ts), built once per build, each row with the key that lets the next
 * build reuse its page while nothing it shows has changed (src/lib/page-keys.ts).
 */
export function loadPages(): Promise<SitePage[]> {
  pages ??= loadSite().then((site) => {
    const rows = pageTable({ ...site, summaryLanguages: (id) => languagesOf(site.summaries, id) });
    // Only a build reuses pages; the dev server renders on request.
    if (import.meta.env.DEV) return rows;
    const key = siteKeyOf(site);
    return rows.map((row) => ({ ...row, cacheKey: row.template === 'talk' ? pageKey(key, site.reviews.get(reviewKey(row.item as Entry<Talk>, row.textLang))) : key }));
  });
  return pages;
}

/**
 * Every file the Markdown embeds, by path under the content root (`root`, absolute): the downloads route serves each,
 * and the pages' keys include their bytes.
 */
export function embeddedFilePaths(site: Site, root: string): string[] {
  const paths = new Set<string>();
  for (const texts of [site.summaries, site.reviews, site.guideTexts]) {
    for (const entry of texts.values()) {
      if (!entry.filePath) continue;
      for (const embed of embeddedFiles(entry.body ?? '')) {
        paths.add(relative(root, resolve(dirname(entry.filePath), embed.path)).split(sep).join('/'));
      }
    }
  }
  return [...paths].sort();
}

/** The site key (src/lib/page-keys.ts) of the loaded content: everything the pages read but review bodies. */
function siteKeyOf(site: Site): string {
  const root = resolve(contentRoot());
  const plain = (collection: string, entries: ReadonlyArray<{ id: string; data: unknown }>) => entries.map(({ id, data }) => ({ collection, id, data }));
  return siteKey({
    entries: [
      ...plain('conferences', site.conferences),
      ...plain('talks', site.talks),
      ...plain('speakers', site.speakers),
      ...plain('tags', site.tags),
      ...plain('guides', site.guides),
    ],
    texts: [
      ...[...site.summaries.values()].map((entry) => ({ collection: 'summaries', entry })),
      ...[...site.guideTexts.values()].map((entry) => ({ collection: 'guideTexts', entry })),
    ],
    reviews: [...site.reviews.values()],
    // Read through the same reader as the pages and downloads, which keeps the bytes: no extra read of the disk.
    files: embeddedFilePaths(site, root).map((path) => ({ path, bytes: readInsideRoot(root, path) })),
    settings: { content: root, base: basePath(), site: siteUrl(), shareCards: String(shareCardsEnabled()) },
  });
}

/** Where a talk's review in a language is kept in `Site.reviews`: talk ids are unique per conference only. */
export const reviewKey = (talk: Entry<Talk>, lang: Lang): string => `${talk.data.conference}/${talk.id}/${lang}`;

/** The review to show for a talk in a language: its own, or the other language's when it has none yet. */
export const reviewFor = (site: Site, talk: Entry<Talk>, lang: Lang) => inLanguage(site.reviews, `${talk.data.conference}/${talk.id}`, lang);

/** The one-line verdict of a talk for lists, tagged with the language it is written in. */
export function verdictFor(site: Site, talk: Entry<Talk>, lang: Lang) {
  const review = reviewFor(site, talk, lang);
  return review && { text: review.entry.data.verdict, lang: review.lang };
}
