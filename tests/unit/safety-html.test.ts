/**
 * Raw HTML in Markdown: the allow-list as the content check reads it, and as the real Markdown pipeline (Astro's
 * unified processor with our plugins, Shiki, then Astro's own rehype-raw) applies it to the rendered HTML.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { createMarkdownProcessor, type MarkdownRenderer } from '@astrojs/markdown-remark';
import remarkGfm from 'remark-gfm';
import { load } from 'cheerio';
import { isSafeUrl, rawHtmlProblems, rehypeSafeHtml } from '../../src/lib/safe-html.ts';
import { markdownProblems } from '../../src/lib/markdown-check.ts';
import { rehypeExternalLinks } from '../../src/lib/rehype-external-links.ts';
import { loadCodeThemes, shikiStyleToClass } from '../../src/lib/code-colors.ts';

let renderer: MarkdownRenderer;
beforeAll(async () => {
  const themes = await loadCodeThemes({ light: 'github-light', dark: 'github-dark' });
  renderer = await createMarkdownProcessor({
    gfm: false,
    smartypants: false,
    remarkPlugins: [remarkGfm],
    rehypePlugins: [rehypeSafeHtml, rehypeExternalLinks],
    shikiConfig: { themes, defaultColor: false, transformers: [shikiStyleToClass(themes)] },
  });
});
const render = async (markdown: string) => (await renderer.render(markdown)).code;

describe('URLs', () => {
  it.each([
    ['https://example.com/', true],
    ['http://example.com/', true],
    ['mailto:someone@example.com', true],
    ['../relative/', true],
    ['#anchor', true],
    ['/files/x.txt', true],
    ['javascript:alert(1)', false],
    ['JaVaScRiPt:alert(1)', false],
    [' java\tscript:alert(1)', false],
    ['data:text/html,<script>alert(1)</script>', false],
    ['vbscript:msgbox', false],
  ])('%s is safe: %s', (url, safe) => {
    expect(isSafeUrl(url)).toBe(safe);
  });
});

describe('the content check reads raw HTML', () => {
  const reasons = (text: string) => rawHtmlProblems(text).map((problem) => problem.reason);

  it('allows harmless inline HTML', () => {
    expect(reasons('Press <kbd>Ctrl</kbd>+<kbd>C</kbd>, H<sub>2</sub>O, <ruby>汉<rt>hàn</rt></ruby>, <abbr title="GC">GC</abbr>.')).toEqual([]);
    expect(reasons('<details open>\n<summary>More</summary>\n\nText\n\n</details>')).toEqual([]);
    expect(reasons('<a href="https://example.com/" hreflang="en">x</a> <br> <br/> <td colspan="2">')).toEqual([]);
  });

  it('does not mistake autolinks, e-mail links or comparisons for tags', () => {
    expect(reasons('See <https://example.com/> or <someone@example.com>; 1 < 2 and 3 > 2.')).toEqual([]);
  });

  it('names each problem', () => {
    expect(reasons('<script>alert(1)</script>')).toEqual(['raw <script> is not allowed in Markdown']);
    expect(reasons('<iframe src="https://example.com/"></iframe>')[0]).toMatch(/^raw <iframe> is not allowed in Markdown \(allowed: a, abbr, /);
    expect(reasons('<a href="#" onclick="steal()">x</a>')).toEqual(['inline event handler onclick= on <a> is not allowed in Markdown']);
    expect(reasons('<span style="color:red">x</span>')).toEqual(['attribute style on <span> is not allowed in Markdown (allowed: lang, dir, title)']);
    expect(reasons('<a href="javascript:alert(1)">x</a>')).toEqual(['href "javascript:alert(1)" on <a> must be an http(s), mailto or relative URL']);
    expect(reasons('<a href="jav&#x61;script&colon;alert(1)">x</a>')).toEqual(['href "javascript:alert(1)" on <a> must be an http(s), mailto or relative URL']);
  });

  it('tells how to write a tag-like word as text', () => {
    expect(reasons('func Map<T>(xs []T)')).toEqual(['"<T>" reads as a raw HTML tag, which is not allowed; to show it as text write \\<T> or put it in backticks']);
  });
});

describe('the content check reads Markdown as the site renders it', () => {
  const reasons = (text: string) => markdownProblems(text).problems.map((problem) => problem.reason);
  const unsafe = 'link "javascript:alert(1)" must be an http(s), mailto or relative URL';

  it('finds javascript: links however they are written', () => {
    expect(reasons('[x](javascript:alert(1))')).toEqual([unsafe]);
    expect(reasons('[x]: javascript:alert(1)')).toEqual([unsafe]);
    expect(reasons('<javascript:alert(1)>')).toEqual([unsafe]);
    expect(reasons('[x](javascript&#58;alert(1))')).toEqual([unsafe]);
    expect(reasons('[x](&#106;avascript:alert(1))')).toEqual([unsafe]);
    expect(reasons('<a href="javascript&#x3A;alert(1)">x</a>')).toEqual(['href "javascript:alert(1)" on <a> must be an http(s), mailto or relative URL']);
    expect(reasons('Q&A: [x](javascript&colon;alert(1))')).toEqual([unsafe]);
  });

  it('leaves code and escaped tags alone', () => {
    expect(reasons('Use `<script>` or `<T>`:\n\n```html\n<script src="x.js"></script>\n```\n\nand \\<T> in prose.')).toEqual([]);
  });

  it('refuses a "#" heading, in either syntax, on its line', () => {
    expect(markdownProblems('Text\n\n# Title\n').problems.map((problem) => problem.line)).toEqual([3]);
    expect(markdownProblems('Title\n=====\n').problems).toHaveLength(1);
    expect(markdownProblems('## Section\n').problems).toEqual([]);
  });

  it('returns images for the caller to find on disk', () => {
    expect(markdownProblems('Text\n\n![stage](img/stage.png)\n').images).toEqual([{ line: 3, url: 'img/stage.png' }]);
    expect(markdownProblems('![stage][s]\n\n[s]: img/stage.png\n').images).toEqual([{ line: 1, url: 'img/stage.png' }]);
  });

  it('points at where the problem is', () => {
    const text = 'line one\nline two <iframe>';
    expect(rawHtmlProblems(text)[0].index).toBe(text.indexOf('<iframe>'));
  });
});

describe('the rendered HTML keeps only the allow-list', () => {
  it('keeps allowed elements and attributes', async () => {
    const $ = load(await render('Press <kbd title="keys">Ctrl</kbd> and <ruby>汉<rt>hàn</rt></ruby>.\n\n<details open>\n<summary>More</summary>\n\n**bold** text\n\n</details>'));
    expect($('kbd').attr('title')).toBe('keys');
    expect($('ruby rt').text()).toBe('hàn');
    expect($('details').attr('open')).toBeDefined();
    expect($('details strong').text()).toBe('bold');
  });

  it('drops scripts, styles, frames and forms with their content', async () => {
    const html = await render('a <script>alert(1)</script> b <style>body{}</style> <iframe src="https://x.example/"></iframe> <form action="https://x.example/"><button>go</button></form> <svg><script>alert(2)</script></svg>');
    expect(html).not.toMatch(/<(script|style|iframe|form|button|svg)\b/i);
    expect(html).not.toContain('alert');
  });

  it('unwraps unknown elements and strips attributes outside the list', async () => {
    const $ = load(await render('<center>kept text</center> <span style="color:red" onclick="x()" class="c" id="i" lang="en">span</span>'));
    expect($('center').length).toBe(0);
    expect($.root().text()).toContain('kept text');
    const span = $('span').first();
    expect(span.attr('lang')).toBe('en');
    for (const attribute of ['style', 'onclick', 'class', 'id']) expect(span.attr(attribute)).toBeUndefined();
  });

  it('removes unsafe URLs from raw HTML and from Markdown links', async () => {
    const $ = load(await render('<a href="javascript:alert(1)">raw</a> [md](javascript:alert(2)) <a href="https://example.com/">ok</a>'));
    expect($('a').map((_, el) => $(el).attr('href') ?? null).get()).toEqual(['https://example.com/']);
  });

  it('gives raw external links rel="noopener noreferrer" like Markdown ones', async () => {
    const $ = load(await render('<a href="https://example.com/">raw</a> [md](https://example.org/)'));
    $('a').each((_, el) => expect($(el).attr('rel')).toBe('noopener noreferrer'));
    expect($('a').length).toBe(2);
  });

  it('leaves what Markdown, GFM and Shiki produce alone', async () => {
    const $ = load(await render('# T\n\n- [x] done\n\n| a | b |\n|---|---|\n| 1 | 2 |\n\nText[^1]\n\n[^1]: Note.\n\n```go\nfunc main() {}\n```\n'));
    expect($('input[type="checkbox"][disabled]').length).toBe(1);
    expect($('table td').length).toBe(2);
    expect($('a[data-footnote-ref]').length).toBe(1);
    expect($('pre.astro-code').attr('class')).toMatch(/sk-light-bg-/);
    expect($('pre.astro-code span[class*="sk-light-"]').length).toBeGreaterThan(0);
    expect($('[data-confnotes-trusted]').length).toBe(0);
  });

  it('works on trees without raw HTML too', () => {
    const tree = { type: 'root' as const, children: [{ type: 'element' as const, tagName: 'a', properties: { href: 'javascript:x' }, children: [] }] };
    rehypeSafeHtml()(tree as never);
    expect(tree.children[0].properties).toEqual({});
  });
});
