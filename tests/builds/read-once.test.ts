/**
 * A build reads each content file from disk once: the content check reads and parses every file, the collections'
 * loader takes its entries from that reading (src/lib/content-snapshot.ts), and an embedded file is read once for the
 * check, both languages' pages, the Markdown twins and its download (src/lib/content-files.ts).
 *
 * The fixture conference is built with tests/support/count-reads.ts loaded into Node, which counts every read of a
 * file under the content root whoever makes it (Astro, Vite, our code). Node is the project's pinned Node, started
 * directly: `npx` runs on the machine's Node, which cannot load a .ts file given to --import.
 */
import { spawn } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { join, relative } from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { cleanEnv, freshOutDir, projectRoot } from '../support/build.ts';
import { walkFiles } from '../support/dist.ts';

const FIXTURE = join(projectRoot, 'tests/fixtures/fixture-conf');
const outDir = freshOutDir();
const countsDir = `${outDir}-reads`;
let code = -1;
let output = '';

beforeAll(async () => {
  await new Promise<void>((resolve, reject) => {
    const child = spawn(join(projectRoot, 'node_modules/.bin/node'), ['--import', join(projectRoot, 'tests/support/count-reads.ts'), join(projectRoot, 'node_modules/astro/bin/astro.mjs'), 'build'], {
      cwd: projectRoot,
      env: {
        ...cleanEnv(),
        CONFNOTES_CONTENT: relative(projectRoot, FIXTURE),
        CONFNOTES_OUT: outDir,
        CONFNOTES_CACHE: `${outDir}-cache`,
        CONFNOTES_COUNT_READS_ROOT: FIXTURE,
        CONFNOTES_COUNT_READS_OUT: countsDir,
        ASTRO_TELEMETRY_DISABLED: '1',
        NO_COLOR: '1',
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    child.stdout.on('data', (chunk) => (output += chunk));
    child.stderr.on('data', (chunk) => (output += chunk));
    child.on('error', reject);
    child.on('close', (status) => {
      code = status ?? 1;
      resolve();
    });
  });
}, 240_000);

afterAll(() => {
  for (const dir of [outDir, `${outDir}-cache`, countsDir]) rmSync(dir, { recursive: true, force: true });
});

/** Reads per file, summed over every process and thread that wrote counts. */
function readCounts(): Map<string, number> {
  const total = new Map<string, number>();
  for (const name of existsSync(countsDir) ? readdirSync(countsDir) : []) {
    const counts = JSON.parse(readFileSync(join(countsDir, name), 'utf8')) as Record<string, number>;
    for (const [file, count] of Object.entries(counts)) total.set(file, (total.get(file) ?? 0) + count);
  }
  return total;
}

it('builds the fixture conference', () => {
  expect(code, output).toBe(0);
});

it('reads every content file exactly once, embedded files included', () => {
  const files = walkFiles(FIXTURE).map((file) => relative(FIXTURE, file).split('\\').join('/'));
  expect(files).toContain('guides/sample-cli-setup/files/sample.toml');
  const counts = readCounts();
  expect(Object.fromEntries([...counts].sort())).toEqual(Object.fromEntries(files.sort().map((file) => [file, 1])));
});
