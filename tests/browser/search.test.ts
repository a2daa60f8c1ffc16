/**
 * Search on the built site, in Debian's Chromium against 127.0.0.1: the index (one per language), the query table
 * (every speaker in every name form, tags, technical words of the reviews and the guide), Chinese inside longer
 * phrases, filters with and without words, the URL, the header box and its shortcuts, loading on demand, the bytes a
 * first query costs, and the whole thing again under the sub-path /notes/.
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join, relative } from 'node:path';
import { gzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { BrowserContextOptions, Page } from 'playwright-core';
import type { AxeResults } from 'axe-core';
import { useBrowserAndSite, withContextPage } from '../support/browser.ts';
import { distDir, fileForPath, htmlPages, page as builtPage, walkFiles } from '../support/dist.ts';
import { notesBuild } from '../support/notes-build.ts';
import { serve, type StaticServer } from '../support/server.ts';
import { conferences, contentDir, readYaml, speakers, talks, type TalkFacts } from '../support/content-files.ts';
import { nameForms, spaceHan } from '../../src/lib/search.ts';
import { dayDate } from '../../src/lib/schedule.ts';

type Lang = 'zh' | 'en';
const LANGS: Lang[] = ['zh', 'en'];

const talkPath = (lang: Lang, talk: TalkFacts) => `/${lang}/${talk.conference}/${talk.id}/`;
const guidePath = (lang: Lang, id: string) => `/${lang}/guides/${id}/`;
const conferencePath = (lang: Lang, id: string) => `/${lang}/${id}/`;
const talkById = (id: string) => talks.find((talk) => talk.id === id)!;

/** Pages the index holds: those that mark their text for it. */
const indexedPages = (lang: Lang, dir = distDir) =>
  htmlPages(dir).filter((path) => path.startsWith(`/${lang}/`) && builtPage(path, dir)('[data-pagefind-body]').length > 0);

const session = useBrowserAndSite();

const withPage = <T>(options: BrowserContextOptions, run: (page: Page) => Promise<T>) => withContextPage(session.browser, options, run);

/** Waits until the search page has shown the outcome of the search its URL describes. */
async function settled(page: Page) {
  await page.waitForFunction(() => {
    const element = document.querySelector<HTMLElement>('search-page');
    return element !== null && !element.hasAttribute('aria-busy') && element.dataset.shown === location.search;
  });
}

/** The result links in order, as paths. */
const resultPaths = (page: Page) =>
  page.$$eval('.search-results .search-result h2 a', (links) => links.map((link) => new URL((link as HTMLAnchorElement).href).pathname));

/** Types a query into the search page's box and submits it, as a reader does; returns the result paths. */
async function searchInPage(page: Page, q: string): Promise<string[]> {
  await page.fill('#site-search', q);
  await page.press('#site-search', 'Enter');
  await page.waitForFunction((q) => new URLSearchParams(location.search).get('q') === q, q);
  await settled(page);
  return resultPaths(page);
}

async function openSearch(page: Page, lang: Lang, query = '', base = session.site.url) {
  await page.goto(`${base}${lang}/search/${query ? `?${query}` : ''}`);
  if (query) await settled(page);
}

describe('the index', () => {
  const bundle = join(distDir, 'pagefind');
  const entry = () => JSON.parse(readFileSync(join(bundle, 'pagefind-entry.json'), 'utf8'));

  it('has one index per language, holding exactly the talks, guides and conferences of that language', () => {
    const languages = entry().languages;
    expect(Object.keys(languages).sort()).toEqual(['en', 'zh-cn']);
    for (const lang of LANGS) {
      const expected = [
        ...talks.map((talk) => talkPath(lang, talk)),
        ...readdirSync(join(contentDir, 'guides')).map((id) => guidePath(lang, id)),
        ...[...conferences.keys()].map((id) => conferencePath(lang, id)),
      ].sort();
      expect(indexedPages(lang)).toEqual(expected);
      expect(languages[lang === 'zh' ? 'zh-cn' : 'en'].page_count).toBe(expected.length);
    }
  });

  it('leaves Pagefind’s unused UI bundles out of the site', () => {
    expect(readdirSync(bundle).filter((name) => /-ui\.|highlight/.test(name))).toEqual([]);
  });

  it('every talk page gives filters (kind, speaker, tag, day, conference) and every form of its speakers’ names', () => {
    for (const lang of LANGS) {
      for (const talk of talks) {
        const $ = builtPage(talkPath(lang, talk));
        const filters = $('[data-pagefind-filter]').map((_, element) => $(element).attr('data-pagefind-filter')).get();
        expect(filters).toEqual([
          'kind:talk',
          ...talk.speakers.map((id) => `speaker:${id}`),
          ...talk.tags.map((id) => `tag:${id}`),
          `day:${dayDate(conferences.get(talk.conference)!, talk.day)}`,
          `conference:${talk.conference}`,
        ]);
        const names = $('[data-pagefind-meta^="names:"]').attr('data-pagefind-meta')!;
        for (const id of talk.speakers) for (const form of nameForms(speakers.find((speaker) => speaker.id === id)!)) expect(names).toContain(spaceHan(form));
      }
    }
  });

  it('reading pages load no search code; the search page loads it only when a search starts', async () => {
    await withPage({}, async (page) => {
      const requested: string[] = [];
      page.on('request', (request) => requested.push(new URL(request.url()).pathname));
      await page.goto(`${session.site.url}zh/gopherchina-2016/baidu-bfe/`, { waitUntil: 'networkidle' });
      await page.focus('#site-search');
      await page.waitForLoadState('networkidle');
      expect(requested.filter((path) => /pagefind|search-page/.test(path))).toEqual([]);

      await page.goto(`${session.site.url}zh/search/`, { waitUntil: 'networkidle' });
      expect(requested.filter((path) => /pagefind|search-page/.test(path))).toEqual([]);
      await searchInPage(page, 'BFE');
      expect(requested.some((path) => path.startsWith('/pagefind/'))).toBe(true);
      expect(requested.some((path) => /\/_astro\/search-page.*\.js$/.test(path))).toBe(true);
    });
  });
});

