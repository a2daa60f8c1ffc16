/**
 * Builds the search index after `astro build`, through Pagefind's Node API, into <outDir>/pagefind/.
 *
 * Only pages that mark their text with data-pagefind-body are indexed (talks, guides, conferences); Pagefind splits
 * them by <html lang> into one index per language (zh-cn, en), and the search page loads the one of its own language.
 * Each page goes in with its Han characters spaced apart (see src/lib/search.ts for why), under its real URL including
 * the base, so results link correctly under a sub-path. Any error Pagefind reports fails the build.
 *
 * A stand-in page (one language's page for an entry written only in the other) is not a result of its own: its record
 * goes into its language's index under the URL of the original (SearchRecord's `standsFor`), so a reader of either
 * language finds the text once, and the result says which language the page is in.
 * Each language is indexed by a Pagefind binary of its own, one after the other (`indexLanguage`), and `npm run build`
 * runs this hook after Astro's process has exited (`leftForAfterBuild`): both keep a large archive's peak memory down.
 * Next to the index it writes FOLD_FILE, the traditional → simplified table for the characters the index holds, and
 * then finishes the bundle for the search pages (src/integrations/search-bundle.ts).
 */
import { readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import { FOLD_FILE, foldPairs, spaceHanInHtml } from '../lib/search.ts';
import { CHUNK_SIZE_VARIABLE, INDEX_CHUNK_SIZE } from '../lib/search-chunks.ts';
import { codeAsKeywords } from '../lib/search-code.ts';
import { foldTable, simplifiedRuns } from '../lib/search-terms.ts';
import { INDEX_AFTER_BUILD_ENV, SEARCH_BUNDLE_DIR } from '../lib/site-constants.ts';
import { htmlLang } from '../lib/search-preload.ts';
import { finishSearchBundle } from './search-bundle.ts';

/** The bundle folder under the output folder; the search page imports `searchBundleUrl(base)` from it. */
export const BUNDLE_DIR = SEARCH_BUNDLE_DIR;

/** How many pages are in flight to Pagefind's binary at once. */
const INDEX_BATCH = 32;

/** Files of Pagefind's own UIs, which this site does not use; removed so they are not deployed. */
const UNUSED = /^pagefind-(?:ui|component-ui|modular-ui|highlight)\.(?:js|css)$/;

export class PagefindError extends Error {
  constructor(step: string, errors: readonly string[]) {
    super(`Pagefind failed while ${step}:\n${errors.join('\n')}`);
    this.name = 'PagefindError';
  }
}

function htmlFiles(dir: string, skip: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return path === skip ? [] : htmlFiles(path, skip);
    return entry.name.endsWith('.html') ? [path] : [];
  });
}

/** "zh/gopherchina-2016/index.html" under base "/notes/" → "/notes/zh/gopherchina-2016/". */
export function pageUrl(base: string, file: string): string {
  const head = base.endsWith('/') ? base : `${base}/`;
  return head + file.split(sep).join('/').replace(/(^|\/)index\.html$/, '$1');
}

function folderSize(dir: string): { bytes: number; files: number } {
  let bytes = 0;
  let files = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) {
      const inner = folderSize(path);
      bytes += inner.bytes;
      files += inner.files;
    } else {
      bytes += statSync(path).size;
      files++;
    }
  }
  return { bytes, files };
}

/** Block elements whose text Pagefind runs into the next element's ("When" + "Day 1", "Shell" + "$ mv"). */
const BLOCK_END = /<\/(?:dt|dd|li|td|th|figcaption|pre|h[1-6]|p|blockquote|tr)>/gi;

/**
 * The URL a stand-in's record is filed under, if the page is one: the original's (SearchRecord's data-search-url) with
 * "#main", its content. Pagefind keeps one record per URL across all languages, so the original's own URL would
 * replace the original's record in its own language's index.
 */
export const standsFor = (html: string): string | undefined => {
  const original = /\sdata-search-url="([^"]+)"/.exec(html)?.[1];
  return original && `${original}#main`;
};

/** An attribute Pagefind acts on, outside the body too: data-pagefind-body, -meta, -filter, -sort, -weight, … */
const PAGEFIND_ATTRIBUTE = /\sdata-pagefind-(?!ignore\b)[a-z-]+/i;

/**
 * The part of a page Pagefind reads: the element marked data-pagefind-body, inside the page's own `<html>` tag (its
 * lang says the language) with its `<title>`. The header, the navigation, the footer and the scripts (three fifths of
 * a talk page's bytes) are outside the body, so Pagefind skips them once it has parsed them; cut here, they are not
 * prepared, sent or parsed at all, and the index is byte for byte the same (the search tests and a diff of pagefind/
 * at 300 synthetic talks). A page that uses a Pagefind attribute outside its body, or more than one body, goes in
 * whole.
 */
