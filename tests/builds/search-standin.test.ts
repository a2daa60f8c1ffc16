/**
 * A stand-in page (the Chinese page of a talk written only in English) is not a search result of its own: the
 * fixture conference (tests/fixtures/fixture-conf, whose "lint-everything" is English only) is built, its index read
 * back, and a Chinese search for the talk is run in Chromium: one result, the English page, saying it is in English.
 */
import { readdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launch } from '../support/browser.ts';
import { build, type BuildResult } from '../support/build.ts';
import { serve, type StaticServer } from '../support/server.ts';
import type { Browser } from 'playwright-core';

const STAND_IN = '/zh/samplecamp-2031/lint-everything/';
const ORIGINAL = '/en/samplecamp-2031/lint-everything/';

let result: BuildResult;
let site: StaticServer;
let browser: Browser;
beforeAll(async () => {
  result = await build({ CONFNOTES_CONTENT: 'tests/fixtures/fixture-conf' });
  if (result.code !== 0) throw new Error(`astro build failed:\n${result.output}`);
  [site, browser] = await Promise.all([serve(result.outDir), launch()]);
}, 240_000);
afterAll(async () => {
  await browser?.close();
  await site?.close();
  if (result) {
    rmSync(result.outDir, { recursive: true, force: true });
    rmSync(`${result.outDir}-cache`, { recursive: true, force: true });
  }
});

/** Pagefind's records: each fragment is gzip of "pagefind_dcd" and JSON; its language is in the file name. */
function records(): Array<{ lang: string; url: string; meta: Record<string, string> }> {
  const folder = join(result.outDir, 'pagefind', 'fragment');
  return readdirSync(folder).map((name) => ({
    lang: name.split('_')[0],
    ...JSON.parse(gunzipSync(readFileSync(join(folder, name))).toString('utf8').replace(/^pagefind_dcd/, '')),
  }));
}

describe('a stand-in for a missing translation', () => {
  it('is filed in its language’s index under the original’s URL, once, marked with the original’s language', () => {
    const all = records();
    expect(all.filter((record) => record.url === STAND_IN)).toEqual([]);
    // The original keeps its own record in its own index; the stand-in's points at the original's content.
    const filed = all.filter((record) => record.url.startsWith(ORIGINAL));
    expect(filed.map((record) => `${record.lang} ${record.url}`).sort()).toEqual([`en ${ORIGINAL}`, `zh-cn ${ORIGINAL}#main`]);
    expect(filed.find((record) => record.lang === 'zh-cn')!.meta.lang).toBe('en');
    expect(filed.find((record) => record.lang === 'en')!.meta.lang).toBeUndefined();
  });

  it('shows up once in a Chinese search, linking to the English page and saying so', async () => {
    const context = await browser.newContext();
    try {
      const page = await context.newPage();
      await page.goto(`${site.url}zh/search/?q=${encodeURIComponent('什么都要检查')}`);
      await page.waitForFunction(() => {
        const element = document.querySelector<HTMLElement>('search-page');
        return element !== null && !element.hasAttribute('aria-busy') && element.dataset.shown === location.search;
      });
      const links = await page.$$eval('.search-result h2 a', (items) => items.map((link) => [new URL((link as HTMLAnchorElement).href).pathname, link.getAttribute('hreflang')]));
      expect(links).toEqual([[ORIGINAL, 'en']]);
      await expect(page.locator('.search-result-lang').textContent()).resolves.toContain('英文页面');
      // And the English search still finds the English page itself.
      await page.goto(`${site.url}en/search/?q=${encodeURIComponent('Lint everything')}`);
      await page.waitForFunction(() => {
        const element = document.querySelector<HTMLElement>('search-page');
        return element !== null && !element.hasAttribute('aria-busy') && element.dataset.shown === location.search;
      });
      const english = await page.$$eval('.search-result h2 a', (items) => items.map((link) => (link as HTMLAnchorElement).getAttribute('href')));
      expect(english[0]).toBe(ORIGINAL);
      await expect(page.locator('.search-result-lang').count()).resolves.toBe(0);
    } finally {
      await context.close();
    }
  });
});
