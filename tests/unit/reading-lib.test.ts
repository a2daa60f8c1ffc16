/** Unit tests of the reading layout's pure parts: sections, table of contents, related talks, asides, heading links. */
import { describe, expect, it } from 'vitest';
import { unified } from 'unified';
import remarkParse from 'remark-parse';
import remarkRehype from 'remark-rehype';
import rehypeStringify from 'rehype-stringify';
import type { Root } from 'hast';
import { otherTitle, relatedTalks, sectionOf, tableOfContents } from '../../src/lib/layout.ts';
import { rehypeAsides, rehypeHeadingAnchors } from '../../src/lib/rehype-reading.ts';
import type { Talk } from '../../src/lib/schema.ts';
import { random } from '../../scripts/lib/synthetic.ts';

describe('sectionOf', () => {
  it.each([
    ['/zh/', undefined],
    ['/en/speakers/', 'speakers'],
    ['/en/speakers/dave-cheney/2/', 'speakers'],
    ['/zh/tags/gc/', 'tags'],
    ['/zh/guides/coreos-vagrant/', 'guides'],
    ['/en/search/', 'search'],
    ['/en/gopherchina-2016/', 'conferences'],
    ['/en/gopherchina-2016/baidu-bfe/', 'conferences'],
    ['/en/404.html', undefined],
    ['/404.html', undefined],
  ])('%s → %s', (path, section) => expect(sectionOf('/', path)).toBe(section));
  it('reads the path under a sub-path base', () => {
    expect(sectionOf('/notes/', '/notes/zh/tags/')).toBe('tags');
    expect(sectionOf('/notes', '/notes/en/gopherchina-2016/')).toBe('conferences');
  });
});

describe('tableOfContents', () => {
  const entry = (slug: string) => ({ slug, text: slug });
  it('is empty below three sections and lists each section once from three', () => {
    expect(tableOfContents([entry('a'), entry('b')])).toEqual([]);
    expect(tableOfContents([entry('a'), entry('b'), entry('b'), entry('c')]).map((item) => item.slug)).toEqual(['a', 'b', 'c']);
  });
});

describe('relatedTalks', () => {
  const talk = (id: string, speakers: string[], tags: string[], day = 1, start = '09:00') => ({
    id,
    data: { conference: 'c', day, start, end: '10:00', speakers, tags } as unknown as Talk,
  });
  const all = [talk('self', ['ann'], ['go', 'gc']), talk('same-speaker', ['ann'], []), talk('two-tags', ['bob'], ['go', 'gc'], 2), talk('one-tag', ['cy'], ['gc']), talk('nothing', ['dee'], ['web'])];
  it('puts a shared speaker first, then more shared tags, and leaves out the talk itself and unrelated ones', () => {
    expect(relatedTalks(all, all[0]).map((entry) => entry.talk.id)).toEqual(['same-speaker', 'two-tags', 'one-tag']);
    expect(relatedTalks(all, all[0], 2)).toHaveLength(2);
    expect(relatedTalks(all, all[0])[1].sharedTags).toEqual(['go', 'gc']);
  });

  it('gives what sorting every related talk gives, on a random archive with repeated ids, speakers and tags', () => {
    // The rule spelled out as a plain sort: the index-based version must pick exactly these, in this order.
    const bySorting = (talks: typeof all, of: (typeof all)[number], limit: number) =>
      talks
        .filter((other) => other.id !== of.id || other.data.conference !== of.data.conference)
        .map((other) => ({
          talk: other,
          sharedSpeakers: other.data.speakers.filter((id) => of.data.speakers.includes(id)),
          sharedTags: other.data.tags.filter((id) => of.data.tags.includes(id)),
        }))
        .filter((entry) => entry.sharedSpeakers.length > 0 || entry.sharedTags.length > 0)
        .sort(
          (a, b) =>
            b.sharedSpeakers.length - a.sharedSpeakers.length ||
            b.sharedTags.length - a.sharedTags.length ||
            a.talk.data.conference.localeCompare(b.talk.data.conference) ||
            a.talk.data.day - b.talk.data.day ||
            a.talk.data.start.localeCompare(b.talk.data.start) ||
            a.talk.id.localeCompare(b.talk.id),
        )
        .slice(0, limit);
    const next = random(7);
    const pick = (n: number) => Math.floor(next() * n);
    const archive = Array.from({ length: 300 }, (_, i) => ({
      id: `talk-${i % 120}`,
      data: {
        conference: `conf-${pick(15)}`,
        day: 1 + pick(2),
        start: `${10 + pick(3)}:00`,
        end: '13:00',
        speakers: Array.from({ length: 1 + pick(2) }, () => `s${pick(25)}`),
        tags: Array.from({ length: 1 + pick(4) }, () => `t${Math.floor(8 * next() ** 2)}`),
      } as unknown as Talk,
    }));
    for (const limit of [1, 4, 7]) {
      for (const one of archive) expect(relatedTalks(archive, one, limit)).toEqual(bySorting(archive, one, limit));
    }
  });
});

