/**
 * Honest translations and a sub-path deploy, on the fictional content of tests/fixtures/trust-content/ built with
 * CONFNOTES_BASE=/notes/ and another origin: a page standing in for a missing translation says so, links the
 * original, is noindex and canonical to the original (and so are its og:url and JSON-LD); feeds and the sitemap
 * leave it out; every URL keeps the base; allowed raw HTML survives and raw external links get rel.
 */
import { readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { load, type CheerioAPI } from 'cheerio';
import { build, type BuildResult } from '../support/build.ts';
import { htmlPages, page } from '../support/dist.ts';

const SITE = 'https://trust.example';
const BASE = '/notes/';
const ROOT = SITE + BASE;
const CONF = 'trustconf-2032';

let result: BuildResult;
const at = (path: string): CheerioAPI => page(path, result.outDir);
const xml = (file: string) => load(readFileSync(join(result.outDir, file), 'utf8'), { xml: true });
const jsonLd = ($: CheerioAPI): Array<Record<string, any>> => $('script[type="application/ld+json"]').map((_, el) => JSON.parse($(el).html()!)).get();

beforeAll(async () => {
  result = await build({ CONFNOTES_CONTENT: 'tests/fixtures/trust-content', CONFNOTES_BASE: BASE, CONFNOTES_SITE: SITE });
}, 240_000);
afterAll(() => {
  if (!result) return;
  rmSync(result.outDir, { recursive: true, force: true });
  rmSync(`${result.outDir}-cache`, { recursive: true, force: true });
});

/** Stand-in page path (in the language without a text) → the original (in the language that has it). */
const STAND_INS: Array<{ standIn: string; original: string; textLang: string; type: string }> = [
  { standIn: `zh/${CONF}/english-only/`, original: `en/${CONF}/english-only/`, textLang: 'en', type: 'Review' },
  { standIn: `en/${CONF}/chinese-only/`, original: `zh/${CONF}/chinese-only/`, textLang: 'zh-CN', type: 'Review' },
  { standIn: 'en/guides/chinese-guide/', original: 'zh/guides/chinese-guide/', textLang: 'zh-CN', type: 'TechArticle' },
];

describe('the fixture builds under /notes/', () => {
  it('builds', () => {
    expect(result.code, result.output).toBe(0);
    expect(htmlPages(result.outDir).length).toBeGreaterThan(20);
  });
});

describe('the notice says what is missing', () => {
  it('a guide without English says "guide", never "review"; a talk says "review"', () => {
    const guide = at('/en/guides/chinese-guide/')('.notice[role="note"]').text();
    expect(guide).toContain('This guide has no English version yet.');
    expect(guide).not.toMatch(/review/i);
    expect(at(`/en/${CONF}/chinese-only/`)('.notice[role="note"]').text()).toContain('This review has no English version yet.');
  });
});

describe.each(STAND_INS)('$standIn stands in for $original', ({ standIn, original, textLang, type }) => {
  it('says so, links the original, and is noindex', () => {
    const $ = at(`/${standIn}`);
    expect($('.notice[role="note"] a').attr('href')).toBe(BASE + original);
    expect($('meta[name="robots"]').attr('content')).toBe('noindex');
  });

  it('is canonical to the original, and so are og:url and the JSON-LD', () => {
    const $ = at(`/${standIn}`);
    expect($('link[rel="canonical"]').attr('href')).toBe(ROOT + original);
    expect($('meta[property="og:url"]').attr('content')).toBe(ROOT + original);
    const [data] = jsonLd($).filter((block) => block['@type'] === type);
    expect(data.url).toBe(ROOT + original);
    expect(data.inLanguage).toBe(textLang);
  });

  it('offers only the original as a language version', () => {
    const $ = at(`/${standIn}`);
    const alternates = $('link[rel="alternate"][hreflang]').map((_, el) => `${$(el).attr('hreflang')}=${$(el).attr('href')}`).get();
    expect(alternates).toEqual([`${textLang}=${ROOT + original}`, `x-default=${ROOT + original}`]);
  });

  it('the original is canonical to itself and indexable', () => {
    const $ = at(`/${original}`);
    expect($('link[rel="canonical"]').attr('href')).toBe(ROOT + original);
    expect($('meta[name="robots"]').length).toBe(0);
    expect($('.notice[role="note"]').length).toBe(0);
  });

  it('is in no feed and not in the sitemap; the original is in both', () => {
    const feedLinks = ['zh', 'en'].flatMap((lang) => xml(`${lang}/rss.xml`)('item > link').map((_, el) => xml(`${lang}/rss.xml`)(el).text()).get());
    expect(feedLinks).not.toContain(ROOT + standIn);
    expect(feedLinks).toContain(ROOT + original);
    const $s = xml('sitemap.xml');
    const locs = $s('url > loc').map((_, el) => $s(el).text()).get();
    expect(locs).not.toContain(ROOT + standIn);
    expect(locs).toContain(ROOT + original);
  });
});

describe('a sub-path deploy', () => {
  it('keeps the base in every feed, sitemap and robots URL', () => {
    for (const lang of ['zh', 'en']) {
      const $ = xml(`${lang}/rss.xml`);
      expect($('channel > link').text()).toBe(`${ROOT}${lang}/`);
      expect($('channel > atom\\:link').attr('href')).toBe(`${ROOT}${lang}/rss.xml`);
      $('item > link').each((_, el) => expect($(el).text().startsWith(ROOT)).toBe(true));
    }
    const $s = xml('sitemap.xml');
    $s('loc, xhtml\\:link').each((_, el) => expect(($s(el).attr('href') ?? $s(el).text()).startsWith(ROOT)).toBe(true));
    expect(readFileSync(join(result.outDir, 'robots.txt'), 'utf8')).toContain(`Sitemap: ${ROOT}sitemap.xml\n`);
  });

  it('keeps the base in the feed link, og:url and JSON-LD of the pages', () => {
    const $ = at(`/en/${CONF}/`);
    expect($('link[type="application/rss+xml"]').attr('href')).toBe(`${BASE}en/rss.xml`);
    expect($('meta[property="og:url"]').attr('content')).toBe(`${ROOT}en/${CONF}/`);
    const [event] = jsonLd($).filter((block) => block['@type'] === 'Event');
    expect(event.url).toBe(`${ROOT}en/${CONF}/`);
    expect(event.subEvent.map((talk: { url: string }) => talk.url)).toEqual(
      ['both-languages', 'english-only', 'chinese-only'].map((talk) => `${ROOT}en/${CONF}/${talk}/`),
    );
  });
});

describe('raw HTML in the fixture reviews', () => {
  it('keeps the allowed elements', () => {
    const en = at(`/en/${CONF}/both-languages/`);
    expect(en('.review kbd').length).toBe(2);
    expect(en('.review sub').text()).toBe('2');
    expect(en('.review abbr').attr('title')).toBe('garbage collector');
    expect(en('.review details summary').text()).toBe('More');
    expect(at(`/zh/${CONF}/both-languages/`)('.review ruby rt').text()).toBe('hàn');
  });

  it('gives raw and Markdown external links rel="noopener noreferrer"', () => {
    for (const path of [`/en/${CONF}/both-languages/`, `/zh/${CONF}/both-languages/`]) {
      const $ = at(path);
      const links = $('.review a[href^="https://"]');
      expect(links.length).toBeGreaterThan(0);
      links.each((_, el) => expect($(el).attr('rel'), $(el).attr('href')).toBe('noopener noreferrer'));
    }
  });
});
