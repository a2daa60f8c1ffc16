/**
 * Byte budgets, gzip (zlib's default level, what static hosts use), per template, over every page of the build:
 * - a talk page's HTML: at most 8 KB;
 * - all CSS a page loads (its stylesheets and what they @import, plus inline <style>): at most 8 KB;
 * - JavaScript run on page load on a reading page: at most 2 KB. That is every inline script, every script file and
 *   the modules those statically import or preload; code fetched with a dynamic import() (search, copy buttons, the
 *   guide's form) loads on demand and is not counted. Each file is gzipped on its own, which overstates inline
 *   scripts (they travel inside the page's gzip) and so errs on the strict side.
 * When a budget breaks, the message lists every file of that page with its gzip size.
 */
import { existsSync, readFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { distDir, fileForPath, htmlPages, page } from './support/dist.ts';
import { READING_TEMPLATES, templateOf, type Template } from './support/templates.ts';

const KB = 1024;
const BUDGET = { talkHtml: 8 * KB, css: 8 * KB, js: 2 * KB };
const SITE = 'https://confnotes.example';
const EXECUTABLE = new Set(['', 'module', 'text/javascript', 'application/javascript', 'application/ecmascript', 'text/ecmascript']);

interface Part {
  kind: 'html' | 'css' | 'js';
  name: string;
  gzip: number;
}

const gzip = (data: string | Buffer) => gzipSync(data).length;
const kb = (bytes: number) => `${(bytes / KB).toFixed(2)} KB`;

/** A site path for an href met on `from` (a page path or an asset path), or null when it is not on this site. */
function resolve(href: string, from: string): string | null {
  const url = new URL(href, SITE + from);
  return url.origin === SITE ? url.pathname : null;
}

function readAsset(path: string): Buffer {
  const file = fileForPath(path, distDir);
  if (!existsSync(file)) throw new Error(`missing asset ${path}`);
  return readFileSync(file);
}

/** Modules a module loads before it runs: `import … from "x"`, `import "x"`, `export … from "x"`; not import(). */
function staticImports(code: string): string[] {
  const found = new Set<string>();
  const pattern = /\b(?:import\s*(?:[\w$*{}\s,]+?\s*from\s*)?|export\s*(?:\*|\{[^}]*\})\s*from\s*)["']([^"']+)["']/g;
  for (const match of code.matchAll(pattern)) found.add(match[1]);
  return [...found];
}