describe('the search page', () => {
  it.each(LANGS)('%s: a search runs under the site’s Content Security Policy with no error and no violation', async (lang) => {
    await withPage({}, async (page) => {
      const problems: string[] = [];
      page.on('console', (message) => ['error', 'warning'].includes(message.type()) && problems.push(`${message.type()}: ${message.text()}`));
      page.on('pageerror', (error) => problems.push(`uncaught: ${error.message}`));
      page.on('response', (response) => response.status() >= 400 && problems.push(`HTTP ${response.status()} ${response.url()}`));
      await page.addInitScript(() => document.addEventListener('securitypolicyviolation', (event) => console.error(`CSP: ${event.violatedDirective} ${event.blockedURI}`)));
      await openSearch(page, lang);
      expect(await searchInPage(page, lang === 'zh' ? '垃圾回收' : 'garbage collection')).not.toEqual([]);
      await page.check('input[name="kind"][value="talk"]');
      await page.waitForURL(/kind=talk/);
      await settled(page);
      expect(problems).toEqual([]);
    });
  });
});

describe('accessibility of the results', () => {
  const axePath = createRequire(import.meta.url).resolve('axe-core/axe.min.js');
  it.each(LANGS.flatMap((lang) => (['light', 'dark'] as const).map((colorScheme) => ({ lang, colorScheme }))))(
    '$lang, $colorScheme: results, marks and every facet open pass axe-core with 0 violations',
    async ({ lang, colorScheme }) => {
      // axe is injected as a script, which the page's policy would block; the policy has its own test above.
      await withPage({ colorScheme, bypassCSP: true }, async (page) => {
        await openSearch(page, lang, `q=${encodeURIComponent(lang === 'zh' ? '回收' : 'go')}&kind=talk`);
        expect((await resultPaths(page)).length).toBeGreaterThan(0);
        await page.$$eval('.search-facet', (facets) => facets.forEach((facet) => ((facet as HTMLDetailsElement).open = true)));
        await page.addScriptTag({ path: axePath });
        const results = await page.evaluate(() =>
          (window as unknown as { axe: { run: (context: Document, options: object) => Promise<AxeResults> } }).axe.run(document, { resultTypes: ['violations'] }),
        );
        expect(results.violations.flatMap((violation) => violation.nodes.map((node) => `${violation.id}: ${node.target.join(' ')}`))).toEqual([]);
      });
    },
  );
});

/**
 * The query table. Each row: a query, the page that must come first (or, marked top3, be among the first three).
 * Speakers are added below in every form of their name, in both languages.
 */
