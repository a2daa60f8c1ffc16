/** Debian's Chromium driven by playwright-core; never a downloaded browser. */
import { afterAll, beforeAll } from 'vitest';
import { chromium, type Browser, type BrowserContextOptions, type Page } from 'playwright-core';
import { CHROMIUM } from './chromium.ts';
import { distDir } from './dist.ts';
import { serve, type StaticServer } from './server.ts';

export { CHROMIUM };

export function launch(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
  });
}

/**
 * Chromium and the built site served on 127.0.0.1, started once per test file (beforeAll) and stopped after it.
 * Read `session.browser` and `session.site` inside tests: they are set when the file's tests run.
 */
export function useBrowserAndSite(dir = distDir, base = '/') {
  const session = {} as { browser: Browser; site: StaticServer };
  beforeAll(async () => {
    [session.browser, session.site] = await Promise.all([launch(), serve(dir, base)]);
  });
  afterAll(async () => {
    await session.browser?.close();
    await session.site?.close();
  });
  return session;
}

/** Runs `run` on a fresh page in its own context, and closes the context whatever happens. */
export async function withContextPage<T>(browser: Browser, options: BrowserContextOptions, run: (page: Page) => Promise<T>): Promise<T> {
  const context = await browser.newContext(options);
  try {
    return await run(await context.newPage());
  } finally {
    await context.close();
  }
}
