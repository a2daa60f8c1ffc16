/**
 * Share cards and llms.txt over the built site. Every talk, conference and guide page names a share card in
 * og:image (absolute, under the site), with its size, a text alternative and the large-image Twitter card; each card
 * is a real 1200x630 PNG (signature, IHDR, IEND read from the bytes), one per page and language. The llms.txt files
 * follow llmstxt.org's shape and list every conference, talk and guide of their language. The renderer itself: the
 * same card twice is the same bytes, the second time from the cache, and the same in the drawing child processes;
 * every character has a Noto Sans SC slice.
 */
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { CheerioAPI } from 'cheerio';
import { distDir, fileForPath, htmlPages, page } from './support/dist.ts';
import { templateOf } from './support/templates.ts';
import { markdownNodes, oneSpace, parseMarkdown } from './support/markdown.ts';
import { CARD_HEIGHT, CARD_WIDTH, cardText, cardTree, cardUrl, type CardInput } from '../src/lib/share-card.ts';
import { cardCacheFile, cardSvg, charactersBySlice, renderCard } from '../src/lib/share-card-render.ts';
import { drawCards } from '../src/lib/share-card-draw.ts';
import { twinUrl } from '../src/lib/markdown-twin.ts';

const SITE = 'https://confnotes.example';
const CARD_TEMPLATES = ['talk', 'conference', 'guide'];
const pages = htmlPages();
const cardPages = pages.filter((path) => CARD_TEMPLATES.includes(templateOf(path)));
const meta = ($: CheerioAPI, key: string) => $(`meta[property="${key}"], meta[name="${key}"]`).attr('content');

/** Width, height and colour type from a PNG's bytes; throws unless it is a whole PNG (signature, IHDR first, IEND last). */
function pngHeader(bytes: Buffer): { width: number; height: number; colorType: number } {
  const signature = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  if (!bytes.subarray(0, 8).equals(signature)) throw new Error('not a PNG signature');
  if (bytes.readUInt32BE(8) !== 13 || bytes.toString('latin1', 12, 16) !== 'IHDR') throw new Error('IHDR is not the first chunk');
  if (bytes.toString('latin1', bytes.length - 8, bytes.length - 4) !== 'IEND') throw new Error('IEND is not the last chunk');
  return { width: bytes.readUInt32BE(16), height: bytes.readUInt32BE(20), colorType: bytes[25] };
}

