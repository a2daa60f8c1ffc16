/**
 * Markdown twins over the built site: every talk, conference, guide, speaker and tag page links its twin from the
 * head, the twin is there, and it says what the page says: the same title, the same facts and links, the same
 * review, summary or guide text, every embedded file byte for byte (read back with a Markdown parser), the credit.
 * Plus the pure writer's edge cases: fences a file cannot close, files inside lists and quotes, link escaping.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { CheerioAPI } from 'cheerio';
import { distDir, fileForPath, htmlPages, page } from './support/dist.ts';
import { templateOf } from './support/templates.ts';
import { markdownHtml, markdownNodes, oneSpace, parseMarkdown, squeeze } from './support/markdown.ts';
import { fenceFor, fillEmbeds, mdLink, twinUrl } from '../src/lib/markdown-twin.ts';
import { parseFenceMeta } from '../src/lib/embed.ts';

const SITE = 'https://confnotes.example';
const TWIN_TEMPLATES = ['talk', 'conference', 'guide', 'speaker', 'tag'];
const pages = htmlPages();
const twinPages = pages.filter((path) => TWIN_TEMPLATES.includes(templateOf(path)));
/** Pages 2, 3, … of long speaker and tag lists share the first page's twin. */
const pagedLists = pages.filter((path) => /^\/(?:zh|en)\/(?:speakers|tags)\/[^/]+\/\d+\/$/.test(path));

const twinHref = ($: CheerioAPI) => $('link[rel="alternate"][type="text/markdown"]').attr('href');
const twinText = (path: string) => readFileSync(fileForPath(twinHref(page(path))!), 'utf8');
const absolute = (href: string, from: string) => new URL(href, SITE + from).href;

/** The prose container of a page: the review, the guide body, the conference summary; none on list pages. */
function prose($: CheerioAPI, path: string) {
  const template = templateOf(path);
  if (template === 'talk') return $('section.review');
  if (template === 'guide') return $('article.guide .prose');
  if (template === 'conference') return $('section.summary');
  return undefined;
}

describe('every page with a twin links it', () => {
  it('has pages of every kind', () => {
    for (const template of TWIN_TEMPLATES) expect(twinPages.some((path) => templateOf(path) === template), template).toBe(true);
  });

  it.each(twinPages)('%s', (path) => {
    const href = twinHref(page(path));
    expect(href).toBe(twinUrl(path));
    expect(existsSync(fileForPath(href!))).toBe(true);
  });

  it('pages without a twin do not claim one', () => {
    for (const path of pages.filter((p) => !TWIN_TEMPLATES.includes(templateOf(p)) && !pagedLists.includes(p))) {
      expect(twinHref(page(path)), path).toBeUndefined();
    }
  });
});

