/**
 * The README's "When something is wrong" example is what a build really prints: the same three mistakes made in a
 * copy of content/ (a speaker id typed "li-bing-yi", a start time "11.00", a review whose front matter is never
 * closed) make the real `astro build` print exactly the README's lines, each once, in one pass, and stop with status 1
 * without "An unhandled error occurred" or a stack trace.
 */
import { cpSync, existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { build, projectRoot, type BuildResult } from '../support/build.ts';
import { expectCleanFailure } from '../support/bad-content.ts';

const copy = 'tests/.tmp/readme-errors/content';
const talk = join(projectRoot, copy, 'talks/gopherchina-2016/baidu-bfe');

/** The fenced block under the README's "When something is wrong" heading. */
function readmeExample(): string[] {
  const readme = readFileSync(join(projectRoot, 'README.md'), 'utf8');
  const section = readme.slice(readme.indexOf('### When something is wrong'));
  const block = /```\n([\s\S]*?)\n```/.exec(section);
  if (!block) throw new Error('README: no example block under "When something is wrong"');
  return block[1].split('\n');
}

/** Replaces `from` once in a file, failing if it is not there (so the test breaks loudly if content/ changes). */
function mistake(file: string, from: string, to: string) {
  const text = readFileSync(file, 'utf8');
  if (!text.includes(from)) throw new Error(`${file}: "${from}" not found`);
  writeFileSync(file, text.replace(from, to));
}

let result: BuildResult;

beforeAll(async () => {
  rmSync(join(projectRoot, 'tests/.tmp/readme-errors'), { recursive: true, force: true });
  cpSync(join(projectRoot, 'content'), join(projectRoot, copy), { recursive: true });
  mistake(join(talk, 'talk.yaml'), 'speakers: [li-bingyi]', 'speakers: [li-bing-yi]');
  mistake(join(talk, 'talk.yaml'), 'start: "11:00"', 'start: "11.00"');
  // The closing "---" of the front matter, and nothing else.
  const en = readFileSync(join(talk, 'en.md'), 'utf8');
  const close = en.indexOf('\n---\n', 3);
  writeFileSync(join(talk, 'en.md'), en.slice(0, close + 1) + en.slice(close + 5));
  const outDir = join(projectRoot, 'tests/.tmp/out/readme-errors');
  mkdirSync(outDir, { recursive: true });
  result = await build({ CONFNOTES_CONTENT: copy }, outDir);
}, 300_000);

describe("the README's example content errors", () => {
  const expected = readmeExample().map((line) => line.replaceAll('content/', `${copy}/`));

  it('are what the build prints, each once, and nothing crashes', () => {
    const errorLines = expected.filter((line) => line.startsWith('content error: ')).map((line) => line.slice('content error: '.length));
    expect(errorLines).toHaveLength(3);
    expectCleanFailure(result, errorLines);
    const printed = result.output.split('\n').filter((line) => line.startsWith('content error: ') || /^\d+ content errors? in /.test(line));
    expect(printed).toEqual(expected);
  });

  it('leave no output folder', () => {
    expect(existsSync(result.outDir)).toBe(false);
  });
});
