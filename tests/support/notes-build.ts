/**
 * The one build under the sub-path /notes/ (CONFNOTES_BASE=/notes/) that every test needing one shares: the first
 * test file that asks for it in a run builds it, the others reuse it. With CONFNOTES_PREBUILT=1 a build left by an
 * earlier run is reused as well.
 */
import { existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { inject } from 'vitest';
import { build } from './build.ts';
import { distDir } from './dist.ts';

export const NOTES_BASE = '/notes/';
export const notesDir = `${distDir}-notes`;
/** Beside the build, not in it: tests walk every file of the build. */
const stamp = `${notesDir}.run`;

export async function notesBuild(): Promise<string> {
  const run = inject('suiteRun');
  const previous = existsSync(stamp) && existsSync(notesDir) ? readFileSync(stamp, 'utf8') : undefined;
  if (previous !== undefined && (previous === run || process.env.CONFNOTES_PREBUILT === '1')) return notesDir;
  rmSync(stamp, { force: true });
  rmSync(notesDir, { recursive: true, force: true });
  const result = await build({ CONFNOTES_BASE: NOTES_BASE }, notesDir);
  if (result.code !== 0) throw new Error(`astro build (CONFNOTES_BASE=${NOTES_BASE}) failed:\n${result.output}`);
  writeFileSync(stamp, run);
  return notesDir;
}
