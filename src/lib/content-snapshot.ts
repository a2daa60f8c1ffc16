/**
 * The content check's reading, handed to the collections' loaders, so that a build reads and parses each content
 * file once: the check (src/integrations/content-guard.ts, in `astro:config:setup`) reads every file under the root,
 * and when it finds no mistake it offers what it read here; each loader (src/lib/content-loader.ts) then takes its
 * own kinds' entries instead of reading the disk again.
 *
 * The integration and the loaders get separate copies of this module, so the offer is process state
 * (src/lib/process-state.ts).
 *
 * Each kind is taken once. A later load in the same process (the dev server syncing again after content.config.ts
 * changed) finds nothing here and reads the disk, so it never sees files as they were when the check ran.
 */
import type { RawEntry } from './content-check.ts';
import { COLLECTION_FILES, type Kind } from './content-layout.ts';
import { processState } from './process-state.ts';

/** Per absolute content root, the entries the check read, by kind, until a loader takes them. */
type Snapshots = Map<string, Map<Kind, RawEntry[]>>;

const snapshots = (): Snapshots => processState('content-snapshot', (): Snapshots => new Map());

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