const TABLE: Record<Lang, Array<{ q: string; page: string; top3?: boolean }>> = {
  zh: [
    { q: '车轮大战', page: 'baidu-bfe' },
    { q: '大战', page: 'baidu-bfe' },
    { q: '垃圾回收', page: 'baidu-bfe', top3: true },
    { q: '回收', page: 'writing-high-performance-go', top3: true },
    { q: '负载均衡', page: 'baidu-bfe' },
    { q: 'BFE', page: 'baidu-bfe' },
    { q: 'bfe', page: 'baidu-bfe' },
    { q: '百度', page: 'baidu-bfe' },
    { q: '数据库', page: 'distributed-database-in-go' },
    { q: 'TiDB', page: 'distributed-database-in-go' },
    { q: 'TiKV', page: 'distributed-database-in-go' },
    { q: '分布式', page: 'distributed-docker', top3: true },
    { q: '服务治理', page: 'microservice-management' },
    { q: '微服务', page: 'microservice-management' },
    { q: 'Docker', page: 'distributed-docker' },
    { q: '容器', page: 'distributed-docker' },
    { q: '运维平台', page: 'xiaomi-devops-platform' },
    { q: '小米', page: 'xiaomi-devops-platform' },
    { q: '上传加速', page: 'netease-upload-acceleration' },
    { q: '网易', page: 'netease-upload-acceleration' },
    { q: 'CDN', page: 'go-for-cdn' },
    { q: '阿里云', page: 'go-for-cdn' },
    { q: '移动客户端', page: 'go-on-mobile' },
    { q: '客户端', page: 'go-on-mobile' },
    { q: 'gomobile', page: 'go-on-mobile' },
    { q: '人工智能', page: 'go-and-ai' },
    { q: '国际化', page: 'i18n-and-l10n-with-x-text' },
    { q: 'x/text', page: 'i18n-and-l10n-with-x-text' },
    { q: 'i18n', page: 'i18n-and-l10n-with-x-text' },
    { q: '持续集成', page: 'testing-ci-and-deploy' },
    { q: '测试', page: 'testing-ci-and-deploy', top3: true },
    { q: '性能调优', page: 'improving-go-performance' },
    { q: 'pprof', page: 'writing-high-performance-go' },
    { q: '小文件', page: 'storage-systems-in-go' },
    { q: '哔哩哔哩', page: 'storage-systems-in-go' },
    { q: 'Web应用', page: 'building-web-applications' },
    { q: 'Go语言', page: 'go-for-cdn', top3: true },
    { q: 'etcd2', page: 'guide:coreos-vagrant' },
    { q: '717.3.0', page: 'guide:coreos-vagrant' },
    { q: 'Vagrant', page: 'guide:coreos-vagrant' },
    { q: '集群', page: 'guide:coreos-vagrant', top3: true },
    { q: '亚洲大酒店', page: 'conference:gopherchina-2016' },
    { q: '谢孟军', page: 'conference:gopherchina-2016', top3: true },
  ],
  en: [
    { q: 'wheel battle', page: 'baidu-bfe' },
    { q: '车轮大战', page: 'baidu-bfe' },
    { q: 'garbage collection', page: 'baidu-bfe', top3: true },
    { q: 'GC', page: 'baidu-bfe', top3: true },
    { q: 'load balancer', page: 'baidu-bfe' },
    { q: 'BFE', page: 'baidu-bfe' },
    { q: 'Baidu', page: 'baidu-bfe' },
    { q: 'database', page: 'distributed-database-in-go' },
    { q: 'TiDB', page: 'distributed-database-in-go' },
    { q: 'TiKV', page: 'distributed-database-in-go' },
    { q: 'distributed systems', page: 'distributed-docker', top3: true },
    { q: 'microservices', page: 'microservice-management' },
    { q: 'Docker', page: 'distributed-docker' },
    { q: 'DevOps', page: 'xiaomi-devops-platform' },
    { q: 'Xiaomi', page: 'xiaomi-devops-platform' },
    { q: 'upload acceleration', page: 'netease-upload-acceleration' },
    { q: 'NetEase', page: 'netease-upload-acceleration' },
    { q: 'CDN', page: 'go-for-cdn' },
    { q: 'mobile', page: 'go-on-mobile' },
    { q: 'gomobile', page: 'go-on-mobile' },
    { q: 'artificial intelligence', page: 'go-and-ai' },
    { q: 'AI', page: 'go-and-ai' },
    { q: 'internationalization', page: 'i18n-and-l10n-with-x-text' },
    { q: 'x/text', page: 'i18n-and-l10n-with-x-text' },
    { q: 'i18n', page: 'i18n-and-l10n-with-x-text' },
    { q: 'continuous integration', page: 'testing-ci-and-deploy' },
    { q: 'testing', page: 'testing-ci-and-deploy', top3: true },
    { q: 'pprof', page: 'writing-high-performance-go' },
    { q: 'performance', page: 'improving-go-performance', top3: true },
    { q: 'small files', page: 'storage-systems-in-go' },
    { q: 'bilibili', page: 'storage-systems-in-go' },
    { q: 'web applications', page: 'building-web-applications' },
    { q: 'etcd2', page: 'guide:coreos-vagrant' },
    { q: '717.3.0', page: 'guide:coreos-vagrant' },
    { q: 'Vagrant', page: 'guide:coreos-vagrant' },
    { q: 'CoreOS', page: 'guide:coreos-vagrant', top3: true },
    { q: 'Asia Hotel', page: 'conference:gopherchina-2016' },
  ],
};

const expectedPath = (lang: Lang, page: string) => {
  const [kind, id] = page.includes(':') ? page.split(':') : ['talk', page];
  if (kind === 'guide') return guidePath(lang, id);
  if (kind === 'conference') return conferencePath(lang, id);
  return talkPath(lang, talkById(id));
};

