/**
 * `npm run dev` picks up an author's edits: the collections' loader (src/lib/content-loader.ts) takes its entries
 * from the content check's reading at start, and afterwards reads again each file the watcher reports changed.
 * The dev server runs over a copy of the fixture conference, whose review Markdown and talk YAML are edited while it
 * runs; the talk's page must show each edit.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { join, relative } from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { cleanEnv, projectRoot } from '../support/build.ts';

const parent = join(projectRoot, 'tests/.tmp/dev-reload');
mkdirSync(parent, { recursive: true });
const work = mkdtempSync(join(parent, 'run-'));
const root = join(work, 'content');
const talkDir = join(root, 'talks/samplecamp-2031/table-driven-tests');
const PAGE = '/en/samplecamp-2031/table-driven-tests/';

let server: ChildProcess | undefined;
let output = '';
let origin = '';

/** A port the system says is free (port 0), handed to the dev server's --port. */
async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer().once('error', reject);
    probe.listen(0, 'localhost', () => {
      const { port } = probe.address() as { port: number };
      probe.close(() => resolve(port));
    });
  });
}

/** The page's HTML once `accept` holds, polling while the dev server reloads; the last HTML otherwise. */
async function pageWhen(accept: (html: string) => boolean, timeoutMs = 60_000): Promise<string> {
  const deadline = Date.now() + timeoutMs;
  let html = '';
  while (Date.now() < deadline) {
    const response = await fetch(`${origin}${PAGE}`).catch(() => undefined);
    html = response?.ok ? await response.text() : '';
    if (accept(html)) return html;
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  return html;
}

beforeAll(async () => {
  cpSync(join(projectRoot, 'tests/fixtures/fixture-conf'), root, { recursive: true });
  const port = await freePort();
  origin = `http://localhost:${port}`;
  server = spawn('npx', ['astro', 'dev', '--port', String(port)], {
    cwd: projectRoot,
    // Its own process group (npx -> node -> astro), stopped by its id afterwards.
    detached: true,
    stdio: ['ignore', 'pipe', 'pipe'],
    env: { ...cleanEnv(), CONFNOTES_CONTENT: relative(projectRoot, root), CONFNOTES_CACHE: join(work, 'cache'), ASTRO_TELEMETRY_DISABLED: '1', NO_COLOR: '1' },
  });
  server.stdout!.on('data', (chunk) => (output += chunk));
  server.stderr!.on('data', (chunk) => (output += chunk));
  const first = await pageWhen((html) => html.includes('Ten habits of table-driven tests'), 180_000);
  if (!first) throw new Error(`astro dev did not serve ${PAGE}:\n${output}`);
}, 240_000);

afterAll(async () => {
  if (server?.pid && server.exitCode === null && server.signalCode === null) {
    const exited = once(server, 'exit');
    process.kill(-server.pid, 'SIGTERM');
    await exited;
  }
  rmSync(work, { recursive: true, force: true });
});

it("shows an edit to the review's Markdown, heading and body", async () => {
  const file = join(talkDir, 'en.md');
  const text = readFileSync(file, 'utf8');
  writeFileSync(file, `${text.replace(/^heading: .*$/m, 'heading: Edited heading while dev runs')}\nA paragraph added while dev runs.\n`);
  const html = await pageWhen((page) => page.includes('A paragraph added while dev runs.') && page.includes('Edited heading while dev runs'));
  expect(html, output).toContain('A paragraph added while dev runs.');
  expect(html).toContain('Edited heading while dev runs');
}, 90_000);

it("shows an edit to the talk's YAML", async () => {
  const file = join(talkDir, 'talk.yaml');
  writeFileSync(file, readFileSync(file, 'utf8').replace('en: "Ten habits of table-driven tests"', 'en: "Eleven habits of table-driven tests"'));
  const html = await pageWhen((page) => page.includes('Eleven habits of table-driven tests'));
  expect(html, output).toContain('Eleven habits of table-driven tests');
}, 90_000);
