/**
 * The README's own servers, run as a reader runs them: `npm start` (build, then serve dist/) and `npm run dev`.
 * Under both, every download link the built pages carry returns the file under content/ byte for byte, and /en and
 * /zh without their slash redirect to it, as a plain static host does (scripts/static-server.ts is that host).
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { readdirSync, readFileSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { cleanEnv, freshOutDir, projectRoot } from './support/build.ts';
import { embeddedFiles } from '../src/lib/embed.ts';
import { htmlPages, page } from './support/dist.ts';

/** Every href under /files/ on every built page: the download links a reader can click. */
const downloads = [...new Set(htmlPages().flatMap((path) => page(path)('a[href*="/files/"]').map((_, a) => page(path)(a).attr('href')!).get()))].sort();

/** A free port in this suite's range (4370-4379), so the servers' own port flags are what is tested. */
async function freePort(): Promise<number> {
  for (let port = 4370; port <= 4379; port++) {
    const free = await new Promise<boolean>((resolve) => {
      const probe = createServer().once('error', () => resolve(false));
      probe.listen(port, 'localhost', () => probe.close(() => resolve(true)));
    });
    if (free) return port;
  }
  throw new Error('no free port in 4370-4379');
}

const children: ChildProcess[] = [];
const outDir = freshOutDir();
afterAll(async () => {
  // Each command runs in its own process group (npm -> node -> astro), stopped by its id.
  for (const child of children) {
    if (!child.pid || child.exitCode !== null || child.signalCode !== null) continue;
    const exited = once(child, 'exit');
    process.kill(-child.pid, 'SIGTERM');
    await exited;
  }
  rmSync(outDir, { recursive: true, force: true });
  rmSync(`${outDir}-cache`, { recursive: true, force: true });
});

/** Runs `npm <args>` and waits until http://localhost:<port>/ answers; fails with its output if it exits first. */
async function startServer(args: string[], port: number, env: Record<string, string> = {}): Promise<{ origin: string; output: () => string }> {
  const child = spawn('npm', [...args, '--', '--port', String(port)], {
    cwd: projectRoot,
    detached: true,
    stdio: ['ignore', 'pipe', 'pipe'],
    env: { ...cleanEnv(), ASTRO_TELEMETRY_DISABLED: '1', NO_COLOR: '1', ...env },
  });
  children.push(child);
  let output = '';
  child.stdout!.on('data', (chunk) => (output += chunk));
  child.stderr!.on('data', (chunk) => (output += chunk));
  const origin = `http://localhost:${port}`;
  for (let attempt = 0; attempt < 1200; attempt++) {
    if (child.exitCode !== null) throw new Error(`npm ${args.join(' ')} exited with ${child.exitCode}:\n${output}`);
    try {
      await fetch(`${origin}/`);
      return { origin, output: () => output };
    } catch {
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  }
  throw new Error(`npm ${args.join(' ')}: no answer on ${origin}:\n${output}`);
}

it('the built pages link one download per file the guides embed, and no other', () => {
  const guides = join(projectRoot, 'content/guides');
  const embedded = readdirSync(guides).flatMap((guide) =>
    ['zh.md', 'en.md'].flatMap((file) => embeddedFiles(readFileSync(join(guides, guide, file), 'utf8')).map((embed) => `/files/guides/${guide}/${embed.path}`)),
  );
  expect(downloads).toEqual([...new Set(embedded)].sort());
  expect(downloads.length).toBeGreaterThan(0);
});

describe.each([
  { name: 'npm start', args: ['start'], env: () => ({ CONFNOTES_OUT: outDir, CONFNOTES_CACHE: `${outDir}-cache` }) },
  { name: 'npm run dev', args: ['run', 'dev'], env: () => ({}) },
])('$name', ({ args, env }) => {
  let origin = '';
  it('starts on the port it is given, with no warning on the way', async () => {
    const server = await startServer(args, await freePort(), env());
    origin = server.origin;
    // Astro's CSP warning about Shiki's inline styles used to print on every start (no page has a style attribute).
    expect(server.output()).not.toMatch(/\bWARN|warning/i);
  }, 240_000);

  it.each(downloads)('%s is the file under content/, byte for byte', async (href) => {
    const response = await fetch(`${origin}${href}`);
    expect(response.status).toBe(200);
    const expected = readFileSync(join(projectRoot, 'content', href.replace(/^\/files\//, '')));
    expect(Buffer.from(await response.arrayBuffer()).equals(expected)).toBe(true);
  });

  it.each(['en', 'zh'])('/%s redirects to its slash form, the language home', async (lang) => {
    const response = await fetch(`${origin}/${lang}?from=readme`, { redirect: 'manual' });
    expect(response.status).toBe(301);
    expect(new URL(response.headers.get('location')!, origin).href).toBe(`${origin}/${lang}/?from=readme`);
    const home = await fetch(`${origin}/${lang}/`);
    expect(home.status).toBe(200);
    expect(await home.text()).toMatch(new RegExp(`<html[^>]* lang="${lang === 'zh' ? 'zh-(?:CN|Hans)' : 'en'}"`));
  });

  it('a page that does not exist is still a 404', async () => {
    expect((await fetch(`${origin}/en/no-such-page/`)).status).toBe(404);
    expect((await fetch(`${origin}/en/no-such-page`)).status).toBe(404);
  });
});
