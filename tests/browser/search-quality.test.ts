/**
 * The search query set (tests/data/search-queries.yaml, plus every speaker in every spelling from content/), run
 * through the built site's search page in Chromium, as a reader types it. Asserts that at least 97% of the queries
 * with expected pages show one of them among the first three results, and that every nonsense query shows nothing
 * and the no-results state. The same queries also go, raw, to Pagefind on its own (a stock index of the same pages
 * without our integration); the printed table of both is the one docs/search.md publishes.
 */
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import * as OpenCC from 'opencc-js';
import { pinyin } from 'pinyin-pro';
import { useBrowserAndSite } from '../support/browser.ts';
import { projectRoot } from '../support/build.ts';
import { distDir, htmlPages, fileForPath } from '../support/dist.ts';
import { serve, type StaticServer } from '../support/server.ts';
import { readYaml, speakers, talks } from '../support/content-files.ts';
import { nameForms, type SpeakerNames } from '../../src/lib/search.ts';

type Lang = 'zh' | 'en';
const LANGS: Lang[] = ['zh', 'en'];
interface Row {
  q: string;
  on: Lang;
  expect: string[];
  kind: string;
}


const toTraditional = OpenCC.Converter({ from: 'cn', to: 'tw' });
/** Every way a reader may spell a speaker: the name forms, lowercase, pinyin with and without spaces and tones, traditional. */
function spellings(speaker: SpeakerNames): string[] {
  const forms = new Set([...nameForms(speaker), speaker.name.en.toLowerCase()]);
  if (/\p{Script=Han}/u.test(speaker.name.zh)) {
    const toneless = pinyin(speaker.name.zh, { toneType: 'none', type: 'array', surname: 'head' });
    const toned = pinyin(speaker.name.zh, { type: 'array', surname: 'head' });
    forms.add(toneless.join(' ')).add(toneless.join('')).add(toned.join(' ')).add(toned.join(''));
    forms.add(toTraditional(speaker.name.zh));
  }
  return [...forms];
}

const listed: Row[] = (readYaml(join(projectRoot, 'tests/data/search-queries.yaml')).rows as Array<Omit<Row, 'on'> & { on: Lang | 'both' }>).flatMap(
  (row) => (row.on === 'both' ? LANGS : [row.on]).map((on) => ({ ...row, on })),
);
const speakerRows: Row[] = speakers.flatMap((speaker) => {
  const own = talks.filter((talk) => talk.speakers.includes(speaker.id)).map((talk) => talk.id);
  if (own.length === 0) return [];
  return LANGS.flatMap((on) => spellings(speaker).map((q) => ({ q, on, expect: own, kind: 'speaker' })));
});
const ROWS = [...listed, ...speakerRows];

/** The site paths a row accepts. */
function expectedPaths(row: Row): string[] {
  return row.expect.flatMap((page) => {
    const [kind, id] = page.includes(':') ? page.split(':') : ['talk', page];
    if (kind === 'guide') return [`/${row.on}/guides/${id}/`];
    if (kind === 'conference') return [`/${row.on}/${id}/`];
    const matching = kind === 'tag' ? talks.filter((talk) => talk.tags.includes(id)) : talks.filter((talk) => talk.id === id);
    if (matching.length === 0) throw new Error(`search-queries.yaml: ${page} is not a page of the site`);
    return matching.map((talk) => `/${row.on}/${talk.conference}/${talk.id}/`);
  });
}

interface Outcome {
  top: string[];
  /** Whether the page showed its no-results state (ours only). */
  none?: boolean;
}

const session = useBrowserAndSite();

/** Pagefind on its own: the stock indexer over the same pages (our hidden search record left out), queries as typed. */
let alone: StaticServer;
const aloneDir = mkdtempSync(join(tmpdir(), 'confnotes-pagefind-alone-'));
beforeAll(async () => {
  const pagefind = await import('pagefind');
  const { index } = await pagefind.createIndex({});
  if (!index) throw new Error('Pagefind did not start');
  for (const path of htmlPages(distDir)) {
    const html = readFileSync(fileForPath(path), 'utf8');
    if (!html.includes('data-pagefind-body')) continue;
    const added = await index.addHTMLFile({ url: path, content: html.replace(/<div hidden class="search-record"[\s\S]*?<\/div>/, '') });
    if (added.errors.length > 0) throw new Error(added.errors.join('\n'));
  }
  await index.writeFiles({ outputPath: join(aloneDir, 'pagefind') });
  await pagefind.close();
  for (const lang of LANGS) {
    mkdirSync(join(aloneDir, lang), { recursive: true });
    writeFileSync(join(aloneDir, lang, 'index.html'), `<!doctype html><html lang="${lang === 'zh' ? 'zh-CN' : 'en'}"><title>x</title></html>`);
  }
  alone = await serve(aloneDir);
}, 240_000);
afterAll(async () => {
  await alone?.close();
  rmSync(aloneDir, { recursive: true, force: true });
});

