/**
 * The index integration on a tiny site of its own, with the real Pagefind binary: one index per language, URLs under
 * the base, Han characters indexed one by one, pages without data-pagefind-body left out; and any Pagefind error
 * fails the build without leaving a half-written bundle behind. Pagefind is handed only the part of a page it reads,
 * unless the page uses a Pagefind attribute elsewhere.
 */
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { gunzipSync } from 'node:zlib';
import { afterEach, describe, expect, it } from 'vitest';
import type { AstroIntegration } from 'astro';
import { PagefindError, pagefindIndex, pagefindPart, type PagefindIndexOptions } from '../../src/integrations/pagefind.ts';
import { INDEX_AFTER_BUILD_ENV } from '../../src/lib/site-constants.ts';

type Hooks = Required<AstroIntegration['hooks']>;
const logged: string[] = [];
const logger = { info: (line: string) => logged.push(line), warn: () => {}, error: () => {}, debug: () => {} };

const folders: string[] = [];
afterEach(() => {
  for (const folder of folders.splice(0)) rmSync(folder, { recursive: true, force: true });
});

function site(pages: Record<string, string>): string {
  const dir = mkdtempSync(join(tmpdir(), 'confnotes-search-'));
  folders.push(dir);
  for (const [path, html] of Object.entries(pages)) {
    mkdirSync(dirname(join(dir, path)), { recursive: true });
    writeFileSync(join(dir, path), html);
  }
  return dir;
}

async function runIntegration(dir: string, base: string, options?: PagefindIndexOptions) {
  const integration = pagefindIndex(options);
  const hooks = integration.hooks as Hooks;
  await hooks['astro:config:done']({ config: { base } } as unknown as Parameters<Hooks['astro:config:done']>[0]);
  await hooks['astro:build:done']({ dir: pathToFileURL(`${dir}/`), logger } as unknown as Parameters<Hooks['astro:build:done']>[0]);
}

/** The records Pagefind wrote: each fragment is gzip of "pagefind_dcd" and JSON. */
function fragments(dir: string): Array<{ url: string; content: string; filters: Record<string, string[]> }> {
  const folder = join(dir, 'pagefind', 'fragment');
  return readdirSync(folder).map((name) => JSON.parse(gunzipSync(readFileSync(join(folder, name))).toString('utf8').replace(/^pagefind_dcd/, '')));
}

const page = (lang: string, body: string) => `<!doctype html><html lang="${lang}"><head><title>t</title></head><body><nav>导航</nav>${body}</body></html>`;

describe('the index integration', () => {
  it('writes one index per language, under the base, with every Han character a word', async () => {
    const dir = site({
      'zh/a/index.html': page('zh-CN', '<article data-pagefind-body><h1>车轮大战</h1><p>Go语言的垃圾回收</p><span data-pagefind-filter="kind:talk"></span></article>'),
      'en/a/index.html': page('en', '<article data-pagefind-body><h1>Wheel battle</h1><p>Garbage collection</p></article>'),
      'zh/index.html': page('zh-CN', '<h1>首页</h1>'),
    });
    await runIntegration(dir, '/notes/');
    const entry = JSON.parse(readFileSync(join(dir, 'pagefind', 'pagefind-entry.json'), 'utf8'));
    expect(Object.keys(entry.languages).sort()).toEqual(['en', 'zh-cn']);
    expect(entry.languages['zh-cn'].page_count).toBe(1);
    const records = fragments(dir);
    expect(records.map((record) => record.url).sort()).toEqual(['/notes/en/a/', '/notes/zh/a/']);
    const zh = records.find((record) => record.url === '/notes/zh/a/')!;
    expect(zh.content.replace(/\u200b/g, '')).toContain('车 轮 大 战');
    expect(zh.content).not.toContain('导航');
    expect(zh.filters).toEqual({ kind: ['talk'] });
    expect(readdirSync(join(dir, 'pagefind')).filter((name) => name.includes('-ui'))).toEqual([]);
    expect(logged.at(-1)).toMatch(/indexed en 1, zh-cn 1 pages/);
  });

  it('fails when no page marks its text for the index', async () => {
    const dir = site({ 'zh/index.html': page('zh-CN', '<h1>首页</h1>') });
    await expect(runIntegration(dir, '/')).rejects.toThrow(PagefindError);
    expect(existsSync(join(dir, 'pagefind'))).toBe(false);
  });

  it('fails on any error Pagefind reports, leaves no bundle behind, and stops Pagefind', async () => {
    const dir = site({ 'zh/a/index.html': page('zh-CN', '<article data-pagefind-body><h1>车轮</h1></article>') });
    let closed = false;
    const failing: PagefindIndexOptions['load'] = async () => ({
      createIndex: async () => ({
        errors: [],
        index: {
          addHTMLFile: async () => ({ errors: [], file: { uniqueWords: 2, url: '/zh/a/', meta: {} } }),
          writeFiles: async () => {
            mkdirSync(join(dir, 'pagefind'), { recursive: true });
            return { errors: ['disk full'], outputPath: join(dir, 'pagefind') };
          },
        } as never,
      }),
      close: async () => {
        closed = true;
        return null;
      },
    });
    await expect(runIntegration(dir, '/', { load: failing })).rejects.toThrow(/Pagefind failed while writing the index:\ndisk full/);
    expect(existsSync(join(dir, 'pagefind'))).toBe(false);
    expect(closed).toBe(true);
  });
});

