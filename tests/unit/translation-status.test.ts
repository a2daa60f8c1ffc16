/**
 * The translation status table of `npm run check`: present, missing, declared untranslated, older than the other
 * language by last commit date, or not committed yet; read from real content roots, with dates supplied by the test
 * (the script itself asks `git log`).
 */
import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { readContent } from '../../src/lib/content-check.ts';
import { formatStatus, translationStatus } from '../../scripts/lib/translation-status.ts';
import { projectRoot } from '../support/build.ts';

const FIXTURE = 'tests/fixtures/trust-content';

describe('translation status', () => {
  const content = readContent(FIXTURE, projectRoot);

  it('has a row per conference, talk and guide, with the state of each language', () => {
    const rows = translationStatus(content, () => '2032-03-01T00:00:00+08:00');
    const byEntry = Object.fromEntries(rows.map((row) => [row.entry, [row.cells.zh.state, row.cells.en.state]]));
    expect(byEntry).toEqual({
      'conferences/trustconf-2032': ['present', 'present'],
      'guides/bilingual-guide': ['present', 'present'],
      'guides/chinese-guide': ['present', 'untranslated'],
      'talks/trustconf-2032/both-languages': ['present', 'present'],
      'talks/trustconf-2032/chinese-only': ['present', 'untranslated'],
      'talks/trustconf-2032/english-only': ['untranslated', 'present'],
    });
  });

  it('marks the language whose last commit is older than the other one', () => {
    const dates: Record<string, string> = {
      [`${FIXTURE}/talks/trustconf-2032/both-languages/zh.md`]: '2032-03-01T10:00:00+08:00',
      [`${FIXTURE}/talks/trustconf-2032/both-languages/en.md`]: '2032-03-09T10:00:00+08:00',
    };
    const rows = translationStatus(content, (file) => dates[file] ?? '2032-03-01T00:00:00Z');
    const row = rows.find((r) => r.entry === 'talks/trustconf-2032/both-languages')!;
    expect(row.cells.zh).toEqual({ state: 'older', file: `${FIXTURE}/talks/trustconf-2032/both-languages/zh.md`, date: '2032-03-01T10:00:00+08:00' });
    expect(row.cells.en.state).toBe('present');
    expect(formatStatus(rows, FIXTURE)).toMatch(/talks\/trustconf-2032\/both-languages\s+older \(2032-03-01\)\s+present/);
  });

  it('says "uncommitted" for a file without a commit, and "missing" when a file is neither there nor declared', () => {
    const withoutEn = { ...content, entries: content.entries.filter((e) => e.file !== `${FIXTURE}/talks/trustconf-2032/both-languages/en.md`) };
    const rows = translationStatus(withoutEn, () => undefined);
    const row = rows.find((r) => r.entry === 'talks/trustconf-2032/both-languages')!;
    expect(row.cells).toEqual({ zh: { state: 'uncommitted', file: `${FIXTURE}/talks/trustconf-2032/both-languages/zh.md` }, en: { state: 'missing' } });
  });

  it('prints an aligned table with counts', () => {
    const text = formatStatus(translationStatus(content, () => '2032-03-01T00:00:00Z'), FIXTURE);
    const lines = text.split('\n');
    expect(lines[0]).toContain(`translation status of ${FIXTURE}/ (6 entries`);
    expect(lines[1]).toMatch(/^entry\s+zh\s+en$/);
    expect(lines.at(-1)).toBe('zh: 5 present, 1 untranslated; en: 4 present, 2 untranslated');
    // Columns line up: every row has the zh column at the same offset.
    const offsets = new Set(lines.slice(1, -1).map((line) => line.search(/\s(present|untranslated|older|missing|uncommitted|zh)\b/)));
    expect(offsets.size).toBe(1);
  });

  it('the script prints the table for the real content, through git', () => {
    const run = spawnSync('npx', ['node', 'scripts/translation-status.ts'], { cwd: projectRoot, encoding: 'utf8', env: { ...process.env, CONFNOTES_CONTENT: 'content' } });
    expect(run.status).toBe(0);
    const talks = readContent('content', projectRoot).entries.filter((e) => e.kind === 'talk').length;
    expect(talks).toBeGreaterThan(3);
    const rows = run.stdout.split('\n').filter((line) => line.startsWith('talks/'));
    expect(rows).toHaveLength(talks);
    for (const row of rows) expect(row).toMatch(/^talks\/\S+\s+(present|older \(\d{4}-\d{2}-\d{2}\)|untranslated|missing|uncommitted)\s+(present|older \(\d{4}-\d{2}-\d{2}\)|untranslated|missing|uncommitted)$/);
  });
});