/** Every speaker in every form of the name, in both languages: their first talk must come first. */
const nameRows = speakers.flatMap((speaker) => {
  const own = talks.filter((talk) => talk.speakers.includes(speaker.id));
  if (own.length === 0) return [];
  return [...nameForms(speaker), speaker.name.en.toLowerCase()].map((q) => ({ q, pages: own.map((talk) => talk.id), speaker: speaker.id }));
});

describe.each(LANGS)('queries in the %s index', (lang) => {
  let page: Page;
  beforeAll(async () => {
    const context = await session.browser.newContext();
    page = await context.newPage();
    await openSearch(page, lang);
  });
  afterAll(async () => {
    await page?.context().close();
  });

  it('the table has at least 30 queries', () => {
    expect(TABLE[lang].length).toBeGreaterThanOrEqual(30);
  });

  it.each(TABLE[lang])('$q → $page', async ({ q, page: expected, top3 }) => {
    const results = await searchInPage(page, q);
    const path = expectedPath(lang, expected);
    if (top3) expect(results.slice(0, 3)).toContain(path);
    else expect(results[0]).toBe(path);
  });

  it.each(nameRows)('speaker $speaker as “$q” → their talk first', async ({ q, pages }) => {
    const results = await searchInPage(page, q);
    expect(pages.map((id) => talkPath(lang, talkById(id)))).toContain(results[0]);
  });

  it('results show who and what, with the matched words marked', async () => {
    await searchInPage(page, lang === 'zh' ? '车轮大战' : 'wheel battle');
    const first = page.locator('.search-result').first();
    await expect(first.locator('.search-result-speakers').textContent()).resolves.toBe(lang === 'zh' ? '李炳毅' : 'Li Bingyi');
    await expect(first.locator('.search-result-text mark').first().textContent()).resolves.toBe(lang === 'zh' ? '车轮大战' : 'wheel');
    await expect(first.locator('h2 a').textContent()).resolves.toBe(lang === 'zh' ? 'Go在百度bfe的应用' : 'Baidu BFE: Scalable HTTP Requests Routing Stack in Go');
  });
});

describe('Chinese inside longer text', () => {
  /** Indexed text of each zh page, one string per element (whitespace dropped), for the ground truth. */
  const texts = new Map(
    indexedPages('zh').map((path) => {
      const $ = builtPage(path);
      const parts = $('[data-pagefind-body]')
        .find('p, li, h1, h2, h3, dd, dt, td, th, pre')
        .map((_, element) => $(element).text().replace(/\s+/g, ''))
        .get();
      return [path, parts] as const;
    }),
  );
  const contains = (path: string, query: string) => texts.get(path)!.some((part) => part.includes(query));
  /** From each talk's review: 2, 3 and 4 Han characters from its start, middle and end, words or not. */
  const samples = talks.flatMap((talk) => {
    const review = builtPage(talkPath('zh', talk))('.review p').text();
    const runs = (review.match(/\p{Script=Han}{6,}/gu) ?? []).map((run) => Array.from(run));
    if (runs.length === 0) return [];
    const pick = (run: string[], length: number, at: number) => run.slice(at, at + length).join('');
    const first = runs[0];
    const middle = runs[Math.floor(runs.length / 2)];
    const last = runs[runs.length - 1];
    return [pick(first, 2, 2), pick(middle, 3, 1), pick(last, 4, last.length - 5)].map((q) => ({ q, talk: talk.id }));
  });

  let page: Page;
  beforeAll(async () => {
    const context = await session.browser.newContext();
    page = await context.newPage();
    await openSearch(page, 'zh');
  });
  afterAll(async () => {
    await page?.context().close();
  });

  it('samples a few from every review', () => {
    expect(samples.length).toBeGreaterThanOrEqual(talks.length * 3);
  });

  it('excerpts join Chinese blocks with a full stop, not Pagefind’s “. ”', async () => {
    // 性能 is in talk titles, so excerpts run from a title (an h1 with no punctuation) into the facts after it.
    await searchInPage(page, '性能');
    const texts = await page.locator('.search-result-text').allTextContents();
    expect(texts.length).toBeGreaterThan(1);
    expect(texts.filter((text) => /[\p{Script=Han}”」）]\.(?:\s|$)|\.\s+\p{Script=Han}/u.test(text))).toEqual([]);
    expect(texts.filter((text) => text.includes('调优。'))).not.toEqual([]);
  });

  it.each(samples)('“$q” finds $talk, and only pages that hold it', async ({ q, talk }) => {
    const results = await searchInPage(page, q);
    expect(results).toContain(talkPath('zh', talkById(talk)));
    expect(results.filter((path) => !contains(path, q))).toEqual([]);
  });
});

