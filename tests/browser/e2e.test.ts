/**
 * End to end in Debian's Chromium against the built site on 127.0.0.1: every template in both languages loads with
 * no console error and no failed request; the language switch keeps the page; the theme choice persists with no
 * flash; with JavaScript off every reading page shows all of its content; every control is reachable by keyboard and
 * visibly focused; on a phone-sized screen nothing shifts when the scripts run.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { BrowserContextOptions, Page } from 'playwright-core';
import { useBrowserAndSite, withContextPage } from '../support/browser.ts';
import { distDir, htmlPages, page as builtPage } from '../support/dist.ts';
import { READING_TEMPLATES, samplePages, templateOf } from '../support/templates.ts';

const samples = samplePages(distDir);
const readingPages = htmlPages().filter((path) => READING_TEMPLATES.includes(templateOf(path)));

// The site's colours (global.css --bg) as computed styles report them.
const LIGHT_BG = 'rgb(253, 253, 252)';
const DARK_BG = 'rgb(21, 23, 26)';

const session = useBrowserAndSite();

const url = (path: string) => session.site.url.replace(/\/$/, '') + path;

const withPage = <T>(options: BrowserContextOptions, run: (page: Page) => Promise<T>) => withContextPage(session.browser, options, run);

/** Everything that went wrong while a page loaded: console errors, uncaught exceptions, failed or 4xx/5xx requests. */
function watch(page: Page, expectedStatus = new Map<string, number>()) {
  const problems: string[] = [];
  page.on('console', (message) => {
    if (message.type() === 'error') problems.push(`console error: ${message.text()}`);
  });
  page.on('pageerror', (error) => problems.push(`uncaught: ${error.message}`));
  page.on('requestfailed', (request) => problems.push(`request failed: ${request.url()} (${request.failure()?.errorText})`));
  page.on('response', (response) => {
    const expected = expectedStatus.get(response.url()) ?? 200;
    if (response.status() >= 400 && response.status() !== expected) problems.push(`HTTP ${response.status()}: ${response.url()}`);
  });
  return problems;
}

describe('every template loads cleanly', () => {
  it.each(samples)('$label $path: no console error, no failed request', async ({ path }) => {
    await withPage({}, async (page) => {
      const problems = watch(page);
      const response = await page.goto(url(path), { waitUntil: 'networkidle' });
      expect(response?.status()).toBe(200);
      // Scroll to the end so anything loaded lazily is requested too.
      await page.evaluate(() => window.scrollTo(0, document.body.scrollHeight));
      await page.waitForLoadState('networkidle');
      expect(problems).toEqual([]);
    });
  });

  it('search pages are among them', () => {
    expect(samples.filter((sample) => sample.template === 'search').map((sample) => sample.lang)).toEqual(['zh', 'en']);
  });

  it.each([
    ['/zh/no-such-page/', '找不到这个页面', 'zh-CN'],
    ['/en/no-such-page/', 'Page not found', 'en'],
    ['/no-such-page/', 'Page not found', 'zh-CN'],
  ])('an unknown address %s answers 404 in its language (%s) and nothing else fails', async (path, title, lang) => {
    await withPage({}, async (page) => {
      const missing = url(path);
      const problems = watch(page, new Map([[missing, 404]]));
      const response = await page.goto(missing, { waitUntil: 'networkidle' });
      expect(response?.status()).toBe(404);
      await expect(page.locator('h1').textContent()).resolves.toContain(title);
      expect(await page.locator('html').getAttribute('lang')).toBe(lang);
      // Chromium logs the 404 of the document itself; that one is the point of the page.
      expect(problems.filter((problem) => !problem.startsWith('console error: Failed to load resource'))).toEqual([]);
    });
  });

  it.each([
    ['en-US', '/en/'],
    ['zh-CN', '/zh/'],
  ])('the root sends a reader whose browser prefers %s to %s', async (locale, target) => {
    await withPage({ locale }, async (page) => {
      const problems = watch(page);
      await page.goto(url('/'));
      await page.waitForURL(url(target));
      expect(problems).toEqual([]);
    });
  });
});

