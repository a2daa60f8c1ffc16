/**
 * Any notes folder builds with the same code: the fictional SampleCamp 2031 under tests/fixtures/fixture-conf/ (two
 * days, six talks, four speakers, one guide, one talk only in English) is built with CONFNOTES_CONTENT into a
 * temporary folder, and its pages are read back in both languages. The content root can also come from
 * confnotes.config.json; the environment wins over it.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { build, projectRoot, type BuildResult } from '../support/build.ts';
import { htmlPages, page, walkFiles } from '../support/dist.ts';
import { basePath, contentRoot, parseConfig, readConfigFile, siteUrl } from '../../src/lib/config.ts';

const SITE = 'https://confnotes.example';
const FIXTURE = 'tests/fixtures/fixture-conf';
const CONF = 'samplecamp-2031';
const TALKS = ['table-driven-tests', 'profiling-without-tears', 'tiny-sql-engine', 'fuzzing-in-ci', 'query-planner-notes', 'lint-everything'];
const SPEAKERS = ['zhang-san', 'li-si', 'alice-example', 'bob-sample'];
const ENGLISH_ONLY = 'lint-everything';

let result: BuildResult;
let pages: string[] = [];
const at = (path: string) => page(path, result.outDir);

beforeAll(async () => {
  result = await build({ CONFNOTES_CONTENT: FIXTURE });
  if (result.code === 0) pages = htmlPages(result.outDir);
}, 240_000);

afterAll(() => {
  if (!result) return;
  rmSync(result.outDir, { recursive: true, force: true });
  rmSync(`${result.outDir}-cache`, { recursive: true, force: true });
});

describe('the fixture conference', () => {
  it('is clearly fictional in every file', () => {
    const files = walkFiles(join(projectRoot, FIXTURE));
    expect(files.length).toBeGreaterThan(20);
    for (const file of files) expect(readFileSync(file, 'utf8'), relative(projectRoot, file)).toMatch(/FICTIONAL/);
  });

  it('builds with no code change, only CONFNOTES_CONTENT', () => {
    expect(result.code, result.output).toBe(0);
    // Nothing of the real content leaks in.
    expect(pages.some((path) => path.includes('gopherchina'))).toBe(false);
  });

  it('has every page in both languages', () => {
    for (const lang of ['zh', 'en']) {
      const expected = [
        `/${lang}/`,
        `/${lang}/${CONF}/`,
        ...TALKS.map((talk) => `/${lang}/${CONF}/${talk}/`),
        `/${lang}/speakers/`,
        ...SPEAKERS.map((speaker) => `/${lang}/speakers/${speaker}/`),
        `/${lang}/tags/`,
        ...['testing', 'tooling', 'performance', 'databases'].map((tag) => `/${lang}/tags/${tag}/`),
        `/${lang}/guides/sample-cli-setup/`,
      ];
      for (const path of expected) expect(pages, path).toContain(path);
    }
  });

  it('shows the schedule over two days with all six talks', () => {
    for (const [lang, htmlLang, dayOne] of [
      ['zh', 'zh-CN', '第 1 天'],
      ['en', 'en', 'Day 1'],
    ]) {
      const $ = at(`/${lang}/${CONF}/`);
      expect($('html').attr('lang')).toBe(htmlLang);
      expect($('section.day')).toHaveLength(2);
      // Each day is a section headed by an h2; its talks are h3 below it.
      expect($('section.day h2').first().text()).toContain(dayOne);
      expect($('section.day li.talk h3')).toHaveLength(6);
      expect($('li.talk')).toHaveLength(6);
      // The conference's own offset (+02:00), not the real content's.
      expect($('time[datetime="2031-05-10T09:00+02:00"]').length).toBeGreaterThan(0);
    }
    expect(at(`/zh/${CONF}/`)('h1').text()).toBe('样例营 2031（虚构）');
    expect(at(`/en/${CONF}/`)('h1').text()).toBe('SampleCamp 2031 (fictional)');
  });

  it('renders a translated talk in each language with its own review', () => {
    const zh = at(`/zh/${CONF}/tiny-sql-engine/`);
    const en = at(`/en/${CONF}/tiny-sql-engine/`);
    expect(zh('h1').text()).toBe('三百行写一个 SQL 引擎');
    expect(en('h1').text()).toBe('A SQL engine in 300 lines');
    expect(zh('#review').text()).toBe('李四的三百行 SQL 引擎（虚构）');
    expect(en('#review').text()).toBe("Li Si's 300-line SQL engine (fictional)");
    expect(zh('.review table tr')).toHaveLength(4);
    expect(en('.review table tr')).toHaveLength(4);
    for (const $ of [zh, en]) {
      expect($('.notice')).toHaveLength(0);
      expect($('meta[name="robots"]')).toHaveLength(0);
    }
    expect(en('link[rel="canonical"]').attr('href')).toBe(`${SITE}/en/${CONF}/tiny-sql-engine/`);
    expect(en('link[rel="alternate"][hreflang="zh-CN"]').attr('href')).toBe(`${SITE}/zh/${CONF}/tiny-sql-engine/`);
  });

  it('shows the English-only talk on the Chinese side with a notice, a canonical link to the original and noindex', () => {
    const zhPath = `/zh/${CONF}/${ENGLISH_ONLY}/`;
    const enPath = `/en/${CONF}/${ENGLISH_ONLY}/`;
    const zh = at(zhPath);
    expect(zh('html').attr('lang')).toBe('zh-CN');
    const notice = zh('.notice');
    expect(notice).toHaveLength(1);
    expect(notice.text()).toContain('这篇点评还没有中文版');
    expect(notice.find('a').attr('href')).toBe(enPath);
    expect(notice.find('a').attr('hreflang')).toBe('en');
    expect(zh('link[rel="canonical"]').attr('href')).toBe(SITE + enPath);
    expect(zh('meta[name="robots"]').attr('content')).toBe('noindex');
    // The review shown is the English one, marked as English inside the Chinese page.
    expect(zh('section.review').attr('lang')).toBe('en');
    expect(zh('#review').text()).toBe('Alice Example on linting everything (fictional)');
    // Only the English page is offered as an alternate.
    expect(zh('link[rel="alternate"][hreflang="zh-CN"]')).toHaveLength(0);
    expect(zh('link[rel="alternate"][hreflang="en"]').attr('href')).toBe(SITE + enPath);

    const en = at(enPath);
    expect(en('.notice')).toHaveLength(0);
    expect(en('meta[name="robots"]')).toHaveLength(0);
    expect(en('link[rel="canonical"]').attr('href')).toBe(SITE + enPath);
  });

  it('lists a speaker with both talks and the co-presented talk under both speakers', () => {
    for (const lang of ['zh', 'en']) {
      const liSi = at(`/${lang}/speakers/li-si/`);
      expect(liSi('.card-list > li')).toHaveLength(2);
      for (const speaker of ['bob-sample', 'zhang-san']) {
        expect(at(`/${lang}/speakers/${speaker}/`)(`a[href="/${lang}/${CONF}/fuzzing-in-ci/"]`).length).toBeGreaterThan(0);
      }
    }
    expect(at('/zh/speakers/zhang-san/')('h1').text()).toBe('张三');
    expect(at('/en/speakers/zhang-san/')('h1').text()).toBe('Zhang San');
  });

  it('builds the guide in both languages with its embedded file', () => {
    expect(at('/zh/guides/sample-cli-setup/')('h1').text()).toBe('配置样例命令行工具（虚构）');
    expect(at('/en/guides/sample-cli-setup/')('h1').text()).toBe('Setting up the sample CLI (fictional)');
    const download = at('/en/guides/sample-cli-setup/')('a.code-download').attr('href');
    expect(download).toBe('/files/guides/sample-cli-setup/files/sample.toml');
    expect(readFileSync(join(result.outDir, download!), 'utf8')).toBe(
      readFileSync(join(projectRoot, FIXTURE, 'guides/sample-cli-setup/files/sample.toml'), 'utf8'),
    );
  });
});

describe('the content root setting', () => {
  it('comes from the environment first, then confnotes.config.json, then "content"', () => {
    const file = { content: 'notes/', base: 'docs', site: 'https://notes.example' };
    expect(contentRoot({}, {})).toBe('content');
    expect(contentRoot({}, file)).toBe('notes');
    expect(contentRoot({ CONFNOTES_CONTENT: FIXTURE }, file)).toBe(FIXTURE);
    expect(basePath({}, file)).toBe('/docs/');
    expect(basePath({ CONFNOTES_BASE: '/' }, file)).toBe('/');
    expect(siteUrl({}, file)).toBe('https://notes.example');
  });

  it('reads confnotes.config.json from the project root, and a missing file is fine', () => {
    const dir = mkdtempSync(join(tmpdir(), 'confnotes-config-'));
    try {
      expect(readConfigFile(dir)).toEqual({});
      writeFileSync(join(dir, 'confnotes.config.json'), JSON.stringify({ content: FIXTURE }));
      expect(contentRoot({}, readConfigFile(dir))).toBe(FIXTURE);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('rejects a malformed config file with one line per mistake', () => {
    expect(() => parseConfig('{ "content": ')).toThrow(/^confnotes\.config\.json: \(file\): invalid JSON/);
    expect(() => parseConfig('[]')).toThrow('confnotes.config.json: (file): must be a JSON object');
    expect(() => parseConfig('{ "contents": "x", "base": 3 }')).toThrow(
      'confnotes.config.json: contents: unknown setting (known: content, base, site)\nconfnotes.config.json: base: must be a non-empty string',
    );
  });
});