describe.each(LANGS)('browsing the %s index by speaker', (lang) => {
  let page: Page;
  beforeAll(async () => {
    page = await (await session.browser.newContext()).newPage();
  });
  afterAll(async () => {
    await page?.context().close();
  });

  it.each(speakers.map((speaker) => speaker.id))('an empty query with speaker=%s lists exactly that speaker’s talks', async (speaker) => {
    await openSearch(page, lang, `speaker=${speaker}`);
    const expected = talks.filter((talk) => talk.speakers.includes(speaker)).map((talk) => talkPath(lang, talk));
    expect((await resultPaths(page)).sort()).toEqual(expected.sort());
  });
});

describe('filters', () => {

  it('ticking a speaker with no query browses their talks; a second speaker adds theirs', async () => {
    await withPage({}, async (page) => {
      await openSearch(page, 'zh');
      await page.locator('summary', { hasText: '讲师' }).click();
      await page.check('input[name="speaker"][value="shen-sheng"]');
      await page.waitForURL(/speaker=shen-sheng/);
      await settled(page);
      expect(await resultPaths(page)).toEqual(['/zh/gopherchina-2016/go-on-mobile/']);
      // The speaker facet counts ignore its own choice, so other speakers still show what they would add.
      await expect(page.locator('label:has(input[value="liu-qi"]) .facet-count').textContent()).resolves.toBe('1');
      await page.check('input[name="speaker"][value="liu-qi"]');
      await page.waitForURL(/speaker=liu-qi/);
      await settled(page);
      expect((await resultPaths(page)).sort()).toEqual(['/zh/gopherchina-2016/distributed-database-in-go/', '/zh/gopherchina-2016/go-on-mobile/']);
    });
  });

  it('each facet narrows a query’s results: kind, tag, day', async () => {
    await withPage({}, async (page) => {
      await openSearch(page, 'en', 'q=go');
      // A screenful first (each result costs a record to fetch), the rest with "show more" or on scrolling to it.
      expect(await resultPaths(page)).toHaveLength(8);
      // Scrolling the button into view may already show more (and hide it) before a click lands: press it unless so.
      await page.evaluate(() => document.querySelector<HTMLButtonElement>('.search-more:not([hidden])')?.click());
      await page.waitForSelector('.search-more', { state: 'hidden' });
      const all = await resultPaths(page);
      expect(all.length).toBeGreaterThan(10);
      expect(new Set(all).size).toBe(all.length);

      await openSearch(page, 'en', 'q=go&kind=guide');
      expect(await resultPaths(page)).toEqual(['/en/guides/coreos-vagrant/']);

      await openSearch(page, 'en', 'q=go&tag=performance');
      const performance = talks.filter((talk) => talk.tags.includes('performance')).map((talk) => talkPath('en', talk));
      expect((await resultPaths(page)).sort()).toEqual(performance.sort());

      await openSearch(page, 'en', 'q=go&tag=performance&day=2016-04-17');
      const dayTwo = talks.filter((talk) => talk.tags.includes('performance') && talk.day === 2).map((talk) => talkPath('en', talk));
      expect(dayTwo.length).toBeGreaterThan(0);
      expect(dayTwo.length).toBeLessThan(performance.length);
      expect((await resultPaths(page)).sort()).toEqual(dayTwo.sort());

      await openSearch(page, 'en', 'kind=conference');
      expect(await resultPaths(page)).toEqual([...conferences.keys()].map((id) => conferencePath('en', id)));
    });
  });

  it('a day filter alone lists that day’s talks in schedule order', async () => {
    await withPage({}, async (page) => {
      const date = dayDate(conferences.get('gopherchina-2016')!, 1);
      await openSearch(page, 'zh', `day=${date}`);
      const expected = talks.filter((talk) => talk.day === 1).map((talk) => talkPath('zh', talk));
      const results = await resultPaths(page);
      expect([...results].sort()).toEqual(expected.sort());
      const starts = results.map((path) => readYaml(join(contentDir, 'talks', ...path.split('/').slice(2, 4), 'talk.yaml')).start as string);
      expect(starts).toEqual([...starts].sort());
    });
  });
});

