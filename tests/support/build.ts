/** Runs the real `astro build` in a child process, with its own output and cache folders. */
import { spawn } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export const projectRoot = new URL('../../', import.meta.url).pathname.replace(/\/$/, '');

export interface BuildResult {
  code: number;
  output: string;
  outDir: string;
}

export function build(env: Record<string, string> = {}, outDir = mkdtempSync(join(tmpdir(), 'confnotes-dist-'))): Promise<BuildResult> {
  return new Promise((resolve, reject) => {
    const child = spawn('npx', ['astro', 'build'], {
      cwd: projectRoot,
      env: { ...process.env, CONFNOTES_OUT: outDir, CONFNOTES_CACHE: `${outDir}-cache`, ASTRO_TELEMETRY_DISABLED: '1', NO_COLOR: '1', FORCE_COLOR: '0', ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    child.stdout.on('data', (chunk) => (output += chunk));
    child.stderr.on('data', (chunk) => (output += chunk));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code: code ?? 1, output, outDir }));
  });
}
