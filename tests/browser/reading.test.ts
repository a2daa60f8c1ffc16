/**
 * The reading layout in Debian's Chromium, for every template in both languages (tests/support/templates.ts):
 * - nothing overflows sideways at 320, 390 and 1280 px (code blocks may scroll inside themselves, nothing else);
 * - the header stays one row at 390 px;
 * - where a page has three or more sections (h2 in the content), "On this page" links every one of them, and
 *   where it has fewer there is none;
 * - every page below home has breadcrumbs that start at home and end at the page itself;
 * - the header search box shows results under itself as the reader types, without leaving the page, and the keys
 *   work: ↓ moves into the results, Escape closes them, Enter in the box goes to the search page;
 * - on a 390×844 phone every talk page, in both languages, starts its review on the first screen: the title once,
 *   the other language's title under it, the facts compact enough that the review's first paragraph begins above
 *   844 px (light theme, default fonts).
 */
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { useBrowserAndSite, withContextPage } from '../support/browser.ts';
import { distDir, htmlPages } from '../support/dist.ts';
import { samplePages, templateOf } from '../support/templates.ts';

const samples = samplePages(distDir);
const session = useBrowserAndSite();
const url = (path: string) => session.site.url.replace(/\/$/, '') + path;

/** Elements wider than the window, or reaching past its right edge, that are not inside something that scrolls. */
const overflowing = (page: Page) =>
  page.evaluate(() => {
    const width = document.documentElement.clientWidth;
    const found: string[] = [];
    if (document.documentElement.scrollWidth > width) found.push(`document is ${document.documentElement.scrollWidth}px wide in a ${width}px window`);
    const scrollsInside = (element: Element) => {
      for (let node = element.parentElement; node; node = node.parentElement) {
        const style = getComputedStyle(node);
        if (['auto', 'scroll', 'hidden', 'clip'].includes(style.overflowX) && node !== document.documentElement && node !== document.body) return true;
      }
      return false;
    };
    for (const element of document.querySelectorAll('body *')) {
      const rect = element.getBoundingClientRect();
      if (rect.width === 0 || rect.height === 0 || !element.checkVisibility({ contentVisibilityAuto: true })) continue;
      if ((rect.right > width + 0.5 || rect.left < -0.5) && !scrollsInside(element) && !element.closest('.visually-hidden, .skip-link')) {
        found.push(`${element.tagName.toLowerCase()}.${[...element.classList].join('.')} spans ${Math.round(rect.left)}–${Math.round(rect.right)}px`);
      }
    }
    return found.slice(0, 10);
  });

describe('no horizontal overflow', () => {
  const cases = [320, 390, 1280].flatMap((width) => samples.map((sample) => ({ ...sample, width })));
  it.each(cases)('$label at $width px', async ({ path, width }) => {
    await withContextPage(session.browser, { viewport: { width, height: 800 } }, async (page) => {
      await page.goto(url(path), { waitUntil: 'networkidle' });
      expect(await overflowing(page)).toEqual([]);
      // The phone menu, opened, fits too.
      if (width < 900 && (await page.locator('.site-menu > summary').isVisible())) {
        await page.locator('.site-menu > summary').click();
        expect(await overflowing(page)).toEqual([]);
      }
    });
  });
});

describe('the header on a 390 px phone', () => {
  it.each(samples)('$label: one row, the menu holds every section, the current one marked', async ({ path, template }) => {
    await withContextPage(session.browser, { viewport: { width: 390, height: 844 } }, async (page) => {
      await page.goto(url(path), { waitUntil: 'networkidle' });
      const row = await page.evaluate(() => {
        const items = [...document.querySelector('.header-row')!.children].filter((element) => element.getBoundingClientRect().height > 0);
        const tops = items.map((element) => Math.round(element.getBoundingClientRect().top + element.getBoundingClientRect().height / 2));
        return { spread: Math.max(...tops) - Math.min(...tops), height: document.querySelector('.site-header')!.getBoundingClientRect().height };
      });
      expect(row.spread).toBeLessThanOrEqual(4);
      expect(row.height).toBeLessThan(72);
      await page.locator('.site-menu > summary').click();
      const links = page.locator('.site-header nav a');
      await expect(links.count()).resolves.toBe(5);
      for (const link of await links.all()) expect(await link.isVisible()).toBe(true);
      const current = await page.locator('.site-header nav a[aria-current]').count();
      expect(current).toBe(['home', '404'].includes(template) ? 0 : 1);
    });
  });
});

