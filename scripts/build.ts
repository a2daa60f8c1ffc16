/**
 * `npm run build`: `astro build`, then the search index in this process once Astro's has exited, so that Pagefind's
 * binary never runs beside the build process (together they needed more than 4 GiB at 10,000 talks per language; see
 * docs/performance.md). The index is the same as `npx astro build` writes from inside the build, which the tests use:
 * the integration's own `astro:build:done` hook runs here (src/integrations/pagefind.ts, INDEX_AFTER_BUILD_ENV).
 * Arguments go to `astro build` (`npm run build -- --verbose`).
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { IndexJob } from '../src/integrations/pagefind.ts';
import { INDEX_AFTER_BUILD_ENV } from '../src/lib/site-constants.ts';

const astro = join(import.meta.dirname, '../node_modules/astro/bin/astro.mjs');
const handoff = mkdtempSync(join(tmpdir(), 'confnotes-build-'));
const jobFile = join(handoff, 'index-job.json');

/**
 * Settings for Astro's process that lower its peak memory: a smaller young generation (V8 grows it to 64 MiB per
 * semi-space on a large heap) and two malloc arenas instead of up to one per thread. At 10,000 talks per language its
 * peak went from 4,009 to 3,786 MiB with them (docs/performance.md).
 */
const ASTRO_NODE_FLAGS = ['--max-semi-space-size=16'];
const ASTRO_ENV = { MALLOC_ARENA_MAX: '2' };

const code = await new Promise<number>((resolve) => {
  const child = spawn(process.execPath, [...ASTRO_NODE_FLAGS, astro, 'build', ...process.argv.slice(2)], {
    stdio: 'inherit',
    env: { ...ASTRO_ENV, ...process.env, [INDEX_AFTER_BUILD_ENV]: jobFile },
  });
  child.on('error', (error) => {
    console.error(`build: cannot start astro build: ${error.message}`);
    resolve(1);
  });
  child.on('close', (status, signal) => resolve(status ?? (signal ? 1 : 0)));
});
if (code !== 0) {
  rmSync(handoff, { recursive: true, force: true });
  process.exit(code);
}

let job: IndexJob;
try {
  job = JSON.parse(readFileSync(jobFile, 'utf8')) as IndexJob;
} catch {
  console.error('build: astro build left no search index job (is pagefindIndex() in astro.config.mjs?)');
  process.exit(1);
} finally {
  rmSync(handoff, { recursive: true, force: true });
}

const time = () => new Date().toTimeString().slice(0, 8);
const logger = { info: (line: string) => console.log(`${time()} [confnotes:pagefind] ${line}`) };
// Imported only now: the index's modules (OpenCC and pinyin tables among them) would otherwise take some 75 MiB in this
// process for the whole of the build.
const { pagefindIndex } = await import('../src/integrations/pagefind.ts');
const integration = pagefindIndex();
const hooks = integration.hooks as Required<typeof integration.hooks>;
const started = performance.now();
try {
  await hooks['astro:config:done']({ config: { base: job.base, cacheDir: job.cache ? pathToFileURL(`${job.cache}/`) : undefined } } as never);
  await hooks['astro:build:done']({ dir: pathToFileURL(`${job.outDir}/`), logger } as never);
} catch (error) {
  console.error(`${time()} [confnotes:pagefind] ${(error as Error).message}`);
  process.exit(1);
}
// `npm run bench -- --index-after-build` times the index here (its wrapper config times the hook inside the build).
if (process.env.BENCH_INDEX_TIMING) writeFileSync(process.env.BENCH_INDEX_TIMING, String((performance.now() - started) / 1000));
