/**
 * The page table: every page of the site, one row per page and language, worked out once from the content. Each
 * route's getStaticPaths takes its rows (`staticPaths`), the layout's hreflang alternates, canonical and x-default
 * come from a row, and the sitemap and the feeds list rows. Pure: `pageTable` takes plain entries and which texts
 * exist, so tests build it from objects.
 *
 * Not in the table: the root language chooser (src/pages/index.astro), the 404, the feeds, the sitemap and the
 * downloads, which are files rather than pages of a language.
 */
import type { Conference, Entry, Guide, Speaker, Tag, Talk } from './model.ts';
import { guidesByTag, hasLanguage, talksBySpeaker, talksByTag } from './model.ts';
import { laterPages, pagePath } from './paging.ts';
import { localizedUrl, type Route } from './paths.ts';
import { DEFAULT_LANG, LANGS, type Lang } from './site-constants.ts';

/** The templates of the site's pages in a language, one per route file (a paged list's later pages included). */
export const TEMPLATES = ['home', 'conference', 'talk', 'speakers', 'speaker', 'tags', 'tag', 'guide', 'search'] as const;
export type Template = (typeof TEMPLATES)[number];

/** The entry a page of each template shows. */
export interface ItemOf {
  home: undefined;
  conference: Entry<Conference>;
  talk: Entry<Talk>;
  speakers: undefined;
  speaker: Entry<Speaker>;
  tags: undefined;
  tag: Entry<Tag>;
  guide: Entry<Guide>;
  search: undefined;
}

export interface SitePage<T extends Template = Template> {
  template: T;
  route: Route;
  /** The page's language: its URL prefix, its <html lang>, its interface strings. */
  lang: Lang;
  /** Page number of a paged list (tags/go/2/ is 2); 1 for every other page. */
  page: number;
  /** The languages this page exists in: its hreflang alternates. */
  languages: readonly Lang[];
  item: ItemOf[T];
  /** The language of the entry's text that the page shows: its own, or the other one when it has none yet. */
  textLang: Lang;
  /** Shows the other language's text because this language has none yet: noindex, canonical to the original. */
  standIn: boolean;
  /** The language of the page's canonical URL: its own, or the original's for a stand-in. */
  canonicalLang: Lang;
  noindex: boolean;
  /** Listed in the sitemap: every page with content of its own, canonical to itself (not search, not a stand-in). */
  inSitemap: boolean;
  /**
   * What the page shows, as a digest (src/lib/page-keys.ts): a build reuses the previous build's page when this and
   * the route's code are unchanged (Astro's incremental build). Set by the build's data layer (src/data/site.ts).
   */
  cacheKey?: string;
}

export interface PageTableInput {
  conferences: readonly Entry<Conference>[];
  talks: readonly Entry<Talk>[];
  speakers: readonly Entry<Speaker>[];
  tags: readonly Entry<Tag>[];
  guides: readonly Entry<Guide>[];
  /** The languages a conference's summary is written in. */
  summaryLanguages: (conferenceId: string) => readonly Lang[];
}

/**
 * The language whose text a page in `lang` shows, given the languages the text exists in: its own when there is
 * one, else the other. The one place this is decided (pages, lists of talks and guides, feeds).
 */
export function textLanguage(available: readonly Lang[], lang: Lang): Lang {
  return available.includes(lang) ? lang : (LANGS.find((other) => available.includes(other)) ?? lang);
}

/** The language x-default points at: the default language when the page exists in it, else the first it has. */
export const xDefaultLang = (languages: readonly Lang[]): Lang => (languages.includes(DEFAULT_LANG) ? DEFAULT_LANG : languages[0]);

/** The URL path of a page in a language (its own by default), with the base. */
export const pageUrl = (base: string, page: Pick<SitePage, 'route' | 'page' | 'lang'>, lang: Lang = page.lang): string =>
  pagePath(localizedUrl(base, lang, page.route), page.page);

/** The canonical URL path of a page, with the base. */
export const canonicalUrl = (base: string, page: SitePage): string => pageUrl(base, page, page.canonicalLang);

