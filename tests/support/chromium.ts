/**
 * What the suite needs from the system: Debian's Chromium with the Latin and CJK fonts the browser tests were written
 * against (and python3, which the guide's mirror test runs as the guide says, and which any machine that builds Node
 * packages has; and GNU patch, with which a test applies the guide's two Vagrantfile diffs exactly as a reader does:
 * the notes' diff is in the normal, not unified, format, which only the real program applies). Before anything else runs, the test command installs what is missing where it can (root with
 * apt-get, as on CI) and otherwise stops at once with one line saying what to run.
 */
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';

export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
export const BROWSER_PACKAGES = ['chromium', 'fonts-liberation', 'fonts-noto-cjk'];

const installed = (pkg: string) => spawnSync('dpkg-query', ['-W', '-f=${Status}', pkg], { encoding: 'utf8' }).stdout?.includes('install ok installed');
const hasCommand = (name: string) => spawnSync('sh', ['-c', `command -v ${name}`], { stdio: 'ignore' }).status === 0;

/** The packages still to install: Chromium unless it is at CHROMIUM, on Debian any missing font, python3 and patch if absent. */
export function missingBrowserPackages(): string[] {
  const missing = existsSync(CHROMIUM) ? [] : ['chromium'];
  if (hasCommand('dpkg-query')) missing.push(...BROWSER_PACKAGES.slice(1).filter((pkg) => !installed(pkg)));
  if (!hasCommand('python3')) missing.push('python3');
  if (!hasCommand('patch')) missing.push('patch');
  return missing;
}

/** Returns when Chromium and its fonts are there; otherwise installs them (root + apt-get) or exits with one line. */
export function ensureChromium(): void {
  const missing = missingBrowserPackages();
  if (missing.length === 0) return;
  const apt = `run \`sudo apt-get update && sudo apt-get install -y ${[...new Set([...BROWSER_PACKAGES, ...missing])].join(' ')}\` and try again`;
  const stop = (why: string, fix = apt) => {
    process.stderr.write(`npm test: ${why}; ${fix}\n`);
    process.exit(1);
  };
  // A CHROMIUM_PATH of the user's choosing is not something apt-get can put there.
  if (process.env.CHROMIUM_PATH && !existsSync(CHROMIUM)) stop(`no browser at CHROMIUM_PATH=${CHROMIUM}`, 'point it at a Chromium or unset it');
  if (process.getuid?.() !== 0 || !hasCommand('apt-get')) stop(`missing ${missing.join(', ')} (the tests need Debian's Chromium at ${CHROMIUM}, its fonts, python3 and patch)`);
  process.stderr.write(`npm test: installing ${missing.join(' ')} from Debian (apt-get)\n`);
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  for (const args of [['update', '-qq'], ['install', '-y', '-qq', ...missing]]) {
    const result = spawnSync('apt-get', args, { env, stdio: ['ignore', 'ignore', 'inherit'] });
    if (result.status !== 0) stop(`\`apt-get ${args.join(' ')}\` failed (exit ${result.status})`);
  }
  if (missingBrowserPackages().length) stop(`${missingBrowserPackages().join(', ')} still missing after apt-get`);
}

/** Vitest global setup of the browser project: runs when `npm test` starts, before any test of any project. */
export default function setup(): void {
  ensureChromium();
}
