/**
 * Before the suite: Chromium is there (installed or one line saying how, tests/support/chromium.ts), then the site
 * is built into dist/ once, unless CONFNOTES_PREBUILT=1 says dist/ is already fresh.
 */
import { build, projectRoot } from './build.ts';
import { ensureChromium } from './chromium.ts';
import { distDir } from './dist.ts';

export default async function setup() {
  ensureChromium();
  if (process.env.CONFNOTES_PREBUILT === '1') return;
  const cache = process.env.CONFNOTES_DIST ? `${distDir}-cache` : `${projectRoot}/node_modules/.astro`;
  const result = await build({ CONFNOTES_CACHE: cache }, distDir);
  if (result.code !== 0) throw new Error(`astro build failed:\n${result.output}`);
}
