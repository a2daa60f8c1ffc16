/** Reading a built site's files: every file, every HTML page as a site path, the file behind a path. */
import { readdirSync } from 'node:fs';
import { join, relative, sep } from 'node:path';

export function walkFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) =>
    entry.isDirectory() ? walkFiles(join(dir, entry.name)) : [join(dir, entry.name)],
  );
}

/** Site paths of every HTML page, e.g. "/zh/gopherchina-2016/", "/404.html". */
export function htmlPages(dir: string): string[] {
  return walkFiles(dir)
    .filter((file) => file.endsWith('.html'))
    .map((file) => '/' + relative(dir, file).split(sep).join('/').replace(/(^|\/)index\.html$/, '$1'))
    .sort();
}

export function fileForPath(path: string, dir: string): string {
  const clean = decodeURIComponent(path.split('#')[0].split('?')[0]);
  return join(dir, clean.endsWith('/') ? `${clean}index.html` : clean);
}
