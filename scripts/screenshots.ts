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
import { createReadStream, existsSync, mkdirSync, readdirSync, rmSync, statSync } from 'node:fs';
import { createServer } from 'node:http';
import { extname, isAbsolute, join, normalize } from 'node:path';
import { chromium } from 'playwright-core';
import { projectRoot } from './lib/build.ts';
import { samplePages } from './lib/templates.ts';

const distDir = isAbsolute(process.env.CONFNOTES_DIST ?? '') ? process.env.CONFNOTES_DIST! : join(projectRoot, process.env.CONFNOTES_DIST ?? 'dist');
const TYPES: Record<string, string> = { '.html': 'text/html; charset=utf-8', '.css': 'text/css', '.js': 'text/javascript', '.json': 'application/json', '.svg': 'image/svg+xml', '.wasm': 'application/wasm' };

/** The built site on 127.0.0.1 (a port of the system's choosing), directories served by their index.html. */
function serve(dir: string): Promise<{ url: string; close: () => void }> {
  const server = createServer((request, response) => {
    let file = normalize(join(dir, decodeURIComponent(new URL(request.url ?? '/', 'http://x').pathname)));
    if (file.startsWith(dir) && existsSync(file) && statSync(file).isDirectory()) file = join(file, 'index.html');
    if (!file.startsWith(dir) || !existsSync(file)) return void response.writeHead(404).end();
    response.setHeader('Content-Type', TYPES[extname(file)] ?? 'application/octet-stream');
    createReadStream(file).pipe(response);
  });
  return new Promise((resolve) =>
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      resolve({ url: `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}/`, close: () => server.close() });
    }),
  );
}
const launch = () =>
  chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
  });

const out = join(projectRoot, 'docs', 'screenshots');
const only = process.argv.slice(2);
const samples = samplePages(distDir).filter((entry) => only.length === 0 || only.includes(entry.template));
/** A sample's file name, without width and theme: "talk-en", "404-zh". */
const stem = (label: string) => label.replace(/[ ()]+/g, '-').replace(/-$/, '');
// Remake the folder, or only the named templates' files in it.
if (only.length === 0) rmSync(out, { recursive: true, force: true });
mkdirSync(out, { recursive: true });
for (const file of readdirSync(out)) if (samples.some((sample) => file.startsWith(`${stem(sample.label)}-`) && /^\d/.test(file.slice(stem(sample.label).length + 1)))) rmSync(join(out, file));
const WIDTHS = [
  { width: 390, height: 844, clip: 1800 },
  { width: 1280, height: 800, clip: 1400 },
];
let warned = false;
const [browser, site] = await Promise.all([launch(), serve(distDir)]);
try {
  for (const sample of samples) {
    for (const { width, height, clip } of WIDTHS) {
      for (const colorScheme of ['light', 'dark'] as const) {
        const context = await browser.newContext({ viewport: { width, height }, colorScheme, reducedMotion: 'reduce' });
        const page = await context.newPage();
        await page.goto(site.url.replace(/\/$/, '') + sample.path, { waitUntil: 'networkidle' });
        const full = await page.evaluate(() => document.documentElement.scrollHeight);
        const name = `${stem(sample.label)}-${width}-${colorScheme}.png`;
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
  site.close();
}
const bytes = readdirSync(out).reduce((sum, file) => sum + statSync(join(out, file)).size, 0);
console.log(`docs/screenshots: ${readdirSync(out).length} files, ${(bytes / 1024 / 1024).toFixed(2)} MiB`);
