/** Reading the built site: every HTML page of dist/, parsed with cheerio (parse5, a spec-compliant HTML parser). */
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { load, type CheerioAPI } from 'cheerio';
import { projectRoot } from './build.ts';

/** The build the suite reads: dist/ by default; CONFNOTES_DIST lets parallel work use its own folder. */
export const distDir = join(projectRoot, process.env.CONFNOTES_DIST ?? 'dist');

export function walkFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) =>
    entry.isDirectory() ? walkFiles(join(dir, entry.name)) : [join(dir, entry.name)],
  );
}

/** Site paths of every HTML page, e.g. "/zh/gopherchina-2016/", "/404.html". */
export function htmlPages(dir = distDir): string[] {
  return walkFiles(dir)
    .filter((file) => file.endsWith('.html'))
    .map((file) => '/' + relative(dir, file).split(sep).join('/').replace(/(^|\/)index\.html$/, '$1'))
    .sort();
}

export function fileForPath(path: string, dir = distDir): string {
  const clean = decodeURIComponent(path.split('#')[0].split('?')[0]);
  return join(dir, clean.endsWith('/') ? `${clean}index.html` : clean);
}

const cache = new Map<string, CheerioAPI>();
export function page(path: string, dir = distDir): CheerioAPI {
  const key = `${dir}|${path}`;
  if (!cache.has(key)) cache.set(key, load(readFileSync(fileForPath(path, dir), 'utf8')));
  return cache.get(key)!;
}