/** Every page of the site, page by page and then language by language (the sitemap's order). */
export function pageTable(input: PageTableInput): SitePage[] {
  const rows: SitePage[] = [];
  /** Pages in every language, each canonical to itself; `textLanguages` says which texts the entry has, if any. */
  const add = <T extends Template>(template: T, route: Route, item: ItemOf[T], options: { textLanguages?: readonly Lang[]; page?: number; indexed?: boolean } = {}) => {
    for (const lang of LANGS) {
      const textLang = textLanguage(options.textLanguages ?? LANGS, lang);
      rows.push({ template, route, lang, page: options.page ?? 1, languages: LANGS, item, textLang, standIn: false, canonicalLang: lang, noindex: false, inSitemap: options.indexed !== false });
    }
  };
  /** Pages whose entry has a text per language: a page in every language, stand-ins where the text is missing. */
  const addTexts = <T extends 'talk' | 'guide'>(template: T, route: Route, item: ItemOf[T], written: readonly Lang[]) => {
    for (const lang of LANGS) {
      const textLang = textLanguage(written, lang);
      const standIn = textLang !== lang;
      rows.push({ template, route, lang, page: 1, languages: written, item, textLang, standIn, canonicalLang: textLang, noindex: standIn, inSitemap: !standIn });
    }
  };
  const paged = <T extends 'speaker' | 'tag'>(template: T, route: Route, item: ItemOf[T], total: number) => {
    add(template, route, item);
    for (const page of laterPages(total)) add(template, route, item, { page });
  };
  const bySpeaker = talksBySpeaker(input.talks);
  const byTag = talksByTag(input.talks);

  add('home', { kind: 'home' }, undefined);
  for (const conference of input.conferences) {
    add('conference', { kind: 'conference', conference: conference.id }, conference, { textLanguages: input.summaryLanguages(conference.id) });
  }
  for (const talk of input.talks) {
    addTexts('talk', { kind: 'talk', conference: talk.data.conference, talk: talk.id }, talk, LANGS.filter((lang) => hasLanguage(talk.data, lang)));
  }
  for (const guide of input.guides) {
    addTexts('guide', { kind: 'guide', guide: guide.id }, guide, LANGS.filter((lang) => hasLanguage(guide.data, lang)));
  }
  add('speakers', { kind: 'speakers' }, undefined);
  for (const speaker of input.speakers) paged('speaker', { kind: 'speaker', speaker: speaker.id }, speaker, bySpeaker.get(speaker.id)?.length ?? 0);
  add('tags', { kind: 'tags' }, undefined);
  // A tag no talk and no guide uses has no page; its later pages continue the talks only (guides head page 1).
  const guideTags = guidesByTag(input.guides);
  for (const tag of input.tags.filter((entry) => byTag.has(entry.id) || guideTags.has(entry.id))) {
    paged('tag', { kind: 'tag', tag: tag.id }, tag, byTag.get(tag.id)?.length ?? 0);
  }
  // Indexable (no noindex) but not in the sitemap: a form whose results live on the pages listed there.
  add('search', { kind: 'search' }, undefined, { indexed: false });
  return rows;
}

/** The route parameters of a page, named as the route files name them ([lang]/[conference]/[talk].astro, …). */
export function routeParams(page: SitePage): Record<string, string> {
  const { route } = page;
  const params: Record<string, string> = { lang: page.lang };
  if (route.kind === 'conference') params.conference = route.conference;
  if (route.kind === 'talk') Object.assign(params, { conference: route.conference, talk: route.talk });
  if (route.kind === 'speaker') params.speaker = route.speaker;
  if (route.kind === 'tag') params.tag = route.tag;
  if (route.kind === 'guide') params.guide = route.guide;
  if (page.page > 1) params.page = String(page.page);
  return params;
}

/**
 * getStaticPaths of one route file: its template's rows, first pages only, or only the later pages of a paged list
 * (`later`, for the …/[page].astro routes). Props: `item` (the entry), `page` (the page number) and `sitePage` (the row);
 * `cacheKey` is the row's, which lets a build reuse the page unchanged. A route that renders other files from the same
 * rows (a calendar, a feed) keeps `cacheKey` with the `params` it takes: its file shows nothing outside the row's key.
 */
export function staticPaths<T extends Template>(pages: readonly SitePage[], template: T, which: 'first' | 'later' = 'first') {
  return pages
    .filter((row): row is SitePage<T> => row.template === template && (which === 'later' ? row.page > 1 : row.page === 1))
    .map((row) => ({ params: routeParams(row), props: { item: row.item, page: row.page, sitePage: row }, ...(row.cacheKey === undefined ? {} : { cacheKey: row.cacheKey }) }));
}
