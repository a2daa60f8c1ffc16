/**
 * The machine-read files of the site, as pure functions of plain data: an RSS 2.0 feed per language, the sitemap
 * with hreflang alternates, robots.txt. No clock is read anywhere, so two builds of the same content give the same
 * bytes (the feed's lastBuildDate is its newest item's date).
 */
import type { Lang } from './schema.ts';
import type { Conference, Entry, Tag, Talk } from './model.ts';
import { htmlLang } from './i18n.ts';
import { pageUrl, xDefaultLang, type SitePage } from './pages.ts';
import { isoAt } from './schedule.ts';

// ---------- XML ----------

/** Escapes text for XML and drops the control characters XML 1.0 does not allow at all. */
export function xmlEscape(text: string): string {
  return (
    text
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
  /** The page table (src/lib/pages.ts): the feed lists its talk and guide pages in `lang` that are not stand-ins. */
  pages: readonly SitePage[];
  conferences: readonly Entry<Conference>[];
  tags: readonly Entry<Tag>[];
  /** The verdict of a talk's review in a language, if it has one. */
  verdict: (talk: Entry<Talk>, lang: Lang) => string | undefined;
  /** The title and description of a guide in a language, if it has them. */
  guideText: (guideId: string, lang: Lang) => { title: string; description: string } | undefined;
}

/**
 * The items of one language's feed: every talk review and guide written in that language. Stand-ins for a missing
 * translation are left out: their page in this language only points to the other one.
 */
export function feedItems(input: FeedInput): FeedItem[] {
  const { lang } = input;
  const url = (page: SitePage) => new URL(pageUrl(input.base, page), input.origin).href;
  const tagLabel = new Map(input.tags.map((tag) => [tag.id, tag.data.label[lang]]));
  const items: FeedItem[] = [];
  for (const page of input.pages.filter((row) => row.lang === lang && !row.standIn)) {
    if (page.template === 'talk') {
      const talk = (page as SitePage<'talk'>).item;
      const conference = input.conferences.find((conf) => conf.id === talk.data.conference);
      const verdict = input.verdict(talk, lang);
      if (!conference || verdict === undefined) continue;
      items.push({
        title: talk.data.title[lang],
        link: url(page),
        description: verdict,
        date: isoAt(conference.data, talk.data.day, talk.data.start),
        categories: [conference.data.name[lang], ...talk.data.tags.map((id) => tagLabel.get(id) ?? id)],
      });
    } else if (page.template === 'guide') {
      const guide = (page as SitePage<'guide'>).item;
      const text = input.guideText(guide.id, lang);
      if (!text) continue;
      items.push({ title: text.title, link: url(page), description: text.description, date: guide.data.published, categories: [] });
    }
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

/**
 * Every page worth indexing, once, from the page table's rows marked `inSitemap`: each is a real page with its own
 * content, canonical to itself. Left out there: the search pages (a form; results live on the pages listed here)
 * and stand-ins for a missing translation (noindex, canonical to the original); the root language chooser and the
 * 404 are not in the table at all.
 */
export function sitemapPages(pages: readonly SitePage[], base: string): SitemapPage[] {
  return pages
    .filter((page) => page.inSitemap && page.lang === page.languages[0])
    .map((page) => ({ path: (lang: Lang) => pageUrl(base, page, lang), languages: page.languages }));
}

/** The sitemap: one <url> per page and language, each listing every language version and x-default (Chinese first). */
export function sitemap(pages: readonly SitemapPage[], origin: string): string {
  const absolute = (path: string) => new URL(path, origin).href;
  const urls = pages.flatMap((page) => {
    const fallback = xDefaultLang(page.languages);
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