describe.each(twinPages)('the twin of %s', (path) => {
  const $ = page(path);
  const text = twinText(path);
  const $md = markdownHtml(text);
  const mdAll = squeeze($md.root().text());
  const mdLinks = $md('a').map((_, el) => `${oneSpace($md(el).text())} -> ${$md(el).attr('href')}`).get();

  it('has the page’s title as its only h1', () => {
    expect($md('h1')).toHaveLength(1);
    expect(oneSpace($md('h1').text())).toBe(oneSpace($('h1').first().text()));
  });

  it('states every fact the page lists, with its links', () => {
    const facts = $('dl.facts');
    facts.find('dt').each((_, dt) => expect($md('strong').map((__, el) => oneSpace($md(el).text())).get(), path).toContain(oneSpace($(dt).text())));
    facts.find('dd').each((_, dd) => {
      const items = $(dd).find('li');
      // What a reader sees: not the scripts, nor buttons that only work with JavaScript.
      const visible = (el: Parameters<typeof $>[0]) => $(el).clone().find('script, button, [hidden]').remove().end().text();
      const texts = items.length > 0 ? items.map((__, li) => visible(li)).get() : [visible(dd)];
      for (const item of texts) expect(mdAll, `${path}: fact "${oneSpace(item)}"`).toContain(squeeze(item));
    });
    facts.find('a[href]').each((_, a) => expect(mdLinks).toContain(`${oneSpace($(a).text())} -> ${absolute($(a).attr('href')!, path)}`));
  });

  it('holds the body text the page shows', () => {
    const container = prose($, path);
    if (!container) {
      // Lists: every talk the page lists (on any of its pages) is linked, with its verdict.
      $('.card-list .talk-item').each((_, item) => {
        const link = $(item).find('h2 a, h3 a').first();
        expect(mdLinks).toContain(`${oneSpace(link.text())} -> ${absolute(link.attr('href')!, path)}`);
        const verdict = $(item).find('.verdict').text();
        if (verdict) expect(mdAll).toContain(squeeze(verdict));
      });
      return;
    }
    // A guide's body may be split in two around its adapt form.
    expect(container.length).toBeGreaterThan(0);
    const blocks = container.find('p, li, h2, h3, h4, th, td, dt, dd, blockquote').filter((_, el) => $(el).closest('figure').length === 0);
    expect(blocks.length).toBeGreaterThan(0);
    blocks.each((_, el) => {
      const block = squeeze($(el).clone().find('figure').remove().end().text());
      if (block) expect(mdAll, `${path}: "${oneSpace($(el).text()).slice(0, 80)}"`).toContain(block);
    });
    // Heading self-links (a.anchor) are the page's navigation, not its text: a twin has its own headings.
    container.find('a[href]').filter((_, a) => $(a).closest('figure').length === 0 && !$(a).hasClass('anchor')).each((_, a) => {
      expect(mdLinks, path).toContain(`${oneSpace($(a).text())} -> ${absolute($(a).attr('href')!, path)}`);
    });
  });

  it('holds every embedded file byte for byte, with its download link', () => {
    const tree = parseMarkdown(text);
    const titled = markdownNodes(tree, 'code').filter((code) => parseFenceMeta(code.meta).title);
    const figures = $('figure.code-file');
    expect(titled).toHaveLength(figures.length);
    figures.each((index, figure) => {
      const name = $(figure).attr('data-file')!;
      const download = $(figure).find('a.code-download').attr('href')!;
      const bytes = readFileSync(fileForPath(download));
      const code = titled[index];
      expect(parseFenceMeta(code.meta).title).toBe(name);
      // A fenced block always ends with a line break, so the parser's value is the file without its final one.
      expect(code.value).toBe(bytes.toString('utf8').replace(/\n$/, ''));
      // Not indented by a list or quote here, so the file's bytes stand in the twin exactly as on disk.
      expect(text.includes(bytes.toString('utf8'))).toBe(true);
      expect(mdLinks.some((link) => link.endsWith(` -> ${absolute(download, path)}`))).toBe(true);
    });
    // Every other code block of the page is in the twin too.
    expect(markdownNodes(tree, 'code').length).toBeGreaterThanOrEqual(prose($, path)?.find('figure.code-block').length ?? 0);
  });

  it('credits the original author with links, as the page does', () => {
    const credit = $('.credit');
    if (credit.length === 0) return expect(prose($, path)).toBeUndefined();
    expect(mdAll).toContain(squeeze(credit.text()));
    credit.find('a').each((_, a) => expect(mdLinks).toContain(`${oneSpace($(a).text())} -> ${$(a).attr('href')}`));
  });

  it('links only absolute URLs, under the site for its own pages', () => {
    $md('a').each((_, a) => expect($md(a).attr('href'), path).toMatch(/^https?:\/\//));
  });
});

describe('the twin writer', () => {
  const file = (text: string) => (path: string) => ({ name: path.split('/').at(-1)!, text, url: `https://x.example/files/${path}` });
  const label = (name: string) => `Download ${name}`;

  it('fills a file fence and leaves other fences as written', () => {
    const body = ['Intro', '', '```yaml file="files/a.yaml"', '```', '', '```console', '$ echo "file=x"', '```', 'End'].join('\n');
    const out = fillEmbeds(body, file('a: 1\n'), label);
    expect(out).toBe(['Intro', '', '```yaml title="a.yaml"', 'a: 1', '```', '', '[Download a.yaml](https://x.example/files/files/a.yaml)', '', '```console', '$ echo "file=x"', '```', 'End'].join('\n'));
  });

  it('uses a fence the file cannot close', () => {
    const text = 'before\n````\n```\nafter\n';
    expect(fenceFor(text)).toBe('`````');
    const out = fillEmbeds('```md file="files/x.md"\n```', file(text), label);
    const [code] = markdownNodes(parseMarkdown(out), 'code');
    expect(code.value).toBe(text.replace(/\n$/, ''));
  });

  it('keeps a file inside a list item or a quote in its container', () => {
    const text = 'line 1\n\n  indented\nlast';
    for (const body of ['1. Step\n\n   ```ini file="files/c.ini"\n   ```\n\n2. Next', '> Quote\n>\n> ```ini file="files/c.ini"\n> ```']) {
      const tree = parseMarkdown(fillEmbeds(body, file(`${text}\n`), label));
      const [code] = markdownNodes(tree, 'code');
      expect(code.value, body).toBe(text);
      expect(markdownNodes(tree, code === undefined ? 'x' : body.startsWith('>') ? 'blockquote' : 'listItem')[0].children!.some((child) => child.type === 'code')).toBe(true);
    }
  });

  it('an empty file is an empty block', () => {
    const [code] = markdownNodes(parseMarkdown(fillEmbeds('```text file="files/empty"\n```', file(''), label)), 'code');
    expect(code.value).toBe('');
  });

  it('escapes link text and wraps awkward URLs', () => {
    expect(mdLink('a [b] *c*', 'https://x.example/a b(c)')).toBe('[a \\[b\\] \\*c\\*](<https://x.example/a b(c)>)');
    const [link] = markdownNodes(parseMarkdown(mdLink('a [b]', 'https://x.example/a b(c)')), 'link');
    expect(link.url).toBe('https://x.example/a b(c)');
  });
});

describe('the twins are plain files of the build', () => {
  it('every twin in dist/ belongs to a page', () => {
    const twins = pages.filter((path) => existsSync(join(distDir, path, 'index.html.md')));
    expect(twins.sort()).toEqual(twinPages.sort());
  });
});
