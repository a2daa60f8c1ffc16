/** Runs the real `astro build` in a child process, with its own output and cache folders (tests and `npm run audit`). */
import { spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync } from 'node:fs';
import { join } from 'node:path';

export const projectRoot = new URL('../../', import.meta.url).pathname.replace(/\/$/, '');

export interface BuildResult {
  code: number;
  output: string;
  outDir: string;
}

/**
 * The environment of a build as a reader's shell would have it. Vitest workers set Vite's own variables
 * (BASE_URL=/, MODE=test, DEV, PROD, SSR, NODE_ENV=test); a child `astro build` would read them, so that
 * CONFNOTES_BASE had no effect on import.meta.env.BASE_URL and the build ran as a test build.
 */
export function cleanEnv(env: NodeJS.ProcessEnv = process.env): NodeJS.ProcessEnv {
  const clean = { ...env };
  for (const key of ['BASE_URL', 'MODE', 'DEV', 'PROD', 'SSR', 'TEST']) delete clean[key];
  for (const key of Object.keys(clean)) if (key.startsWith('VITEST')) delete clean[key];
  if (clean.NODE_ENV === 'test') delete clean.NODE_ENV;
  return clean;
}

/**
 * A fresh output folder inside the project: Astro writes its prerender chunks into `<outDir>/.prerender/` only when
 * outDir is under the working directory, and otherwise into a shared `./.astro/`, where two builds running at once
 * overwrite each other's chunks.
 */
export function freshOutDir(): string {
  const parent = join(projectRoot, 'tests/.tmp/builds');
  mkdirSync(parent, { recursive: true });
  return mkdtempSync(join(parent, 'dist-'));
}

export function build(env: Record<string, string> = {}, outDir = freshOutDir()): Promise<BuildResult> {
  return new Promise((resolve, reject) => {
    const child = spawn('npx', ['astro', 'build'], {
      cwd: projectRoot,
      env: { ...cleanEnv(), CONFNOTES_OUT: outDir, CONFNOTES_CACHE: `${outDir}-cache`, ASTRO_TELEMETRY_DISABLED: '1', NO_COLOR: '1', FORCE_COLOR: '0', ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    child.stdout.on('data', (chunk) => (output += chunk));
    child.stderr.on('data', (chunk) => (output += chunk));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code: code ?? 1, output, outDir }));
  });
}
