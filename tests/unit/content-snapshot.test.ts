/**
 * The handoff from the content check to the collections' loader (src/lib/content-snapshot.ts), and the reading the
 * loader does itself when nothing was handed over (`readContent` limited to kinds, `readContentFile`).
 */
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readContent, readContentFile } from '../../src/lib/content-check.ts';
import { offerSnapshot, takeSnapshot } from '../../src/lib/content-snapshot.ts';

const FIXTURE = 'tests/fixtures/fixture-conf';
const absRoot = resolve(FIXTURE);

describe('the snapshot', () => {
  it('gives each kind once, every kind even with no entries, then nothing', () => {
    const content = readContent(FIXTURE);
    offerSnapshot(absRoot, content.entries);
    const talks = takeSnapshot(absRoot, 'talk')!;
    expect(talks.map((entry) => entry.id).sort()).toEqual(['fuzzing-in-ci', 'lint-everything', 'profiling-without-tears', 'query-planner-notes', 'table-driven-tests', 'tiny-sql-engine']);
    expect(talks.every((entry) => entry.text && entry.path?.startsWith(absRoot) && entry.data)).toBe(true);
    expect(takeSnapshot(absRoot, 'talk')).toBeUndefined();
    offerSnapshot(absRoot, content.entries.filter((entry) => entry.kind !== 'guide'));
    expect(takeSnapshot(absRoot, 'guide')).toEqual([]);
    expect(takeSnapshot(join(absRoot, 'elsewhere'), 'talk')).toBeUndefined();
  });
});

describe('reading without a snapshot', () => {
  it('reads only the kinds asked for', () => {
    const content = readContent(FIXTURE, process.cwd(), new Set(['review']));
    expect(new Set(content.entries.map((entry) => entry.kind))).toEqual(new Set(['review']));
    expect(content.entries).toHaveLength(11);
    expect(content.unknown).toEqual([]);
  });

  it('reads one changed file as the check reads it, and passes over files the walk leaves out', () => {
    const file = join(absRoot, 'talks/samplecamp-2031/table-driven-tests/en.md');
    const entry = readContentFile(FIXTURE, file, process.cwd(), new Set(['review']))!;
    const fromWalk = readContent(FIXTURE).entries.find((other) => other.path === file)!;
    expect(entry).toEqual(fromWalk);
    expect(entry).toMatchObject({ kind: 'review', id: 'table-driven-tests', lang: 'en', file: `${FIXTURE}/talks/samplecamp-2031/table-driven-tests/en.md` });
    expect(readContentFile(FIXTURE, file, process.cwd(), new Set(['talk']))).toBeUndefined();
    expect(readContentFile(FIXTURE, join(absRoot, 'talks/samplecamp-2031/.table-driven-tests.md.swp'))).toBeUndefined();
    expect(readContentFile(FIXTURE, resolve('package.json'))).toBeUndefined();
  });
});
