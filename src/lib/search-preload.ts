/**
 * What a search page's first query fetches whatever its words, learnt at build time from the files Pagefind wrote, so
 * the page can ask for all of it at once. Left to itself, Pagefind finds its files one step at a time: pagefind.js →
 * pagefind-entry.json → WebAssembly and metadata → index chunks and filter counts → a result's record, each step a
 * round trip. The entry, the WebAssembly, the metadata and the filter files are the same for every query; the index
 * chunks are too while a language's index is small enough to fetch whole.
 *
 * src/integrations/pagefind.ts writes the list into each search page (`withFirstQueryFiles`), and the page's loader
 * turns it into `<link rel="preload">` when a reader starts a search, so nothing loads before that.
 */

export interface PagefindEntry {
  languages: Record<string, { hash: string; wasm?: string | null }>;
}

/** A file of Pagefind's bundle: its path under the bundle folder ("index/en_7e94419.pf_index") and its size. */
export interface BundleFile {
  path: string;
  bytes: number;
}

/**
 * A language's index chunks are fetched up front only while all of them together are at most this big on disk (this
 * site's are about 30 KB); a larger index (an archive of hundreds of talks) has many chunks, of which a query needs
 * one or two, and Pagefind fetches those while the reader types.
 */
export const WHOLE_INDEX_BYTES = 48 * 1024;

/**
 * Pagefind fetches its entry file as `pagefind-entry.json?ts=<tag>`, with the time as the tag unless told one
 * (`metaCacheTag`), so that a browser never keeps an old entry. A tag that changes with the entry's text keeps that
 * promise and gives a URL that can be fetched ahead. FNV-1a, 32 bits, in hex.
 */
export function entryTag(entryText: string): string {
  let hash = 0x811c9dc5;
  for (const byte of new TextEncoder().encode(entryText)) {
    hash ^= byte;
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return hash.toString(16).padStart(8, '0');
}

/**
 * The key of Pagefind's index for a page's `<html lang>`, found as Pagefind finds it: the lowercased tag itself
 * ("zh-CN" → "zh-cn"), else an index of the same primary language ("en-GB" → "en").
 */
export function pagefindLanguage(entry: PagefindEntry, htmlLang: string): string | undefined {
  const lang = htmlLang.toLowerCase();
  if (entry.languages[lang]) return lang;
  const primary = lang.split('-')[0];
  return Object.keys(entry.languages).find((key) => key.split('-')[0] === primary);
}

/**
 * The files the first query in `language` fetches whatever the reader types, in the order Pagefind needs them: the
 * entry, the WebAssembly, the metadata, every filter file (the engine asks for all filter counts with each search),
 * and the index chunks when the language's whole index is at most WHOLE_INDEX_BYTES.
 */
export function firstQueryFiles(entry: PagefindEntry, entryText: string, language: string, files: readonly BundleFile[]): string[] {
  const index = entry.languages[language];
  if (!index) return [];
  const own = (folder: string, ext: string) =>
    files.filter(({ path }) => path.startsWith(`${folder}/${language}_`) && path.endsWith(ext)).sort((a, b) => a.path.localeCompare(b.path));
  const chunks = own('index', '.pf_index');
  const chunkBytes = chunks.reduce((sum, file) => sum + file.bytes, 0);
  return [
    `pagefind-entry.json?ts=${entryTag(entryText)}`,
    `wasm.${index.wasm ?? 'unknown'}.pagefind`,
    `pagefind.${index.hash}.pf_meta`,
    ...own('filter', '.pf_filter').map(({ path }) => path),
    ...(chunkBytes <= WHOLE_INDEX_BYTES ? chunks.map(({ path }) => path) : []),
  ];
}

/**
 * A search page's HTML with what its loader needs to fetch the first query's files at once: the entry's tag
 * (`data-pagefind-tag`, passed to Pagefind as its metaCacheTag so it asks for the same URL) and the files
 * (`data-preload`, paths under the bundle folder, space-separated). Only the `<search-page>` element changes.
 */
export function withFirstQueryFiles(html: string, tag: string, files: readonly string[]): string {
  const attributes = ` data-pagefind-tag="${tag}" data-preload="${files.join(' ').replace(/&/g, '&amp;').replace(/"/g, '&quot;')}"`;
  return html.replace(/<search-page(?=[\s>])/, `$&${attributes}`);
}

/** The `<html lang>` of a page, if it has one. */
export const htmlLang = (html: string): string | undefined => /<html\b[^>]*\slang="([^"]+)"/.exec(html)?.[1];