describe('the URL', () => {
  it('round-trips the query and the filters, and Back and Forward restore each search', async () => {
    await withPage({}, async (page) => {
      await openSearch(page, 'zh', `q=${encodeURIComponent('沈晟')}&speaker=shen-sheng`);
      await expect(page.inputValue('#site-search')).resolves.toBe('沈晟');
      await expect(page.isChecked('input[name="speaker"][value="shen-sheng"]')).resolves.toBe(true);
      expect(await resultPaths(page)).toEqual(['/zh/gopherchina-2016/go-on-mobile/']);

      // A new query keeps the filter: nothing of Shen Sheng's is about BFE.
      expect(await searchInPage(page, 'BFE')).toEqual([]);
      expect(new URL(page.url()).search).toBe('?q=BFE&speaker=shen-sheng');
      await page.click('.search-clear');
      await page.waitForURL((url) => url.search === '?q=BFE');
      await settled(page);
      expect(await resultPaths(page)).toEqual(['/zh/gopherchina-2016/baidu-bfe/']);
      await expect(page.isChecked('input[name="speaker"][value="shen-sheng"]')).resolves.toBe(false);

      await page.goBack();
      await page.waitForURL((url) => url.search === '?q=BFE&speaker=shen-sheng');
      await settled(page);
      await expect(page.isChecked('input[name="speaker"][value="shen-sheng"]')).resolves.toBe(true);
      expect(await resultPaths(page)).toEqual([]);

      await page.goBack();
      await page.waitForURL((url) => new URLSearchParams(url.search).get('q') === '沈晟');
      await settled(page);
      await expect(page.inputValue('#site-search')).resolves.toBe('沈晟');
      expect(await resultPaths(page)).toEqual(['/zh/gopherchina-2016/go-on-mobile/']);

      await page.goForward();
      await page.goForward();
      await page.waitForURL((url) => url.search === '?q=BFE');
      await settled(page);
      await expect(page.inputValue('#site-search')).resolves.toBe('BFE');
      expect(await resultPaths(page)).toEqual(['/zh/gopherchina-2016/baidu-bfe/']);

      // A shared link: the same URL in a fresh page shows the same search.
      const shared = page.url();
      await page.goto('about:blank');
      await page.goto(shared);
      await settled(page);
      expect(await resultPaths(page)).toEqual(['/zh/gopherchina-2016/baidu-bfe/']);
    });
  });

  it('the language switch takes the same search to the other language', async () => {
    await withPage({}, async (page) => {
      await openSearch(page, 'zh', 'q=gc&speaker=li-bingyi');
      await page.click('a.lang-switch');
      await page.waitForURL(`${session.site.url}en/search/?q=gc&speaker=li-bingyi`);
      await settled(page);
      expect(await resultPaths(page)).toEqual(['/en/gopherchina-2016/baidu-bfe/']);
    });
  });

  it('typing updates the URL as it goes, one history entry per search typed', async () => {
    await withPage({}, async (page) => {
      await openSearch(page, 'en');
      await page.focus('#site-search');
      await page.keyboard.type('tikv');
      await page.waitForURL((url) => url.search === '?q=tikv');
      await settled(page);
      expect((await resultPaths(page))[0]).toBe('/en/gopherchina-2016/distributed-database-in-go/');
      const length = await page.evaluate(() => history.length);
      await page.keyboard.press('Enter');
      await expect(page.evaluate(() => history.length)).resolves.toBe(length);
    });
  });
});

describe('the header search box', () => {
  it('is a plain GET form to the search page that works with JavaScript off', async () => {
    await withPage({ javaScriptEnabled: false }, async (page) => {
      await page.goto(`${session.site.url}en/gopherchina-2016/baidu-bfe/`);
      await page.fill('#site-search', 'wheel battle');
      await page.press('#site-search', 'Enter');
      await page.waitForURL(`${session.site.url}en/search/?q=wheel+battle`);
      await expect(page.locator('noscript').count()).resolves.toBe(1);
      await expect(page.locator('h1').textContent()).resolves.toBe('Search');
    });
  });

  it('/ and Ctrl+K or ⌘K put the cursor in it; Enter shows the results', async () => {
    await withPage({}, async (page) => {
      await page.goto(`${session.site.url}zh/gopherchina-2016/`);
      await page.keyboard.press('/');
      await expect(page.evaluate(() => document.activeElement?.id)).resolves.toBe('site-search');
      await expect(page.inputValue('#site-search')).resolves.toBe('');
      await page.locator('main h1').click();
      await page.keyboard.press('Control+k');
      await expect(page.evaluate(() => document.activeElement?.id)).resolves.toBe('site-search');
      await page.locator('main h1').click();
      await page.keyboard.press('Meta+k');
      await expect(page.evaluate(() => document.activeElement?.id)).resolves.toBe('site-search');
      await page.keyboard.type('沈晟');
      await page.keyboard.press('Enter');
      await page.waitForURL(/\/zh\/search\/\?q=/);
      await settled(page);
      expect(await resultPaths(page)).toEqual(['/zh/gopherchina-2016/go-on-mobile/']);
      // On the search page the shortcut reaches the page's own box.
      await page.locator('main h1').click();
      await page.keyboard.press('/');
      await expect(page.evaluate(() => document.activeElement?.closest('search-page') !== null)).resolves.toBe(true);
    });
  });

  it('a / typed into a field stays in the field', async () => {
    await withPage({}, async (page) => {
      await openSearch(page, 'en');
      await page.focus('#site-search');
      await page.keyboard.type('x/text');
      await expect(page.inputValue('#site-search')).resolves.toBe('x/text');
    });
  });
});

/** Bytes on the wire if the server gzips: Pagefind's index files are gzip already, everything else is compressed here. */
function gzipBytes(dir: string, path: string): number {
  const raw = readFileSync(fileForPath(path, dir));
  return raw[0] === 0x1f && raw[1] === 0x8b ? raw.length : gzipSync(raw).length;
}

