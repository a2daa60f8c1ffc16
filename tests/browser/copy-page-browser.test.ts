/**
 * "Copy page as Markdown" in Debian's Chromium: with JavaScript the button shows, its code loads only on the first
 * click, and the clipboard then holds the page's Markdown twin exactly, with a spoken confirmation; without
 * JavaScript there is no button at all. Checked on one page of each template that has a twin, in both languages.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { useBrowserAndSite, withContextPage } from '../support/browser.ts';
import { fileForPath } from '../support/dist.ts';

const session = useBrowserAndSite();
const url = (path: string) => session.site.url.replace(/\/$/, '') + path;
const PAGES = ['/zh/gopherchina-2016/baidu-bfe/', '/en/gopherchina-2016/', '/en/guides/coreos-vagrant/', '/zh/speakers/li-bingyi/', '/en/tags/performance/'];

describe.each(PAGES)('%s', (path) => {
  it('copies the twin, loading its code on the first click', async () => {
    await withContextPage(session.browser, { permissions: ['clipboard-read', 'clipboard-write'] }, async (page) => {
      const scripts: string[] = [];
      page.on('request', (request) => {
        if (request.resourceType() === 'script') scripts.push(new URL(request.url()).pathname);
      });
      await page.goto(url(path));
      const button = page.locator('copy-page button');
      await expect(button.isVisible()).resolves.toBe(true);
      const before = scripts.filter((script) => script.includes('copy-page')).length;
      expect(before).toBe(0);
      await button.click();
      await page.waitForFunction(() => document.querySelector('.copy-page-status')?.textContent !== '');
      expect(scripts.some((script) => script.includes('copy-page'))).toBe(true);
      const copied = await page.evaluate(() => navigator.clipboard.readText());
      const href = await page.locator('link[rel="alternate"][type="text/markdown"]').getAttribute('href');
      expect(copied).toBe(readFileSync(fileForPath(href!), 'utf8'));
      expect(await page.locator('.copy-page-status').textContent()).toMatch(/Markdown/);
    });
  });

  it('offers nothing without JavaScript', async () => {
    await withContextPage(session.browser, { javaScriptEnabled: false }, async (page) => {
      await page.goto(url(path));
      expect(await page.locator('copy-page button').isVisible()).toBe(false);
      expect(await page.locator('copy-page').isVisible()).toBe(false);
    });
  });
});
