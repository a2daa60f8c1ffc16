/**
 * The search-side finish of Pagefind's bundle, run by src/integrations/pagefind.ts once Pagefind has written its files:
 * - Pagefind's browser module minified (Pagefind ships it with whitespace removed but names kept: 13.4 KB gzip, 11.0
 *   minified);
 * - each search page told which files its first query fetches whatever the reader types (src/lib/search-preload.ts),
 *   and which index chunk holds which words (src/lib/search-chunks.ts), so that it can fetch them at once;
 * - those files, which Pagefind gzips itself and the browser unzips in Pagefind's code, gzipped again with Zopfli:
 *   the same format, 4-5% smaller (the WebAssembly 55.4 → 52.8 KB), and so are the index chunks of a language whose
 *   table the page carries. Zopfli takes seconds where gzip takes milliseconds, so each result is kept in the build
 *   cache under a hash of its content; the WebAssembly only changes with Pagefind's version.
 */
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { gzipAsync } from '@gfx/zopfli';
import { minify } from 'vite';
import { CHUNK_TABLE_MAX } from '../lib/search-chunks.ts';
import { chunkTable, entryTag, firstQueryFiles, htmlLang, pagefindLanguage, withFirstQueryFiles, type BundleFile, type PagefindEntry } from '../lib/search-preload.ts';

const bundleFiles = (bundle: string, dir = bundle): BundleFile[] =>
  readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    return entry.isDirectory() ? bundleFiles(bundle, path) : [{ path: relative(bundle, path).split(sep).join('/'), bytes: statSync(path).size }];
  });

/** Zopfli's iterations: past 5 the files here shrink by a few bytes for twice the time. */
const ZOPFLI_ITERATIONS = 5;

/**
 * Whether Zopfli may split a file into blocks. Where splitting pays, its search costs 0.6 to 1 s of CPU per file,
 * whatever the file's size (@gfx/zopfli 1.0.15, measured on 700-byte filters and 130 KB WebAssembly alike). It is kept
 * for Pagefind's WebAssembly, 1.5% smaller for it (57,746 → 56,887 bytes en) and redone only when Pagefind's version
 * changes; the files drawn from the index (filters, metadata, chunks) change with every edit and are 0 to 10% larger
 * without it (40 bytes on a 550-byte filter, 380 on a 4 KB metadata file at 300 talks per language, 0 on this site's).
 */
const splitsBlocks = (path: string): boolean => /(^|\/)wasm\.[^/]+\.pagefind$/.test(path);

/** Replaces a gzip file of the bundle with Zopfli's gzip of the same content, when smaller; `cache` keeps the results. */
async function zopfli(path: string, cache?: string): Promise<void> {
  const gzip = readFileSync(path);
  const content = gunzipSync(gzip);
  const blocksplitting = splitsBlocks(path);
  const cached = cache && join(cache, `${createHash('sha256').update(content).update(blocksplitting ? 'split' : 'one block').digest('hex').slice(0, 32)}.gz`);
  let better: Uint8Array;
  if (cached && existsSync(cached)) better = readFileSync(cached);
  else {
    better = await gzipAsync(content, { numiterations: ZOPFLI_ITERATIONS, blocksplitting });
    if (cache && cached) {
      mkdirSync(cache, { recursive: true });
      writeFileSync(cached, better);
    }
  }
  if (better.length < gzip.length) writeFileSync(path, better);
}

/** `cache`: a folder kept between builds (Astro's cacheDir), for the Zopfli results; none keeps nothing. */
export async function finishSearchBundle(bundle: string, searchPages: ReadonlyArray<{ file: string; html: string }>, cache?: string): Promise<void> {
  const script = join(bundle, 'pagefind.js');
  const minified = await minify('pagefind.js', readFileSync(script, 'utf8'), { module: true, compress: true, mangle: true });
  if (minified.errors.length > 0) throw new Error(`minifying pagefind.js failed: ${minified.errors.map((error) => error.message).join('; ')}`);
  writeFileSync(script, minified.code);

  const entryText = readFileSync(join(bundle, 'pagefind-entry.json'), 'utf8');
  const entry = JSON.parse(entryText) as PagefindEntry;
  const files = bundleFiles(bundle);
  const gzipped = new Set<string>();
  for (const { file, html } of searchPages) {
    const language = pagefindLanguage(entry, htmlLang(html) ?? '');
    if (!language) continue;
    const firstQuery = firstQueryFiles(entry, entryText, language, files);
    const chunks = chunkTable(gunzipSync(readFileSync(join(bundle, `pagefind.${entry.languages[language].hash}.pf_meta`))));
    const table = chunks.length <= CHUNK_TABLE_MAX ? chunks : undefined;
    writeFileSync(file, withFirstQueryFiles(html, entryTag(entryText), firstQuery, table));
    for (const path of firstQuery) if (!path.startsWith('pagefind-entry.json')) gzipped.add(path);
    for (const [, , hash] of table ?? []) gzipped.add(`index/${hash}.pf_index`);
  }
  await Promise.all([...gzipped].map((path) => zopfli(join(bundle, path), cache ? join(cache, 'search-zopfli') : undefined)));
}