/** Index size on disk of one language: its files plus the WebAssembly it loads. */
function indexBytes(dir: string, pagefindLang: string): number {
  const bundle = join(dir, 'pagefind');
  const entry = JSON.parse(readFileSync(join(bundle, 'pagefind-entry.json'), 'utf8')).languages[pagefindLang];
  return walkFiles(bundle)
    .filter((file) => {
      const name = relative(bundle, file).split('/').at(-1)!;
      return name.startsWith(`${pagefindLang}_`) || name.startsWith(`pagefind.${pagefindLang}_`) || name === `wasm.${entry.wasm ?? 'unknown'}.pagefind`;
    })
    .reduce((sum, file) => sum + statSync(file).size, 0);
}

/**
 * What the first query may download, gzip bodies: the goal is 100 KB for both languages (issue 13); this is the
 * measured figure (docs/search.md, 81.4 / 81.1 KiB) with a little room, so a change that adds to it shows here. It
 * is also what fails if Pagefind stops reading the chunk size (src/lib/search-chunks.ts): the whole index is about
 * 25 KB more.
 */
const FIRST_QUERY_BUDGET: Record<Lang, number> = { zh: 84 * 1024, en: 84 * 1024 };

describe('cost', () => {
  it.each([
    ['zh', 'zh-cn', '车轮大战'],
    ['en', 'en', 'wheel battle'],
  ] as const)('%s: index size on disk and the gzip bytes a first query downloads, within its budget', async (lang, pagefindLang, q) => {
    await withPage({}, async (page) => {
      const client = await page.context().newCDPSession(page);
      await client.send('Network.enable');
      const requests = new Map<string, string>();
      const fetched: string[] = [];
      page.on('request', (request) => fetched.push(new URL(request.url()).pathname + new URL(request.url()).search));
      client.on('Network.responseReceived', (event) => requests.set(event.requestId, new URL(event.response.url).pathname));
      await page.goto(`${session.site.url}${lang}/search/`, { waitUntil: 'networkidle' });
      const beforeSearch = new Set(requests.values());
      // Enter pressed before the search code has arrived submits the form as a plain GET (the page without
      // JavaScript), a second page that fetches everything again; a reader who waits a moment, as here, stays.
      await page.fill('#site-search', q);
      await page.waitForFunction(() => customElements.get('search-page') !== undefined);
      await searchInPage(page, q);
      await page.waitForLoadState('networkidle');
      // The browser's own favicon request lands whenever the tab gets to it; it is no part of the search.
      const firstQuery = [...new Set(requests.values())].filter((path) => !beforeSearch.has(path) && path !== '/favicon.svg');
      const bytes = firstQuery.reduce((sum, path) => sum + gzipBytes(distDir, path), 0);
      const pageBytes = [...beforeSearch].reduce((sum, path) => sum + gzipBytes(distDir, path), 0);
      const disk = indexBytes(distDir, pagefindLang);
      console.info(
        `search cost (${lang}): index ${(disk / 1024).toFixed(1)} KiB on disk; search page ${(pageBytes / 1024).toFixed(1)} KiB gzip; ` +
          `first query "${q}" downloads ${(bytes / 1024).toFixed(1)} KiB gzip in ${firstQuery.length} files:\n  ` +
          firstQuery.map((path) => `${path} ${gzipBytes(distDir, path)}`).join('\n  '),
      );
      expect(firstQuery.some((path) => path.endsWith('pagefind.js'))).toBe(true);
      expect(firstQuery.some((path) => path.includes(`/${pagefindLang}_`))).toBe(true);
      expect(firstQuery.some((path) => path.includes(pagefindLang === 'en' ? '/zh-cn_' : '/en_'))).toBe(false);
      expect(bytes).toBeLessThanOrEqual(FIRST_QUERY_BUDGET[lang]);

      // Every file the page fetched ahead (all at once, when the search started) is one Pagefind used: fetched once,
      // so Pagefind took the page's copy rather than asking again (and the page asked once, whichever event came first).
      const ahead = (await page.getAttribute('script[data-search-ahead]', 'data-preload'))!.split(' ').map((file) => `/pagefind/${file}`);
      expect(ahead[0]).toMatch(/^\/pagefind\/pagefind-entry\.json\?ts=[0-9a-f]{8}$/);
      expect(ahead.some((url) => url.endsWith('.pagefind'))).toBe(true);
      for (const url of ahead) expect(fetched.filter((seen) => seen === url), url).toHaveLength(1);
      expect(fetched.filter((url) => url.startsWith('/pagefind/pagefind-entry.json'))).toHaveLength(1);
      // The index is in several chunks, and the page asked for the ones the query needed before Pagefind could: every
      // chunk fetched was one the page preloaded, each fetched once.
      const chunks = JSON.parse((await page.getAttribute('script[data-search-ahead]', 'data-chunks'))!) as string[][];
      expect(chunks.length).toBeGreaterThan(2);
      const preloaded = await page.$$eval('link[rel="preload"][href$=".pf_index"]', (links) => links.map((link) => new URL((link as HTMLLinkElement).href).pathname));
      const chunksFetched = fetched.filter((url) => url.endsWith('.pf_index'));
      expect(chunksFetched.length).toBeGreaterThan(0);
      expect(chunksFetched.length).toBeLessThan(chunks.length);
      expect([...chunksFetched].sort()).toEqual([...preloaded].sort());
    });
  });
});