function cssParts(path: string): Part[] {
  const $ = page(path);
  const parts: Part[] = [];
  const seen = new Set<string>();
  const addSheet = (sheet: string) => {
    if (seen.has(sheet)) return;
    seen.add(sheet);
    const css = readAsset(sheet);
    parts.push({ kind: 'css', name: sheet, gzip: gzip(css) });
    for (const match of css.toString('utf8').matchAll(/@import\s+(?:url\()?\s*["']?([^"')\s;]+)/g)) {
      const next = resolve(match[1], sheet);
      if (next) addSheet(next);
    }
  };
  $('link[rel~="stylesheet"][href]').each((_, el) => {
    const sheet = resolve($(el).attr('href')!, path);
    if (sheet) addSheet(sheet);
  });
  $('style').each((index, el) => {
    parts.push({ kind: 'css', name: `inline <style> #${index + 1}`, gzip: gzip($(el).html() ?? '') });
  });
  return parts;
}

function jsParts(path: string): Part[] {
  const $ = page(path);
  const parts: Part[] = [];
  const seen = new Set<string>();
  const addModule = (file: string) => {
    if (seen.has(file)) return;
    seen.add(file);
    const code = readAsset(file);
    parts.push({ kind: 'js', name: file, gzip: gzip(code) });
    for (const specifier of staticImports(code.toString('utf8'))) {
      const next = resolve(specifier, file);
      if (next) addModule(next);
    }
  };
  $('script').each((index, el) => {
    const type = ($(el).attr('type') ?? '').trim().toLowerCase();
    if (!EXECUTABLE.has(type)) return;
    const src = $(el).attr('src');
    if (src) {
      const file = resolve(src, path);
      if (file) addModule(file);
      return;
    }
    const code = $(el).html() ?? '';
    parts.push({ kind: 'js', name: `inline <script${type ? ` type="${type}"` : ''}> #${index + 1}`, gzip: gzip(code) });
    if (type === 'module') {
      for (const specifier of staticImports(code)) {
        const next = resolve(specifier, path);
        if (next) addModule(next);
      }
    }
  });
  $('link[rel~="modulepreload"][href], link[rel~="preload"][as="script"][href]').each((_, el) => {
    const file = resolve($(el).attr('href')!, path);
    if (file) addModule(file);
  });
  return parts;
}

const htmlPart = (path: string): Part => ({
  kind: 'html',
  name: fileForPath(path, distDir).slice(distDir.length),
  gzip: gzip(readFileSync(fileForPath(path, distDir))),
});

/** Every file of the page with its gzip size: the message printed when a budget breaks. */
function breakdown(path: string, budget: string): string {
  const parts = [htmlPart(path), ...cssParts(path), ...jsParts(path)];
  const lines = parts.map((part) => `  ${part.kind.padEnd(4)} ${kb(part.gzip).padStart(9)}  ${part.name}`);
  const total = (kind: Part['kind']) => kb(parts.filter((part) => part.kind === kind).reduce((sum, part) => sum + part.gzip, 0));
  return [
    `${path} (${templateOf(path)}) breaks ${budget}; gzip sizes:`,
    ...lines,
    `  totals: html ${total('html')}, css ${total('css')}, js ${total('js')}`,
  ].join('\n');
}

const sum = (parts: Part[]) => parts.reduce((total, part) => total + part.gzip, 0);
const pages = htmlPages();
const talkPages = pages.filter((path) => templateOf(path) === 'talk');
const readingPages = pages.filter((path) => READING_TEMPLATES.includes(templateOf(path)));

describe('byte budgets (gzip)', () => {
  it('has pages of every reading template to weigh', () => {
    for (const template of READING_TEMPLATES)
      expect(
        readingPages.some((path) => templateOf(path) === template),
        template,
      ).toBe(true);
    expect(talkPages.length).toBeGreaterThan(10);
  });

  it.each(talkPages)(`%s: talk page HTML at most ${kb(BUDGET.talkHtml)}`, (path) => {
    const html = htmlPart(path).gzip;
    expect(html, breakdown(path, `the talk page HTML budget (${kb(html)} > ${kb(BUDGET.talkHtml)})`)).toBeLessThanOrEqual(BUDGET.talkHtml);
  });

  it.each(pages)(`%s: all CSS it loads at most ${kb(BUDGET.css)}`, (path) => {
    const css = sum(cssParts(path));
    expect(css, breakdown(path, `the CSS budget (${kb(css)} > ${kb(BUDGET.css)})`)).toBeLessThanOrEqual(BUDGET.css);
  });

  it.each(readingPages)(`%s: JavaScript on page load at most ${kb(BUDGET.js)}`, (path) => {
    const js = sum(jsParts(path));
    expect(js, breakdown(path, `the JavaScript budget (${kb(js)} > ${kb(BUDGET.js)})`)).toBeLessThanOrEqual(BUDGET.js);
  });

  it('the heaviest page of each template, for the log', () => {
    const rows = new Map<Template, { path: string; html: number; css: number; js: number }>();
    for (const path of pages) {
      const template = templateOf(path);
      const row = { path, html: htmlPart(path).gzip, css: sum(cssParts(path)), js: sum(jsParts(path)) };
      const current = rows.get(template);
      if (!current || row.html + row.css + row.js > current.html + current.css + current.js) rows.set(template, row);
    }
    console.log(
      [
        'gzip, heaviest page per template:',
        ...[...rows].map(
          ([template, row]) =>
            `  ${template.padEnd(10)} html ${kb(row.html).padStart(8)}  css ${kb(row.css).padStart(8)}  js ${kb(row.js).padStart(8)}  ${row.path}`,
        ),
      ].join('\n'),
    );
    expect(rows.size).toBeGreaterThan(5);
  });
});