describe('layout stability on a phone', () => {
  const PHONE: BrowserContextOptions = { viewport: { width: 412, height: 823 }, deviceScaleFactor: 1.75, isMobile: true, hasTouch: true };
  // Where <main> starts: the header above it must not change height when scripts unhide their controls.
  const mainTop = (page: Page) => page.evaluate(() => document.querySelector('main')!.getBoundingClientRect().top + scrollY);

  it.each(samples)('$label: the header is as tall with JavaScript as without, and nothing shifts while loading', async ({ path }) => {
    const withoutJs = await withPage({ ...PHONE, javaScriptEnabled: false }, async (page) => {
      await page.goto(url(path));
      return mainTop(page);
    });
    await withPage(PHONE, async (page) => {
      // A phone's CPU (4x slower): the parser then yields and Chromium paints in between, as a slow phone does, so a
      // frame painted from half a page would show here (rendering is held until the footer is reached: Base.astro).
      await (await page.context().newCDPSession(page)).send('Emulation.setCPUThrottlingRate', { rate: 4 });
      await page.addInitScript(() => {
        const shifts: number[] = [];
        (window as unknown as { __shifts: number[] }).__shifts = shifts;
        new PerformanceObserver((list) => {
          for (const entry of list.getEntries()) shifts.push((entry as PerformanceEntry & { value: number }).value);
        }).observe({ type: 'layout-shift', buffered: true });
      });
      await page.goto(url(path), { waitUntil: 'networkidle' });
      expect(await mainTop(page)).toBe(withoutJs);
      // A shift shows only when the browser paints before the scripts run, so this half can miss one, never invent one.
      expect(await page.evaluate(() => (window as unknown as { __shifts: number[] }).__shifts)).toEqual([]);
    });
  });
});