export function pagefindPart(html: string): string {
  const open = /<([a-z][a-z0-9-]*)\b[^>]*\sdata-pagefind-body\b[^>]*>/i.exec(html);
  if (!open) return html;
  const tags = new RegExp(`<(/?)${open[1]}(?=[\\s/>])[^>]*>`, 'gi');
  tags.lastIndex = open.index + open[0].length;
  let depth = 1;
  let end = -1;
  for (let tag = tags.exec(html); tag; tag = tags.exec(html)) {
    depth += tag[1] ? -1 : 1;
    if (depth === 0) {
      end = tags.lastIndex;
      break;
    }
  }
  if (end === -1 || PAGEFIND_ATTRIBUTE.test(html.slice(0, open.index)) || PAGEFIND_ATTRIBUTE.test(html.slice(end))) return html;
  const root = /<html\b[^>]*>/i.exec(html)?.[0] ?? '<html>';
  const title = /<title>[\s\S]*?<\/title>/i.exec(html)?.[0] ?? '';
  return `<!DOCTYPE html>${root}<head><meta charset="utf-8">${title}</head><body>${html.slice(open.index, end)}</body></html>`;
}

/**
 * The HTML Pagefind gets for a page, from its `pagefindPart`: code blocks as their distinct words
 * (src/lib/search-code.ts), a space after every block element so no two run together, the simplified form of any
 * traditional text as hidden metadata (so simplified queries find it; excerpts keep the page's own text), and Han
 * characters spaced apart.
 */
export function indexableHtml(html: string): string {
  let out = codeAsKeywords(pagefindPart(html)).replace(BLOCK_END, '$& ');
  const body = /<[^>]*\sdata-pagefind-body[^>]*>/.exec(out);
  const folded = body ? simplifiedRuns(visibleText(out)) : '';
  if (body && folded) {
    const at = body.index + body[0].length;
    out = `${out.slice(0, at)}<span hidden data-pagefind-meta="folded:${folded}"></span>${out.slice(at)}`;
  }
  return spaceHanInHtml(out);
}

/** The text of a page outside tags, scripts and styles (for finding its traditional characters). */
const visibleText = (html: string): string =>
  html
    .replace(/<(script|style)\b[\s\S]*?<\/\1>/gi, ' ')
    .replace(/<[^>]*>/g, ' ')
    .replace(/&[^;\s]+;/g, ' ');

/**
 * Runs `start` (which starts Pagefind's binary) with the index chunk size in the environment the binary inherits
 * (src/lib/search-chunks.ts), leaving this process's environment as it was.
 */
function withChunkSize<T>(start: () => T): T {
  const before = process.env[CHUNK_SIZE_VARIABLE];
  process.env[CHUNK_SIZE_VARIABLE] ??= String(INDEX_CHUNK_SIZE);
  try {
    return start();
  } finally {
    if (before === undefined) delete process.env[CHUNK_SIZE_VARIABLE];
  }
}

type PagefindModule = Pick<typeof import('pagefind'), 'createIndex' | 'close'>;

export interface PagefindIndexOptions {
  /** Where Pagefind's Node API comes from; tests pass a stand-in that fails. */
  load?: () => Promise<PagefindModule>;
}

/**
 * The pages to index, by the language Pagefind files them under (their `<html lang>`, lowercased), each list in page
 * order; and the search pages, whose HTML the bundle step rewrites. Only file names are kept: a page's HTML is read
 * again when its language is indexed, so no more than a batch of pages is in memory at once (holding every page's
 * HTML took about a gigabyte at 10,000 talks per language).
 */
function pagesToIndex(outDir: string, bundle: string): { languages: Map<string, string[]>; searchPages: Array<{ file: string; html: string }> } {
  const languages = new Map<string, string[]>();
  const searchPages: Array<{ file: string; html: string }> = [];
  for (const file of htmlFiles(outDir, bundle).sort()) {
    const html = readFileSync(file, 'utf8');
    if (html.includes('<search-page')) searchPages.push({ file, html });
    if (!html.includes('data-pagefind-body')) continue;
    const lang = htmlLang(html)?.toLowerCase() ?? 'unknown';
    const files = languages.get(lang) ?? [];
    if (files.length === 0) languages.set(lang, files);
    files.push(file);
  }
  return { languages: new Map([...languages].sort(([a], [b]) => byName(a, b))), searchPages };
}

const byName = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

/** Pagefind's pagefind-entry.json: its version, one entry per language index, and the settings it was built with. */
interface PagefindEntryFile {
  version: string;
  languages: Record<string, unknown>;
  [setting: string]: unknown;
}

/**
 * Indexes one language's pages in a Pagefind binary of its own and writes that language's index into the bundle, then
 * stops the binary. The binary holds every page it is given until it writes, and writing takes about three times that
 * again: at 10,000 talks per language both languages in one binary reached 3.4 GiB, zh alone 2.6 GiB and en alone
 * 1.9 GiB. Pagefind splits its index by language anyway, so each language's files are the same either way; only
 * pagefind-entry.json, rewritten by each write with its own language, is merged afterwards (`mergedEntry`).
 * Several pages are in flight to the binary at once (one round trip per page was most of the indexing time on large
 * archives), sent in page order.
 */
