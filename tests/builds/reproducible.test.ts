/**
 * Reproducible builds: two clean builds of the same checkout, in different folders with their own caches, give a
 * byte-identical output folder, Pagefind's index included; and so does a third build that reuses the first one's
 * warm cache (Astro then skips rendering unchanged Markdown, which must not change a single byte either).
 */
import { createHash } from 'node:crypto';
import { readFileSync, rmSync } from 'node:fs';
import { join, relative } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { build, type BuildResult } from '../support/build.ts';
import { walkFiles } from '../support/dist.ts';

let first: BuildResult;
let second: BuildResult;
let warm: BuildResult;

beforeAll(async () => {
  [first, second] = await Promise.all([build(), build()]);
  warm = await build({ CONFNOTES_CACHE: `${first.outDir}-cache` });
}, 600_000);

afterAll(() => {
  for (const result of [first, second, warm]) {
    if (!result) continue;
    rmSync(result.outDir, { recursive: true, force: true });
    rmSync(`${result.outDir}-cache`, { recursive: true, force: true });
  }
});

/** Every file of a build: relative path → SHA-256 of its bytes. */
function fingerprint(dir: string): Map<string, string> {
  return new Map(
    walkFiles(dir)
      .map((file) => [relative(dir, file), createHash('sha256').update(readFileSync(file)).digest('hex')] as [string, string])
      .sort(([a], [b]) => a.localeCompare(b)),
  );
}

/** Where two versions of a file part ways, with a little context, so a failure says what differs. */
function firstDifference(a: Buffer, b: Buffer): string {
  let index = 0;
  while (index < a.length && index < b.length && a[index] === b[index]) index++;
  const around = (bytes: Buffer) => JSON.stringify(bytes.subarray(Math.max(0, index - 40), index + 40).toString('latin1'));
  return `byte ${index} of ${a.length}/${b.length}: ${around(a)} vs ${around(b)}`;
}

function compare(a: BuildResult, b: BuildResult) {
  const left = fingerprint(a.outDir);
  const right = fingerprint(b.outDir);
  expect([...right.keys()]).toEqual([...left.keys()]);
  const differing = [...left.entries()]
    .filter(([file, hash]) => right.get(file) !== hash)
    .map(([file]) => `${file}: ${firstDifference(readFileSync(join(a.outDir, file)), readFileSync(join(b.outDir, file)))}`);
  expect(differing).toEqual([]);
  return left;
}

describe('two builds of the same commit', () => {
  it('both build', () => {
    for (const result of [first, second, warm]) expect(result.code, result.output).toBe(0);
  });

  it('clean and clean: the same files, byte for byte, Pagefind included', () => {
    const files = compare(first, second);
    expect(files.size).toBeGreaterThan(100);
    expect([...files.keys()].some((file) => file.startsWith('pagefind/'))).toBe(true);
    for (const file of ['sitemap.xml', 'robots.txt', 'zh/rss.xml', 'en/rss.xml', 'index.html', '404.html']) expect(files.has(file), file).toBe(true);
  });

  it('clean and warm cache: the same files, byte for byte', () => {
    compare(first, warm);
  });

  it('the output does not name the folder it was built in', () => {
    for (const result of [first, second]) {
      const name = result.outDir.split('/').at(-1)!;
      const leaks = walkFiles(result.outDir).filter((file) => readFileSync(file).includes(name));
      expect(leaks).toEqual([]);
    }
  });
});
