/**
 * `npm run bench -- --talks N [--seed 1] [--runs 1] [--json out.json] [--keep] [--no-baseline] [--no-starlight]
 *   [--no-processors] [--processors-only] [--no-cards] [--no-search] [--search-only [--search-sizes 100,1000]]
 *   [--warm | --warm-only] [--index-after-build]`
 *
 * With --index-after-build, our builds run as `npm run build` does (scripts/build.ts): `astro build`, then the search
 * index once Astro's process has exited, so the peak memory is that of the larger of the two rather than their sum.
 *
 * Search figures (scripts/bench-search.ts): for this project's own content and for the N-talk build, the bytes and
 * requests of each language's first query and its time to first results under emulated Slow 4G. With --search-only
 * nothing else runs: the site and one synthetic build per size in --search-sizes, to show how the index and the
 * first query grow with the archive.
 *
 * Generates N synthetic talks per language (scripts/lib/synthetic.ts, deterministic from the seed) into a temporary
 * folder and builds them three ways, each in a child process with a fresh cache:
 *   ours      the real pipeline: `npx astro build` of this project with CONFNOTES_CONTENT pointing at the folder,
 *             then the Pagefind index;
 *   baseline  plain Astro 7 (its default Sätteri Markdown processor, same Shiki themes) rendering the same talk
 *             Markdown in a minimal layout, then Pagefind, in a temporary project that uses this repo's node_modules;
 *   baseline-unified  the same bare project with our unified + remark-gfm processor, to compare the processors;
 *   starlight the Astro Starlight harness of bench/starlight (its own pinned packages, installed there on first use)
 *             with the same reviews as talk pages plus conference, speaker and tag pages, and its own Pagefind step;
 * and, unless --no-cards, ours twice more for the share cards: without cards (CONFNOTES_SHARE_CARDS=off) and with
 * the cards the first build drew already in its cache (everything else cold);
 * and, in three more child processes, renders every review with one Markdown processor alone (no Astro): ours as
 * configured, unified with remark-gfm only, and Sätteri.
 *
 * With --warm (or only that, --warm-only): an author's edit at this size. A cold build, then one review edited and a
 * second build with the first one's output and cache folder in place (content data store, share cards, the copies of
 * pages that Astro's incremental build reuses), then `astro
 * dev` on the same content: the time from writing the edit to the dev server answering that page with it.
 *
 * Build and indexing are timed separately: our build runs through a wrapper config that times the Pagefind
 * integration's `astro:build:done` hook (the indexing, src/integrations/pagefind.ts) from inside the build.
 * With --runs R, the builds run R times, interleaved, and every time is the best of the R runs.
 * Peak RSS is that of the child's whole process tree (npx, node, esbuild, the pagefind binary), sampled from /proc
 * every 50 ms, with the largest single process's VmHWM next to it.
 */
import { spawn } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { dirname, join, relative, sep } from 'node:path';
import { parseArgs } from 'node:util';
import { gzipSync } from 'node:zlib';
import { syntheticContent } from './lib/synthetic.ts';
import { starlightPages } from '../bench/starlight/content.ts';
import { printSearchFigures, searchFigures, type SearchFigures } from './bench-search.ts';

const projectRoot = new URL('..', import.meta.url).pathname.replace(/\/$/, '');
const NODE = process.execPath;

// ---------- measuring a child process tree ----------

interface Measured {
  code: number;
  seconds: number;
  /** Peak of the summed RSS of the child and all its descendants, sampled. */
  peakTreeRss: number;
  /** The largest VmHWM (kernel-tracked peak RSS) of any single process in the tree. */
  peakProcessRss: number;
  /**
   * User + system CPU seconds of the child and all its descendants: the larger of GNU time's (the descendants it
   * waited for) and the sum of every process seen in the tree (/proc, sampled), which also counts a process that is
   * killed rather than waited for, such as Pagefind's binary.
   */
  cpuSeconds: number;
  output: string;
}

const GNU_TIME = '/usr/bin/time';

function processTable(): Map<number, number[]> {
  const children = new Map<number, number[]>();
  for (const name of readdirSync('/proc')) {
    if (!/^\d+$/.test(name)) continue;
    try {
      const stat = readFileSync(`/proc/${name}/stat`, 'utf8');
      const ppid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
      if (!children.has(ppid)) children.set(ppid, []);
      children.get(ppid)!.push(Number(name));
    } catch {
      // The process ended while we looked.
    }
  }
  return children;
}

function treeOf(root: number): number[] {
  const children = processTable();
  const tree = [root];
  for (let index = 0; index < tree.length; index++) tree.push(...(children.get(tree[index]) ?? []));
  return tree;
}

const TICKS_PER_SECOND = 100;

/** User + system CPU seconds a process has used so far, itself only (not its children). */
function cpuOf(pid: number): number {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return (Number(fields[11]) + Number(fields[12])) / TICKS_PER_SECOND;
  } catch {
    return 0;
  }
}

function memoryOf(pid: number): { rss: number; hwm: number } {
  try {
    const status = readFileSync(`/proc/${pid}/status`, 'utf8');
    const kib = (field: string) => Number(new RegExp(`^${field}:\\s+(\\d+) kB`, 'm').exec(status)?.[1] ?? 0) * 1024;
    return { rss: kib('VmRSS'), hwm: kib('VmHWM') };
  } catch {
    return { rss: 0, hwm: 0 };
  }
}

let timings = 0;

