import { defineConfig } from 'vitest/config';

/**
 * Four projects, by folder, so that a new `tests/*.test.ts` lands in the built-output project with no config change:
 * - unit: tests/unit/, pure modules and content files; builds nothing (`npm run test:unit`).
 * - dist: tests/*.test.ts, read the site built once into dist/ by the global setup.
 * - builds: tests/builds/, each builds its own variant (another content root, bad content, a second build).
 * - browser: tests/browser/, Debian's Chromium over dist/ and the one shared /notes/ build (tests/support/notes-build.ts).
 * `npm test` runs them all; `npx vitest run --project dist` one of them.
 */
export default defineConfig({
  test: {
    testTimeout: 60_000,
    hookTimeout: 240_000,
    // Builds and browsers are heavy on a 2-core machine: files run one at a time, tests inside a file in order, and
    // the projects in the order below (groupOrder, from 1: Vitest puts sequential files of order 0 last), fastest first.
    fileParallelism: false,
    projects: [
      { extends: true, test: { name: 'unit', include: ['tests/unit/**/*.test.ts'], sequence: { groupOrder: 1 } } },
      // One real build of the site before any test reads dist/ (skipped with CONFNOTES_PREBUILT=1 after `npm run build`).
      { extends: true, test: { name: 'dist', include: ['tests/*.test.ts'], globalSetup: ['tests/support/global-build.ts'], sequence: { groupOrder: 2 } } },
      { extends: true, test: { name: 'builds', include: ['tests/builds/**/*.test.ts'], sequence: { groupOrder: 3 } } },
      // Chromium first: installed as root, or one line saying what to run (tests/support/chromium.ts). Vitest runs every
      // project's setup when the run starts, so a missing browser stops `npm test` before any test.
      { extends: true, test: { name: 'browser', include: ['tests/browser/**/*.test.ts'], globalSetup: ['tests/support/chromium.ts', 'tests/support/global-build.ts'], sequence: { groupOrder: 4 } } },
    ],
  },
});
