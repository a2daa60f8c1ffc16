/**
 * Builds the site into dist/ once before the suite, unless CONFNOTES_PREBUILT=1 says dist/ is already fresh. Both
 * projects that read dist/ (dist, browser) name this setup; the first one to run builds, the other finds it done.
 */
import type { TestProject } from 'vitest/node';
import { build, projectRoot } from './build.ts';
import { distDir } from './dist.ts';

declare module 'vitest' {
  export interface ProvidedContext {
    /** One id per `vitest run`, so a build shared by test files (tests/support/notes-build.ts) is made once per run. */
    suiteRun: string;
  }
}

/** Set in the main process by the first project's setup; later projects' setups see it. */
const BUILT = 'CONFNOTES_SUITE_BUILT';

export default async function setup(project: TestProject) {
  process.env.CONFNOTES_SUITE_RUN ??= `${process.pid}-${Date.now()}`;
  project.provide('suiteRun', process.env.CONFNOTES_SUITE_RUN);
  if (process.env.CONFNOTES_PREBUILT === '1' || process.env[BUILT] === distDir) return;
  const cache = process.env.CONFNOTES_DIST ? `${distDir}-cache` : `${projectRoot}/node_modules/.astro`;
  const result = await build({ CONFNOTES_CACHE: cache }, distDir);
  if (result.code !== 0) throw new Error(`astro build failed:\n${result.output}`);
  process.env[BUILT] = distDir;
}