describe('a shared result link (?q=)', () => {
  it.each(LANGS)('%s: asks for the search code, Pagefind, the first query’s files and its index chunks from <head>, before the stylesheet has arrived', async (lang) => {
    await withPage({}, async (page) => {
      const client = await page.context().newCDPSession(page);
      await client.send('Network.enable');
      // A round trip long enough that the stylesheet cannot arrive before a script at the top of the page runs.
      await client.send('Network.emulateNetworkConditions', { offline: false, latency: 100, downloadThroughput: -1, uploadThroughput: -1 });
      const started = new Map<string, number>();
      const finished = new Map<string, number>();
      const paths = new Map<string, string>();
      client.on('Network.requestWillBeSent', (event) => {
        const path = new URL(event.request.url).pathname;
        paths.set(event.requestId, path);
        if (!started.has(path)) started.set(path, event.timestamp);
      });
      client.on('Network.loadingFinished', (event) => finished.set(paths.get(event.requestId)!, event.timestamp));
      const q = lang === 'zh' ? '车轮大战' : 'wheel battle';
      await page.goto(`${session.site.url}${lang}/search/?q=${encodeURIComponent(q)}`);
      await page.locator('.search-result').first().waitFor();
      const ahead = page.locator('script[data-search-ahead]');
      const searchCode = (await ahead.getAttribute('data-module'))!;
      const wasm = (await ahead.getAttribute('data-preload'))!.split(' ').find((file) => file.endsWith('.pagefind'))!;
      const stylesheet = [...finished.keys()].find((path) => path.endsWith('.css'))!;
      // The query's index chunks too, and for Chinese the fold table.
      const chunks = [...started.keys()].filter((path) => path.endsWith('.pf_index'));
      expect(chunks.length).toBeGreaterThan(0);
      const early = [searchCode, '/pagefind/pagefind.js', `/pagefind/${wasm}`, ...chunks, ...(lang === 'zh' ? ['/search-fold.json'] : [])];
      for (const path of early) expect(started.get(path), path).toBeLessThan(finished.get(stylesheet)!);
      // Each fetched once: the loader's import and Pagefind took the copies asked for ahead.
      const requests: string[] = [];
      page.on('request', (request) => requests.push(new URL(request.url()).pathname));
      await page.reload();
      await page.locator('.search-result').first().waitFor();
      await page.waitForLoadState('networkidle');
      for (const path of early) expect(requests.filter((seen) => seen === path), path).toHaveLength(1);
    });
  });
});

describe('under the sub-path /notes/', () => {
  let dir = '';
  let notes: StaticServer;
  beforeAll(async () => {
    dir = await notesBuild();
    notes = await serve(dir, '/notes/');
  });
  afterAll(async () => {
    await notes?.close();
  });

  it('indexes every page under its /notes/ URL', async () => {
    expect(existsSync(join(dir, 'pagefind', 'pagefind.js'))).toBe(true);
    expect(builtPage('/zh/gopherchina-2016/', dir)('form.header-search').attr('action')).toBe('/notes/zh/search/');
  });

  it('a query, a filter and a result link all work', async () => {
    await withPage({}, async (page) => {
      const failed: string[] = [];
      page.on('response', (response) => response.status() >= 400 && failed.push(response.url()));
      await page.goto(`${notes.url}zh/gopherchina-2016/baidu-bfe/`);
      await page.fill('#site-search', '车轮大战');
      await page.press('#site-search', 'Enter');
      await page.waitForURL(`${notes.url}zh/search/?q=${encodeURIComponent('车轮大战')}`);
      await settled(page);
      expect(await resultPaths(page)).toEqual(['/notes/zh/gopherchina-2016/baidu-bfe/']);

      await openSearch(page, 'en', 'speaker=dave-cheney', notes.url);
      expect(await resultPaths(page)).toEqual(['/notes/en/gopherchina-2016/writing-high-performance-go/']);
      await page.click('.search-result h2 a');
      await page.waitForURL(`${notes.url}en/gopherchina-2016/writing-high-performance-go/`);
      await expect(page.locator('h1').textContent()).resolves.toBe('How to Write high performance application');
      expect(failed).toEqual([]);
    });
  });
});
