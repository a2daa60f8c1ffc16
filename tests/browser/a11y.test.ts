/**
 * axe-core in Debian's Chromium: no violations on any template, in both languages, in the light and the dark theme.
 * All of axe's default rules run (WCAG 2.x A and AA, best practices); nothing is switched off. The pages' Content
 * Security Policy would block the injected axe script, so these contexts bypass it (the CSP has its own tests).
 */
import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import type { AxeResults } from 'axe-core';
import { useBrowserAndSite } from '../support/browser.ts';
import { distDir } from '../support/dist.ts';
import { samplePages } from '../support/templates.ts';

const axePath = createRequire(import.meta.url).resolve('axe-core/axe.min.js');

const cases = (['light', 'dark'] as const).flatMap((colorScheme) => samplePages(distDir).map((sample) => ({ ...sample, colorScheme })));

const session = useBrowserAndSite();

/** One line per failing node: rule, impact, the element, and axe's own summary of what to fix. */
async function violations(page: Page): Promise<string[]> {
  await page.addScriptTag({ path: axePath });
  const results = await page.evaluate(() =>
    (window as unknown as { axe: { run: (context: Document, options: object) => Promise<AxeResults> } }).axe.run(document, { resultTypes: ['violations'] }),
  );
  return results.violations.flatMap((violation) =>
    violation.nodes.map((node) => `${violation.id} (${violation.impact}): ${node.target.join(' ')}: ${node.failureSummary?.replace(/\s+/g, ' ')}`),
  );
}

describe('axe-core', () => {
  it.each(cases)('$label $path in the $colorScheme theme: 0 violations', async ({ path, colorScheme }) => {
    const context = await session.browser.newContext({ colorScheme, bypassCSP: true });
    try {
      const page = await context.newPage();
      await page.goto(session.site.url.replace(/\/$/, '') + path, { waitUntil: 'networkidle' });
      expect(await violations(page)).toEqual([]);
    } finally {
      await context.close();
    }
  });

  it('the theme a reader picks (dark on a light system) passes too', async () => {
    const talk = cases.find((sample) => sample.template === 'talk')!;
    const context = await session.browser.newContext({ colorScheme: 'light', bypassCSP: true });
    try {
      const page = await context.newPage();
      await page.goto(session.site.url.replace(/\/$/, '') + talk.path);
      await page.locator('theme-select select').selectOption('dark');
      await expect(page.locator('html').getAttribute('data-theme')).resolves.toBe('dark');
      expect(await violations(page)).toEqual([]);
    } finally {
      await context.close();
    }
  });

  it('the root language chooser, as it shows when its redirect does not run', async () => {
    const context = await session.browser.newContext({ bypassCSP: true });
    try {
      const page = await context.newPage();
      // axe needs JavaScript, and with it the root navigates away at once: serve the root with its redirect disarmed.
      await page.route(session.site.url, async (route) => {
        const response = await route.fetch();
        const html = (await response.text()).replace(/location\.replace\(/, 'String(');
        await route.fulfill({ response, body: html });
      });
      await page.goto(session.site.url);
      await expect(page.locator('h1').textContent()).resolves.toBe('confnotes');
      expect(await violations(page)).toEqual([]);
    } finally {
      await context.close();
    }
  });

  it('covers the search page', () => {
    expect(cases.filter((sample) => sample.template === 'search')).toHaveLength(4);
  });
});