const render = async (markdown: string, path: string) =>
  String(
    await unified()
      .use(remarkParse)
      .use(remarkRehype)
      .use(rehypeAsides)
      .use(() => (tree: Root) => {
        for (const node of tree.children) if (node.type === 'element' && node.tagName === 'h2') node.properties = { id: 'sec' };
      })
      .use(rehypeHeadingAnchors)
      .use(rehypeStringify)
      .process({ value: markdown, path }),
  );

describe('otherTitle', () => {
  const titles = (zh: string, en: string, translatedTitle: Array<'zh' | 'en'> = []) => ({ title: { zh, en }, translatedTitle });
  it('gives the other language\'s title, labeled by which one is official', () => {
    expect(otherTitle(titles('Go在分布式数据库中的应用', 'Distributed Database System in Go'), 'zh')).toEqual({ title: 'Distributed Database System in Go', lang: 'en', label: 'talk.otherOfficial' });
    expect(otherTitle(titles('从零开始学 Go', 'Go from zero', ['zh']), 'en')).toEqual({ title: '从零开始学 Go', lang: 'zh', label: 'talk.otherOurs' });
    expect(otherTitle(titles('从零开始学 Go', 'Go from zero', ['zh']), 'zh')).toEqual({ title: 'Go from zero', lang: 'en', label: 'talk.headingOurs' });
  });
  it('gives nothing when both languages use the same title', () => {
    expect(otherTitle(titles('How to Write high performance application', 'How to Write high performance application'), 'zh')).toBeUndefined();
    expect(otherTitle(titles('数据管道的十年', '数据管道的十年', ['en']), 'en')).toBeUndefined();
  });
});

describe('rehype-reading', () => {
  it('turns a blockquote that opens with a bold label into a labelled aside, in the page language', async () => {
    const en = await render('> **Note:** the post says `config.vm.url`.', 'content/guides/x/en.md');
    expect(en).toContain('<aside class="aside aside-note" role="note" aria-label="Note"><p class="aside-title" aria-hidden="true">Note</p>');
    expect(en).toContain('<p>the post says <code>config.vm.url</code>.</p>');
    const zh = await render('> **注**：原文写成了 `config.vm.url`。', 'content/guides/x/zh.md');
    expect(zh).toContain('aria-label="注"');
    expect(zh).toContain('<p>原文写成了 <code>config.vm.url</code>。</p>');
  });
  it('reads GitHub alert markers too, and leaves quotations alone', async () => {
    const tip = await render('> [!TIP]\n> Serve the folder locally.', 'content/guides/x/en.md');
    expect(tip).toContain('class="aside aside-tip" role="note" aria-label="Tip"');
    expect(tip).toContain('<p>Serve the folder locally.</p>');
    const caution = await render('> [!WARNING]\n> Old URLs.', 'content/guides/x/zh.md');
    expect(caution).toContain('class="aside aside-caution" role="note" aria-label="注意"');
    const quote = await render('> **Rob Pike:** clear is better than clever.', 'content/guides/x/en.md');
    expect(quote).toContain('<blockquote>');
    expect(quote).not.toContain('<aside');
  });
  it('puts a self-link after a heading with an id, outside the heading', async () => {
    const html = await render('## Get the files', 'content/guides/x/en.md');
    expect(html).toContain('<div class="heading"><h2 id="sec">Get the files</h2><a class="anchor" href="#sec" data-pagefind-ignore="">');
    expect(html).toContain('<span class="visually-hidden">Link to this section: Get the files</span>');
  });
});
