/**
 * Scale: the benchmark's synthetic content is deterministic, valid and shaped like real reviews; long tag and speaker
 * lists are split into pages of TALKS_PER_PAGE, so no page grows with the archive. A synthetic archive of 60 talks
 * (one speaker given 25 of them) is built for real and read back.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FileSystemConfigLoader, HtmlValidate } from 'html-validate/node';
import { build, type BuildResult } from '../support/build.ts';
import { fileForPath, htmlPages, page } from '../support/dist.ts';
import { checkContent, parseMarkdown } from '../../src/lib/content-check.ts';
import { INDEX_TALKS_PER_SPEAKER, laterPages, pageCount, pageItems, pagePath, pagerLinks, TALKS_PER_PAGE } from '../../src/lib/paging.ts';
import { chineseChars, englishWords, syntheticContent } from '../../scripts/lib/synthetic.ts';

const writeContent = (root: string, files: Map<string, string>) => {
  for (const [path, text] of files) {
    mkdirSync(dirname(join(root, path)), { recursive: true });
    writeFileSync(join(root, path), text);
  }
};

describe('paging', () => {
  it('splits a list into pages of a fixed size; page 1 keeps the list URL', () => {
    expect(TALKS_PER_PAGE).toBe(20);
    expect(pageCount(0)).toBe(1);
    expect(pageCount(20)).toBe(1);
    expect(pageCount(21)).toBe(2);
    expect(laterPages(20)).toEqual([]);
    expect(laterPages(45)).toEqual([2, 3]);
    expect(pageItems([...Array(45).keys()], 3)).toEqual([40, 41, 42, 43, 44]);
    expect(pagePath('/en/tags/go/', 1)).toBe('/en/tags/go/');
    expect(pagePath('/en/tags/go/', 2)).toBe('/en/tags/go/2/');
  });

  it('keeps the pager small: first, last and neighbours, with gaps', () => {
    const few = pagerLinks('/t/', 1, 45);
    expect(few.prev).toBeUndefined();
    expect(few.next).toBe('/t/2/');
    expect(few.pages.map((link) => link?.page)).toEqual([1, 2, 3]);
    const many = pagerLinks('/t/', 6, 400);
    expect(many.count).toBe(20);
    expect(many.pages.map((link) => link?.page)).toEqual([1, undefined, 5, 6, 7, undefined, 20]);
    expect(many.pages.find((link) => link?.current)?.href).toBe('/t/6/');
    expect(pagerLinks('/t/', 1, 20).count).toBe(1);
  });
});

describe('synthetic content', () => {
  const files = syntheticContent({ talks: 45, seed: 7 });
  const reviews = (lang: string) => [...files].filter(([path]) => path.startsWith('talks/') && path.endsWith(`/${lang}.md`)).map(([, text]) => text);
  const prose = (text: string) =>
    parseMarkdown('x.md', text)
      .body!.replace(/```[\s\S]*?```/g, '')
      .replace(/^\|.*$/gm, '');

  it('is the same for the same seed and different for another', () => {
    expect([...syntheticContent({ talks: 45, seed: 7 })]).toEqual([...files]);
    expect([...syntheticContent({ talks: 45, seed: 8 })]).not.toEqual([...files]);
  });

  it('has N talks per language in conferences of 20, and passes the content check', () => {
    expect(reviews('zh')).toHaveLength(45);
    expect(reviews('en')).toHaveLength(45);
    expect([...files.keys()].filter((path) => path.endsWith('conference.yaml'))).toHaveLength(3);
    const root = mkdtempSync(join(tmpdir(), 'confnotes-synthetic-'));
    try {
      writeContent(root, files);
      expect(checkContent(root)).toEqual([]);
    } finally {
      rmSync(root, { recursive: true, force: true });
    }
  });

  it('shapes each review like a real one: ~600 characters or ~350 words, two headings, a session and a config block', () => {
    for (const text of reviews('zh')) expect(chineseChars(prose(text))).toBeGreaterThanOrEqual(570);
    for (const text of reviews('zh')) expect(chineseChars(prose(text))).toBeLessThanOrEqual(680);
    for (const text of reviews('en')) expect(englishWords(prose(text))).toBeGreaterThanOrEqual(320);
    for (const text of reviews('en')) expect(englishWords(prose(text))).toBeLessThanOrEqual(400);
    for (const text of [...reviews('zh'), ...reviews('en')]) {
      expect(text.match(/^## /gm)).toHaveLength(2);
      expect(text).toMatch(/```console\n\$ .+\n[^$`]/);
      expect(text).toMatch(/```(?:yaml|toml|json)\n/);
    }
    for (const [path, text] of files) {
      if (!path.endsWith('talk.yaml')) continue;
      const tags = /^tags: \[(.*)\]$/m.exec(text)![1].split(', ');
      expect(tags.length).toBeGreaterThanOrEqual(2);
      expect(tags.length).toBeLessThanOrEqual(4);
    }
  });
});

describe('a 60-talk archive, built', () => {
  const temp = mkdtempSync(join(tmpdir(), 'confnotes-scale-'));
  const PROLIFIC = 25;
  let result: BuildResult;
  let pages: string[] = [];
  let prolific = '';
  let prolificTalks = 0;

  beforeAll(async () => {
    const files = syntheticContent({ talks: 60, seed: 3 });
    // One speaker gives 25 or more of the talks, so their list needs two pages.
    prolific = [...files.keys()].find((path) => path.startsWith('speakers/'))!.slice('speakers/'.length, -'.yaml'.length);
    let given = 0;
    for (const [path, text] of files) {
      if (path.endsWith('talk.yaml') && given < PROLIFIC) {
        files.set(path, text.replace(/^speakers: \[.*\]$/m, `speakers: [${prolific}]`));
        given++;
      }
    }
    prolificTalks = [...files].filter(
      ([path, text]) => path.endsWith('talk.yaml') && new RegExp(`^speakers: \\[.*\\b${prolific}\\b`, 'm').test(text),
    ).length;
    writeContent(join(temp, 'content'), files);
    result = await build({ CONFNOTES_CONTENT: join(temp, 'content') }, join(temp, 'dist'));
    if (result.code === 0) pages = htmlPages(result.outDir);
  }, 240_000);

  afterAll(() => rmSync(temp, { recursive: true, force: true }));

  it('builds', () => {
    expect(result.code, result.output).toBe(0);
  });

  it('lists at most one page of talks on every tag and speaker page', () => {
    const lists = pages.filter((path) => /^\/(?:zh|en)\/(?:tags|speakers)\/[^/]+\/(?:\d+\/)?$/.test(path));
    expect(lists.length).toBeGreaterThan(20);
    for (const path of lists) expect(page(path, result.outDir)('ul.card-list > li').length, path).toBeLessThanOrEqual(TALKS_PER_PAGE);
  });

  it('splits a long tag into pages that link to each other, in both languages', () => {
    const tagPages = pages.filter((path) => /^\/en\/tags\/[^/]+\/2\/$/.test(path));
    expect(tagPages.length).toBeGreaterThan(0);
    const second = tagPages[0];
    const first = second.replace(/2\/$/, '');
    const $first = page(first, result.outDir);
    const $second = page(second, result.outDir);
    const total = Number(/\d+/.exec($first('.lede .meta').text())![0]);
    expect(total).toBeGreaterThan(TALKS_PER_PAGE);
    expect($first('ul.card-list > li')).toHaveLength(TALKS_PER_PAGE);
    expect($first('.list-pager a[rel="next"]').attr('href')).toBe(second);
    expect($first('.list-pager a[aria-current="page"]').attr('href')).toBe(first);
    expect($second('.list-pager a[rel="prev"]').attr('href')).toBe(first);
    expect($second('title').text()).toMatch(/\(page 2\) · confnotes$/);
    expect($second('link[rel="canonical"]').attr('href')).toBe(`https://confnotes.example${second}`);
    // Every page of the tag, together, lists every talk of the tag exactly once.
    const hrefs = pages
      .filter((path) => path === first || (path.startsWith(first) && /^\d+\/$/.test(path.slice(first.length))))
      .flatMap((path) =>
        page(
          path,
          result.outDir,
        )('ul.card-list > li h2 a')
          .map((_, el) => page(path, result.outDir)(el).attr('href'))
          .get(),
      );
    expect(hrefs).toHaveLength(total);
    expect(new Set(hrefs).size).toBe(total);
    // The Chinese side has the same pages, and the switcher keeps the page number.
    expect(pages).toContain(second.replace('/en/', '/zh/'));
    expect($second('a.lang-switch').attr('href')).toBe(second.replace('/en/', '/zh/'));
    expect(page(second.replace('/en/', '/zh/'), result.outDir)('title').text()).toMatch(/（第 2 页） · confnotes$/);
  });

  it('pages with a pager, and the speakers index with its "more" links, are valid HTML', async () => {
    const validator = new HtmlValidate(new FileSystemConfigLoader());
    const paged = pages.filter(
      (path) => /^\/(?:zh|en)\/(?:tags|speakers)\/[^/]+\/(?:2\/)?$/.test(path) && page(path, result.outDir)('.list-pager').length > 0,
    );
    expect(paged.length).toBeGreaterThanOrEqual(4);
    for (const path of [...paged, '/zh/speakers/', '/en/speakers/']) {
      const report = await validator.validateFile(fileForPath(path, result.outDir));
      const errors = report.results.flatMap((file) =>
        file.messages.filter((message) => message.severity === 2).map((message) => `${message.ruleId}: ${message.message}`),
      );
      expect(errors, path).toEqual([]);
    }
  });

  it('splits a prolific speaker into two pages and names only a few of their talks on the speakers index', () => {
    for (const lang of ['zh', 'en']) {
      const first = `/${lang}/speakers/${prolific}/`;
      expect(page(first, result.outDir)('ul.card-list > li')).toHaveLength(TALKS_PER_PAGE);
      expect(prolificTalks).toBeGreaterThanOrEqual(PROLIFIC);
      expect(prolificTalks).toBeLessThanOrEqual(2 * TALKS_PER_PAGE);
      expect(page(`${first}2/`, result.outDir)('ul.card-list > li')).toHaveLength(prolificTalks - TALKS_PER_PAGE);
      expect(pages).not.toContain(`${first}3/`);
      const $index = page(`/${lang}/speakers/`, result.outDir);
      const card = $index(`.speaker-list h2 a[href="${first}"]`).closest('li');
      const links = card.find('.plain-list a');
      expect(links).toHaveLength(INDEX_TALKS_PER_SPEAKER + 1);
      expect(links.last().attr('href')).toBe(first);
      expect(links.last().text()).toBe(
        lang === 'zh' ? `另有 ${prolificTalks - INDEX_TALKS_PER_SPEAKER} 场演讲` : `${prolificTalks - INDEX_TALKS_PER_SPEAKER} more talks`,
      );
    }
  });
});
