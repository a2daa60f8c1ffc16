/**
 * Every malformed input under tests/fixtures/bad-content/ fails the real `astro build`, which prints the case's one
 * line "file: field: reason", and leaves no output folder behind that could pass for a good build.
 */
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { assembleCase, badCases } from '../support/bad-content.ts';
import { build, projectRoot, type BuildResult } from '../support/build.ts';
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
}, 600_000);

describe('a build over bad content', () => {
  it('has at least 20 cases', () => {
    expect(cases.length).toBeGreaterThanOrEqual(20);
  });

  it.each(cases)('%s: fails with its one-line message and no output folder', (name) => {
    const { result, expected } = results.get(name)!;
    expect(result.code).not.toBe(0);
    const lines = result.output.split('\n');
    expect(lines.some((line) => line.endsWith(`content error: ${expected}`))).toBe(true);
    expect(lines.filter((line) => line.includes('content error: '))).toHaveLength(1);
    expect(existsSync(result.outDir)).toBe(false);
  });
});

describe('the real content', () => {
  it('has no content errors', () => {
    expect(checkContent('content')).toEqual([]);
  });
});
