/**
 * The machine-read files of the site, as pure functions of plain data: an RSS 2.0 feed per language, the sitemap
 * with hreflang alternates, robots.txt. No clock is read anywhere, so two builds of the same content give the same
 * bytes (the feed's lastBuildDate is its newest item's date).
 */
import { LANGS, type Lang } from './schema.ts';
import type { Conference, Entry, Guide, Speaker, Tag, Talk } from './model.ts';
import { hasLanguage, talksBySpeaker, talksByTag } from './model.ts';
import { htmlLang } from './i18n.ts';
import { localizedUrl, type Route } from './paths.ts';
import { laterPages, pagePath } from './paging.ts';
import { isoAt } from './schedule.ts';

// ---------- XML ----------

/** Escapes text for XML and drops the control characters XML 1.0 does not allow at all. */
export function xmlEscape(text: string): string {
  return (
    text
      // eslint-disable-next-line no-control-regex
      .replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]/g, '')
      .replace(/&/g, '&amp;')
      .replace(/</g, '&lt;')
      .replace(/>/g, '&gt;')
      .replace(/"/g, '&quot;')
      .replace(/'/g, '&apos;')
  );
}

const timeOf = (date: string): number => Date.parse(/^\d{4}-\d{2}-\d{2}$/.test(date) ? `${date}T00:00:00Z` : date);

/** RFC 822 date for RSS, in GMT: "Sat, 16 Apr 2016 01:00:00 GMT". A bare date is read as UTC midnight. */
export const rssDate = (date: string): string => new Date(timeOf(date)).toUTCString();

// ---------- RSS ----------

export interface FeedItem {
  title: string;
  /** Absolute URL; also the item's guid. */
  link: string;
  description: string;
  /** ISO date-time with an offset, or a date (read as UTC midnight). */
  date: string;
  categories: string[];
}

export interface FeedChannel {
  title: string;
  /** Absolute URL of the home page in the feed's language. */
  link: string;
  /** Absolute URL of the feed itself. */
  self: string;
  description: string;
  lang: Lang;
}

/** Newest first; ties by link, so the order never depends on how the content was read. */
export const byNewest = (a: FeedItem, b: FeedItem): number => timeOf(b.date) - timeOf(a.date) || a.link.localeCompare(b.link);

export function rss(channel: FeedChannel, items: readonly FeedItem[]): string {
  const sorted = [...items].sort(byNewest);
  const newest = sorted[0];
  const item = (entry: FeedItem) =>
    [
      '    <item>',
      `      <title>${xmlEscape(entry.title)}</title>`,
      `      <link>${xmlEscape(entry.link)}</link>`,
      `      <guid isPermaLink="true">${xmlEscape(entry.link)}</guid>`,
      `      <pubDate>${rssDate(entry.date)}</pubDate>`,
      `      <description>${xmlEscape(entry.description)}</description>`,
      ...entry.categories.map((category) => `      <category>${xmlEscape(category)}</category>`),
      '    </item>',
    ].join('\n');
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    '<rss version="2.0" xmlns:atom="http://www.w3.org/2005/Atom">',
    '  <channel>',
    `    <title>${xmlEscape(channel.title)}</title>`,
    `    <link>${xmlEscape(channel.link)}</link>`,
    `    <atom:link href="${xmlEscape(channel.self)}" rel="self" type="application/rss+xml"/>`,
    `    <description>${xmlEscape(channel.description)}</description>`,
    `    <language>${htmlLang[channel.lang].toLowerCase()}</language>`,
    ...(newest ? [`    <lastBuildDate>${rssDate(newest.date)}</lastBuildDate>`] : []),
    ...sorted.map(item),
    '  </channel>',
    '</rss>',
    '',
  ].join('\n');
}

export interface FeedInput {
  lang: Lang;
  base: string;
  origin: string;
  conferences: readonly Entry<Conference>[];
  talks: readonly Entry<Talk>[];
  tags: readonly Entry<Tag>[];
  guides: readonly Entry<Guide>[];
  /** The verdict of a talk's review in a language, if it has one. */
  verdict: (talk: Entry<Talk>, lang: Lang) => string | undefined;
  /** The title and description of a guide in a language, if it has them. */
  guideText: (guideId: string, lang: Lang) => { title: string; description: string } | undefined;
}

/**
 * The items of one language's feed: every talk review and guide written in that language. Entries declared
 * untranslated are left out: their page in this language only points to the other one.
 */