async function ours(page: Page, q: string): Promise<Outcome> {
  await page.fill('#site-search', q);
  await page.press('#site-search', 'Enter');
  await page.waitForFunction((q) => {
    const element = document.querySelector<HTMLElement>('search-page');
    return new URLSearchParams(location.search).get('q') === q && element !== null && !element.hasAttribute('aria-busy') && element.dataset.shown === location.search;
  }, q);
  const top = await page.$$eval('.search-results .search-result h2 a', (links) => links.slice(0, 3).map((link) => new URL((link as HTMLAnchorElement).href).pathname));
  return { top, none: await page.isVisible('.search-none') };
}

// A string, not a function: Vitest would rewrite a function's import() into its own loader.
const pagefindAlone = (page: Page, q: string): Promise<Outcome> =>
  page.evaluate(`(async () => {
    const pagefind = await import(location.origin + '/pagefind/pagefind.js');
    const response = await pagefind.search(${JSON.stringify(q)});
    const data = await Promise.all(response.results.slice(0, 3).map((result) => result.data()));
    return { top: data.map((item) => item.url) };
  })()`);

interface Scored {
  row: Row;
  ours: Outcome;
  alone: Outcome;
}
const scored: Scored[] = [];

const hit = (row: Row, outcome: Outcome) => {
  const expected = expectedPaths(row);
  return row.expect.length === 0 ? outcome.top.length === 0 : outcome.top.some((path) => expected.includes(path));
};
const first = (row: Row, outcome: Outcome) => row.expect.length > 0 && expectedPaths(row).includes(outcome.top[0]);

describe('the search query set', () => {
  it('has at least 150 queries in every kind the issue names', () => {
    expect(ROWS.length).toBeGreaterThanOrEqual(150);
    const kinds = new Set(ROWS.map((row) => row.kind));
    for (const kind of ['speaker', 'title', 'tag', 'review', 'guide', 'traditional', 'pinyin', 'cross', 'nonsense']) expect(kinds).toContain(kind);
    for (const row of ROWS) expectedPaths(row);
  });

  it.each(LANGS)('runs every %s query through our search page and through Pagefind alone', async (lang) => {
    const context = await session.browser.newContext();
    try {
      const page = await context.newPage();
      await page.goto(`${session.site.url}${lang}/search/`);
      const bare = await context.newPage();
      await bare.goto(`${alone.url}${lang}/`);
      for (const row of ROWS.filter((row) => row.on === lang)) scored.push({ row, ours: await ours(page, row.q), alone: await pagefindAlone(bare, row.q) });
    } finally {
      await context.close();
    }
  }, 600_000);

  it('finds an expected page among the first three for at least 97% of the queries, and nothing for nonsense', () => {
    const table = report(scored);
    console.info(table);
    const real = scored.filter(({ row }) => row.expect.length > 0);
    const misses = real.filter(({ row, ours }) => !hit(row, ours)).map(({ row, ours }) => `${row.on} “${row.q}” → ${ours.top.join(', ') || 'nothing'}`);
    expect(real.length - misses.length, `misses:\n${misses.join('\n')}`).toBeGreaterThanOrEqual(Math.ceil(real.length * 0.97));
    const nonsense = scored.filter(({ row }) => row.expect.length === 0);
    expect(nonsense.length).toBeGreaterThan(0);
    expect(nonsense.filter(({ ours }) => ours.top.length > 0 || !ours.none).map(({ row, ours }) => `${row.on} “${row.q}” → ${ours.top.join(', ')}`)).toEqual([]);
  });
});

/** The table docs/search.md publishes: per kind, top-3 hits (top-1 in brackets) of ours and of Pagefind alone. */
function report(rows: Scored[]): string {
  const percent = (part: number, whole: number) => (whole === 0 ? '–' : `${((part / whole) * 100).toFixed(1)}%`);
  const kinds = [...new Set(rows.map(({ row }) => row.kind))];
  const line = (label: string, group: Scored[]) => {
    const cells = LANGS.flatMap((lang) => {
      const own = group.filter(({ row }) => row.on === lang);
      const top3 = (pick: 'ours' | 'alone') => percent(own.filter((item) => hit(item.row, item[pick])).length, own.length);
      const top1 = (pick: 'ours' | 'alone') => percent(own.filter((item) => first(item.row, item[pick])).length, own.length);
      const nonsense = own.every(({ row }) => row.expect.length === 0);
      return nonsense ? [`${own.length}`, top3('ours'), top3('alone')] : [`${own.length}`, `${top3('ours')} (${top1('ours')})`, `${top3('alone')} (${top1('alone')})`];
    });
    return `| ${label} | ${cells.join(' | ')} |`;
  };
  const real = rows.filter(({ row }) => row.expect.length > 0);
  return [
    '| queries | zh: n | zh: ours | zh: Pagefind alone | en: n | en: ours | en: Pagefind alone |',
    '|---|---|---|---|---|---|---|',
    ...kinds.filter((kind) => kind !== 'nonsense').map((kind) => line(kind, rows.filter(({ row }) => row.kind === kind))),
    line('**all with expected pages**', real),
    line('nonsense (share with no results)', rows.filter(({ row }) => row.kind === 'nonsense')),
  ].join('\n');
}
