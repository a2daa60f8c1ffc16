/** The built site (dist/, base "/"): pages in both languages, alternates, headings, languages, links, scripts. */
import { readdirSync, readFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { distDir, htmlPages, page } from './support/dist.ts';
import { checkLinks } from './support/links.ts';
import { projectRoot } from './support/build.ts';

const SITE = 'https://confnotes.example';
const pages = htmlPages();
const talkDirs = readdirSync(join(projectRoot, 'content/talks'), { withFileTypes: true })
  .filter((entry) => entry.isDirectory())
  .flatMap((conf) =>
    readdirSync(join(projectRoot, 'content/talks', conf.name), { withFileTypes: true })
      .filter((entry) => entry.isDirectory())
      .map((talk) => ({ conference: conf.name, talk: talk.name })),
  );

describe('talk pages', () => {
  it('the content has talks', () => {
    expect(talkDirs.length).toBeGreaterThanOrEqual(3);
  });

  it.each(talkDirs)('$talk has a zh and an en page that point at each other with hreflang', ({ conference, talk }) => {
    const zhPath = `/zh/${conference}/${talk}/`;
    const enPath = `/en/${conference}/${talk}/`;
    for (const [path, lang, other, otherLang] of [
      [zhPath, 'zh-CN', enPath, 'en'],
      [enPath, 'en', zhPath, 'zh-CN'],
    ]) {
      expect(pages).toContain(path);
      const $ = page(path);
      expect($('html').attr('lang')).toBe(lang);
      expect($(`link[rel="alternate"][hreflang="${otherLang}"]`).attr('href')).toBe(SITE + other);
      expect($(`link[rel="alternate"][hreflang="${lang}"]`).attr('href')).toBe(SITE + path);
      expect($('link[rel="alternate"][hreflang="x-default"]').attr('href')).toBe(SITE + zhPath);
      // The visible switcher goes to the same talk in the other language.
      expect($('a.lang-switch').attr('href')).toBe(other);
    }
  });

  it('a talk page shows both official titles, speaker, time, tags, slides, review, neighbours and the credit', () => {
    const $ = page('/en/gopherchina-2016/writing-high-performance-go/');
    const text = $('main').text();
    expect(text).toContain('How to Write high performance application');
    expect(text).toContain('Writing High Performance Go');
    expect($('main a[href="/en/speakers/dave-cheney/"]').length).toBeGreaterThan(0);
    expect($('time[datetime="2016-04-17T09:00+08:00"]').text()).toBe('09:00');
    expect($('.tag-list a[href="/en/tags/performance/"]').length).toBeGreaterThan(0);
    expect($('a[href$="2.1%20Writing%20High%20Performance%20Go.pdf"]').length).toBe(1);
    expect($('#review').length).toBe(1);
    expect($('a[rel="prev"]').length + $('a[rel="next"]').length).toBe(2);
    expect($('.credit a[href="https://tonybai.com/2016/04/18/my-experience-of-gopherchina2016/"]').length).toBe(1);
  });
});

describe('every page', () => {
  it('there are pages in both languages', () => {
    expect(pages.filter((path) => path.startsWith('/zh/')).length).toBe(pages.filter((path) => path.startsWith('/en/')).length);
  });

  it.each(pages)('%s has exactly one <h1> and a lang', (path) => {
    const $ = page(path);
    expect($('h1')).toHaveLength(1);
    expect(['zh-CN', 'en']).toContain($('html').attr('lang'));
  });

  it('every internal link, asset and #anchor resolves', () => {
    const { broken, checked } = checkLinks(distDir, '/', SITE);
    expect(checked).toBeGreaterThan(500);
    expect(broken).toEqual([]);
  });

  it('every external link has rel="noopener noreferrer"', () => {
    const missing: string[] = [];
    for (const path of pages) {
      const $ = page(path);
      $('a[href^="http"]').each((_, el) => {
        const rel = ($(el).attr('rel') ?? '').split(/\s+/);
        if (!rel.includes('noopener') || !rel.includes('noreferrer')) missing.push(`${path}: ${$(el).attr('href')}`);
      });
    }
    expect(missing).toEqual([]);
  });
});

describe('scripts on page load', () => {
  const readingPages = pages.filter((path) => /^\/(zh|en)\//.test(path) && !path.includes('/search/'));
  // The budget of tests/budgets.test.ts (2 KB gzip), counted here the simple way: theme choice, header search loader,
  // table of contents marker, copy loader.
  it.each(readingPages)('%s loads at most 2 KB (gzip) of script', (path) => {
    const $ = page(path);
    let bytes = 0;
    // JSON-LD is a data block the browser never runs, so it is not script weight.
    $('script:not([type="application/ld+json"])').each((_, el) => {
      const src = $(el).attr('src');
      const code = src ? readFileSync(join(distDir, src)) : Buffer.from($(el).html() ?? '');
      bytes += gzipSync(code).length;
    });
    expect(bytes).toBeLessThanOrEqual(2048);
  });
});
