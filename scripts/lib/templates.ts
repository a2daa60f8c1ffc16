/**
 * Which template built each page of a site, and one representative page per template and language for the checks
 * that are too heavy to run on every page (browser, axe, Lighthouse). Shared by the quality-gate tests and
 * scripts/audit.ts so they look at the same pages.
 */
import { statSync } from 'node:fs';
import { fileForPath, htmlPages } from './built-site.ts';
import { TEMPLATES as PAGE_TEMPLATES } from '../../src/lib/pages.ts';

/** The page table's templates (src/lib/pages.ts), and the 404, which holds both languages. */
export const TEMPLATES = [...PAGE_TEMPLATES, '404'] as const;
export type Template = (typeof TEMPLATES)[number] | 'root' | 'other';
export type PageLang = 'zh' | 'en';

/** Templates a reader reads: everything but search (its code loads on demand), 404, the root language chooser. */
export const READING_TEMPLATES: readonly Template[] = ['home', 'conference', 'talk', 'speakers', 'speaker', 'tags', 'tag', 'guide'];

export function templateOf(path: string): Template {
  if (path === '/') return 'root';
  if (path === '/404.html' || /^\/(zh|en)\/404\.html$/.test(path)) return '404';
  const parts = path.split('/').filter(Boolean);
  if (parts.length === 0 || !['zh', 'en'].includes(parts[0]) || !path.endsWith('/')) return 'other';
  const [, first, second, ...rest] = parts;
  if (rest.length > 0) return 'other';
  if (first === undefined) return 'home';
  if (first === 'search') return second === undefined ? 'search' : 'other';
  if (first === 'speakers') return second === undefined ? 'speakers' : 'speaker';
  if (first === 'tags') return second === undefined ? 'tags' : 'tag';
  if (first === 'guides') return second === undefined ? 'other' : 'guide';
  if (first === 'files') return 'other';
  return second === undefined ? 'conference' : 'talk';
}

export interface SamplePage {
  template: Template;
  lang: PageLang;
  path: string;
  /** e.g. "talk (en)" */
  label: string;
}

/**
 * One page per template and language. Of several pages of a template the largest (both languages together) is
 * taken, since it has the most content to get wrong, and the same page in both languages so the two rows compare.
 * The root 404 holds both languages and is listed once, then each language's own 404.
 */
export function samplePages(dir: string): SamplePage[] {
  const pages = htmlPages(dir);
  const size = (path: string) => statSync(fileForPath(path, dir)).size;
  const samples: SamplePage[] = [];
  for (const template of TEMPLATES) {
    if (template === '404') {
      // The root 404 holds both languages; /zh/404.html and /en/404.html are each language's own.
      if (pages.includes('/404.html')) samples.push({ template, lang: 'zh', path: '/404.html', label: '404' });
      for (const lang of ['zh', 'en'] as const)
        if (pages.includes(`/${lang}/404.html`)) samples.push({ template, lang, path: `/${lang}/404.html`, label: `404 (${lang})` });
      continue;
    }
    const zhPages = pages.filter((path) => path.startsWith('/zh/') && templateOf(path) === template);
    const scored = zhPages
      .map((zh) => ({ zh, en: zh.replace(/^\/zh\//, '/en/') }))
      .filter(({ en }) => pages.includes(en))
      .map((pair) => ({ ...pair, bytes: size(pair.zh) + size(pair.en) }))
      .sort((a, b) => b.bytes - a.bytes || a.zh.localeCompare(b.zh));
    const best = scored[0];
    if (!best) continue;
    samples.push({ template, lang: 'zh', path: best.zh, label: `${template} (zh)` });
    samples.push({ template, lang: 'en', path: best.en, label: `${template} (en)` });
  }
  return samples;
}
