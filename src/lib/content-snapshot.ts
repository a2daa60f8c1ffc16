/**
 * The content check's reading, handed to the collections' loaders, so that a build reads and parses each content
 * file once: the check (src/integrations/content-guard.ts, in `astro:config:setup`) reads every file under the root,
 * and when it finds no mistake it offers what it read here; each loader (src/lib/content-loader.ts) then takes its
 * own kinds' entries instead of reading the disk again.
 *
 * Why a global rather than a module variable: the integration is loaded with astro.config.mjs, while
 * src/content.config.ts (and the loaders it imports) is loaded by the content layer through Vite, and each loading has
 * its own copy of this module. All of it runs in one process, so `globalThis` is shared. `Symbol.for` gives both
 * copies the same key.
 *
 * Each kind is taken once. A later load in the same process (the dev server syncing again after content.config.ts
 * changed) finds nothing here and reads the disk, so it never sees files as they were when the check ran.
 */
import type { RawEntry } from './content-check.ts';
import { COLLECTION_FILES, type Kind } from './content-layout.ts';

const SNAPSHOT = Symbol.for('confnotes.content-snapshot');

/** Per absolute content root, the entries the check read, by kind, until a loader takes them. */
type Snapshots = Map<string, Map<Kind, RawEntry[]>>;

const snapshots = (): Snapshots => ((globalThis as { [SNAPSHOT]?: Snapshots })[SNAPSHOT] ??= new Map());

/** Offers the entries of a content root that passed the check; replaces an earlier offer for the same root. */
export function offerSnapshot(absRoot: string, entries: readonly RawEntry[]): void {
  // Every kind, even one with no entries (no guides yet), so that no loader falls back to walking the disk.
  const byKind = new Map<Kind, RawEntry[]>([...Object.values(COLLECTION_FILES).map(({ kind }) => kind), 'tags' as const].map((kind) => [kind, []]));
  for (const entry of entries) byKind.get(entry.kind)!.push(entry);
  snapshots().set(absRoot, byKind);
}

/** The check's entries of one kind, removed from the offer; undefined when no check offered them (read the disk). */
export function takeSnapshot(absRoot: string, kind: Kind): RawEntry[] | undefined {
  const byKind = snapshots().get(absRoot);
  if (!byKind?.has(kind)) return undefined;
  const entries = byKind.get(kind)!;
  byKind.delete(kind);
  if (byKind.size === 0) snapshots().delete(absRoot);
  return entries;
}