function measure(command: string, args: string[], options: { cwd: string; env?: Record<string, string> }): Promise<Measured> {
  // GNU time adds the CPU time of the whole tree (it waits for the child, which waits for its own children).
  const timeFile = join(tmpdir(), `confnotes-bench-time-${process.pid}-${timings++}`);
  const [program, argv] = existsSync(GNU_TIME) ? [GNU_TIME, ['-f', '%U %S', '-o', timeFile, command, ...args]] : [command, args];
  return new Promise((resolve, reject) => {
    const started = performance.now();
    const child = spawn(program, argv, {
      cwd: options.cwd,
      env: { ...process.env, ASTRO_TELEMETRY_DISABLED: '1', NO_COLOR: '1', FORCE_COLOR: '0', ...options.env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    let peakTreeRss = 0;
    let peakProcessRss = 0;
    // The last CPU time seen of every process of the tree, by pid (a process's own time only grows).
    const cpuByPid = new Map<number, number>();
    const sample = () => {
      if (child.pid === undefined) return;
      let sum = 0;
      for (const pid of treeOf(child.pid)) {
        cpuByPid.set(pid, Math.max(cpuByPid.get(pid) ?? 0, cpuOf(pid)));
        const { rss, hwm } = memoryOf(pid);
        sum += rss;
        peakProcessRss = Math.max(peakProcessRss, hwm);
      }
      peakTreeRss = Math.max(peakTreeRss, sum);
    };
    const timer = setInterval(sample, 50);
    child.stdout.on('data', (chunk) => (output += chunk));
    child.stderr.on('data', (chunk) => (output += chunk));
    child.on('error', (error) => {
      clearInterval(timer);
      reject(error);
    });
    child.on('close', (code) => {
      clearInterval(timer);
      const seconds = (performance.now() - started) / 1000;
      let cpuSeconds = Number.NaN;
      if (existsSync(timeFile)) {
        const [user, system] = readFileSync(timeFile, 'utf8').trim().split('\n').at(-1)!.split(' ').map(Number);
        cpuSeconds = user + system;
        rmSync(timeFile, { force: true });
      }
      const sampled = [...cpuByPid.values()].reduce((sum, value) => sum + value, 0);
      cpuSeconds = Number.isNaN(cpuSeconds) ? sampled : Math.max(cpuSeconds, sampled);
      resolve({ code: code ?? 1, seconds, peakTreeRss, peakProcessRss, cpuSeconds, output });
    });
  });
}

// ---------- reading a build ----------

function walk(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => (entry.isDirectory() ? walk(join(dir, entry.name)) : [join(dir, entry.name)]));
}

interface DistStats {
  pages: number;
  bytes: number;
  htmlBytes: number;
  pagefindBytes: number;
  talkPages: number;
  talkRaw: number;
  talkGzip: number;
  largestPage: { path: string; bytes: number };
}

/** Talk pages are /<lang>/<conference>/<talk>/index.html in both builds. */
const TALK_PAGE = /^(?:zh|en)\/benchconf-\d+\/[^/]+\/index\.html$/;

function distStats(dir: string): DistStats {
  const files = walk(dir);
  let bytes = 0;
  let pagefindBytes = 0;
  let htmlBytes = 0;
  let pages = 0;
  let talkPages = 0;
  let talkRaw = 0;
  let talkGzip = 0;
  let largestPage = { path: '', bytes: 0 };
  for (const file of files) {
    const rel = relative(dir, file).split(sep).join('/');
    const size = statSync(file).size;
    bytes += size;
    if (rel.startsWith('pagefind/')) pagefindBytes += size;
    if (!rel.endsWith('.html')) continue;
    pages++;
    htmlBytes += size;
    if (size > largestPage.bytes) largestPage = { path: rel, bytes: size };
    if (TALK_PAGE.test(rel)) {
      talkPages++;
      talkRaw += size;
      talkGzip += gzipSync(readFileSync(file)).length;
    }
  }
  return {
    pages,
    bytes,
    htmlBytes,
    pagefindBytes,
    talkPages,
    talkRaw: talkRaw / Math.max(1, talkPages),
    talkGzip: talkGzip / Math.max(1, talkPages),
    largestPage,
  };
}

// ---------- the three builds ----------

interface BuildReport {
  name: string;
  build: Measured;
  index: Measured;
  /** Seconds of `build.seconds` spent indexing inside the build (our integration), else 0. */
  indexInBuild: number;
  indexedBy: string;
  dist: DistStats;
}

/**
 * Astro's own timers from the build log: set-up (config, content sync with every Markdown render, types), then the
 * Vite bundle, then rendering the pages. The first two "[build] ✓ Completed in" lines are set-up and bundle + pages.
 */
export function buildPhases(output: string): { setup: number; bundle: number; pages: number } | undefined {
  const completed = [...output.matchAll(/\[build\] ✓ Completed in ([^.\n]*(?:\.\d+)?m?s)\./g)].map((match) => logSeconds(match[1]));
  const pages = /generating static routes[\s\S]*?✓ Completed in ([^.\n]*(?:\.\d+)?m?s)\./.exec(output);
  if (completed.length < 2 || !pages) return undefined;
  const pageSeconds = logSeconds(pages[1]);
  return { setup: completed[0], bundle: completed[1] - pageSeconds, pages: pageSeconds };
}

/** A duration as Astro logs it: "901ms", "13.60s", or "1m 28s" once it passes a minute. */
export function logSeconds(text: string): number {
  const match = /^(?:(\d+)m )?([\d.]+)(m?s)$/.exec(text.trim());
  if (!match) return Number.NaN;
  return Number(match[1] ?? 0) * 60 + Number(match[2]) / (match[3] === 'ms' ? 1000 : 1);
}

const fail = (what: string, result: Measured): never => {
  console.error(result.output.split('\n').slice(-40).join('\n'));
  throw new Error(`${what} failed with exit code ${result.code}`);
};

/** Indexes a built folder with the Pagefind Node API in a child process, like a site would after `astro build`. */
function writeIndexScript(dir: string): string {
  const script = join(dir, 'pagefind-index.mjs');
  const pagefind = join(projectRoot, 'node_modules/pagefind/lib/index.js');
  writeFileSync(
    script,
    `import * as pagefind from ${JSON.stringify(pagefind)};
const site = process.argv[2];
const { index, errors } = await pagefind.createIndex({});
if (!index) throw new Error(errors.join('\\n'));
const added = await index.addDirectory({ path: site });
if (added.errors.length) throw new Error(added.errors.join('\\n'));
const written = await index.writeFiles({ outputPath: site + '/pagefind' });
if (written.errors.length) throw new Error(written.errors.join('\\n'));
await pagefind.close();
console.log(JSON.stringify({ pages: added.page_count }));
`,
  );
  return script;
}

/**
 * A config that is the project's own, with the Pagefind integration's build:done hook timed from inside the build.
 * It lives in the temp folder and imports astro.config.mjs, so the real pipeline runs unchanged.
 */
function writeTimedConfig(dir: string): string {
  const file = join(dir, 'astro.timed.config.mjs');
  writeFileSync(
    file,
    `import { writeFileSync } from 'node:fs';
import config from ${JSON.stringify(join(projectRoot, 'astro.config.mjs'))};
const integrations = [config.integrations ?? []].flat(Infinity).filter(Boolean);
for (const integration of integrations) {
  const done = integration.hooks?.['astro:build:done'];
  if (!/pagefind/i.test(integration.name) || !done) continue;
  integration.hooks['astro:build:done'] = async (...args) => {
    const start = performance.now();
    try {
      return await done(...args);
    } finally {
      writeFileSync(process.env.BENCH_INDEX_TIMING, String((performance.now() - start) / 1000));
    }
  };
}
export default { ...config, integrations };
`,
  );
  return file;
}

/**
 * With --index-after-build, ours builds as `npm run build` does (scripts/build.ts: `astro build`, then the search
 * index once Astro's process has exited) instead of `npx astro build` indexing from inside the build.
 */
let indexAfterBuild = false;

/**
 * Where our build of a work folder writes: under the project (tests/.tmp/, git-ignored), because Astro keeps its
 * prerender chunks in the output folder only when that is inside the project, and otherwise in the project's shared
 * .astro/, where another build of this worktree running at the same time overwrites them.
 */
let oursRoot = '';
let workRoot = '';
const oursOut = (work: string, name: string) => join(oursRoot, relative(workRoot, work), name);

/**
 * Our build. `variant` measures the share cards: "no-cards" builds with CONFNOTES_SHARE_CARDS=off; "cached-cards"
 * starts from a fresh Astro cache that holds only the cards the plain build of the same run drew (so Markdown is
 * rendered cold as in every other build, and only the cards come from the cache).
 */
async function buildOurs(work: string, content: string, variant?: 'no-cards' | 'cached-cards', label?: string): Promise<BuildReport> {
  // A label builds again into the plain build's output and cache folders (the warm rebuild).
  const folder = variant ? `ours-${variant}` : 'ours';
  const name = label ?? folder;
  const out = oursOut(work, folder);
  const cache = oursOut(work, `${folder}-cache`);
  if (variant === 'cached-cards') cpSync(join(oursOut(work, 'ours-cache'), 'share-cards'), join(cache, 'share-cards'), { recursive: true });
  const timing = join(work, `${name}-index-seconds`);
  // Astro resolves --config against the project root, so the path is given relative to it.
  const config = relative(projectRoot, writeTimedConfig(work));
  const [command, args] = indexAfterBuild ? ['npm', ['run', 'build', '--', '--config', config]] : ['npx', ['astro', 'build', '--config', config]];
  const build = await measure(command, args, {
    cwd: projectRoot,
    env: {
      CONFNOTES_CONTENT: content,
      CONFNOTES_OUT: out,
      CONFNOTES_CACHE: cache,
      BENCH_INDEX_TIMING: timing,
      ...(variant === 'no-cards' ? { CONFNOTES_SHARE_CARDS: 'off' } : {}),
    },
  });
  if (build.code !== 0) fail(`our build (${name})`, build);
  if (!existsSync(timing)) throw new Error('our build ran no Pagefind integration (no astro:build:done hook named pagefind in astro.config.mjs)');
  const indexInBuild = Number(readFileSync(timing, 'utf8'));
  const index: Measured = { code: 0, seconds: indexInBuild, peakTreeRss: 0, peakProcessRss: 0, cpuSeconds: 0, output: '' };
  return {
    name,
    build,
    index,
    indexInBuild,
    indexedBy: 'our Pagefind integration (its build:done hook, timed inside the build)',
    dist: distStats(out),
  };
}

type Processor = 'satteri' | 'unified';
/** The processors rendered alone: ours as configured, unified with remark-gfm only, and Sätteri. */
type AloneProcessor = 'ours' | 'unified-bare' | 'satteri';

function writeBaseline(work: string, content: string, processor: Processor): string {
  const dir = join(work, `baseline-${processor}`);
  mkdirSync(join(dir, 'src/pages'), { recursive: true });
  symlinkSync(join(projectRoot, 'node_modules'), join(dir, 'node_modules'), 'dir');
  writeFileSync(join(dir, 'package.json'), JSON.stringify({ name: `bench-baseline-${processor}`, private: true, type: 'module' }, null, 2));
  const processorImport = processor === 'unified' ? `import { unified } from '@astrojs/markdown-remark';\nimport remarkGfm from 'remark-gfm';\n` : '';
  // The same Shiki themes as ours, so both highlight code the same way; otherwise Astro's defaults.
  const processorOption = processor === 'unified' ? `processor: unified({ gfm: false, smartypants: false, remarkPlugins: [remarkGfm] }),\n    ` : '';
  writeFileSync(
    join(dir, 'astro.config.mjs'),
    `import { defineConfig } from 'astro/config';
${processorImport}
export default defineConfig({
  outDir: './dist',
  cacheDir: './cache',
  trailingSlash: 'always',
  build: { format: 'directory' },
  devToolbar: { enabled: false },
  markdown: {
    ${processorOption}shikiConfig: { themes: { light: 'github-light', dark: 'github-dark' }, defaultColor: false },
  },
});
`,
  );
  writeFileSync(
    join(dir, 'src/content.config.ts'),
    `import { defineCollection } from 'astro:content';
import { glob } from 'astro/loaders';
import { z } from 'astro/zod';

export const collections = {
  reviews: defineCollection({
    loader: glob({ base: ${JSON.stringify(join(content, 'talks'))}, pattern: '**/{zh,en}.md', generateId: ({ entry }) => entry.replace(/\\.md$/, '') }),
    schema: z.object({ heading: z.string(), verdict: z.string() }),
  }),
};
`,
  );
  writeFileSync(
    join(dir, 'src/pages/[...slug].astro'),
    `---
import { getCollection, render } from 'astro:content';

export async function getStaticPaths() {
  const reviews = await getCollection('reviews');
  return reviews.map((entry) => {
    const [conference, talk, lang] = entry.id.split('/');
    return { params: { slug: \`\${lang}/\${conference}/\${talk}\` }, props: { entry, lang } };
  });
}

const { entry, lang } = Astro.props;
const { Content } = await render(entry);
---

<!doctype html>
<html lang={lang === 'zh' ? 'zh-CN' : 'en'}>
  <head>
    <meta charset="utf-8" />
    <meta name="viewport" content="width=device-width, initial-scale=1" />
    <title>{entry.data.heading}</title>
    <meta name="description" content={entry.data.verdict} />
  </head>
  <body>
    <main>
      <h1>{entry.data.heading}</h1>
      <p>{entry.data.verdict}</p>
      <Content />
    </main>
  </body>
</html>
`,
  );
  return dir;
}

async function buildBaseline(work: string, content: string, processor: Processor): Promise<BuildReport> {
  const dir = writeBaseline(work, content, processor);
  const build = await measure('npx', ['astro', 'build'], { cwd: dir });
  if (build.code !== 0) fail(`the ${processor} baseline build`, build);
  const index = await measure(NODE, [writeIndexScript(work), join(dir, 'dist')], { cwd: work });
  if (index.code !== 0) fail(`indexing the ${processor} baseline`, index);
  return {
    name: processor === 'satteri' ? 'baseline' : 'baseline-unified',
    build,
    index,
    indexInBuild: 0,
    indexedBy: 'the Pagefind Node API',
    dist: distStats(join(dir, 'dist')),
  };
}

// ---------- warm rebuild and dev update ----------

/** `astro dev` for the dev-update figure listens here (this bench's ports are 4390-4399). */
const WARM_DEV_PORT = 4391;

/** The review the warm measurements edit: the first talk's English review, and its page. */
function editedReview(files: ReadonlyMap<string, string>): { path: string; url: string } {
  const path = [...files.keys()].filter((key) => /^talks\/[^/]+\/[^/]+\/en\.md$/.test(key)).sort()[0];
  const [, conference, talk] = path.split('/');
  return { path, url: `/en/${conference}/${talk}/` };
}

/** Appends a sentence (with a marker to find on the page) to a review, as an author's edit would. */
function editReview(content: string, path: string, marker: string): () => void {
  const file = join(content, path);
  const original = readFileSync(file, 'utf8');
  writeFileSync(file, `${original}\nOne more sentence from the author, ${marker}.\n`);
  return () => writeFileSync(file, original);
}

interface WarmReport {
  cold: BuildReport;
  warm: BuildReport;
  /** Seconds from writing the edited review to `astro dev` serving the page with the edit; NaN if it never did. */
  devUpdateSeconds: number;
  /** Seconds from starting `astro dev` to its first answer for the page. */
  devStartSeconds: number;
  edited: string;
}

/**
 * An author's edit: a cold build, then one review edited and a second build into the same output folder with the
 * same Astro cache (its content data store and the share cards in place), then `astro dev` on the same content:
 * the time from writing the edit to the dev server answering the page with the changed text.
 */
async function warmRebuild(work: string, content: string, files: ReadonlyMap<string, string>, port: number): Promise<WarmReport> {
  const dir = join(work, 'warm');
  mkdirSync(dir);
  const edited = editedReview(files);
  const cold = await buildOurs(dir, content);
  const restore = editReview(content, edited.path, 'warm-build-marker');
  let warm: BuildReport;
  try {
    warm = await buildOurs(dir, content, undefined, 'ours-warm');
    const page = join(oursOut(dir, 'ours'), edited.url, 'index.html');
    if (!readFileSync(page, 'utf8').includes('warm-build-marker')) throw new Error(`the warm build did not update ${edited.url}`);
  } finally {
    restore();
  }
  const dev = await devUpdate(dir, content, edited, port);
  return { cold, warm, ...dev, edited: edited.path };
}

async function devUpdate(work: string, content: string, edited: { path: string; url: string }, port: number) {
  const child = spawn('npx', ['astro', 'dev', '--port', String(port), '--host', '127.0.0.1'], {
    cwd: projectRoot,
    env: { ...process.env, ASTRO_TELEMETRY_DISABLED: '1', NO_COLOR: '1', FORCE_COLOR: '0', CONFNOTES_CONTENT: content, CONFNOTES_CACHE: join(work, 'dev-cache') },
    stdio: ['ignore', 'pipe', 'pipe'],
    detached: true,
  });
  let output = '';
  child.stdout.on('data', (chunk) => (output += chunk));
  child.stderr.on('data', (chunk) => (output += chunk));
  const url = `http://127.0.0.1:${port}${edited.url}`;
  const page = async () => {
    try {
      const response = await fetch(url);
      return response.ok ? await response.text() : '';
    } catch {
      return '';
    }
  };
  const until = async (test: (html: string) => boolean, limit: number): Promise<number> => {
    const started = performance.now();
    while ((performance.now() - started) / 1000 < limit) {
      if (child.exitCode !== null) throw new Error(`astro dev ended:\n${output.split('\n').slice(-30).join('\n')}`);
      if (test(await page())) return (performance.now() - started) / 1000;
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    return Number.NaN;
  };
  let undo = () => {};
  try {
    const devStartSeconds = await until((html) => html.includes('<html'), 600);
    if (Number.isNaN(devStartSeconds)) throw new Error(`astro dev never served ${url}:\n${output.split('\n').slice(-30).join('\n')}`);
    undo = editReview(content, edited.path, 'dev-update-marker');
    const devUpdateSeconds = await until((html) => html.includes('dev-update-marker'), 120);
    return { devStartSeconds, devUpdateSeconds };
  } finally {
    undo();
    // The whole group: npx, node and what they started.
    if (child.pid !== undefined) {
      try {
        process.kill(-child.pid, 'SIGTERM');
      } catch {
        // Already gone.
      }
    }
  }
}

function printWarm(report: WarmReport) {
  const cold = report.cold.build;
  const warm = report.warm.build;
  console.log(`\nWarm rebuild (one review edited: ${report.edited}):`);
  console.log(`  cold build + indexing        ${seconds(cold.seconds)} s wall, ${seconds(cold.cpuSeconds)} s CPU`);
  console.log(
    `  warm rebuild, cache in place ${seconds(warm.seconds)} s wall, ${seconds(warm.cpuSeconds)} s CPU (${ratio(warm.seconds, cold.seconds)} of cold wall, ${ratio(warm.cpuSeconds, cold.cpuSeconds)} CPU); indexing ${seconds(report.warm.indexInBuild)} s of it`,
  );
  const phases = buildPhases(report.warm.build.output);
  if (phases) console.log(`    set-up + content sync ${seconds(phases.setup)} s, Vite bundle ${seconds(phases.bundle)} s, rendering pages ${seconds(phases.pages)} s`);
  console.log(`  astro dev: first answer for the page ${seconds(report.devStartSeconds)} s after start; edit to changed HTML ${seconds(report.devUpdateSeconds)} s`);
}

// ---------- Astro Starlight ----------

const STARLIGHT = join(projectRoot, 'bench/starlight');

/** Installs the Starlight harness's own pinned packages (bench/starlight/package-lock.json) the first time it runs. */
async function ensureStarlight(): Promise<void> {
  const installed = join(STARLIGHT, 'node_modules/@astrojs/starlight/package.json');
  const wanted = (JSON.parse(readFileSync(join(STARLIGHT, 'package.json'), 'utf8')) as { dependencies: Record<string, string> }).dependencies;
  if (existsSync(installed) && JSON.parse(readFileSync(installed, 'utf8')).version === wanted['@astrojs/starlight']) return;
  console.log(`installing the Starlight harness (@astrojs/starlight ${wanted['@astrojs/starlight']}) into bench/starlight/node_modules`);
  const result = await measure('npm', ['ci', '--no-audit', '--no-fund', '--prefer-offline'], { cwd: STARLIGHT });
  if (result.code !== 0) fail('installing the Starlight harness', result);
}

/**
 * The synthetic content as Starlight pages (bench/starlight/content.ts) in the harness's own src/content/docs
 * (git-ignored, replaced on every run). The harness builds in place, because Astro compiles Starlight's components
 * from node_modules and does not follow a node_modules symlinked into another folder.
 */
function writeStarlight(files: ReadonlyMap<string, string>): void {
  const docs = join(STARLIGHT, 'src/content/docs');
  rmSync(docs, { recursive: true, force: true });
  for (const [path, text] of starlightPages(files)) {
    mkdirSync(dirname(join(docs, path)), { recursive: true });
    writeFileSync(join(docs, path), text);
  }
}

/** Starlight builds and runs Pagefind in its own build:done hook; its log says how long the index took. */
export function starlightIndexSeconds(output: string): number {
  const match = /Finished building search index in ([\d.]+m?s)\./.exec(output);
  return match ? logSeconds(match[1]) : 0;
}

async function buildStarlight(work: string, files: ReadonlyMap<string, string>): Promise<BuildReport> {
  writeStarlight(files);
  const out = join(work, 'starlight');
  const build = await measure('npx', ['astro', 'build'], {
    cwd: STARLIGHT,
    env: { BENCH_STARLIGHT_OUT: out, BENCH_STARLIGHT_CACHE: join(work, 'starlight-cache') },
  });
  if (build.code !== 0) fail('the Starlight build', build);
  const indexInBuild = starlightIndexSeconds(build.output);
  return {
    name: 'starlight',
    build,
    index: { code: 0, seconds: indexInBuild, peakTreeRss: 0, peakProcessRss: 0, cpuSeconds: 0, output: '' },
    indexInBuild,
    indexedBy: 'Starlight’s Pagefind step (its log)',
    dist: distStats(out),
  };
}

// ---------- the processors alone ----------

interface RenderReport {
  processor: AloneProcessor;
  setupSeconds: number;
  renderSeconds: number;
  /** CPU seconds of this process while rendering (Sätteri's native code runs on the main thread). */
  renderCpuSeconds: number;
  files: number;
  features: Record<string, number>;
}

/**
 * Renders every review with one processor, as Astro's content layer does, in a child process of its own: the
 * processor of astro.config.mjs itself (unified with remark-gfm and our plugins), or Sätteri with GFM on and
 * smart punctuation off (as ours). Both get the project's Shiki config (themes and transformers). One file is
 * rendered first, untimed, so that lazy set-up (the highlighter) counts as set-up for both.
 */
function writeRenderScript(work: string): string {
  // Its own folder with this repo's node_modules, so the bare imports below resolve.
  const dir = join(work, 'render');
  mkdirSync(dir, { recursive: true });
  if (!existsSync(join(dir, 'node_modules'))) symlinkSync(join(projectRoot, 'node_modules'), join(dir, 'node_modules'), 'dir');
  const file = join(dir, 'render.mjs');
  writeFileSync(
    file,
    `import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { markdownConfigDefaults, unified } from '@astrojs/markdown-remark';
import { satteri } from '@astrojs/markdown-satteri';
import remarkGfm from 'remark-gfm';

const [which, root] = process.argv.slice(2);
process.env.CONFNOTES_CONTENT = root;
const { default: config } = await import(${JSON.stringify(join(projectRoot, 'astro.config.mjs'))});
const walk = (dir) => readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? walk(join(dir, e.name)) : [join(dir, e.name)]));
const files = walk(join(root, 'talks')).filter((file) => /\\/(zh|en)\\.md$/.test(file)).sort();
const shared = { ...markdownConfigDefaults, shikiConfig: { ...markdownConfigDefaults.shikiConfig, ...config.markdown.shikiConfig }, image: {}, gfm: true, smartypants: false };
// Our processor runs Shiki as a rehype plugin with Astro's switch off (astro.config.mjs); the others use the switch.
if (which !== 'satteri' && which !== 'unified-bare') shared.syntaxHighlight = config.markdown.syntaxHighlight;
const processor =
  which === 'satteri'
    ? satteri({ features: { smartPunctuation: false } })
    : which === 'unified-bare'
      ? unified({ gfm: false, smartypants: false, remarkPlugins: [remarkGfm] })
      : config.markdown.processor;
const body = (file) => {
  const text = readFileSync(file, 'utf8');
  return text.slice(text.indexOf('\\n---\\n', 4) + 5);
};
const setupStart = performance.now();
const renderer = await processor.createRenderer(shared);
await renderer.render(body(files[0]), { fileURL: pathToFileURL(files[0]), frontmatter: {} });
const setupSeconds = (performance.now() - setupStart) / 1000;
const features = { tables: 0, shikiBlocks: 0, headingIds: 0, externalRel: 0, embedFigures: 0 };
const start = performance.now();
const cpuStart = process.cpuUsage();
for (const file of files) {
  const { code } = await renderer.render(body(file), { fileURL: pathToFileURL(file), frontmatter: {} });
  features.tables += (code.match(/<table/g) ?? []).length;
  features.shikiBlocks += (code.match(/<pre class="astro-code/g) ?? []).length;
  features.headingIds += (code.match(/<h2 id="/g) ?? []).length;
  features.externalRel += (code.match(/rel="noopener noreferrer"/g) ?? []).length;
  features.embedFigures += (code.match(/<figure class="code-file"/g) ?? []).length;
}
const renderSeconds = (performance.now() - start) / 1000;
const cpu = process.cpuUsage(cpuStart);
const renderCpuSeconds = (cpu.user + cpu.system) / 1e6;
console.log(JSON.stringify({ processor: which, setupSeconds, renderSeconds, renderCpuSeconds, files: files.length, features }));
`,
  );
  return file;
}

async function renderAlone(work: string, content: string, processor: AloneProcessor): Promise<RenderReport> {
  const result = await measure(NODE, [join(work, 'render', 'render.mjs'), processor, content], { cwd: join(work, 'render') });
  if (result.code !== 0) fail(`rendering with ${processor}`, result);
  return JSON.parse(result.output.trim().split('\n').at(-1)!);
}

// ---------- report ----------

const MiB = 1024 * 1024;
const seconds = (value: number) => value.toFixed(2);
const ratio = (a: number, b: number) => (b > 0 ? `${(a / b).toFixed(2)}x` : 'n/a');
const bytes = (value: number) => Math.round(value).toLocaleString('en-US');
// Other work on the machine only ever adds time, so the best of several runs is the closest to the build's own cost.
const best = (values: number[]) => Math.min(...values);

function summarize(runs: BuildReport[]) {
  const pick = (f: (run: BuildReport) => number) => best(runs.map(f));
  const build = pick((run) => run.build.seconds - run.indexInBuild);
  const index = pick((run) => run.index.seconds);
  const last = runs.at(-1)!;
  return {
    name: last.name,
    indexedBy: last.indexedBy,
    buildSeconds: build,
    indexSeconds: index,
    totalSeconds: pick((run) => run.build.seconds - run.indexInBuild + run.index.seconds),
    setupSeconds: pick((run) => buildPhases(run.build.output)?.setup ?? Number.NaN),
    bundleSeconds: pick((run) => buildPhases(run.build.output)?.bundle ?? Number.NaN),
    renderSeconds: pick((run) => buildPhases(run.build.output)?.pages ?? Number.NaN),
    cpuSeconds: pick((run) => run.build.cpuSeconds + run.index.cpuSeconds),
    pages: last.dist.pages,
    pagesPerSecond: last.dist.pages / build,
    peakTreeRss: Math.max(...runs.map((run) => Math.max(run.build.peakTreeRss, run.index.peakTreeRss))),
    peakProcessRss: Math.max(...runs.map((run) => Math.max(run.build.peakProcessRss, run.index.peakProcessRss))),
    distBytes: last.dist.bytes,
    htmlBytes: last.dist.htmlBytes,
    pagefindBytes: last.dist.pagefindBytes,
    talkPages: last.dist.talkPages,
    talkRaw: last.dist.talkRaw,
    talkGzip: last.dist.talkGzip,
    largestPage: last.dist.largestPage,
  };
}

// ---------- search ----------

/** The queries each language's first search types: on the project's content, and on synthetic content (a tag label). */
const SITE_QUERIES = { zh: '车轮大战', en: 'wheel battle' };
const SYNTHETIC_QUERIES = { zh: '性能', en: 'performance' };

/** A plain build of this project for some content into `out` (no timing wrapper), for the search figures. */
async function buildForSearch(work: string, name: string, content?: string): Promise<string> {
  const out = oursOut(work, `search-${name}`);
  const env: Record<string, string> = { CONFNOTES_OUT: out, CONFNOTES_CACHE: oursOut(work, `search-${name}-cache`) };
  if (content) env.CONFNOTES_CONTENT = content;
  const build = await measure('npx', ['astro', 'build'], { cwd: projectRoot, env });
  if (build.code !== 0) fail(`the ${name} build for search`, build);
  return out;
}

function writeSynthetic(dir: string, talks: number, seed: number): string {
  const content = join(dir, 'content');
  for (const [path, text] of syntheticContent({ talks, seed })) {
    mkdirSync(dirname(join(content, path)), { recursive: true });
    writeFileSync(join(content, path), text);
  }
  return content;
}

function printGrowth(sizes: Array<{ talks: number; figures: SearchFigures[] }>) {
  console.log('\nSearch growth with the archive (synthetic talks per language):');
  console.log(`  ${'talks'.padStart(6)}${'lang'.padStart(6)}${'index on disk'.padStart(15)}${'per talk'.padStart(10)}${'1st query'.padStart(12)}${'requests'.padStart(10)}${'Slow 4G paste'.padStart(15)}`);
  for (const { talks, figures } of sizes) {
    for (const row of figures) {
      console.log(
        `  ${String(talks).padStart(6)}${row.lang.padStart(6)}${`${(row.indexBytes / 1024).toFixed(1)} KiB`.padStart(15)}${`${bytes(row.indexBytes / talks)} B`.padStart(10)}${`${(row.firstQueryBytes / 1024).toFixed(1)} KiB`.padStart(12)}${String(row.firstQueryRequests).padStart(10)}${`${row.slow4g.paste.toFixed(2)} s`.padStart(15)}`,
      );
    }
  }
}

async function searchOnly(work: string, sizes: number[], seed: number) {
  const site = await buildForSearch(work, 'site');
  printSearchFigures('this project’s content', await searchFigures(site, SITE_QUERIES));
  const grown: Array<{ talks: number; figures: SearchFigures[] }> = [];
  for (const talks of sizes) {
    const dir = join(work, `size-${talks}`);
    mkdirSync(dir);
    const out = await buildForSearch(dir, `synthetic-${talks}`, writeSynthetic(dir, talks, seed));
    const figures = await searchFigures(out, SYNTHETIC_QUERIES);
    printSearchFigures(`${talks} synthetic talks per language`, figures);
    grown.push({ talks, figures });
  }
  printGrowth(grown);
}

async function main() {
  const { values } = parseArgs({
    options: {
      talks: { type: 'string', default: '100' },
      seed: { type: 'string', default: '1' },
      runs: { type: 'string', default: '1' },
      json: { type: 'string' },
      keep: { type: 'boolean', default: false },
      'no-baseline': { type: 'boolean', default: false },
      'no-starlight': { type: 'boolean', default: false },
      warm: { type: 'boolean', default: false },
      'warm-only': { type: 'boolean', default: false },
      'no-processors': { type: 'boolean', default: false },
      'processors-only': { type: 'boolean', default: false },
      'no-cards': { type: 'boolean', default: false },
      'no-search': { type: 'boolean', default: false },
      'search-only': { type: 'boolean', default: false },
      'search-sizes': { type: 'string', default: '100,1000' },
      'index-after-build': { type: 'boolean', default: false },
    },
  });
  indexAfterBuild = values['index-after-build'];
  const talks = Number(values.talks);
  const seed = Number(values.seed);
  const runs = Number(values.runs);
  if (!Number.isInteger(talks) || talks < 1) throw new Error('--talks must be a positive whole number');
  if (!Number.isInteger(runs) || runs < 1) throw new Error('--runs must be a positive whole number');

  const work = mkdtempSync(join(tmpdir(), 'confnotes-bench-'));
  mkdirSync(join(projectRoot, 'tests/.tmp'), { recursive: true });
  workRoot = work;
  oursRoot = mkdtempSync(join(projectRoot, 'tests/.tmp/bench-'));
  if (values['search-only']) {
    const sizes = values['search-sizes'].split(',').map(Number);
    if (sizes.some((size) => !Number.isInteger(size) || size < 1)) throw new Error('--search-sizes must be whole numbers, e.g. 100,1000');
    console.log(`confnotes bench, search only: this project's content and ${sizes.join(', ')} synthetic talks per language; load average ${loadavg()[0].toFixed(2)}`);
    try {
      await searchOnly(work, sizes, seed);
    } finally {
      if (values.keep) console.log(`kept ${work} and ${oursRoot}`);
      else for (const dir of [work, oursRoot]) rmSync(dir, { recursive: true, force: true });
    }
    return;
  }
  const content = join(work, 'content');
  const files = syntheticContent({ talks, seed });
  for (const [path, text] of files) {
    mkdirSync(dirname(join(content, path)), { recursive: true });
    writeFileSync(join(content, path), text);
  }
  const load = loadavg()[0];
  console.log(`confnotes bench: ${talks} talks per language (${talks * 2} talk pages), seed ${seed}, ${runs} run(s), in ${work}`);
  console.log(`machine: ${cpus().length} x ${cpus()[0]?.model ?? 'cpu'}, node ${process.version}, load average ${load.toFixed(2)} at start`);

  const ours: BuildReport[] = [];
  const oursNoCards: BuildReport[] = [];
  const oursCachedCards: BuildReport[] = [];
  const baseline: BuildReport[] = [];
  const baselineUnified: BuildReport[] = [];
  const starlight: BuildReport[] = [];
  const coldRuns = values['processors-only'] || values['warm-only'] ? 0 : runs;
  const withStarlight = !values['no-starlight'] && coldRuns > 0;
  try {
    if (withStarlight) await ensureStarlight();
    for (let run = 1; run <= coldRuns; run++) {
      // Fresh output and cache folders for every run: every build is a cold build.
      const runDir = join(work, `run-${run}`);
      mkdirSync(runDir);
      process.stdout.write(`run ${run}: ours`);
      ours.push(await buildOurs(runDir, content));
      if (!values['no-cards']) {
        process.stdout.write(', ours without cards');
        oursNoCards.push(await buildOurs(runDir, content, 'no-cards'));
        process.stdout.write(', ours with cached cards');
        oursCachedCards.push(await buildOurs(runDir, content, 'cached-cards'));
      }
      if (!values['no-baseline']) {
        process.stdout.write(', baseline');
        baseline.push(await buildBaseline(runDir, content, 'satteri'));
        process.stdout.write(', baseline-unified');
        baselineUnified.push(await buildBaseline(runDir, content, 'unified'));
      }
      if (withStarlight) {
        process.stdout.write(', starlight');
        starlight.push(await buildStarlight(runDir, files));
      }
      process.stdout.write('\n');
    }
    console.log(`load average ${loadavg().map((value) => value.toFixed(2)).join(', ')} after the builds`);
    if (!values['no-search'] && ours.length > 0) {
      printSearchFigures('this project’s content', await searchFigures(await buildForSearch(work, 'site'), SITE_QUERIES));
      printSearchFigures(`${talks} synthetic talks per language (ours, last run)`, await searchFigures(oursOut(join(work, `run-${runs}`), 'ours'), SYNTHETIC_QUERIES));
    }
    const warm = values.warm || values['warm-only'] ? await warmRebuild(work, content, files, WARM_DEV_PORT) : undefined;
    let processors: RenderReport[] = [];
    if (!values['no-processors'] && !values['warm-only']) {
      const dir = work;
      writeRenderScript(dir);
      processors = [
        await renderAlone(dir, content, 'ours'),
        await renderAlone(dir, content, 'unified-bare'),
        await renderAlone(dir, content, 'satteri'),
      ];
    }

    const rows = ours.length ? [ours, baseline, baselineUnified, starlight].filter((runs) => runs.length > 0).map(summarize) : [];
    const [our] = rows;
    const others = rows.slice(1);
    const base = rows.find((row) => row.name === 'baseline');
    const unifiedBase = rows.find((row) => row.name === 'baseline-unified');
    if (our) printTable();
    if (oursNoCards.length > 0) printCards();
    if (warm) printWarm(warm);

    /** Share cards: what drawing them costs cold, and what a build whose cards are cached costs over one without. */
    function printCards() {
      const [plain, none, cached] = [ours, oursNoCards, oursCachedCards].map(summarize);
      const signedPercent = (fraction: number) => `${fraction >= 0 ? '+' : '−'}${Math.abs(fraction * 100).toFixed(1)}%`;
      console.log('\nShare cards (build + indexing, best of the runs):');
      console.log(`  without cards (CONFNOTES_SHARE_CARDS=off)  ${seconds(none.totalSeconds)} s, ${none.pages} pages`);
      console.log(`  cards drawn cold                           ${seconds(plain.totalSeconds)} s (${ratio(plain.totalSeconds, none.totalSeconds)})`);
      console.log(
        `  cards from the cache                       ${seconds(cached.totalSeconds)} s (${ratio(cached.totalSeconds, none.totalSeconds)}, ${signedPercent((cached.totalSeconds - none.totalSeconds) / none.totalSeconds)})`,
      );
      console.log(`  CPU: without ${seconds(none.cpuSeconds)} s, cold ${seconds(plain.cpuSeconds)} s, cached ${seconds(cached.cpuSeconds)} s`);
    }

    function printTable() {
      type Row = (typeof rows)[number];
      // label, the cell of each build, and the number to compare ours with the baselines on (if any).
      const table: Array<[string, (row: Row) => string, ((row: Row) => number)?]> = [
        ['build (s)', (row) => seconds(row.buildSeconds), (row) => row.buildSeconds],
        ['  set-up + content sync', (row) => seconds(row.setupSeconds), (row) => row.setupSeconds],
        ['  Vite bundle', (row) => seconds(row.bundleSeconds), (row) => row.bundleSeconds],
        ['  rendering pages', (row) => seconds(row.renderSeconds), (row) => row.renderSeconds],
        ['indexing (s)', (row) => seconds(row.indexSeconds), (row) => row.indexSeconds],
        ['build + indexing (s)', (row) => seconds(row.totalSeconds), (row) => row.totalSeconds],
        ['CPU, build + indexing (s)', (row) => seconds(row.cpuSeconds), (row) => row.cpuSeconds],
        ['pages', (row) => String(row.pages)],
        ['pages/s (build)', (row) => row.pagesPerSecond.toFixed(1)],
        ['peak RSS, tree (MiB)', (row) => (row.peakTreeRss / MiB).toFixed(0), (row) => row.peakTreeRss],
        ['peak RSS, 1 process (MiB)', (row) => (row.peakProcessRss / MiB).toFixed(0)],
        ['dist bytes', (row) => bytes(row.distBytes), (row) => row.distBytes],
        ['  of which pagefind', (row) => bytes(row.pagefindBytes)],
        ['dist bytes per talk page', (row) => bytes(row.distBytes / row.talkPages), (row) => row.distBytes / row.talkPages],
        ['HTML bytes per page, mean', (row) => bytes(row.htmlBytes / row.pages)],
        ['talk page bytes, raw', (row) => bytes(row.talkRaw), (row) => row.talkRaw],
        ['talk page bytes, gzip', (row) => bytes(row.talkGzip), (row) => row.talkGzip],
        ['largest page bytes', (row) => bytes(row.largestPage.bytes)],
      ];
      const header = rows.map((row) => row.name.padStart(18)).join('') + others.map((other) => `ours/${other.name.replace('baseline-', '')}`.padStart(16)).join('');
      console.log(`\n${''.padEnd(26)}${header}`);
      for (const [label, cell, compare] of table) {
        const ratios = others.map((other) => (compare ? ratio(compare(our), compare(other)) : '').padStart(16)).join('');
        console.log(`${label.padEnd(26)}${rows.map((row) => cell(row).padStart(18)).join('')}${ratios}`);
      }
      console.log(`largest page of ours: ${our.largestPage.path}`);
      for (const row of rows) if (row.indexedBy) console.log(`indexing of ${row.name} measured by ${row.indexedBy}`);
    }

    const [oursAlone, bareAlone, satteriAlone] = processors;
    if (oursAlone && bareAlone && satteriAlone) {
      console.log('\nMarkdown processors, rendering all reviews alone (setup excluded):');
      for (const report of processors) {
        const features = Object.entries(report.features).map(([name, count]) => `${name} ${count}`);
        console.log(
          `  ${report.processor.padEnd(13)} ${seconds(report.renderSeconds)} s wall, ${seconds(report.renderCpuSeconds)} s CPU for ${report.files} files (setup ${seconds(report.setupSeconds)} s); ${features.join(', ')}`,
        );
      }
      const speedUp = (slow: RenderReport) =>
        `${ratio(slow.renderSeconds, satteriAlone.renderSeconds)} wall, ${ratio(slow.renderCpuSeconds, satteriAlone.renderCpuSeconds)} CPU`;
      console.log(`  Sätteri speed-up, rendering alone: over unified + remark-gfm ${speedUp(bareAlone)}; over ours ${speedUp(oursAlone)}`);
      console.log('  (ours also runs the embed plugin: file embeds, code toolbars, shell sessions; Sätteri runs no remark plugins)');
      if (base && unifiedBase) {
        console.log(
          `  Sätteri speed-up, whole bare build: ${ratio(unifiedBase.buildSeconds, base.buildSeconds)} wall, ${ratio(unifiedBase.cpuSeconds, base.cpuSeconds)} CPU (baseline-unified vs baseline)`,
        );
      }
    }

    if (values.json) {
      writeFileSync(
        values.json,
        JSON.stringify(
          {
            date: new Date().toISOString(),
            talks,
            seed,
            runs,
            node: process.version,
            cpus: cpus().length,
            cpu: cpus()[0]?.model,
            load,
            rows,
            cards: oursNoCards.length > 0 ? { cold: summarize(ours), none: summarize(oursNoCards), cached: summarize(oursCachedCards) } : undefined,
            processors,
            warm: warm && {
              edited: warm.edited,
              cold: { seconds: warm.cold.build.seconds, cpuSeconds: warm.cold.build.cpuSeconds },
              warm: { seconds: warm.warm.build.seconds, cpuSeconds: warm.warm.build.cpuSeconds, indexSeconds: warm.warm.indexInBuild },
              devStartSeconds: warm.devStartSeconds,
              devUpdateSeconds: warm.devUpdateSeconds,
            },
          },
          null,
          2,
        ) + '\n',
      );
      console.log(`\nwrote ${values.json}`);
    }
  } finally {
    if (values.keep) console.log(`kept ${work} and ${oursRoot}`);
    else for (const dir of [work, oursRoot]) rmSync(dir, { recursive: true, force: true });
  }
}

await main();
