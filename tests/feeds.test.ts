/**
 * The machine-read files of the built site: an RSS feed per language, the sitemap with hreflang alternates and no
 * redirect stubs, robots.txt. Each is read from dist/ with an XML parser and held against the pages it names.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { load } from 'cheerio';
import { distDir, fileForPath, htmlPages, page } from './support/dist.ts';
import { byNewest, rss, rssDate, sitemap, xmlEscape, type FeedItem } from '../src/lib/feeds.ts';

const SITE = 'https://confnotes.example';
const pages = htmlPages();
const xml = (file: string) => load(readFileSync(join(distDir, file), 'utf8'), { xml: true });
const local = (url: string) => {
  expect(url.startsWith(`${SITE}/`), url).toBe(true);
  return url.slice(SITE.length);
};
const isIndexable = (path: string) => {
  const $ = page(path);
  return $('meta[name="robots"][content*="noindex"]').length === 0 && $('link[rel="canonical"]').attr('href') === SITE + path;
};

describe.each(['zh', 'en'] as const)('the %s feed', (lang) => {
  const $ = xml(`${lang}/rss.xml`);
  const items = $('channel > item').toArray();

  it('is RSS 2.0 about this language, pointing at itself', () => {
    expect($('rss').attr('version')).toBe('2.0');
    expect($('channel > title').text()).toMatch(/^confnotes · /);
    expect($('channel > link').text()).toBe(`${SITE}/${lang}/`);
    expect($('channel > language').text()).toBe(lang === 'zh' ? 'zh-cn' : 'en');
    expect($('channel > atom\\:link').attr('href')).toBe(`${SITE}/${lang}/rss.xml`);
    expect($('channel > atom\\:link').attr('rel')).toBe('self');
  });

  it('holds every talk review and guide written in this language, and nothing else', () => {
    const expected = pages.filter((path) => (/^\/(zh|en)\/(?!speakers\/|tags\/|guides\/|search\/)[^/]+\/[^/]+\/$/.test(path) || /^\/(zh|en)\/guides\/[^/]+\/$/.test(path)) && path.startsWith(`/${lang}/`) && isIndexable(path));
    const links = items.map((item) => local($(item).children('link').text()));
    expect(links.sort()).toEqual(expected.sort());
    expect(links.length).toBeGreaterThan(3);
  });

  it('each item has a title, a permanent guid, a date and a description that match its page', () => {
    for (const item of items) {
      const $item = $(item);
      const link = $item.children('link').text();
      const target = page(local(link));
      expect($item.children('guid').text()).toBe(link);
      expect($item.children('guid').attr('isPermaLink')).toBe('true');
      expect(target('h1').text().trim()).toBe($item.children('title').text());
      expect($item.children('description').text()).toBe(target('meta[name="description"]').attr('content'));
      const date = $item.children('pubDate').text();
      expect(date).toMatch(/^(Mon|Tue|Wed|Thu|Fri|Sat|Sun), \d{2} (Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec) \d{4} \d{2}:\d{2}:\d{2} GMT$/);
      // A talk's date is its start on the schedule.
      const start = target('dl.facts time').first().attr('datetime');
      if (start) expect(Date.parse(date)).toBe(Date.parse(start));
    }
  });

  it('is newest first, and was last built when its newest item appeared (no clock involved)', () => {
    const dates = items.map((item) => Date.parse($(item).children('pubDate').text()));
    expect(dates).toEqual([...dates].sort((a, b) => b - a));
    expect($('channel > lastBuildDate').text()).toBe($(items[0]).children('pubDate').text());
  });
});

describe('the sitemap', () => {
  const $ = xml('sitemap.xml');
  const urls = $('urlset > url').toArray().map((url) => ({
    loc: $(url).children('loc').text(),
    alternates: Object.fromEntries(
      $(url)
        .children('xhtml\\:link')
        .toArray()
        .map((link) => [$(link).attr('hreflang')!, $(link).attr('href')!]),
    ),
  }));
  const locs = urls.map((url) => url.loc);

  it('uses the sitemap and xhtml namespaces and lists each URL once', () => {
    expect($('urlset').attr('xmlns')).toBe('http://www.sitemaps.org/schemas/sitemap/0.9');
    expect($('urlset').attr('xmlns:xhtml')).toBe('http://www.w3.org/1999/xhtml');
    expect(new Set(locs).size).toBe(locs.length);
    expect(locs.length).toBeGreaterThan(20);
  });

  it('names only real, indexable pages that are canonical to themselves (no redirect stubs)', () => {
    for (const loc of locs) {
      const path = local(loc);
      expect(existsSync(fileForPath(path)), path).toBe(true);
      expect(isIndexable(path), path).toBe(true);
      expect(page(path)('meta[http-equiv="refresh"]').length, path).toBe(0);
    }
    expect(locs).not.toContain(`${SITE}/`);
    expect(locs.some((loc) => loc.endsWith('404.html'))).toBe(false);
  });

  it('names every indexable page but the root language chooser and search', () => {
    const left = pages.filter((path) => isIndexable(path) && !locs.includes(SITE + path));
    expect(left.filter((path) => path !== '/' && !/^\/(zh|en)\/search\/$/.test(path))).toEqual([]);
  });

  it('gives each URL the same hreflang alternates as its page, reciprocally, with x-default', () => {
    for (const { loc, alternates } of urls) {
      const page$ = page(local(loc));
      const fromPage = Object.fromEntries(page$('link[rel="alternate"][hreflang]').map((_, el) => [[page$(el).attr('hreflang')!, page$(el).attr('href')!]]).get());
      expect(alternates, loc).toEqual(fromPage);
      expect(Object.values(alternates)).toContain(loc);
      expect(alternates['x-default'], loc).toBeDefined();
      for (const [hreflang, href] of Object.entries(alternates)) {
        if (hreflang === 'x-default') continue;
        expect(urls.find((url) => url.loc === href)?.alternates, `${href} lists ${loc} back`).toEqual(alternates);
      }
    }
  });
});

describe('robots.txt', () => {
  it('lets crawlers in and names the sitemap by its absolute URL', () => {
    const text = readFileSync(join(distDir, 'robots.txt'), 'utf8');
    expect(text).toBe(`User-agent: *\nAllow: /\n\nSitemap: ${SITE}/sitemap.xml\n`);
    expect(existsSync(join(distDir, 'sitemap.xml'))).toBe(true);
  });
});

describe('the XML writers', () => {
  const item = (link: string, date: string): FeedItem => ({ title: `T <${link}>`, link, description: 'a & b', date, categories: ['Go'] });

  it('escape text and drop characters XML cannot hold', () => {
    expect(xmlEscape(`<a href="x">'&'</a>\u0000\u0007`)).toBe('&lt;a href=&quot;x&quot;&gt;&apos;&amp;&apos;&lt;/a&gt;');
  });

  it('write RFC 822 dates in GMT, reading a bare date as UTC midnight', () => {
    expect(rssDate('2016-04-16T09:00+08:00')).toBe('Sat, 16 Apr 2016 01:00:00 GMT');
    expect(rssDate('2015-07-20')).toBe('Mon, 20 Jul 2015 00:00:00 GMT');
  });

  it('order items by date, then link, whatever order they come in', () => {
    const items = [item('https://x.example/b', '2016-01-01'), item('https://x.example/a', '2016-01-01'), item('https://x.example/c', '2017-01-01')];
    expect([...items].sort(byNewest).map((entry) => entry.link)).toEqual(['https://x.example/c', 'https://x.example/a', 'https://x.example/b']);
    const channel = { title: 'c', link: 'https://x.example/', self: 'https://x.example/rss.xml', description: 'd', lang: 'en' as const };
    expect(rss(channel, items)).toBe(rss(channel, [...items].reverse()));
    expect(load(rss(channel, items), { xml: true })('item title').first().text()).toBe('T <https://x.example/c>');
  });

  it('list every language version of a page in the sitemap, and x-default', () => {
    const text = sitemap([{ path: (lang) => `/${lang}/only/`, languages: ['en'] }], 'https://x.example');
    const $s = load(text, { xml: true });
    expect($s('url')).toHaveLength(1);
    expect($s('url > loc').text()).toBe('https://x.example/en/only/');
    expect($s('xhtml\\:link').map((_, el) => `${$s(el).attr('hreflang')}=${$s(el).attr('href')}`).get()).toEqual([
      'en=https://x.example/en/only/',
      'x-default=https://x.example/en/only/',
    ]);
  });
});
