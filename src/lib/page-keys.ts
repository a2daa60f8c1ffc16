/**
 * The keys that let a build reuse a page from the build before (Astro's experimental incremental build, enabled in
 * astro.config.mjs): Astro renders a page again unless its route's code is unchanged (Astro hashes the route's module
 * graph itself) and the `cacheKey` its getStaticPaths returned is the one of the previous build. The key must
 * therefore change whenever anything the page shows changes.
 *
 * What a page shows depends on more than its own entry: titles, speakers, tags, verdicts, related talks, previous and
 * next, counts and the site's lists reach across the whole archive. So every page's key starts from the **site key**,
 * a digest of all the content the pages read (every collection entry with its data, Markdown bodies and rendered
 * HTML, every embedded file's bytes, and the settings that change pages), with one exception: a talk review's
 * body and its rendered HTML. Those appear only on the pages of that talk in the language the page shows (its page,
 * Markdown twin and calendar), so they go into those pages' keys alone. An edit to a review's body then renders the
 * pages of that talk and language again and reuses every other page; an edit anywhere else (a YAML file, a review's
 * front matter such as its verdict, which lists show) changes the site key and renders everything, as a build without
 * the cache would.
 *
 * Pure: callers hand in the loaded entries.
 */
import { createHash } from 'node:crypto';

/** A text entry as the collections hold it: front matter `data`, the Markdown `body`, and Astro's rendered output. */
export interface TextEntry {
  id: string;
  data: unknown;
  body?: string;
  rendered?: { html: string; metadata?: unknown };
}

export interface SiteKeyInput {
  /** Entries whose data every page may read (conferences, talks, speakers, tags, guides): id and data. */
  entries: ReadonlyArray<{ collection: string; id: string; data: unknown }>;
  /** Text entries shown wherever their entry is (summaries, guide texts): data, body and rendered HTML. */
  texts: ReadonlyArray<{ collection: string; entry: TextEntry }>;
  /** Talk reviews: only their front matter counts here; bodies go into the keys of the pages showing them. */
  reviews: ReadonlyArray<TextEntry>;
  /** Embedded files, by path under the content root: their bytes. */
  files: ReadonlyArray<{ path: string; bytes: Uint8Array }>;
  /** Settings that change what pages say (content root, share cards on or off, base, site). */
  settings: Readonly<Record<string, string | undefined>>;
}

/** JSON with object keys sorted, so the same data always gives the same text. Dates become ISO strings. */
function stableJson(value: unknown): string {
  return JSON.stringify(value, (_key, inner: unknown) => {
    if (inner && typeof inner === 'object' && !Array.isArray(inner) && !(inner instanceof Date)) {
      return Object.fromEntries(Object.keys(inner).sort().map((key) => [key, (inner as Record<string, unknown>)[key]]));
    }
    return inner;
  });
}

/** The digest of everything the pages read except review bodies (see the module comment). */
export function siteKey(input: SiteKeyInput): string {
  const hash = createHash('sha256');
  const line = (...parts: string[]) => hash.update(`${parts.join('\u0000')}\n`);
  for (const [name, value] of Object.entries(input.settings).sort(([a], [b]) => (a < b ? -1 : 1))) line('setting', name, value ?? '');
  for (const { collection, id, data } of input.entries) line('entry', collection, id, stableJson(data));
  for (const { collection, entry } of input.texts) line('text', collection, entry.id, stableJson(entry.data), entry.body ?? '', stableJson(entry.rendered ?? null));
  for (const review of input.reviews) line('review', review.id, stableJson(review.data));
  for (const { path, bytes } of input.files) {
    line('file', path, String(bytes.length));
    hash.update(bytes);
  }
  return hash.digest('hex');
}

/** The key of a page: the site key, plus the body and rendered HTML of the review the page shows, if any. */
export function pageKey(site: string, review?: TextEntry): string {
  if (!review) return site;
  return createHash('sha256')
    .update(`${site}\n${review.id}\n${review.body ?? ''}\n${stableJson(review.rendered ?? null)}`)
    .digest('hex');
}
