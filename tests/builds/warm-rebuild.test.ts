/**
 * Warm rebuilds: an author edits one review and builds again with the cache of the build before in place. Astro's
 * incremental build (astro.config.mjs) then renders only the pages whose key changed (src/lib/page-keys.ts) and
 * copies every other page from the cache; the output folder must still be exactly what a build without any cache
 * writes for the edited content, Pagefind's index, share cards and Markdown twins included.
 *
 * A copy of the real content is built cold, then edited twice, each edit followed by a warm rebuild into the same
 * output and cache folders and compared with a cold build of the same content: first a sentence added to a review's
 * body (only that talk's page, twin and calendar in that language render again), then the review's verdict, which
 * the lists of other pages show (so every page renders again), then a file the guide embeds (its page shows the
 * file's text, which the content data store must not keep from the old bytes).
 */
import { createHash } from 'node:crypto';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { build, freshOutDir, projectRoot, type BuildResult } from '../support/build.ts';
import { walkFiles } from '../support/dist.ts';

const content = mkdtempSync(join(projectRoot, 'tests/.tmp/builds/content-'));
const REVIEW = 'talks/gopherchina-2016/baidu-bfe/en.md';
const PAGE = 'en/gopherchina-2016/baidu-bfe/index.html';
const env = { CONFNOTES_CONTENT: relative(projectRoot, content) };
const warmOut = freshOutDir();
const made: string[] = [content, warmOut, `${warmOut}-cache`];

let first: BuildResult;
let bodyWarm: BuildResult;
let bodyCold: BuildResult;
let verdictWarm: BuildResult;
let verdictCold: BuildResult;
let embedWarm: BuildResult;
let embedCold: BuildResult;

/** A build into the warm folders (the same output and cache every time). */
const warmBuild = () => build(env, warmOut);
/** A build with fresh output and cache folders. */
async function coldBuild(): Promise<BuildResult> {
  const result = await build(env);
  made.push(result.outDir, `${result.outDir}-cache`);
  return result;
}

/** Every file of a build: relative path → SHA-256 of its bytes. */
const fingerprint = (dir: string): Map<string, string> =>
  new Map(
    walkFiles(dir)
      .map((file) => [relative(dir, file), createHash('sha256').update(readFileSync(file)).digest('hex')] as [string, string])
      .sort(([a], [b]) => a.localeCompare(b)),
  );

/** Files that differ between two output folders (snapshot of the warm one taken when it was built). */
function differences(warm: Map<string, string>, cold: Map<string, string>): string[] {
  const names = new Set([...warm.keys(), ...cold.keys()]);
  return [...names].filter((name) => warm.get(name) !== cold.get(name)).sort();
}

/** The pages a build rendered rather than reused, from Astro's log ("├─ /path (+12ms)" against "(restored)"). */
const rendered = (output: string): string[] =>
  output
    .split('\n')
    .filter((line) => line.includes('├─') && !line.includes('(restored)') && !line.includes('(cached)'))
    .map((line) => /├─ (\S+)/.exec(line)![1]);
const reused = (output: string): number => output.split('\n').filter((line) => line.includes('├─') && line.includes('(restored)')).length;

let bodyWarmFiles: Map<string, string>;
let verdictWarmFiles: Map<string, string>;
let embedWarmFiles: Map<string, string>;
const EMBEDDED = 'guides/coreos-vagrant/files/config.rb';

beforeAll(async () => {
  cpSync(join(projectRoot, 'content'), content, { recursive: true });
  first = await warmBuild();
  const review = join(content, REVIEW);
  writeFileSync(review, `${readFileSync(review, 'utf8')}\nOne more sentence from the author, warm-rebuild-marker.\n`);
  bodyWarm = await warmBuild();
  bodyWarmFiles = fingerprint(warmOut);
  bodyCold = await coldBuild();
  const text = readFileSync(review, 'utf8');
  const verdict = /^verdict: .*$/m.exec(text)![0];
  writeFileSync(review, text.replace(verdict, 'verdict: "A verdict the author rewrote, warm-verdict-marker."'));
  verdictWarm = await warmBuild();
  verdictWarmFiles = fingerprint(warmOut);
  verdictCold = await coldBuild();
  const embedded = join(content, EMBEDDED);
  writeFileSync(embedded, `${readFileSync(embedded, 'utf8')}# warm-embed-marker\n`);
  embedWarm = await warmBuild();
  embedWarmFiles = fingerprint(warmOut);
  embedCold = await coldBuild();
}, 1_200_000);

afterAll(() => {
  for (const dir of made) rmSync(dir, { recursive: true, force: true });
});

describe('a warm rebuild after an edit writes what a cold build writes', () => {
  it('every build succeeds', () => {
    for (const result of [first, bodyWarm, bodyCold, verdictWarm, verdictCold, embedWarm, embedCold]) expect(result.code, result.output).toBe(0);
  });

  it('review body edited: renders only that talk page, its twin and calendar, and reuses the rest', () => {
    const talkFiles = rendered(bodyWarm.output).filter((path) => /^\/(?:zh|en)\/[^/]+\/[^/]+\//.test(path));
    expect(talkFiles.sort()).toEqual(['/en/gopherchina-2016/baidu-bfe/calendar.ics', '/en/gopherchina-2016/baidu-bfe/index.html', '/en/gopherchina-2016/baidu-bfe/index.html.md']);
    expect(reused(bodyWarm.output)).toBeGreaterThan(200);
    expect(readFileSync(join(bodyCold.outDir, PAGE), 'utf8')).toContain('warm-rebuild-marker');
  });

  it('review body edited: the same files, byte for byte, as a cold build (index, cards and twins included)', () => {
    const cold = fingerprint(bodyCold.outDir);
    expect(cold.size).toBeGreaterThan(300);
    expect([...cold.keys()].filter((file) => file.endsWith('/card.png')).length).toBeGreaterThan(30);
    expect([...cold.keys()].some((file) => file.startsWith('pagefind/'))).toBe(true);
    expect(differences(bodyWarmFiles, cold)).toEqual([]);
  });

  it('verdict edited (shown on other pages too): renders every page again, and matches a cold build', () => {
    expect(reused(verdictWarm.output)).toBe(0);
    expect(readFileSync(join(verdictCold.outDir, 'en/tags/performance/index.html'), 'utf8')).toContain('warm-verdict-marker');
    expect(differences(verdictWarmFiles, fingerprint(verdictCold.outDir))).toEqual([]);
  });

  it('embedded file edited: the guide page shows the new bytes, and everything matches a cold build', () => {
    expect(readFileSync(join(embedCold.outDir, 'en/guides/coreos-vagrant/index.html'), 'utf8')).toContain('warm-embed-marker');
    expect(differences(embedWarmFiles, fingerprint(embedCold.outDir))).toEqual([]);
  });
});
