/** Assembles a bad-content case: a copy of _base/ with the case's files laid over it (`x.delete` removes `x`). */
import { cpSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { expect } from 'vitest';
import { projectRoot, type BuildResult } from './build.ts';
import { walkFiles } from './dist.ts';

export const fixturesDir = join(projectRoot, 'tests/fixtures/bad-content');

export const badCases = (): string[] =>
  readdirSync(fixturesDir, { withFileTypes: true })
    .filter((entry) => entry.isDirectory() && !entry.name.startsWith('_'))
    .map((entry) => entry.name)
    .sort();

/** Builds the case's content root under tests/.tmp/ and returns it relative to the project root. */
export function assembleCase(name: string): { root: string; expected: string } {
  const root = join(projectRoot, 'tests/.tmp/bad-content', name);
  rmSync(root, { recursive: true, force: true });
  mkdirSync(root, { recursive: true });
  cpSync(join(fixturesDir, '_base'), root, { recursive: true });
  const caseDir = join(fixturesDir, name);
  for (const file of walkFiles(caseDir)) {
    const rel = relative(caseDir, file);
    if (rel === 'expected.txt') continue;
    if (rel.endsWith('.delete')) {
      rmSync(join(root, rel.slice(0, -'.delete'.length)), { force: true });
      continue;
    }
    mkdirSync(dirname(join(root, rel)), { recursive: true });
    cpSync(file, join(root, rel));
  }
  const rootRel = relative(projectRoot, root);
  const line = readFileSync(join(caseDir, 'expected.txt'), 'utf8').trim();
  return { root: rootRel, expected: `${rootRel}/${line.replaceAll('ROOT/', `${rootRel}/`)}` };
}

export const caseExists = (name: string) => existsSync(join(fixturesDir, name, 'expected.txt'));

/**
 * A build that failed the way an author should see it: status 1, exactly the expected content error lines, each
 * once and nowhere else in the output, then the count; no "unhandled error" text and no stack trace.
 */
export function expectCleanFailure(result: BuildResult, expected: readonly string[]) {
  expect(result.code).toBe(1);
  const lines = result.output.split('\n');
  expect(lines.filter((line) => line.startsWith('content error: '))).toEqual(expected.map((line) => `content error: ${line}`));
  for (const line of expected) expect(result.output.split(line).length - 1, line).toBe(1);
  expect(result.output).toMatch(new RegExp(`^${expected.length} content errors? in .+/$`, 'm'));
  expect(result.output).not.toMatch(/unhandled error/i);
  expect(result.output).not.toMatch(/^\s+at .+:\d+:\d+\)?$/m);
}