describe('the index after the build (npm run build, scripts/build.ts)', () => {
  it('leaves the job to the script when asked, and the same hook run later writes the index', async () => {
    const dir = site({ 'zh/a/index.html': page('zh-CN', '<article data-pagefind-body><h1>车轮</h1></article>') });
    const job = join(dir, 'job.json');
    process.env[INDEX_AFTER_BUILD_ENV] = job;
    try {
      await runIntegration(dir, '/notes/');
    } finally {
      delete process.env[INDEX_AFTER_BUILD_ENV];
    }
    expect(existsSync(join(dir, 'pagefind'))).toBe(false);
    expect(JSON.parse(readFileSync(job, 'utf8'))).toMatchObject({ outDir: `${dir}/`, base: '/notes/' });
    await runIntegration(dir, '/notes/');
    expect(JSON.parse(readFileSync(join(dir, 'pagefind', 'pagefind-entry.json'), 'utf8')).languages['zh-cn'].page_count).toBe(1);
  });
});

describe('the part of a page Pagefind is given', () => {
  const page = (body: string, around = '') =>
    `<!DOCTYPE html><html lang="zh-CN" dir="ltr"><head><meta charset="utf-8"><title>标题 | confnotes</title><script>x()</script></head><body><header data-pagefind-ignore><nav>导航</nav></header>${around}<main>${body}</main><footer>页脚</footer></body></html>`;

  it('is the body element, whole, in the page\'s own <html> tag with its title', () => {
    const body = '<article data-pagefind-body><h1>标题</h1><article class="inner"><p>内层</p></article><p>之后</p></article>';
    expect(pagefindPart(page(body))).toBe(`<!DOCTYPE html><html lang="zh-CN" dir="ltr"><head><meta charset="utf-8"><title>标题 | confnotes</title></head><body>${body}</body></html>`);
    // A custom element whose name starts like the body's tag is not one of its tags.
    const custom = '<article data-pagefind-body><article-card>卡片</article-card><p>之后</p></article>';
    expect(pagefindPart(page(custom))).toContain(`<body>${custom}</body>`);
  });

  it('is the whole page when a Pagefind attribute is outside the body, or the body never closes', () => {
    const body = '<article data-pagefind-body><p>正文</p></article>';
    for (const around of ['<span data-pagefind-filter="kind:talk"></span>', '<div data-pagefind-meta="image:/a.png"></div>', '<section data-pagefind-body>二</section>']) {
      expect(pagefindPart(page(body, around))).toBe(page(body, around));
    }
    expect(pagefindPart(page('<article data-pagefind-body><p>正文</p>'))).toBe(page('<article data-pagefind-body><p>正文</p>'));
    expect(pagefindPart('<p>no body</p>')).toBe('<p>no body</p>');
  });
});
