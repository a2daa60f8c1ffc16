/** Reading the built site: every HTML page of dist/, parsed with cheerio (parse5, a spec-compliant HTML parser). */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { load, type CheerioAPI } from 'cheerio';
import { projectRoot } from './build.ts';
import { fileForPath as siteFile, htmlPages as sitePages, walkFiles } from '../../scripts/lib/built-site.ts';

/** The build the suite reads: dist/ by default; CONFNOTES_DIST lets parallel work use its own folder. */
export const distDir = join(projectRoot, process.env.CONFNOTES_DIST ?? 'dist');

export { walkFiles };

/** Site paths of every HTML page, e.g. "/zh/gopherchina-2016/", "/404.html". */
export const htmlPages = (dir = distDir): string[] => sitePages(dir);

export const fileForPath = (path: string, dir = distDir): string => siteFile(path, dir);

const cache = new Map<string, CheerioAPI>();
export function page(path: string, dir = distDir): CheerioAPI {
  const key = `${dir}|${path}`;
  if (!cache.has(key)) cache.set(key, load(readFileSync(fileForPath(path, dir), 'utf8')));
  return cache.get(key)!;
}
