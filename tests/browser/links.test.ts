/**
 * Links of the built site: every internal link, asset and #anchor resolves, for the root build (base "/") and for a
 * build deployed under a sub-path (CONFNOTES_BASE=/notes/, the suite's one shared build, support/notes-build.ts); every external link
 * carries rel="noopener noreferrer". The sub-path build is also opened in Chromium, since addresses that scripts
 * build (dynamic imports, the search index) are invisible to a static link check.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { launch } from '../support/browser.ts';
import { distDir, htmlPages, page } from '../support/dist.ts';
import { checkLinks } from '../support/links.ts';
import { notesBuild } from '../support/notes-build.ts';
import { serve, type StaticServer } from '../support/server.ts';
import { samplePages } from '../support/templates.ts';

const SITE = 'https://confnotes.example';

function externalLinksWithoutRel(dir: string): string[] {
  const missing: string[] = [];
  for (const path of htmlPages(dir)) {
    const $ = page(path, dir);
    $('a[href], area[href]').each((_, el) => {
      const href = $(el).attr('href')!;
      let url: URL;
      try {
        url = new URL(href, SITE + '/');
      } catch {
        return;
      }
      if (url.origin === SITE || !/^https?:$/.test(url.protocol)) return;
      const rel = ($(el).attr('rel') ?? '').toLowerCase().split(/\s+/);
      if (!rel.includes('noopener') || !rel.includes('noreferrer')) missing.push(`${path}: ${href} rel="${$(el).attr('rel') ?? ''}"`);
    });
  }
  return missing;
}

describe('base "/"', () => {
  it('every internal link, asset and #anchor resolves', () => {
    const { broken, checked } = checkLinks(distDir, '/', SITE);
    expect(broken).toEqual([]);
    expect(checked).toBeGreaterThan(1000);
  });

  it('every external link has rel="noopener noreferrer"', () => {
    expect(externalLinksWithoutRel(distDir)).toEqual([]);
  });
});

describe('base "/notes/"', () => {
  let subPathDir = '';
  beforeAll(async () => {
    subPathDir = await notesBuild();
  });

  it('builds every page', () => {
    expect(htmlPages(subPathDir).length).toBe(htmlPages(distDir).length);
  });

  it('every internal link, asset and #anchor resolves under /notes/ and nothing points outside it', () => {
    const { broken, checked } = checkLinks(subPathDir, '/notes/', SITE);
    expect(broken).toEqual([]);
    expect(checked).toBeGreaterThan(1000);
  });

  it('every external link has rel="noopener noreferrer"', () => {
    expect(externalLinksWithoutRel(subPathDir)).toEqual([]);
  });

  describe('in Chromium', () => {
    let browser: Browser;
    let site: StaticServer;
    beforeAll(async () => {
      [browser, site] = await Promise.all([launch(), serve(subPathDir, '/notes/')]);
    });
    afterAll(async () => {
      await browser?.close();
      await site?.close();
    });

    it('every template loads with no failed request and no console error, and the language switch stays under /notes/', async () => {
      const samples = samplePages(subPathDir);
      expect(samples.length).toBeGreaterThan(10);
      const problems: string[] = [];
      const context = await browser.newContext();
      try {
        const tab = await context.newPage();
        tab.on('console', (message) => {
          if (message.type() === 'error') problems.push(`${tab.url()}: console error: ${message.text()}`);
        });
        tab.on('pageerror', (error) => problems.push(`${tab.url()}: uncaught: ${error.message}`));
        tab.on('requestfailed', (request) => problems.push(`${tab.url()}: request failed: ${request.url()}`));
        tab.on('response', (response) => {
          if (response.status() >= 400) problems.push(`${tab.url()}: HTTP ${response.status()}: ${response.url()}`);
        });
        const origin = site.url.replace(/\/notes\/$/, '');
        for (const sample of samples) {
          await tab.goto(origin + '/notes' + sample.path, { waitUntil: 'networkidle' });
          if (sample.template === '404') continue;
          const switched = await tab.locator('a.lang-switch').getAttribute('href');
          expect(switched, sample.path).toBe('/notes' + sample.path.replace(/^\/(zh|en)\//, (_, lang) => `/${lang === 'zh' ? 'en' : 'zh'}/`));
        }
        // A search, where there is a search page: its code and index load on demand, from under the base too.
        const search = samples.find((sample) => sample.template === 'search' && sample.lang === 'en');
        if (search) {
          await tab.goto(`${origin}/notes${search.path}?q=go`, { waitUntil: 'networkidle' });
          await tab.waitForLoadState('networkidle');
        }
      } finally {
        await context.close();
      }
      expect(problems).toEqual([]);
    });
  });
});
