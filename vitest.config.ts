import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['tests/**/*.test.ts'],
    // One real build of the site before any test reads dist/ (skipped with CONFNOTES_PREBUILT=1 after `npm run build`).
    globalSetup: ['tests/support/global-build.ts'],
    testTimeout: 60_000,
    hookTimeout: 240_000,
    // Builds and browsers are heavy on a 2-core machine: files run one at a time, tests inside a file in order.
    fileParallelism: false,
  },
});
