/**
 * The search-side finish of Pagefind's bundle, run by src/integrations/pagefind.ts once Pagefind has written its files:
 * Pagefind's browser module minified (Pagefind ships it with whitespace removed but names kept: 13.4 KB gzip, 11.0
 * minified), and each search page told which files its first query fetches whatever the reader types
 * (src/lib/search-preload.ts), so that it can fetch them at once.
 */
import { readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { minify } from 'vite';
import { entryTag, firstQueryFiles, htmlLang, pagefindLanguage, withFirstQueryFiles, type BundleFile, type PagefindEntry } from '../lib/search-preload.ts';

const bundleFiles = (bundle: string, dir = bundle): BundleFile[] =>
  readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    return entry.isDirectory() ? bundleFiles(bundle, path) : [{ path: relative(bundle, path).split(sep).join('/'), bytes: statSync(path).size }];
  });

export async function finishSearchBundle(bundle: string, searchPages: ReadonlyArray<{ file: string; html: string }>): Promise<void> {
  const script = join(bundle, 'pagefind.js');
  const minified = await minify('pagefind.js', readFileSync(script, 'utf8'), { module: true, compress: true, mangle: true });
  if (minified.errors.length > 0) throw new Error(`minifying pagefind.js failed: ${minified.errors.map((error) => error.message).join('; ')}`);
  writeFileSync(script, minified.code);

  const entryText = readFileSync(join(bundle, 'pagefind-entry.json'), 'utf8');
  const entry = JSON.parse(entryText) as PagefindEntry;
  const files = bundleFiles(bundle);
  for (const { file, html } of searchPages) {
    const language = pagefindLanguage(entry, htmlLang(html) ?? '');
    if (language) writeFileSync(file, withFirstQueryFiles(html, entryTag(entryText), firstQueryFiles(entry, entryText, language, files)));
  }
}
