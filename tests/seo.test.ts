/**
 * Link previews and structured data of the built site: Open Graph and Twitter tags on every page, JSON-LD that
 * parses and says what the page is (Event, Review of a talk, TechArticle, WebSite), the feed link, the 404 in both
 * languages and the favicon. Untranslated pages and a sub-path deploy are in seo-untranslated.test.ts.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { CheerioAPI } from 'cheerio';
import { distDir, fileForPath, htmlPages, page } from './support/dist.ts';
import { jsonLdText, socialTags } from '../src/lib/seo.ts';

const SITE = 'https://confnotes.example';
const pages = htmlPages();
// Each language's 404 (zh/404.html, en/404.html) is no page to share or index, as the root 404 is not.
const reading = pages.filter((path) => /^\/(?:zh|en)\//.test(path) && !path.endsWith('/404.html'));
const isConference = (path: string) => /^\/(?:zh|en)\/(?!speakers\/|tags\/|guides\/|search\/)[^/]+\/$/.test(path);
const isTalk = (path: string) => /^\/(?:zh|en)\/(?!speakers\/|tags\/|guides\/|search\/)[^/]+\/[^/]+\/$/.test(path);
const isGuide = (path: string) => /^\/(?:zh|en)\/guides\/[^/]+\/$/.test(path);
const isHome = (path: string) => /^\/(?:zh|en)\/$/.test(path);

const meta = ($: CheerioAPI, key: string) => $(`meta[property="${key}"], meta[name="${key}"]`).attr('content');
const jsonLd = ($: CheerioAPI): Array<Record<string, any>> =>
  $('script[type="application/ld+json"]')
    .map((_, el) => JSON.parse($(el).html() ?? ''))
    .get();

describe('Open Graph and Twitter tags', () => {
  it.each(reading)('%s', (path) => {
    const $ = page(path);
    const lang = path.startsWith('/zh/') ? 'zh' : 'en';
    expect(meta($, 'og:site_name')).toBe('confnotes');
    expect(meta($, 'og:title')).toBeTruthy();
    expect($('title').text()).toContain(meta($, 'og:title'));
    expect(meta($, 'og:locale')).toBe(lang === 'zh' ? 'zh_CN' : 'en_US');
    expect(meta($, 'og:url')).toBe($('link[rel="canonical"]').attr('href'));
    expect(meta($, 'og:description')).toBe($('meta[name="description"]').attr('content'));
    // Talk, conference and guide pages have a share card (tests/share-cards.test.ts); the others the plain card.
    expect(meta($, 'twitter:card')).toBe(isTalk(path) || isGuide(path) || isConference(path) ? 'summary_large_image' : 'summary');
    expect(meta($, 'twitter:title')).toBe(meta($, 'og:title'));
    expect(meta($, 'og:type')).toBe(isTalk(path) || isGuide(path) ? 'article' : 'website');
    // One og:locale:alternate per other language the page exists in.
    const alternates = $('link[rel="alternate"][hreflang]:not([hreflang="x-default"])').length;
    expect($('meta[property="og:locale:alternate"]').length).toBe(alternates - 1);
  });
});

describe('the feed link', () => {
  it.each(reading)('%s names the feed of its language', (path) => {
    const $ = page(path);
    const href = $('link[rel="alternate"][type="application/rss+xml"]').attr('href');
    expect(href).toBe(path.startsWith('/zh/') ? '/zh/rss.xml' : '/en/rss.xml');
    expect(existsSync(join(distDir, href!))).toBe(true);
  });
});

describe('JSON-LD', () => {
  it('every block on every page is valid JSON with a schema.org type', () => {
    let blocks = 0;
    for (const path of pages) {
      for (const data of jsonLd(page(path))) {
        blocks++;
        expect(data['@context'], path).toBe('https://schema.org');
        expect(typeof data['@type'], path).toBe('string');
      }
    }
    expect(blocks).toBeGreaterThan(30);
  });

  it.each(pages.filter(isConference))('%s is an Event with its talks as sub-events', (path) => {
    const $ = page(path);
    const [event] = jsonLd($).filter((data) => data['@type'] === 'Event');
    expect(event.name).toBe($('h1').text().trim());
    expect(event.startDate).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2})?[+-]\d{2}:\d{2}$/);
    expect(Date.parse(event.endDate)).toBeGreaterThan(Date.parse(event.startDate));
    expect(event.location['@type']).toBe('Place');
    expect(event.location.address.addressLocality).toBeTruthy();
    expect(event.organizer.name).toBeTruthy();
    expect(event.url).toBe(SITE + path);
    const talkPages = pages.filter((p) => isTalk(p) && p.startsWith(path));
    expect(event.subEvent).toHaveLength(talkPages.length);
    for (const sub of event.subEvent) {
      expect(sub['@type']).toBe('Event');
      expect(talkPages).toContain(sub.url.slice(SITE.length));
      expect(sub.performer.length).toBeGreaterThan(0);
    }
  });

  it.each(pages.filter(isTalk))('%s is a Review of the talk', (path) => {
    const $ = page(path);
    const [review] = jsonLd($).filter((data) => data['@type'] === 'Review');
    expect(review).toBeDefined();
    expect(review.reviewBody).toBe($('meta[name="description"]').attr('content'));
    expect(review.name).toBe($('#review').text().trim());
    expect(review.author.name).toBeTruthy();
    const talk = review.itemReviewed;
    expect(talk['@type']).toBe('Event');
    expect(talk.name).toBe($('h1').text().trim());
    // The times are those the page shows.
    const times = $('dl.facts time').map((_, el) => $(el).attr('datetime')).get();
    expect([talk.startDate, talk.endDate]).toEqual(times);
    expect(talk.location['@type']).toBe('Place');
    expect(talk.superEvent['@type']).toBe('Event');
    expect(talk.superEvent.url).toBe(SITE + path.replace(/[^/]+\/$/, ''));
    const speakerLinks = $('dl.facts a[href*="/speakers/"]').map((_, el) => SITE + $(el).attr('href')).get();
    expect(talk.performer.map((person: { url: string }) => person.url)).toEqual(speakerLinks);
  });

  it.each(pages.filter(isGuide))('%s is a TechArticle', (path) => {
    const $ = page(path);
    const [article] = jsonLd($).filter((data) => data['@type'] === 'TechArticle');
    expect(article.headline).toBe($('h1').text().trim());
    expect(article.description).toBe($('meta[name="description"]').attr('content'));
    expect(article.datePublished).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    expect(article.url).toBe($('link[rel="canonical"]').attr('href'));
    expect(article.author.name).toBeTruthy();
    expect(meta($, 'article:published_time')).toBe(article.datePublished);
  });

  it.each(pages.filter(isHome))('%s describes the WebSite', (path) => {
    const [site] = jsonLd(page(path)).filter((data) => data['@type'] === 'WebSite');
    expect(site.url).toBe(SITE + path);
    expect(site.inLanguage).toBe(path === '/zh/' ? 'zh-CN' : 'en');
  });

  it('text from the content cannot close the script element', () => {
    const text = jsonLdText({ name: '</script><script>alert(1)</script> & \u2028' });
    expect(text).not.toMatch(/[<>&\u2028]/);
    expect(JSON.parse(text).name).toBe('</script><script>alert(1)</script> & \u2028');
  });

  it('social tags leave out what a page does not have', () => {
    const tags = socialTags({ siteName: 's', title: 't', lang: 'zh' });
    expect(tags.map((tag) => ('property' in tag ? tag.property : tag.name))).toEqual(['og:site_name', 'og:type', 'og:title', 'og:locale', 'twitter:card', 'twitter:title']);
  });
});

describe('404 and favicon', () => {
  it('the 404 page speaks both languages, links both homes and is not indexed', () => {
    const $ = page('/404.html');
    expect($('html').attr('lang')).toBe('zh-CN');
    expect($('[lang="en"]').text()).toMatch(/not found/i);
    expect($('main').text()).toContain('找不到');
    expect($('a[href="/zh/"]').length).toBeGreaterThan(0);
    expect($('a[href="/en/"]').length).toBeGreaterThan(0);
    expect($('meta[name="robots"]').attr('content')).toBe('noindex');
    expect($('link[rel="canonical"]').length).toBe(0);
  });

  it('every page links the favicon, an SVG that is there', () => {
    const svg = readFileSync(join(distDir, 'favicon.svg'), 'utf8');
    expect(svg).toMatch(/^<svg[\s>]/);
    for (const path of pages) {
      const icon = page(path)('link[rel="icon"]');
      expect(icon.attr('href'), path).toBe('/favicon.svg');
      expect(icon.attr('type'), path).toBe('image/svg+xml');
    }
    expect(existsSync(fileForPath('/favicon.svg'))).toBe(true);
  });
});
