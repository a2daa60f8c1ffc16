/**
 * `npm run audit`: Lighthouse 12 (its default mobile preset: a mid-range phone, simulated slow 4G) over the home,
 * conference, talk, speaker, tag, guide and search pages in both languages, then one table: page, the four category
 * scores, total byte weight. Not part of `npm test`: the performance score is noisy on a shared CI machine.
 *
 *   npm run audit                    builds into dist-audit/ first, then audits it
 *   CONFNOTES_PREBUILT=1 CONFNOTES_DIST=dist-x npm run audit    audits an existing build
 *   npm run audit -- --write         also writes the dated table to docs/lighthouse.md
 *   npm run audit -- --only talk,guide   only these templates (never written to docs/lighthouse.md)
 *   npm run audit -- --runs 3        three runs per page, the median run reported (Lighthouse's advice for noisy machines)
 *
 * Debian's Chromium only (CHROMIUM_PATH overrides); nothing is downloaded. Exit code 1 when a row misses the
 * target, 100 in every category. Beside the scores: FCP, LCP, TBT and CLS, and for a page whose main thread was
 * blocked, its long tasks and what they were (a busy machine makes every task longer, so TBT is the noisy one).
 */
import { execFileSync } from 'node:child_process';
import { createReadStream, existsSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:http';
import { cpus, loadavg, totalmem } from 'node:os';
import { extname, join, normalize } from 'node:path';
import { createGzip } from 'node:zlib';
import { createRequire } from 'node:module';
import * as chromeLauncher from 'chrome-launcher';
import lighthouse from 'lighthouse';
import { build, projectRoot } from './lib/build.ts';
import { samplePages } from './lib/templates.ts';
import { computeMedianRun } from 'lighthouse/core/lib/median-run.js';
import { TYPES } from './static-server.ts';

const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const AUDITED = ['home', 'conference', 'talk', 'speaker', 'tag', 'guide', 'search'];
const CATEGORIES = ['performance', 'accessibility', 'best-practices', 'seo'] as const;
const TARGET: Record<(typeof CATEGORIES)[number], number> = { performance: 100, accessibility: 100, 'best-practices': 100, seo: 100 };
const option = (name: string) => {
  const index = process.argv.indexOf(name);
  return index > 0 ? process.argv[index + 1] : undefined;
};
/** Lighthouse runs per page; with more than one the median run (Lighthouse's own choice, by FCP and TTI) counts. */
const RUNS = Math.max(1, Number(option('--runs') ?? 1) || 1);
const onlyArg = process.argv.indexOf('--only');
const ONLY = onlyArg > 0 ? (process.argv[onlyArg + 1] ?? '').split(',').filter(Boolean) : [];
const write = process.argv.includes('--write') && ONLY.length === 0;
/** The lab metrics behind the performance score, shown beside it: TBT is the one a busy machine moves most. */
const METRICS = [
  { id: 'first-contentful-paint', label: 'FCP', unit: 'ms' },
  { id: 'largest-contentful-paint', label: 'LCP', unit: 'ms' },
  { id: 'total-blocking-time', label: 'TBT', unit: 'ms' },
  { id: 'cumulative-layout-shift', label: 'CLS', unit: '' },
] as const;
const LIGHTHOUSE_VERSION: string = createRequire(import.meta.url)('lighthouse/package.json').version;

const COMPRESSIBLE = new Set(['.html', '.css', '.js', '.json', '.svg', '.xml', '.txt']);

/**
 * Serves the build the way a static host does, gzip included: Lighthouse weighs transferred bytes, and the tests'
 * own server (tests/support/server.ts) sends everything uncompressed, which no real host does.
 */
function serveCompressed(dir: string): Promise<{ url: string; close: () => void }> {
  const server = createServer((request, response) => {
    const pathname = decodeURIComponent(new URL(request.url ?? '/', 'http://x').pathname);
    let file = normalize(join(dir, pathname));
    let status = 200;
    if (!file.startsWith(normalize(dir))) file = join(dir, '404.html');
    if (existsSync(file) && statSync(file).isDirectory()) file = join(file, 'index.html');
    if (!existsSync(file)) {
      file = join(dir, '404.html');
      status = 404;
    }
    const ext = extname(file);
    response.statusCode = status;
    response.setHeader('Content-Type', TYPES[ext] ?? 'application/octet-stream');
    // Hashed assets never change; pages are revalidated. The same policy a static host would be given.
    response.setHeader('Cache-Control', pathname.startsWith('/_astro/') ? 'public, max-age=31536000, immutable' : 'no-cache');
    if (COMPRESSIBLE.has(ext) && /\bgzip\b/.test(String(request.headers['accept-encoding'] ?? ''))) {
      response.setHeader('Content-Encoding', 'gzip');
      response.setHeader('Vary', 'Accept-Encoding');
      createReadStream(file).pipe(createGzip()).pipe(response);
    } else createReadStream(file).pipe(response);
  });
  return new Promise((resolve) => {
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      resolve({ url: `http://127.0.0.1:${port}`, close: () => server.close() });
    });
  });
}

