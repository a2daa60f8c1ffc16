/** The page table (src/lib/pages.ts) and the page context (src/lib/page-context.ts), from plain objects. */
import { describe, expect, it } from 'vitest';
import type { Conference, Entry, Guide, Speaker, Tag, Talk } from '../../src/lib/model.ts';
import { canonicalUrl, pageTable, pageUrl, routeParams, staticPaths, textLanguage, xDefaultLang, type PageTableInput } from '../../src/lib/pages.ts';
import { pageContext } from '../../src/lib/page-context.ts';
import { TALKS_PER_PAGE } from '../../src/lib/paging.ts';
import { sitemapPages } from '../../src/lib/feeds.ts';

const conference = { id: 'conf', data: { start: '2030-01-01T09:00:00+08:00', slots: [] } } as unknown as Entry<Conference>;
const talk = (id: string, untranslated: Array<'zh' | 'en'> = [], tags: string[] = ['go']) =>
  ({ id, data: { conference: 'conf', day: 1, start: '09:00', end: '10:00', speakers: ['ada'], tags, untranslated } }) as unknown as Entry<Talk>;
const input = (talks: Entry<Talk>[], guides: Entry<Guide>[] = []): PageTableInput => ({
  conferences: [conference],
  talks,
  speakers: [{ id: 'ada', data: {} } as Entry<Speaker>],
  tags: [{ id: 'go', data: {} } as Entry<Tag>, { id: 'unused', data: {} } as Entry<Tag>],
  guides,
  summaryLanguages: () => ['zh'],
});

describe('textLanguage and xDefaultLang', () => {
  it('a page shows its own language when written, else the other', () => {
    expect(textLanguage(['zh', 'en'], 'en')).toBe('en');
    expect(textLanguage(['zh'], 'en')).toBe('zh');
    expect(textLanguage(['en'], 'zh')).toBe('en');
  });

  it('x-default is Chinese when the page has it, else its one language', () => {
    expect(xDefaultLang(['zh', 'en'])).toBe('zh');
    expect(xDefaultLang(['en'])).toBe('en');
  });
});

describe('pageTable', () => {
  const pages = pageTable(input([talk('both'), talk('zh-only', ['en'])], [{ id: 'g', data: { untranslated: ['zh'], tags: [] } } as unknown as Entry<Guide>]));
  const row = (template: string, lang: string, id?: string) =>
    pages.find((page) => page.template === template && page.lang === lang && (id === undefined || JSON.stringify(page.route).includes(`"${id}"`)))!;

  it('has a row per page and language, and no page for a tag no talk uses', () => {
    expect(pages.filter((page) => page.template === 'talk')).toHaveLength(4);
    expect(pages.filter((page) => page.template === 'tag').map((page) => page.lang)).toEqual(['zh', 'en']);
  });

  it('a talk with no English review: its English page stands in, noindex, canonical to the Chinese one, out of the sitemap', () => {
    const standIn = row('talk', 'en', 'zh-only');
    expect(standIn).toMatchObject({ textLang: 'zh', standIn: true, noindex: true, canonicalLang: 'zh', inSitemap: false, languages: ['zh'] });
    expect(canonicalUrl('/notes/', standIn)).toBe('/notes/zh/conf/zh-only/');
    expect(row('talk', 'zh', 'zh-only')).toMatchObject({ textLang: 'zh', standIn: false, noindex: false, canonicalLang: 'zh', inSitemap: true });
    expect(row('guide', 'zh', 'g')).toMatchObject({ textLang: 'en', standIn: true, canonicalLang: 'en' });
  });

  it('a conference page is in both languages and canonical to itself, with the summary in the language it has', () => {
    expect(row('conference', 'en')).toMatchObject({ textLang: 'zh', standIn: false, canonicalLang: 'en', inSitemap: true });
  });

  it('search is indexable but not in the sitemap', () => {
    expect(row('search', 'zh')).toMatchObject({ noindex: false, inSitemap: false });
  });

  it('a long list gets later pages with their own URLs and params', () => {
    const many = Array.from({ length: TALKS_PER_PAGE + 1 }, (_, index) => talk(`t${index}`));
    const table = pageTable(input(many));
    const later = staticPaths(table, 'tag', 'later');
    expect(later.map((path) => path.params)).toEqual([
      { lang: 'zh', tag: 'go', page: '2' },
      { lang: 'en', tag: 'go', page: '2' },
    ]);
    expect(pageUrl('/', later[1].props.sitePage)).toBe('/en/tags/go/2/');
    expect(staticPaths(table, 'tag').map((path) => path.props.page)).toEqual([1, 1]);
  });

  it('getStaticPaths params name the route files\' parameters', () => {
    expect(routeParams(row('talk', 'zh', 'both'))).toEqual({ lang: 'zh', conference: 'conf', talk: 'both' });
    expect(staticPaths(pages, 'home').map((path) => path.params)).toEqual([{ lang: 'zh' }, { lang: 'en' }]);
  });

  it('the sitemap lists each indexable page once, with the languages it exists in', () => {
    const listed = sitemapPages(pages, '/').map((page) => `${page.path(page.languages[0])} ${page.languages.join(',')}`);
    expect(listed).toContain('/zh/conf/zh-only/ zh');
    expect(listed).toContain('/zh/conf/both/ zh,en');
    expect(listed).toContain('/en/guides/g/ en');
    expect(listed.some((line) => line.includes('search'))).toBe(false);
  });
});

describe('pageContext', () => {
  it('gives the language, its dictionary, the base, the site links and URLs in the language', () => {
    const { lang, t, base, links, url } = pageContext({ params: { lang: 'en' }, site: new URL('https://example.org/') });
    expect(lang).toBe('en');
    expect(t('nav.tags')).toBe('Tags');
    expect(links).toEqual({ base, origin: 'https://example.org/', name: t('site.name') });
    expect(url({ kind: 'tags' })).toBe(`${base}en/tags/`);
  });
});