describe('"On this page"', () => {
  it.each(samples)('$label: links every h2 of the content when it has three or more, and is absent otherwise', async ({ path }) => {
    await withContextPage(session.browser, { viewport: { width: 1280, height: 800 } }, async (page) => {
      await page.goto(url(path), { waitUntil: 'networkidle' });
      const { sections, links, visible } = await page.evaluate(() => ({
        // Sections, not the titles of cards in a list (speakers, tags, related talks have h2 or h3 cards).
        sections: [...document.querySelectorAll('main .content h2')].filter((heading) => !heading.closest('.card')).map((heading) => heading.id),
        links: [...document.querySelectorAll('main nav.toc a')].map((link) => decodeURIComponent(link.getAttribute('href')!.replace(/^#/, ''))),
        visible: [...document.querySelectorAll('main nav.toc a')].every((link) => link.checkVisibility()),
      }));
      if (sections.length >= 3) {
        expect(sections.every(Boolean), 'every section heading has an id').toBe(true);
        expect(links).toEqual(sections);
        // Beside the text on a wide screen, open without a click.
        expect(visible).toBe(true);
      } else expect(links).toEqual([]);
    });
  });

  it('folds at the top of the page on a phone and opens to the same links', async () => {
    const guide = samples.find((sample) => sample.template === 'guide')!;
    await withContextPage(session.browser, { viewport: { width: 390, height: 844 } }, async (page) => {
      await page.goto(url(guide.path), { waitUntil: 'networkidle' });
      const first = page.locator('nav.toc a').first();
      expect(await first.isVisible()).toBe(false);
      const box = await page.locator('nav.toc summary').boundingBox();
      expect(box!.y).toBeLessThan(844);
      await page.locator('nav.toc summary').click();
      expect(await first.isVisible()).toBe(true);
    });
  });

  it('marks the section being read', async () => {
    const guide = samples.find((sample) => sample.template === 'guide')!;
    await withContextPage(session.browser, { viewport: { width: 1280, height: 800 }, reducedMotion: 'reduce' }, async (page) => {
      await page.goto(url(guide.path), { waitUntil: 'networkidle' });
      const third = await page.locator('main .content h2').nth(2).getAttribute('id');
      await page.locator(`[id="${third}"]`).evaluate((heading) => heading.scrollIntoView({ block: 'start' }));
      await expect.poll(() => page.locator('nav.toc a[aria-current="true"]').getAttribute('href')).toBe(`#${third}`);
    });
  });
});

describe('a talk page on a 390 × 844 phone', () => {
  const talks = htmlPages(distDir).filter((path) => templateOf(path) === 'talk');
  it('there are talk pages in both languages', () => {
    expect(talks.filter((path) => path.startsWith('/zh/')).length).toBeGreaterThan(0);
    expect(talks.filter((path) => path.startsWith('/en/')).length).toBe(talks.filter((path) => path.startsWith('/zh/')).length);
  });
  it('starts the review on the first screen of every talk page, in both languages', async () => {
    await withContextPage(session.browser, { viewport: { width: 390, height: 844 }, colorScheme: 'light' }, async (page) => {
      const late: string[] = [];
      for (const path of talks) {
        await page.goto(url(path), { waitUntil: 'load' });
        const { review, titles } = await page.evaluate(() => ({
          review: document.querySelector('section.review p')?.getBoundingClientRect().top ?? Infinity,
          // The page's title is written once in the header of the page: as its h1.
          titles: document.querySelectorAll('main h1').length,
        }));
        expect(titles, path).toBe(1);
        if (!(review < 844)) late.push(`${path}: the review's first paragraph starts at ${Math.round(review)} px`);
      }
      expect(late).toEqual([]);
    });
  });
});

describe('breadcrumbs', () => {
  it.each(samples.filter((sample) => sample.template !== 'home'))('$label: from home to this page', async ({ path, lang }) => {
    await withContextPage(session.browser, {}, async (page) => {
      await page.goto(url(path));
      const crumbs = page.locator('nav.breadcrumbs li');
      expect(await crumbs.count()).toBeGreaterThanOrEqual(2);
      const home = await page.locator('nav.breadcrumbs li a').first().getAttribute('href');
      expect(home).toBe(`/${lang}/`);
      const last = crumbs.last();
      await expect(last.locator('[aria-current="page"]').count()).resolves.toBe(1);
      // Every step but the last is a link that resolves on this site.
      for (const link of await page.locator('nav.breadcrumbs a').all()) {
        const response = await page.request.get(new URL((await link.getAttribute('href'))!, page.url()).href);
        expect(response.status()).toBe(200);
      }
    });
  });

  it('the home pages have none', async () => {
    await withContextPage(session.browser, {}, async (page) => {
      for (const home of ['/zh/', '/en/']) {
        await page.goto(url(home));
        await expect(page.locator('nav.breadcrumbs').count()).resolves.toBe(0);
      }
    });
  });
});

describe('the header search', () => {
  const withHeaderSearch = samples.filter((sample) => sample.template !== 'search');
  it.each(withHeaderSearch)('$label: results show in place as the reader types', async ({ path, lang }) => {
    await withContextPage(session.browser, { viewport: { width: 1280, height: 800 } }, async (page) => {
      await page.goto(url(path), { waitUntil: 'networkidle' });
      const before = page.url();
      await page.locator('#site-search').click();
      const query = lang === 'zh' ? '性能' : 'performance';
      await page.keyboard.type(query);
      // The answer to the whole query, not to its first keystrokes (the panel may show those first).
      await expect.poll(() => page.locator('form.header-search').getAttribute('data-shown'), { timeout: 15_000 }).toBe(query);
      expect(await page.locator('.search-panel-results a').count()).toBeGreaterThan(0);
      expect(await page.locator('.search-panel').isVisible()).toBe(true);
      expect(page.url()).toBe(before);
      // ↓ moves into the results, Escape closes them and returns to the box.
      await page.keyboard.press('ArrowDown');
      await expect(page.evaluate(() => document.activeElement?.closest('.search-panel-results') !== null)).resolves.toBe(true);
      await page.keyboard.press('Escape');
      expect(await page.locator('.search-panel').isVisible()).toBe(false);
      await expect(page.evaluate(() => document.activeElement?.id)).resolves.toBe('site-search');
    });
  });

  it('a list that refreshes while the reader is in it keeps their place', async () => {
    const talk = samples.find((sample) => sample.template === 'talk' && sample.lang === 'en')!;
    await withContextPage(session.browser, { viewport: { width: 1280, height: 800 } }, async (page) => {
      await page.goto(url(talk.path), { waitUntil: 'networkidle' });
      const shown = () => page.locator('form.header-search').getAttribute('data-shown');
      await page.locator('#site-search').click();
      await page.keyboard.type('go');
      await expect.poll(shown, { timeout: 15_000 }).toBe('go');
      await page.keyboard.press('ArrowDown');
      await page.keyboard.press('ArrowDown');
      // The answer to a later keystroke lands while the reader is on the second row (as when ↓ comes right after typing).
      await page.evaluate(() => {
        const input = document.querySelector<HTMLInputElement>('#site-search')!;
        input.value = 'performance';
        input.dispatchEvent(new Event('input', { bubbles: true }));
      });
      await expect.poll(shown, { timeout: 15_000 }).toBe('performance');
      expect(await page.locator('.search-panel').isVisible()).toBe(true);
      const row = await page.evaluate(() => [...document.querySelectorAll('.search-panel-results a')].indexOf(document.activeElement!));
      expect(row).toBe(1);
    });
  });

  it('on a phone the icon opens the box in place; Enter on a result opens it; Enter in the box opens the search page', async () => {
    const talk = samples.find((sample) => sample.template === 'talk' && sample.lang === 'en')!;
    await withContextPage(session.browser, { viewport: { width: 390, height: 844 }, hasTouch: true }, async (page) => {
      await page.goto(url(talk.path), { waitUntil: 'networkidle' });
      await page.locator('a.search-open').click();
      await expect(page.evaluate(() => document.activeElement?.id)).resolves.toBe('site-search');
      expect(page.url()).toBe(url(talk.path));
      // A word from another talk's review (the first result must be another page, so following it is a navigation).
      await page.keyboard.type('haystack');
      await expect.poll(() => page.locator('form.header-search').getAttribute('data-shown'), { timeout: 15_000 }).toBe('haystack');
      expect(await page.locator('.search-panel-results a').count()).toBeGreaterThan(0);
      expect(await overflowing(page)).toEqual([]);
      const target = await page.locator('.search-panel-results a').first().getAttribute('href');
      expect(target).not.toBe(talk.path);
      await page.keyboard.press('ArrowDown');
      await page.keyboard.press('Enter');
      await page.waitForURL(url(target!));
      await page.goto(url(talk.path), { waitUntil: 'networkidle' });
      await page.locator('a.search-open').click();
      await page.locator('#site-search').fill('tikv');
      await page.keyboard.press('Enter');
      await page.waitForURL(/\/en\/search\/\?q=tikv$/);
    });
  });

  it('loads no search code until the reader starts to search', async () => {
    const talk = samples.find((sample) => sample.template === 'talk')!;
    await withContextPage(session.browser, {}, async (page) => {
      const requested: string[] = [];
      page.on('request', (request) => requested.push(new URL(request.url()).pathname));
      await page.goto(url(talk.path), { waitUntil: 'networkidle' });
      expect(requested.filter((path) => /pagefind|header-search/.test(path))).toEqual([]);
      await page.keyboard.press('/');
      await page.keyboard.type('go');
      await expect.poll(() => requested.some((path) => path.includes('/pagefind/')), { timeout: 15_000 }).toBe(true);
    });
  });
});