export function feedItems(input: FeedInput): FeedItem[] {
  const { lang } = input;
  const url = (route: Route) => new URL(localizedUrl(input.base, lang, route), input.origin).href;
  const tagLabel = new Map(input.tags.map((tag) => [tag.id, tag.data.label[lang]]));
  const items: FeedItem[] = [];
  for (const talk of input.talks) {
    const conference = input.conferences.find((conf) => conf.id === talk.data.conference);
    const verdict = input.verdict(talk, lang);
    if (!conference || !hasLanguage(talk.data, lang) || verdict === undefined) continue;
    items.push({
      title: talk.data.title[lang],
      link: url({ kind: 'talk', conference: conference.id, talk: talk.id }),
      description: verdict,
      date: isoAt(conference.data, talk.data.day, talk.data.start),
      categories: [conference.data.name[lang], ...talk.data.tags.map((id) => tagLabel.get(id) ?? id)],
    });
  }
  for (const guide of input.guides) {
    const text = input.guideText(guide.id, lang);
    if (!hasLanguage(guide.data, lang) || !text) continue;
    items.push({ title: text.title, link: url({ kind: 'guide', guide: guide.id }), description: text.description, date: guide.data.published, categories: [] });
  }
  return items.sort(byNewest);
}

// ---------- sitemap ----------

/** One page and the languages it exists in; its URL in each language comes from the same route. */
export interface SitemapPage {
  /** URL path in a language, with the base. */
  path: (lang: Lang) => string;
  languages: readonly Lang[];
}

export interface SitemapInput {
  base: string;
  conferences: readonly Entry<Conference>[];
  talks: readonly Entry<Talk>[];
  speakers: readonly Entry<Speaker>[];
  tags: readonly Entry<Tag>[];
  guides: readonly Entry<Guide>[];
}

/**
 * Every page worth indexing: each is a real page with its own content, canonical to itself. Left out: the root
 * language chooser (for a crawler that runs scripts it is a redirect to a language home, and it has no content of
 * its own), the search pages (a form; results live on the pages listed here), the 404, and the pages of entries
 * declared untranslated (noindex, canonical to the original).
 */
export function sitemapPages(input: SitemapInput): SitemapPage[] {
  const both = LANGS;
  const route = (r: Route) => (lang: Lang) => localizedUrl(input.base, lang, r);
  const paged = (first: Route, total: number): SitemapPage[] => [
    { path: route(first), languages: both },
    ...laterPages(total).map((n) => ({ path: (lang: Lang) => pagePath(localizedUrl(input.base, lang, first), n), languages: both })),
  ];
  const byTag = talksByTag(input.talks);
  const bySpeaker = talksBySpeaker(input.talks);
  return [
    { path: route({ kind: 'home' }), languages: both },
    ...input.conferences.map((conf) => ({ path: route({ kind: 'conference', conference: conf.id }), languages: both })),
    ...input.talks.map((talk) => ({
      path: route({ kind: 'talk', conference: talk.data.conference, talk: talk.id }),
      languages: LANGS.filter((lang) => hasLanguage(talk.data, lang)),
    })),
    ...input.guides.map((guide) => ({ path: route({ kind: 'guide', guide: guide.id }), languages: LANGS.filter((lang) => hasLanguage(guide.data, lang)) })),
    { path: route({ kind: 'speakers' }), languages: both },
    ...input.speakers.flatMap((speaker) => paged({ kind: 'speaker', speaker: speaker.id }, bySpeaker.get(speaker.id)?.length ?? 0)),
    { path: route({ kind: 'tags' }), languages: both },
    // A tag no talk uses has no page (a guide's tags only feed search).
    ...input.tags.filter((tag) => byTag.has(tag.id)).flatMap((tag) => paged({ kind: 'tag', tag: tag.id }, byTag.get(tag.id)!.length)),
  ];
}

/** The sitemap: one <url> per page and language, each listing every language version and x-default (Chinese first). */
export function sitemap(pages: readonly SitemapPage[], origin: string): string {
  const absolute = (path: string) => new URL(path, origin).href;
  const urls = pages.flatMap((page) => {
    const fallback = page.languages.includes('zh') ? 'zh' : page.languages[0];
    const alternates = [
      ...page.languages.map((lang) => `    <xhtml:link rel="alternate" hreflang="${htmlLang[lang]}" href="${xmlEscape(absolute(page.path(lang)))}"/>`),
      `    <xhtml:link rel="alternate" hreflang="x-default" href="${xmlEscape(absolute(page.path(fallback)))}"/>`,
    ];
    return page.languages.map((lang) => ['  <url>', `    <loc>${xmlEscape(absolute(page.path(lang)))}</loc>`, ...alternates, '  </url>'].join('\n'));
  });
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    '<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9" xmlns:xhtml="http://www.w3.org/1999/xhtml">',
    ...urls,
    '</urlset>',
    '',
  ].join('\n');
}

// ---------- robots.txt ----------

/**
 * Everything may be crawled; the sitemap is named by its absolute URL. Under a sub-path deploy this file lands at
 * <base>robots.txt, where crawlers do not look: the host's own /robots.txt should then carry the Sitemap line.
 */
export const robotsTxt = (sitemapUrl: string): string => `User-agent: *\nAllow: /\n\nSitemap: ${sitemapUrl}\n`;
