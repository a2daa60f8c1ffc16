/**
 * Every malformed input under tests/fixtures/bad-content/ fails the real `astro build`, which prints the case's one
 * line "file: field: reason" exactly once (no second copy, no "unhandled error", no stack trace), exits non-zero, and
 * leaves no output folder behind that could pass for a good build.
 */
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { assembleCase, badCases } from '../support/bad-content.ts';
import { build, projectRoot, type BuildResult } from '../support/build.ts';
import { expectCleanFailure } from '../support/bad-content.ts';
import { checkContent } from '../../src/lib/content-check.ts';

const cases = badCases();
const results = new Map<string, { result: BuildResult; expected: string }>();

beforeAll(async () => {
  // Two builds at a time: one per core.
  const queue = [...cases];
  const worker = async () => {
    for (let name = queue.shift(); name; name = queue.shift()) {
      const { root, expected } = assembleCase(name);
      const outDir = join(projectRoot, 'tests/.tmp/out', name);
      // A stale "good" build in the output folder must not survive the failed build.
      mkdirSync(outDir, { recursive: true });
      writeFileSync(join(outDir, 'index.html'), '<!doctype html><title>stale</title>');
      results.set(name, { result: await build({ CONFNOTES_CONTENT: root }, outDir), expected });
    }
  };
  await Promise.all([worker(), worker()]);
  // A minute per case at worst: each is a real `astro build` start-up, and the machine may be shared.
}, cases.length * 60_000);

describe('a build over bad content', () => {
  it('has at least 45 cases', () => {
    expect(cases.length).toBeGreaterThanOrEqual(45);
  });

  it.each(cases)('%s: fails with its one-line message, once, and no output folder', (name) => {
    const { result, expected } = results.get(name)!;
    expectCleanFailure(result, [expected]);
    expect(existsSync(result.outDir)).toBe(false);
  });
});

describe('the real content', () => {
  it('has no content errors', () => {
    expect(checkContent('content')).toEqual([]);
  });
});