async function indexLanguage(
  pagefind: PagefindModule,
  files: readonly string[],
  { outDir, bundle, base, hanCharacters }: { outDir: string; bundle: string; base: string; hanCharacters: Set<string> },
): Promise<PagefindEntryFile> {
  try {
    const created = await withChunkSize(() => pagefind.createIndex({}));
    if (created.errors.length > 0 || !created.index) throw new PagefindError('starting', created.errors);
    const index = created.index;
    for (let start = 0; start < files.length; start += INDEX_BATCH) {
      const batch = files.slice(start, start + INDEX_BATCH).map((file) => {
        const html = readFileSync(file, 'utf8');
        for (const char of visibleText(html).match(/\p{Script=Han}/gu) ?? []) hanCharacters.add(char);
        return { url: standsFor(html) ?? pageUrl(base, relative(outDir, file)), content: indexableHtml(html) };
      });
      const results = await Promise.all(batch.map((page) => index.addHTMLFile(page)));
      results.forEach((added, i) => {
        if (added.errors.length > 0) throw new PagefindError(`indexing ${batch[i].url}`, added.errors);
      });
    }
    const written = await index.writeFiles({ outputPath: bundle });
    if (written.errors.length > 0) throw new PagefindError('writing the index', written.errors);
    return JSON.parse(readFileSync(join(bundle, 'pagefind-entry.json'), 'utf8')) as PagefindEntryFile;
  } finally {
    // Stopping the binary gives its memory back; the next createIndex starts a fresh one.
    await pagefind.close();
  }
}

/** One pagefind-entry.json for all languages, as Pagefind writes it for one index of them all (languages by name). */
function mergedEntry(entries: readonly PagefindEntryFile[]): string {
  const languages = Object.fromEntries(entries.flatMap((entry) => Object.entries(entry.languages)).sort(([a], [b]) => byName(a, b)));
  return JSON.stringify({ ...entries[0], languages });
}

/** What the index needs from the build, handed from the hook to scripts/build.ts. */
export interface IndexJob {
  outDir: string;
  base: string;
  cache: string;
}

/**
 * When `npm run build` (scripts/build.ts) sets INDEX_AFTER_BUILD_ENV to a file path, the hook only writes there what
 * it would index (`IndexJob`), and scripts/build.ts runs this same hook once `astro build` has exited. At 10,000 talks
 * per language Astro's process peaks at about 3.9 GiB and Pagefind's binary at 2.6 GiB (docs/performance.md); one
 * after the other, the build's peak is the larger of the two instead of their sum.
 */
function leftForAfterBuild(job: IndexJob, logger: { info(line: string): void }): boolean {
  const file = process.env[INDEX_AFTER_BUILD_ENV];
  if (!file) return false;
  writeFileSync(file, JSON.stringify(job));
  logger.info('the search index is written once this process has exited (scripts/build.ts)');
  return true;
}

export function pagefindIndex({ load = () => import('pagefind') }: PagefindIndexOptions = {}): AstroIntegration {
  let base = '/';
  let cache = '';
  return {
    name: 'confnotes:pagefind',
    hooks: {
      'astro:config:done': ({ config }) => {
        base = config.base;
        cache = config.cacheDir ? fileURLToPath(config.cacheDir) : '';
      },
      'astro:build:done': async ({ dir, logger }) => {
        const outDir = fileURLToPath(dir);
        if (leftForAfterBuild({ outDir, base, cache }, logger)) return;
        const bundle = join(outDir, BUNDLE_DIR);
        // Loaded here so `astro dev` and `astro check` never start Pagefind's binary.
        const pagefind = await load();
        try {
          rmSync(bundle, { recursive: true, force: true });
          const { languages, searchPages } = pagesToIndex(outDir, bundle);
          if (languages.size === 0) throw new PagefindError('indexing', ['no page has data-pagefind-body']);
          const hanCharacters = new Set<string>();
          const entries: PagefindEntryFile[] = [];
          for (const files of languages.values()) entries.push(await indexLanguage(pagefind, files, { outDir, bundle, base, hanCharacters }));
          writeFileSync(join(bundle, 'pagefind-entry.json'), mergedEntry(entries));
          for (const name of readdirSync(bundle)) if (UNUSED.test(name)) rmSync(join(bundle, name));
          await finishSearchBundle(bundle, searchPages, cache);
          writeFileSync(join(outDir, FOLD_FILE), JSON.stringify(foldPairs(foldTable(hanCharacters))));
          const size = folderSize(bundle);
          const counts = [...languages].map(([lang, files]) => `${lang} ${files.length}`).join(', ');
          logger.info(`indexed ${counts} pages; ${BUNDLE_DIR}/ holds ${size.files} files, ${(size.bytes / 1024).toFixed(1)} KiB`);
        } catch (error) {
          rmSync(bundle, { recursive: true, force: true });
          rmSync(join(outDir, FOLD_FILE), { force: true });
          throw error;
        } finally {
          await pagefind.close();
        }
      },
    },
  };
}
