/**
 * Which entries are written in which language, and which translation may lag behind: for every conference, talk and
 * guide, each language's Markdown file is present, missing (declared untranslated or not), or older than the other
 * language's by its last commit date. `scripts/translation-status.ts` prints the table as part of `npm run check`.
 *
 * Pure: the caller reads the content (content-check.ts `readContent`) and supplies each file's last commit date.
 */
import { dirname } from 'node:path';
import { LANGS, type Lang } from '../../src/lib/schema.ts';
import type { RawContent } from '../../src/lib/content-check.ts';

export type CellState = 'present' | 'older' | 'missing' | 'untranslated' | 'uncommitted';

export interface Cell {
  state: CellState;
  file?: string;
  /** Last commit date (ISO 8601), when the file is committed. */
  date?: string;
}

export interface StatusRow {
  kind: 'conference' | 'talk' | 'guide';
  /** The entry's folder relative to the content root, e.g. "talks/gopherchina-2016/baidu-bfe". */
  entry: string;
  cells: Record<Lang, Cell>;
}

const TEXT_KIND = { conference: 'summary', talk: 'review', guide: 'guideText' } as const;

/**
 * One row per entry. A language's file that is committed and whose last commit is older than the other language's
 * is "older": it may not carry the latest changes. A file not committed yet is "uncommitted" (no date to compare).
 * A missing file is "untranslated" when the entry declares it so, "missing" otherwise (the content check fails those).
 */
export function translationStatus(content: RawContent, dateOf: (file: string) => string | undefined): StatusRow[] {
  const rows: StatusRow[] = [];
  const root = content.root.replace(/\/+$/, '');
  for (const parent of content.entries) {
    if (parent.kind !== 'conference' && parent.kind !== 'talk' && parent.kind !== 'guide') continue;
    const dir = dirname(parent.file);
    const declared: readonly string[] = Array.isArray((parent.data as { untranslated?: unknown } | undefined)?.untranslated)
      ? ((parent.data as { untranslated: string[] }).untranslated)
      : [];
    const files = Object.fromEntries(
      LANGS.map((lang) => [lang, content.entries.find((e) => e.kind === TEXT_KIND[parent.kind as keyof typeof TEXT_KIND] && e.lang === lang && dirname(e.file) === dir)?.file]),
    ) as Record<Lang, string | undefined>;
    const dates = Object.fromEntries(LANGS.map((lang) => [lang, files[lang] ? dateOf(files[lang]!) : undefined])) as Record<Lang, string | undefined>;
    const cells = {} as Record<Lang, Cell>;
    for (const lang of LANGS) {
      const file = files[lang];
      if (!file) {
        cells[lang] = { state: declared.includes(lang) ? 'untranslated' : 'missing' };
        continue;
      }
      const date = dates[lang];
      if (!date) {
        cells[lang] = { state: 'uncommitted', file };
        continue;
      }
      const others = LANGS.filter((other) => other !== lang).map((other) => dates[other]).filter((d): d is string => d !== undefined);
      const older = others.some((other) => Date.parse(other) > Date.parse(date));
      cells[lang] = { state: older ? 'older' : 'present', file, date };
    }
    rows.push({ kind: parent.kind, entry: dir.startsWith(`${root}/`) ? dir.slice(root.length + 1) : dir, cells });
  }
  return rows.sort((a, b) => a.entry.localeCompare(b.entry));
}

const label = (cell: Cell): string => (cell.state === 'older' ? `older (${cell.date!.slice(0, 10)})` : cell.state);

/** The table as text: one line per entry, then a count per language and state. */
export function formatStatus(rows: readonly StatusRow[], root: string): string {
  const header = ['entry', ...LANGS];
  const lines = rows.map((row) => [row.entry, ...LANGS.map((lang) => label(row.cells[lang]))]);
  const widths = header.map((_, column) => Math.max(header[column].length, ...lines.map((line) => line[column].length)));
  const format = (cells: string[]) => cells.map((cell, column) => (column === cells.length - 1 ? cell : cell.padEnd(widths[column]))).join('  ');
  const counts = LANGS.map((lang) => {
    const byState = new Map<CellState, number>();
    for (const row of rows) byState.set(row.cells[lang].state, (byState.get(row.cells[lang].state) ?? 0) + 1);
    return `${lang}: ${[...byState.entries()].map(([state, n]) => `${n} ${state}`).join(', ')}`;
  });
  return [
    `translation status of ${root}/ (${rows.length} entries; "older" = last commit older than the other language's)`,
    format(header),
    ...lines.map(format),
    counts.join('; '),
  ].join('\n');
}
