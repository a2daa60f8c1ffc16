/** Checks every internal link, asset and #anchor of a built site; returns the broken ones. */
import { existsSync, statSync } from 'node:fs';
import { fileForPath, htmlPages, page } from './dist.ts';

export interface BrokenLink {
  page: string;
  href: string;
  reason: string;
}

export function checkLinks(dir: string, base: string, site = 'https://confnotes.example'): { broken: BrokenLink[]; checked: number } {
  const broken: BrokenLink[] = [];
  let checked = 0;
  const pages = htmlPages(dir);
  for (const path of pages) {
    const sitePath = base.replace(/\/$/, '') + path;
    const $ = page(path, dir);
    const refs = [
      ...$('a[href]').map((_, el) => $(el).attr('href')!).get(),
      ...$('link[href]').map((_, el) => $(el).attr('href')!).get(),
      ...$('script[src]').map((_, el) => $(el).attr('src')!).get(),
      ...$('img[src]').map((_, el) => $(el).attr('src')!).get(),
    ];
    for (const href of refs) {
      let url: URL;
      try {
        url = new URL(href, site + sitePath);
      } catch {
        broken.push({ page: path, href, reason: 'not a URL' });
        continue;
      }
      if (url.origin !== site) continue;
      checked++;
      if (!url.pathname.startsWith(base)) {
        broken.push({ page: path, href, reason: `outside the base ${base}` });
        continue;
      }
      const local = '/' + url.pathname.slice(base.length);
      const file = fileForPath(local, dir);
      if (!existsSync(file) || statSync(file).isDirectory()) {
        broken.push({ page: path, href, reason: 'no such file' });
        continue;
      }
      if (url.hash && file.endsWith('.html')) {
        const id = decodeURIComponent(url.hash.slice(1));
        const target = page(local.endsWith('.html') ? local : local.replace(/index\.html$/, ''), dir);
        if (target(`[id="${id.replace(/"/g, '\\"')}"]`).length === 0) broken.push({ page: path, href, reason: `no element with id "${id}"` });
      }
    }
  }
  return { broken, checked };
}