describe('og:image on every talk, conference and guide page', () => {
  it('has pages of each kind', () => {
    for (const template of CARD_TEMPLATES) expect(cardPages.some((path) => templateOf(path) === template), template).toBe(true);
  });

  it.each(cardPages)('%s', (path) => {
    const $ = page(path);
    const url = meta($, 'og:image')!;
    expect(url).toBe(SITE + cardUrl(path));
    expect(meta($, 'og:image:width')).toBe('1200');
    expect(meta($, 'og:image:height')).toBe('630');
    expect(meta($, 'og:image:type')).toBe('image/png');
    expect(meta($, 'og:image:alt')).toContain(oneSpace($('h1').first().text()));
    expect(meta($, 'twitter:card')).toBe('summary_large_image');
    expect(meta($, 'twitter:image')).toBe(url);
    const png = readFileSync(fileForPath(new URL(url).pathname));
    expect(pngHeader(png)).toMatchObject({ width: CARD_WIDTH, height: CARD_HEIGHT });
    // A real picture, not an empty canvas: text in several colours compresses far less than a flat fill.
    expect(png.length).toBeGreaterThan(15_000);
  });

  it('the two languages of a page have different cards', () => {
    for (const path of cardPages.filter((p) => p.startsWith('/zh/'))) {
      const other = path.replace(/^\/zh\//, '/en/');
      if (!cardPages.includes(other)) continue;
      expect(readFileSync(fileForPath(cardUrl(path))).equals(readFileSync(fileForPath(cardUrl(other)))), path).toBe(false);
    }
  });

  it('other pages keep the plain summary card and no image', () => {
    for (const path of pages.filter((p) => !cardPages.includes(p) && /^\/(?:zh|en)\//.test(p))) {
      expect(meta(page(path), 'og:image'), path).toBeUndefined();
      expect(meta(page(path), 'twitter:card'), path).toBe('summary');
    }
  });

  it('every card in dist/ belongs to a page', () => {
    const cards = pages.filter((path) => existsSync(join(distDir, path, 'card.png')));
    expect(cards.sort()).toEqual([...cardPages].sort());
  });
});

describe('llms.txt', () => {
  const read = (path: string) => readFileSync(join(distDir, path), 'utf8');
  /** `- [title](url): description` lines, as llmstxt.org lists links. */
  const links = (text: string) =>
    markdownNodes(parseMarkdown(text), 'listItem').map((item) => {
      const [paragraph] = item.children!;
      const link = paragraph.children!.find((child) => child.type === 'link')!;
      const rest = paragraph.children!.slice(paragraph.children!.indexOf(link) + 1).map((child) => child.value ?? '').join('');
      return { title: markdownNodes(link, 'text').map((node) => node.value).join(''), url: link.url!, description: rest.replace(/^:\s*/, '') };
    });

  it('/llms.txt names the site and points to each language’s file', () => {
    const text = read('llms.txt');
    const tree = parseMarkdown(text);
    expect(tree.children![0]).toMatchObject({ type: 'heading', depth: 1 });
    expect(tree.children![1].type).toBe('blockquote');
    expect(links(text).map((link) => link.url)).toEqual([`${SITE}/zh/llms.txt`, `${SITE}/en/llms.txt`]);
    for (const link of links(text)) expect(existsSync(join(distDir, new URL(link.url).pathname))).toBe(true);
  });

  it.each(['zh', 'en'])('/%s/llms.txt lists every conference, talk and guide of the language', (lang) => {
    const text = read(`${lang}/llms.txt`);
    const tree = parseMarkdown(text);
    expect(tree.children![0]).toMatchObject({ type: 'heading', depth: 1 });
    expect(tree.children![1].type).toBe('blockquote');
    expect(markdownNodes(tree, 'heading').filter((heading) => heading.depth === 2).length).toBe(3);
    const listed = links(text);
    const expected = cardPages.filter((path) => path.startsWith(`/${lang}/`));
    expect(listed.map((link) => link.url).sort()).toEqual(expected.map((path) => SITE + twinUrl(path)).sort());
    for (const link of listed) {
      const path = new URL(link.url).pathname.replace(/index\.html\.md$/, '');
      expect(link.title).toBe(oneSpace(page(path)('h1').first().text()));
      expect(link.description.length, link.url).toBeGreaterThan(5);
      expect(link.description).not.toContain('\n');
      expect(statSync(fileForPath(new URL(link.url).pathname)).isFile()).toBe(true);
    }
  });
});

describe('the card renderer', () => {
  const input: CardInput = {
    lang: 'zh',
    title: 'Go在百度bfe的应用',
    otherTitle: 'Baidu BFE: Scalable HTTP Requests Routing Stack in Go',
    byline: '李炳毅（百度）',
    context: '第二届 GopherChina 大会 · 2016 年 4 月 16 日 11:00',
    siteName: 'confnotes',
    tagline: '中英双语的技术大会笔记',
  };

  it('sets the title bold and the rest regular, every character from a Noto Sans SC slice', () => {
    const text = cardText(cardTree(input));
    expect(text.get(700)).toContain(input.title);
    expect(text.get(400)).toContain(input.byline);
    const slices = charactersBySlice([...text.values()].join(''));
    expect([...slices.values()].join('').length).toBe(new Set([...text.values()].join('') + ' ').size);
    expect(() => charactersBySlice('\u{10FFFD}')).toThrow(/no Noto Sans SC glyph/);
  });

  it('draws in one layer: no block is masked or clipped, so a descender below its line box still shows', async () => {
    // resvg draws a masked or clipped group in a layer of the card's size (40% of rasterising a card), and the clip
    // of `overflow: hidden` cut the g of "vagrant" on the guide's card; `lineClamp` alone shortens long text.
    const long = { ...input, title: `${input.title} ${'Routing Stack '.repeat(20)}`, byline: '李炳毅（百度）、'.repeat(30) };
    for (const card of [input, long, { ...input, title: 'Installing CoreOS with coreos-vagrant', otherTitle: undefined, byline: undefined }]) {
      const svg = await cardSvg(cardTree(card));
      expect(svg).not.toMatch(/\b(mask|clip-path)="url\(/);
    }
  });

  it('draws the same bytes twice, the second time from its cache', async () => {
    const cache = mkdtempSync(join(tmpdir(), 'confnotes-cards-'));
    try {
      const first = await renderCard(cardTree(input), cache);
      const cached = readFileSync(join(cache, 'share-cards', readdirSync(join(cache, 'share-cards'))[0]));
      expect(cached.equals(first)).toBe(true);
      const second = await renderCard(cardTree(input), cache);
      expect(second.equals(first)).toBe(true);
      expect(pngHeader(first)).toMatchObject({ width: 1200, height: 630, colorType: 2 });
      // Another text is another card.
      const other = await renderCard(cardTree({ ...input, title: 'Writing High Performance Go' }), cache);
      expect(other.equals(first)).toBe(false);
    } finally {
      rmSync(cache, { recursive: true, force: true });
    }
  });

  it('draws the same bytes in child processes as in this one', async () => {
    // 16 cards: more than drawCards draws in its own process, so two children share them.
    const trees = Array.from({ length: 16 }, (_, n) => cardTree({ ...input, title: `${input.title} ${n + 1}` }));
    const [inChildren, here] = [mkdtempSync(join(tmpdir(), 'confnotes-cards-')), mkdtempSync(join(tmpdir(), 'confnotes-cards-'))];
    try {
      await drawCards(trees, inChildren, 2);
      for (const tree of trees.slice(0, 3)) await renderCard(tree, here);
      expect(readdirSync(join(inChildren, 'share-cards')).filter((name) => name.endsWith('.png'))).toHaveLength(16);
      for (const tree of trees.slice(0, 3)) expect(readFileSync(cardCacheFile(tree, inChildren)).equals(readFileSync(cardCacheFile(tree, here)))).toBe(true);
    } finally {
      for (const cache of [inChildren, here]) rmSync(cache, { recursive: true, force: true });
    }
  });
});
