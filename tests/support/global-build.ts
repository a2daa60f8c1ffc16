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

/**
 * The one build of a run, shared by every project that names this setup: Vitest may run the projects' setups at
 * once, in its main process, so the second one waits for the first one's build instead of starting its own.
 */
const shared = globalThis as typeof globalThis & { confnotesSuiteBuild?: Promise<void> };

async function buildOnce(): Promise<void> {
  const cache = process.env.CONFNOTES_DIST ? `${distDir}-cache` : `${projectRoot}/node_modules/.astro`;
  const result = await build({ CONFNOTES_CACHE: cache }, distDir);
  if (result.code !== 0) throw new Error(`astro build failed:\n${result.output}`);
}

export default async function setup(project: TestProject) {
  process.env.CONFNOTES_SUITE_RUN ??= `${process.pid}-${Date.now()}`;
  project.provide('suiteRun', process.env.CONFNOTES_SUITE_RUN);
  if (process.env.CONFNOTES_PREBUILT === '1') return;
  shared.confnotesSuiteBuild ??= buildOnce();
  await shared.confnotesSuiteBuild;
}
