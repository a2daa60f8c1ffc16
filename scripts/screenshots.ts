/**
 * `node scripts/screenshots.ts`: Chromium screenshots of every template (tests/support/templates.ts samples) at 390 and
 * 1280 px wide, light and dark, into docs/screenshots/ as PNG. Reads an existing build (CONFNOTES_DIST, default
 * dist/). Phone shots keep the first 1800 px of the page, wide ones the first 1400 px, and Debian's pngquant
 * (`apt-get install pngquant`), when installed, cuts each file to a palette, so the folder stays near 5 MB.
 *
 *   node scripts/screenshots.ts              every template
 *   node scripts/screenshots.ts talk guide   only these templates
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, readdirSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { launch } from '../tests/support/browser.ts';
import { distDir } from '../tests/support/dist.ts';
import { serve } from '../tests/support/server.ts';
import { samplePages } from '../tests/support/templates.ts';
import { projectRoot } from '../tests/support/build.ts';

const out = join(projectRoot, 'docs', 'screenshots');
rmSync(out, { recursive: true, force: true });
mkdirSync(out, { recursive: true });
const WIDTHS = [
  { width: 390, height: 844, clip: 1800 },
  { width: 1280, height: 800, clip: 1400 },
];
const only = process.argv.slice(2);
let warned = false;
const [browser, site] = await Promise.all([launch(), serve(distDir)]);
try {
  for (const sample of samplePages(distDir).filter((entry) => only.length === 0 || only.includes(entry.template))) {
    for (const { width, height, clip } of WIDTHS) {
      for (const colorScheme of ['light', 'dark'] as const) {
        const context = await browser.newContext({ viewport: { width, height }, colorScheme, reducedMotion: 'reduce' });
        const page = await context.newPage();
        await page.goto(site.url.replace(/\/$/, '') + sample.path, { waitUntil: 'networkidle' });
        const full = await page.evaluate(() => document.documentElement.scrollHeight);
        const name = `${sample.label.replace(/[ ()]+/g, '-').replace(/-$/, '')}-${width}-${colorScheme}.png`;
        const file = join(out, name);
        await page.screenshot({ path: file, fullPage: true, clip: { x: 0, y: 0, width, height: Math.min(full, clip) } });
        try {
          execFileSync('pngquant', ['--quality=55-85', '--speed=3', '--force', '--skip-if-larger', '--output', file, file]);
        } catch (error) {
          if ((error as NodeJS.ErrnoException).code === 'ENOENT' && !warned) console.warn('pngquant is not installed: screenshots stay full-colour PNG');
          warned = true;
        }
        await context.close();
      }
    }
  }
} finally {
  await browser.close();
  await site.close();
}
const bytes = readdirSync(out).reduce((sum, file) => sum + statSync(join(out, file)).size, 0);
console.log(`docs/screenshots: ${readdirSync(out).length} files, ${(bytes / 1024 / 1024).toFixed(2)} MiB`);
