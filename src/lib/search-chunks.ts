/**
 * Pagefind's word index is cut into chunks by word (sorted), and a query fetches only the chunks its words fall in.
 * Left at Pagefind's default (about 20,000 word positions per chunk), this site's whole index is one or two chunks of
 * 28-31 KB (gzip) per language, so every first query fetched the whole index: a quarter of its bytes. Cut ten times
 * finer, a query of two words fetches two chunks of 3-4 KB.
 *
 * Which chunks a query needs is only known once Pagefind's WebAssembly has loaded and read the language's metadata:
 * one more round trip after the largest download. So the build writes each language's chunk table (first word, last
 * word, file) into its search page, and the page asks for a query's chunks at the same time as the WebAssembly, by the
 * rule Pagefind itself uses (`chunksForQuery`). A wrong guess costs only time: Pagefind fetches whatever it still needs.
 */
/**
 * Word positions per index chunk, passed to Pagefind's binary (PAGEFIND_UNSTABLE_INDEX_CHUNK_SIZE, read by the pinned
 * Pagefind 1.6.0; tests/browser/search.test.ts fails on the first query's bytes if a new version ignores it). At 1,000
 * positions the chunks are so small that gzip gains little on each and a query of several words makes as many
 * requests; at 4,000 a two-word query fetches 13 KB where 2,000 fetches 7-8 KB.
 */
export const INDEX_CHUNK_SIZE = 2000;

/** The environment variable Pagefind's binary reads the chunk size from, when it starts. */
export const CHUNK_SIZE_VARIABLE = 'PAGEFIND_UNSTABLE_INDEX_CHUNK_SIZE';

/** One index chunk: the first and last (stemmed) word it holds and its file's name without the extension. */
export type IndexChunk = readonly [from: string, to: string, hash: string];

/**
 * A search page carries its language's chunk table only while it has at most this many chunks (about 1.5 KB of HTML);
 * an archive of hundreds of talks has hundreds, and its queries wait for Pagefind to pick them instead.
 */
export const CHUNK_TABLE_MAX = 48;

/**
 * The files of the chunks a query's words fall in, by Pagefind's rule (pagefind_web's `request_indexes`): the chunk
 * whose range holds the word, else any chunk whose range holds it when both are cut to the same length. Words are the
 * query as Pagefind's module hands it to its WebAssembly (lowercased, punctuation removed), each Han character a word
 * of its own as in the index. English words are looked up by their stem, which Pagefind knows and this page does
 * not; a stem is the word cut short (or nearly: "happy" → "happi"), so the chunks between the word's first 60% and the
 * word itself are taken too.
 *
 * Self-contained on purpose: the search page's script in <head> carries this function's own text
 * (`SEARCH_AHEAD_SCRIPT`), so it must not use anything from outside it.
 */
export function chunksForQuery(query: string, table: readonly IndexChunk[]): string[] {
  const cut = (text: string, other: string): string => Array.from(text).slice(0, Array.from(other).length).join('');
  const words = query
    .toLocaleLowerCase()
    .replace(/[\p{Pd}\p{Pe}\p{Pf}\p{Pi}\p{Po}\p{Ps}"]/gu, ' ')
    .replace(/\p{Script=Han}/gu, ' $& ')
    .split(/\s+/)
    .filter(Boolean);
  const wanted: string[] = [];
  for (const word of words) {
    const chars = Array.from(word);
    const strict = table.filter(([from, to]) => word >= from && word <= to);
    const found = strict.length > 0 ? strict : table.filter(([from, to]) => cut(word, from) >= cut(from, word) && cut(word, to) <= cut(to, word));
    const stem = chars.slice(0, Math.max(1, Math.ceil(chars.length * 0.6))).join('');
    const stems = table.filter(([from, to]) => from <= word && to >= stem);
    for (const [, , hash] of [...found, ...stems]) if (!wanted.includes(hash)) wanted.push(hash);
  }
  return wanted;
}
