/**
 * What a search page's first query fetches whatever its words, learnt at build time from the files Pagefind wrote, so
 * the page can ask for all of it at once. Left to itself, Pagefind finds its files one step at a time: pagefind.js →
 * pagefind-entry.json → WebAssembly and metadata → index chunks and filter counts → a result's record, each step a
 * round trip. The entry, the WebAssembly, the metadata and the filter files are the same for every query; the index
 * chunks a query needs are picked by the page from its language's chunk table (src/lib/search-chunks.ts).
 *
 * src/integrations/search-bundle.ts writes the list and the chunk table into each search page (`withFirstQueryFiles`),
 * and the page turns them into `<link rel="preload">` when a reader starts a search, so nothing loads before that.
 */
import { decode } from 'cborg';
import type { IndexChunk } from './search-chunks.ts';

export interface PagefindEntry {
  languages: Record<string, { hash: string; wasm?: string | null }>;
}

/** A file of Pagefind's bundle: its path under the bundle folder ("index/en_7e94419.pf_index") and its size. */
export interface BundleFile {
  path: string;
  bytes: number;
}

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
 * entry, the WebAssembly, the metadata and every filter file (the engine asks for all filter counts with each search).
 */
export function firstQueryFiles(entry: PagefindEntry, entryText: string, language: string, files: readonly BundleFile[]): string[] {
  const index = entry.languages[language];
  if (!index) return [];
  const own = (folder: string, ext: string) =>
    files.filter(({ path }) => path.startsWith(`${folder}/${language}_`) && path.endsWith(ext)).sort((a, b) => a.path.localeCompare(b.path));
  return [
    `pagefind-entry.json?ts=${entryTag(entryText)}`,
    `wasm.${index.wasm ?? 'unknown'}.pagefind`,
    `pagefind.${index.hash}.pf_meta`,
    ...own('filter', '.pf_filter').map(({ path }) => path),
  ];
}

/**
 * A search page's HTML with what it needs to fetch the first query's files at once: the files (`data-preload`, paths
 * under the bundle folder, space-separated) and, when given, the language's index chunks (`data-chunks`, JSON) on its
 * fetching-ahead script in <head> (`<script data-search-ahead>`, SEARCH_AHEAD_SCRIPT in src/lib/inline-scripts.ts);
 * the entry's tag (`data-pagefind-tag`, passed to Pagefind as its metaCacheTag so it asks for the same URL) on its
 * `<search-page>` element. Nothing else changes.
 */
export function withFirstQueryFiles(html: string, tag: string, files: readonly string[], chunks?: readonly IndexChunk[]): string {
  const table = chunks ? ` data-chunks="${attribute(JSON.stringify(chunks))}"` : '';
  const filled = html
    .replace(/<script(?=[^>]*\sdata-search-ahead[\s>=])/, `$& data-preload="${attribute(files.join(' '))}"${table}`)
    .replace(/<search-page(?=[\s>])/, `$& data-pagefind-tag="${tag}"`);
  return afterPolicy(filled);
}

/**
 * The fetching-ahead script moved to just after the page's Content Security Policy. Astro writes the policy near the
 * end of <head>, after the template's own head content and just before the stylesheet: the script has to come after
 * the first (a meta policy governs only what follows it) and before the second (a script after a stylesheet waits
 * for it).
 */
function afterPolicy(html: string): string {
  const script = /<script\b[^>]*\sdata-search-ahead[\s\S]*?<\/script>/.exec(html);
  const policy = /<meta http-equiv="content-security-policy"[^>]*>/i.exec(html);
  if (!script || !policy || policy.index < script.index) return html;
  const without = html.slice(0, script.index) + html.slice(script.index + script[0].length);
  const at = policy.index - script[0].length + policy[0].length;
  return without.slice(0, at) + script[0] + without.slice(at);
}

const attribute = (text: string) => text.replace(/&/g, '&amp;').replace(/"/g, '&quot;');

/** The `<html lang>` of a page, if it has one. */
export const htmlLang = (html: string): string | undefined => /<html\b[^>]*\slang="([^"]+)"/.exec(html)?.[1];

/** The chunk table of a language's metadata file (`pagefind.<hash>.pf_meta`), unzipped. */
export function chunkTable(metadata: Uint8Array): IndexChunk[] {
  // Pagefind's files start with a 12-byte signature, then CBOR: [version, pages, chunks [[from, to, hash]], ...].
  const decoded = decode(metadata.subarray(12)) as unknown[];
  const chunks = decoded[2];
  if (!Array.isArray(chunks) || !chunks.every((chunk) => Array.isArray(chunk) && chunk.length === 3 && chunk.every((part) => typeof part === 'string'))) {
    throw new Error('Pagefind metadata without a readable chunk table (has its format changed?)');
  }
  return chunks as IndexChunk[];
}
