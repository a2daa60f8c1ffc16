/**
 * The Content Security Policy in Debian's Chromium: every built page (so every template, in both languages) loads
 * with no CSP violation, and what the policy must let through still works: the inline theme script, the bundled
 * theme choice, the root's language choice, and the code colours in light and dark.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { BrowserContextOptions, Page } from 'playwright-core';
import { useBrowserAndSite, withContextPage } from '../support/browser.ts';
import { htmlPages } from '../support/dist.ts';

const pages = htmlPages();

const session = useBrowserAndSite();

const url = (path: string) => session.site.url.replace(/\/$/, '') + path;

const withPage = <T>(options: BrowserContextOptions, run: (page: Page) => Promise<T>) => withContextPage(session.browser, options, run);

/**
 * Collects violations two ways: the securitypolicyviolation event (registered before any page script runs, on every
 * document of the page, so a navigation does not lose it) and Chromium's console report.
 */
async function watchCsp(page: Page): Promise<() => Promise<string[]>> {
  const reported: string[] = [];
  await page.exposeFunction('__reportCspViolation', (line: string) => reported.push(line));
  await page.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (event) => {
      (window as unknown as { __reportCspViolation: (line: string) => void }).__reportCspViolation(
        `${event.violatedDirective} blocked ${event.blockedURI || 'inline'} at ${event.sourceFile}:${event.lineNumber} (${event.sample})`,
      );
    });
  });
  page.on('console', (message) => {
    if (/Content.Security.Policy/i.test(message.text())) reported.push(`console: ${message.text()}`);
  });
  return async () => reported;
}

describe('no CSP violation on any page', () => {
  // One tab for every page: the listener is installed on each new document, so pages cannot hide each other's reports.
  let tab: Page;
  let violations: () => Promise<string[]>;
  let seen = 0;
  beforeAll(async () => {
    tab = await (await session.browser.newContext()).newPage();
    violations = await watchCsp(tab);
  });
  afterAll(async () => {
    await tab?.context().close();
  });

  it('there are pages', () => {
    expect(pages.length).toBeGreaterThan(20);
  });

  it.each(pages)('%s', async (path) => {
    await tab.goto(url(path), { waitUntil: 'load' });
    // The root page forwards to a language home; wait for that page too.
    if (path === '/') await tab.waitForURL(/\/(?:zh|en)\/$/, { waitUntil: 'load' });
    // Violation events are queued tasks: let the queue drain before reading them.
    await tab.evaluate(() => new Promise((done) => setTimeout(done, 0)));
    const all = await violations();
    const fresh = all.slice(seen);
    seen = all.length;
    expect(fresh).toEqual([]);
  });
});

describe('what the policy lets through still works', () => {
  it('the root chooses a language by the browser: English for en-US, Chinese for zh-CN', async () => {
    for (const [locale, home] of [
      ['en-US', '/en/'],
      ['zh-CN', '/zh/'],
    ]) {
      await withPage({ locale }, async (page) => {
        await page.goto(url('/'));
        await page.waitForURL(url(home));
        expect(new URL(page.url()).pathname).toBe(home);
      });
    }
  });

  it('the inline theme script applies a remembered theme, and the bundled toggle shows up', async () => {
    await withPage({ colorScheme: 'light' }, async (page) => {
      const violations = await watchCsp(page);
      await page.goto(url('/en/'));
      expect(await page.locator('html').getAttribute('data-theme')).toBeNull();
      await page.evaluate(() => localStorage.setItem('confnotes-theme', 'dark'));
      await page.reload();
      expect(await page.locator('html').getAttribute('data-theme')).toBe('dark');
      await expect.poll(() => page.locator('theme-select select').isVisible()).toBe(true);
      expect(await violations()).toEqual([]);
    });
  });

  it('search runs its WebAssembly and worker under the policy', async () => {
    const search = '/en/search/';
    expect(pages).toContain(search);
    await withPage({}, async (page) => {
      const violations = await watchCsp(page);
      await page.goto(`${url(search)}?q=go`);
      await expect.poll(() => page.locator('.search-results li').count(), { timeout: 20_000 }).toBeGreaterThan(0);
      expect(await violations()).toEqual([]);
    });
  });

  it('the code loaded on demand (copy buttons, the guide form) runs under the policy', async () => {
    const guide = pages.find((path) => /^\/en\/guides\/[^/]+\/$/.test(path));
    expect(guide).toBeDefined();
    await withPage({ permissions: ['clipboard-read', 'clipboard-write'] }, async (page) => {
      const violations = await watchCsp(page);
      await page.goto(url(guide!));
      const copy = page.locator('[data-copy]').first();
      if ((await copy.count()) > 0) {
        await copy.click();
        await page.waitForLoadState('networkidle');
      }
      const form = page.locator('details[data-guide-config]');
      if ((await form.count()) > 0) {
        await form.locator('summary').click();
        await form.locator('input[name="flavor"][value="flatcar"]').check();
        // The form's code ran: the guide's commands now speak of Flatcar.
        await expect.poll(() => page.locator('pre').filter({ hasText: /flatcar/i }).count(), { timeout: 20_000 }).toBeGreaterThan(0);
        await page.evaluate(() => new Promise((done) => requestAnimationFrame(() => setTimeout(done, 0))));
      }
      expect(await violations()).toEqual([]);
    });
  });

  it('code colours follow the light and the dark theme', async () => {
    const guide = pages.find((path) => /^\/en\/guides\/[^/]+\/$/.test(path));
    expect(guide).toBeDefined();
    const hex = (value: string) => {
      const [r, g, b] = [0, 2, 4].map((i) => parseInt(value.padEnd(6, value).slice(i, i + 2), 16));
      return `rgb(${r}, ${g}, ${b})`;
    };
    for (const scheme of ['light', 'dark'] as const) {
      await withPage({ colorScheme: scheme }, async (page) => {
        await page.goto(url(guide!));
        // A token whose two theme colours differ, so the check tells the themes apart.
        const token = await page.evaluate((variant) => {
          for (const span of document.querySelectorAll('pre.astro-code span')) {
            const light = [...span.classList].find((name) => /^sk-light-[0-9a-f]{6}$/.test(name));
            const dark = [...span.classList].find((name) => /^sk-dark-[0-9a-f]{6}$/.test(name));
            if (light && dark && light.slice(9) !== dark.slice(8)) {
              return { expected: variant === 'light' ? light.slice(9) : dark.slice(8), color: getComputedStyle(span).color };
            }
          }
          return undefined;
        }, scheme);
        expect(token).toBeDefined();
        expect(token!.color).toBe(hex(token!.expected));
      });
    }
  });
});