describe('language switch', () => {
  const switchable = samples.filter((sample) => sample.template !== '404');
  it.each(switchable)('$label: the switch leads to the same page in the other language', async ({ path, lang }) => {
    const other = lang === 'zh' ? 'en' : 'zh';
    await withPage({}, async (page) => {
      await page.goto(url(path));
      await page.locator('a.lang-switch').click();
      await page.waitForURL(url(path.replace(/^\/(zh|en)\//, `/${other}/`)));
      expect(await page.locator('html').getAttribute('lang')).toBe(other === 'zh' ? 'zh-CN' : 'en');
      await expect(page.locator('h1').count()).resolves.toBe(1);
    });
  });
});

describe('theme', () => {
  /**
   * Runs in every document before its own scripts: notes the theme when <body> first holds an element other than a
   * script (the earliest moment anything of the page could be painted; mutation callbacks run before the parser
   * executes a script or yields to rendering), and the background in the first animation frame, which Chromium runs
   * right before it paints that frame.
   */
  const FIRST_PAINT_PROBE = () => {
    const probe: { themeAtBody?: string | null; bgAtFirstFrame?: string } = {};
    (window as unknown as { __probe: typeof probe }).__probe = probe;
    const observer = new MutationObserver(() => {
      if (!document.body || ![...document.body.children].some((element) => element.tagName !== 'SCRIPT')) return;
      probe.themeAtBody = document.documentElement.dataset.theme ?? null;
      observer.disconnect();
    });
    observer.observe(document, { childList: true, subtree: true });
    requestAnimationFrame(() => {
      probe.bgAtFirstFrame = getComputedStyle(document.body).backgroundColor;
    });
  };
  const probe = async (page: Page) => {
    // Waits for the first frame to have been produced (rendering may still be held when the load event fires).
    await page.waitForFunction(() => (window as unknown as { __probe: { bgAtFirstFrame?: string } }).__probe.bgAtFirstFrame !== undefined);
    return page.evaluate(() => (window as unknown as { __probe: { themeAtBody?: string | null; bgAtFirstFrame?: string } }).__probe);
  };
  const background = (page: Page) => page.evaluate(() => getComputedStyle(document.body).backgroundColor);

  const talk = samples.find((sample) => sample.template === 'talk' && sample.lang === 'zh')!;
  const guide = samples.find((sample) => sample.template === 'guide' && sample.lang === 'en')!;

  it('a dark choice made on one page holds on the next pages, dark from the first frame', async () => {
    await withPage({ colorScheme: 'light' }, async (page) => {
      await page.addInitScript(FIRST_PAINT_PROBE);
      await page.goto(url(talk.path));
      expect(await probe(page)).toEqual({ themeAtBody: null, bgAtFirstFrame: LIGHT_BG });
      const choice = page.locator('theme-select select');
      await expect(choice.inputValue()).resolves.toBe('system');

      await choice.selectOption('dark');
      await expect(page.locator('html').getAttribute('data-theme')).resolves.toBe('dark');
      expect(await background(page)).toBe(DARK_BG);

      // A link inside the site, then the language switch, then a plain reload: dark before the first paint each time.
      await page.locator('header a.brand').click();
      await page.waitForURL(url('/zh/'));
      expect(await probe(page)).toEqual({ themeAtBody: 'dark', bgAtFirstFrame: DARK_BG });
      await page.locator('a.lang-switch').click();
      await page.waitForURL(url('/en/'));
      expect(await probe(page)).toEqual({ themeAtBody: 'dark', bgAtFirstFrame: DARK_BG });
      await expect(page.locator('theme-select select').inputValue()).resolves.toBe('dark');
      await page.goto(url(guide.path));
      expect(await probe(page)).toEqual({ themeAtBody: 'dark', bgAtFirstFrame: DARK_BG });
    });
  });

  it('a light choice on a dark system holds too, the choice works from the keyboard, and "system" forgets it', async () => {
    await withPage({ colorScheme: 'dark' }, async (page) => {
      await page.addInitScript(FIRST_PAINT_PROBE);
      await page.goto(url(talk.path));
      expect(await probe(page)).toEqual({ themeAtBody: null, bgAtFirstFrame: DARK_BG });
      const choice = page.locator('theme-select select');
      await expect(choice.inputValue()).resolves.toBe('system');

      // system → light with the arrow key, as a reader without a pointer changes a closed <select>.
      await choice.focus();
      await page.keyboard.press('ArrowDown');
      await expect(page.locator('html').getAttribute('data-theme')).resolves.toBe('light');
      await page.reload();
      expect(await probe(page)).toEqual({ themeAtBody: 'light', bgAtFirstFrame: LIGHT_BG });

      await page.locator('theme-select select').focus();
      await page.keyboard.press('ArrowDown');
      await page.goto(url(guide.path));
      expect(await probe(page)).toEqual({ themeAtBody: 'dark', bgAtFirstFrame: DARK_BG });

      await page.locator('theme-select select').selectOption('system');
      await expect(page.locator('html').getAttribute('data-theme')).resolves.toBeNull();
      await page.reload();
      expect(await probe(page)).toEqual({ themeAtBody: null, bgAtFirstFrame: DARK_BG });
    });
  });

  /**
   * The probe above sees a frame in the wrong theme only when Chromium happens to render between the stylesheet's
   * arrival and the theme script; this checks the structure that rules the gap out, on every page with a toggle:
   * the script runs before any stylesheet, or rendering is held (rel=expect, blocking=render) until an element that
   * comes after the script.
   */
  it('on every page the stored theme is applied before rendering can start', () => {
    const late: string[] = [];
    for (const path of htmlPages()) {
      const $ = builtPage(path);
      if ($('theme-select').length === 0) continue;
      const themeScript = $('script:not([src])')
        .filter((_, el) => ($(el).html() ?? '').includes('confnotes-theme') && !($(el).attr('type') ?? '').includes('module'))
        .first();
      if (themeScript.length === 0) {
        late.push(`${path}: no inline theme script`);
        continue;
      }
      const all = $('*').toArray();
      const at = (el: unknown) => all.indexOf(el as (typeof all)[number]);
      const scriptAt = at(themeScript[0]);
      const firstSheet = $('link[rel~="stylesheet"]').first();
      if (firstSheet.length === 0 || scriptAt < at(firstSheet[0])) continue;
      const held = $('head link[rel~="expect"][blocking~="render"][href^="#"]')
        .toArray()
        .some((link) => {
          const target = $(`[id="${$(link).attr('href')!.slice(1)}"]`).first();
          return target.length > 0 && at(target[0]) > scriptAt;
        });
      if (!held) late.push(`${path}: the theme script waits for the stylesheet and nothing holds rendering until it has run`);
    }
    expect(late).toEqual([]);
  });

  it('without JavaScript there is no toggle and the page follows the system', async () => {
    for (const colorScheme of ['light', 'dark'] as const) {
      await withPage({ colorScheme, javaScriptEnabled: false }, async (page) => {
        await page.goto(url(talk.path));
        await expect(page.locator('theme-select select').isVisible()).resolves.toBe(false);
        expect(await background(page)).toBe(colorScheme === 'dark' ? DARK_BG : LIGHT_BG);
      });
    }
  });
});

describe('with JavaScript off', () => {
  it('the reading pages are all there', () => {
    for (const template of READING_TEMPLATES)
      expect(
        readingPages.some((path) => templateOf(path) === template),
        template,
      ).toBe(true);
  });

  // One page for all of them: without JavaScript nothing carries over from one document to the next.
  let page: Page;
  beforeAll(async () => {
    page = await (await session.browser.newContext({ javaScriptEnabled: false })).newPage();
  });
  afterAll(async () => {
    await page?.context().close();
  });

  it.each(readingPages)('%s shows all of its content', async (path) => {
    await page.goto(url(path));
    // Every piece of text in <main> is rendered, except controls marked `hidden` that only JavaScript can work.
    const unseen = await page.evaluate(() => {
      const main = document.querySelector('main');
      if (!main) return ['no <main>'];
      const missing: string[] = [];
      const walker = document.createTreeWalker(main, NodeFilter.SHOW_TEXT);
      for (let node = walker.nextNode(); node; node = walker.nextNode()) {
        const text = node.textContent?.trim();
        const parent = node.parentElement;
        if (!text || !parent || parent.closest('[hidden], template, script, style')) continue;
        if (!parent.checkVisibility({ opacityProperty: true, visibilityProperty: true, contentVisibilityAuto: true })) missing.push(text.slice(0, 60));
      }
      return missing;
    });
    expect(unseen).toEqual([]);
    expect((await page.locator('main').innerText()).trim().length).toBeGreaterThan(20);
  });
});

describe('keyboard only', () => {
  /** Every control a pointer could use on the page, as the keyboard must reach it. */
  const markControls = (page: Page) =>
    page.evaluate(() => {
      const selector = 'a[href], button, input:not([type="hidden"]), select, textarea, summary, [tabindex]:not([tabindex="-1"]), [contenteditable="true"]';
      const controls = [...document.querySelectorAll<HTMLElement>(selector)].filter(
        (element) => !element.matches(':disabled') && !element.closest('[inert]') && element.checkVisibility({ visibilityProperty: true }),
      );
      // A radio group is one Tab stop (arrow keys move inside it), so its radios share one key.
      const keys = new Set<string>();
      controls.forEach((element, index) => {
        const radio =
          element instanceof HTMLInputElement && element.type === 'radio' && element.name ? `radio:${element.form?.id ?? ''}:${element.name}` : null;
        element.dataset.control = radio ?? String(index);
        keys.add(element.dataset.control);
      });
      const focusLog: { control: string | null; tag: string; text: string; outline: string; inView: boolean }[] = [];
      (window as unknown as { __focusLog: typeof focusLog }).__focusLog = focusLog;
      document.addEventListener('focusin', (event) => {
        const element = event.target as HTMLElement;
        const style = getComputedStyle(element);
        const rect = element.getBoundingClientRect();
        const visibleRing = style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) >= 2;
        focusLog.push({
          control: element.dataset.control ?? null,
          tag: element.tagName.toLowerCase(),
          text: (element.getAttribute('aria-label') ?? element.textContent ?? '').trim().slice(0, 40),
          outline: visibleRing ? 'ok' : `${style.outlineStyle} ${style.outlineWidth}; box-shadow ${style.boxShadow}`,
          inView: rect.width > 0 && rect.height > 0 && rect.bottom > 0 && rect.right > 0 && rect.top < innerHeight && rect.left < innerWidth,
        });
      });
      return [...keys];
    });

  it.each(samples)('$label: Tab reaches every control, each visibly focused', async ({ path }) => {
    // Reduced motion turns the smooth scrolling off, so a focused control is already scrolled into view on focusin.
    await withPage({ reducedMotion: 'reduce' }, async (page) => {
      await page.goto(url(path), { waitUntil: 'networkidle' });
      const keys = await markControls(page);
      expect(keys.length).toBeGreaterThan(3);
      // One more than the stops, so the cycle runs out of the page (to the browser's own UI) once.
      for (let press = 0; press <= keys.length; press++) await page.keyboard.press('Tab');
      const log = await page.evaluate(
        () => (window as unknown as { __focusLog: { control: string | null; tag: string; text: string; outline: string; inView: boolean }[] }).__focusLog,
      );
      const reached = new Set(log.map((entry) => entry.control));
      const unreached = keys.filter((key) => !reached.has(key));
      const unreachedNames = await Promise.all(
        unreached.map((key) =>
          page
            .locator(`[data-control="${key}"]`)
            .first()
            .evaluate((element) => element.outerHTML.slice(0, 120)),
        ),
      );
      expect(unreachedNames).toEqual([]);
      expect(log.filter((entry) => entry.outline !== 'ok' || !entry.inView)).toEqual([]);
      expect(log.filter((entry) => entry.control === null)).toEqual([]);
    });
  });

  it('the skip link is the first stop and moves focus into the main content', async () => {
    const talk = samples.find((sample) => sample.template === 'talk')!;
    await withPage({}, async (page) => {
      await page.goto(url(talk.path));
      await page.keyboard.press('Tab');
      await expect(page.evaluate(() => document.activeElement?.className)).resolves.toBe('skip-link');
      await expect(page.locator('.skip-link').isVisible()).resolves.toBe(true);
      await page.keyboard.press('Enter');
      await expect(page.evaluate(() => document.activeElement?.id)).resolves.toBe('main');
      await page.keyboard.press('Tab');
      await expect(page.evaluate(() => Boolean(document.activeElement?.closest('main')))).resolves.toBe(true);
    });
  });
});