function machine(): string {
  const os = readFileSync('/etc/os-release', 'utf8').match(/^PRETTY_NAME="?([^"\n]*)"?/m)?.[1] ?? 'unknown OS';
  const chromium = execFileSync(CHROMIUM, ['--version'], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).match(/[\d.]{6,}/)?.[0] ?? 'unknown';
  return `${cpus().length}-core, ${Math.round(totalmem() / 2 ** 30)} GiB, ${os}; Chromium ${chromium} (${CHROMIUM}); Lighthouse ${LIGHTHOUSE_VERSION}, mobile preset; Node ${process.versions.node}`;
}

async function main() {
  let dir = join(projectRoot, process.env.CONFNOTES_DIST ?? 'dist-audit');
  if (process.env.CONFNOTES_PREBUILT !== '1') {
    dir = join(projectRoot, 'dist-audit');
    console.error(`audit: building into ${dir} …`);
    const result = await build({}, dir);
    if (result.code !== 0) throw new Error(`astro build failed:\n${result.output}`);
  }
  const pages = samplePages(dir).filter((sample) => AUDITED.includes(sample.template) && (ONLY.length === 0 || ONLY.includes(sample.template)));

  const site = await serveCompressed(dir);
  // The load average when the run starts: the performance score depends on how busy the machine is.
  const load = loadavg()[0].toFixed(2);
  const chrome = await chromeLauncher.launch({
    chromePath: CHROMIUM,
    chromeFlags: [
      '--headless=new',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
    ],
  });
  const rows: string[][] = [];
  const misses: string[] = [];
  try {
    const audit = async (url: string) => {
      const run = await lighthouse(url, { port: chrome.port, output: 'json', logLevel: 'error', onlyCategories: [...CATEGORIES] });
      if (!run) throw new Error(`Lighthouse returned nothing for ${url}`);
      if (run.lhr.runtimeError) throw new Error(`${url}: ${run.lhr.runtimeError.code} ${run.lhr.runtimeError.message}`);
      return run.lhr;
    };
    // A first, unmeasured visit per language: Chromium then has its fonts loaded (the CJK fallback font is a large
    // file read on first use), as a phone has its system fonts; otherwise the first Chinese page pays for it alone.
    for (const lang of new Set(pages.map((sample) => sample.lang))) await audit(`${site.url}/${lang}/`);
    for (const sample of pages) {
      const url = site.url + sample.path;
      console.error(`audit: ${sample.label} ${url}`);
      const lhrs: Array<Awaited<ReturnType<typeof audit>>> = [];
      for (let run = 0; run < RUNS; run++) lhrs.push(await audit(url));
      const lhr: (typeof lhrs)[number] = RUNS > 1 ? computeMedianRun(lhrs) : lhrs[0];
      // Every run's performance score and TBT, so the table shows how far the machine moved them.
      const spread = `${lhrs.map((run) => Math.round((run.categories.performance?.score ?? 0) * 100)).join(' · ')} / ${lhrs.map((run) => Math.round(run.audits['total-blocking-time']?.numericValue ?? 0)).join(' · ')} ms`;
      if (RUNS > 1) console.error(`  runs (performance / TBT): ${spread}`);
      const scores = CATEGORIES.map((id) => Math.round((lhr.categories[id]?.score ?? 0) * 100));
      const weight = lhr.audits['total-byte-weight']?.numericValue ?? 0;
      const metrics = METRICS.map(({ id, unit }) => {
        const value = lhr.audits[id]?.numericValue ?? 0;
        return unit === 'ms' ? `${Math.round(value)} ms` : value.toFixed(3);
      });
      rows.push([`${sample.label} \`${sample.path}\``, ...scores.map(String), ...metrics, `${(weight / 1024).toFixed(1)} KiB`, ...(RUNS > 1 ? [spread] : [])]);
      // What the main thread spent its time on, when anything blocked it: the cause to fix, or the machine's load.
      const blocking = lhr.audits['total-blocking-time']?.numericValue ?? 0;
      if (blocking > 0) {
        const items = (lhr.audits['bootup-time']?.details as { items?: Array<{ url: string; total: number; scripting: number }> } | undefined)?.items ?? [];
        const work = (lhr.audits['mainthread-work-breakdown']?.details as { items?: Array<{ groupLabel: string; duration: number }> } | undefined)?.items ?? [];
        console.error(`  TBT ${Math.round(blocking)} ms; main thread: ${work.map((item) => `${item.groupLabel} ${Math.round(item.duration)} ms`).join(', ')}`);
        for (const item of items.slice(0, 4)) console.error(`  script ${item.url.replace(site.url, '')}: ${Math.round(item.total)} ms (${Math.round(item.scripting)} ms scripting)`);
        const tasks = (lhr.audits['long-tasks']?.details as { items?: Array<{ url: string; duration: number; startTime: number }> } | undefined)?.items ?? [];
        for (const task of tasks.slice(0, 5)) console.error(`  long task at ${Math.round(task.startTime)} ms: ${Math.round(task.duration)} ms, ${task.url.replace(site.url, '') || 'unattributed'}`);
      }
      CATEGORIES.forEach((id, index) => {
        if (scores[index] >= TARGET[id]) return;
        const failing = (lhr.categories[id]?.auditRefs ?? [])
          .filter((ref) => ref.weight > 0 && (lhr.audits[ref.id]?.score ?? 1) < 1)
          .map((ref) => `${ref.id} (${lhr.audits[ref.id].score})`);
        misses.push(`${sample.label}: ${id} ${scores[index]} < ${TARGET[id]}: ${failing.join(', ') || 'no single audit below 1'}`);
      });
    }
  } finally {
    chrome.kill();
    site.close();
  }

  const endLoad = loadavg()[0].toFixed(2);
  const header = ['page', 'performance', 'accessibility', 'best practices', 'SEO', ...METRICS.map((metric) => metric.label), 'total byte weight', ...(RUNS > 1 ? ['every run: performance / TBT'] : [])];
  const table = [
    `| ${header.join(' | ')} |`,
    `| ${header.map((_, index) => (index === 0 ? '---' : '---:')).join(' | ')} |`,
    ...rows.map((row) => `| ${row.join(' | ')} |`),
  ].join('\n');
  console.log(table);
  console.error(`audit: load average (1 min) ${load} at the start, ${endLoad} at the end`);
  for (const miss of misses) console.error(`below target: ${miss}`);

  if (write) {
    const date = new Date().toISOString().slice(0, 10);
    const doc = [
      '# Lighthouse',
      '',
      `- Date: ${date}`,
      `- Machine: ${machine()}`,
      `- Load average (1 min): ${load} when the run started, ${endLoad} when it ended (\`uptime\`; the machine is shared)`,
      `- Command: \`npm run audit -- --write${RUNS > 1 ? ` --runs ${RUNS}` : ''}\` (builds into dist-audit/, serves it on 127.0.0.1 with gzip, runs Lighthouse`,
      `  ${RUNS > 1 ? `${RUNS} times per page, the median run reported,` : 'once per page'} with Debian's Chromium, after one unmeasured visit per language)`,
      '',
      'One page per template, the largest of its kind, in both languages. Target: 100 in all four categories. CI does not',
      'run this (the performance score depends on the machine); the browser gates in `npm test` (axe, keyboard, layout',
      'shift, budgets) keep what it measures from regressing. FCP, LCP, TBT and CLS are the lab metrics behind the',
      "performance score (Lighthouse's simulated mid-range phone on slow 4G, its CPU four times slower than this one's):",
      'FCP, LCP and CLS follow from the bytes and the layout and barely move with the load, TBT is the sum of the main',
      "thread's long tasks and grows with the machine's load, since every task takes longer on a busy machine.",
      '',
      table,
      '',
    ].join('\n');
    writeFileSync(join(projectRoot, 'docs/lighthouse.md'), doc);
    console.error('audit: wrote docs/lighthouse.md');
  }
  if (misses.length > 0) process.exitCode = 1;
}

await main();
