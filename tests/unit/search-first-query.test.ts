/**
 * The build-time rules behind a cheap first query: which of Pagefind's files the search page fetches at once
 * (src/lib/search-preload.ts), which index chunks a query needs (src/lib/search-chunks.ts), code blocks indexed as their distinct words (src/lib/search-code.ts), and the fold
 * table's compact form.
 */
import { describe, expect, it } from 'vitest';
import { encode } from 'cborg';
import { chunksForQuery, type IndexChunk } from '../../src/lib/search-chunks.ts';
import { chunkTable, entryTag, firstQueryFiles, htmlLang, pagefindLanguage, withFirstQueryFiles, type PagefindEntry } from '../../src/lib/search-preload.ts';
import { codeAsKeywords, codeWords } from '../../src/lib/search-code.ts';
import { foldFromPairs, foldPairs } from '../../src/lib/search.ts';

const entryText = JSON.stringify({
  version: '1.6.0',
  languages: { en: { hash: 'en_21809f5768', wasm: 'en', page_count: 17 }, 'zh-cn': { hash: 'zh-cn_64271789fb545', wasm: null, page_count: 17 } },
});
const entry = JSON.parse(entryText) as PagefindEntry;
const files = [
  { path: 'pagefind.js', bytes: 31_000 },
  { path: 'index/en_7e94419.pf_index', bytes: 31_111 },
  { path: 'index/zh-cn_deea497.pf_index', bytes: 32_351 },
  { path: 'index/zh-cn_cabc25f.pf_index', bytes: 4_831 },
  { path: 'filter/en_5fbcfe7.pf_filter', bytes: 193 },
  { path: 'filter/en_302beba.pf_filter', bytes: 87 },
  { path: 'filter/zh-cn_302beba.pf_filter', bytes: 87 },
  { path: 'fragment/en_19746a3.pf_fragment', bytes: 1_199 },
];

describe('the files a first query fetches at once', () => {
  it('are the entry (under its tag), the language’s WebAssembly, metadata and filters; never an index chunk', () => {
    const tag = entryTag(entryText);
    expect(firstQueryFiles(entry, entryText, 'en', files)).toEqual([
      `pagefind-entry.json?ts=${tag}`,
      'wasm.en.pagefind',
      'pagefind.en_21809f5768.pf_meta',
      'filter/en_302beba.pf_filter',
      'filter/en_5fbcfe7.pf_filter',
    ]);
    // A language without a stemmer loads Pagefind's "unknown" WebAssembly.
    expect(firstQueryFiles(entry, entryText, 'zh-cn', files)).toEqual([
      `pagefind-entry.json?ts=${tag}`,
      'wasm.unknown.pagefind',
      'pagefind.zh-cn_64271789fb545.pf_meta',
      'filter/zh-cn_302beba.pf_filter',
    ]);
    expect(firstQueryFiles(entry, entryText, 'fr', files)).toEqual([]);
  });

  it('moves the fetching-ahead script to just after the page’s policy, before the stylesheet', () => {
    const html =
      '<head><script data-search-ahead data-bundle="/pagefind/">go()</script><meta name="x"><meta http-equiv="content-security-policy" content="script-src \'self\'"><link rel="stylesheet" href="/a.css"></head><body><search-page></search-page></body>';
    expect(withFirstQueryFiles(html, 'abc', ['wasm.en.pagefind'])).toBe(
      '<head><meta name="x"><meta http-equiv="content-security-policy" content="script-src \'self\'"><script data-preload="wasm.en.pagefind" data-search-ahead data-bundle="/pagefind/">go()</script><link rel="stylesheet" href="/a.css"></head><body><search-page data-pagefind-tag="abc"></search-page></body>',
    );
  });

  it('writes the chunk table onto the fetching-ahead script when given one', () => {
    const html = '<script data-search-ahead></script><search-page data-base="/"></search-page>';
    const table: IndexChunk[] = [['0', 'bak', 'en_bb8eb2c'], ['bal', '“q”', 'en_fd60c7a']];
    const written = withFirstQueryFiles(html, 'abc', ['wasm.en.pagefind'], table);
    expect(written).toMatch(/^<script data-preload="wasm.en.pagefind" data-chunks="[^"]+" data-search-ahead><\/script><search-page data-pagefind-tag="abc" data-base="\/">/);
    expect(written).toContain(' data-chunks="[[&quot;0&quot;,&quot;bak&quot;,&quot;en_bb8eb2c&quot;],[&quot;bal&quot;,&quot;“q”&quot;,&quot;en_fd60c7a&quot;]]"');
    expect(JSON.parse(/data-chunks="([^"]*)"/.exec(written)![1].replace(/&quot;/g, '"').replace(/&amp;/g, '&'))).toEqual(table);
  });

  it('tags the entry by its text, so a new index gets a new URL and the same index the same one', () => {
    expect(entryTag(entryText)).toMatch(/^[0-9a-f]{8}$/);
    expect(entryTag(entryText)).toBe(entryTag(entryText));
    expect(entryTag(entryText.replace('en_21809f5768', 'en_21809f5769'))).not.toBe(entryTag(entryText));
  });

  it('finds the index of a page’s language as Pagefind does', () => {
    expect(pagefindLanguage(entry, 'zh-CN')).toBe('zh-cn');
    expect(pagefindLanguage(entry, 'en')).toBe('en');
    expect(pagefindLanguage(entry, 'en-GB')).toBe('en');
    expect(pagefindLanguage(entry, 'fr')).toBeUndefined();
    expect(htmlLang('<!DOCTYPE html><html dir="ltr" lang="zh-CN"><head>')).toBe('zh-CN');
  });

  it('writes the files onto the fetching-ahead script and the tag onto the search page element, nothing else', () => {
    const html =
      '<html lang="en"><head><script data-search-ahead data-bundle="/pagefind/">…</script><script>x</script></head><body><search-page data-base="/"><form></form></search-page><p>search-page</p></body></html>';
    expect(withFirstQueryFiles(html, 'abc', ['pagefind-entry.json?ts=abc', 'wasm.en.pagefind'])).toBe(
      '<html lang="en"><head><script data-preload="pagefind-entry.json?ts=abc wasm.en.pagefind" data-search-ahead data-bundle="/pagefind/">…</script><script>x</script></head><body><search-page data-pagefind-tag="abc" data-base="/"><form></form></search-page><p>search-page</p></body></html>',
    );
    expect(withFirstQueryFiles('<p>no search here</p>', 'abc', ['x'])).toBe('<p>no search here</p>');
  });
});

describe('index chunks', () => {
  // A real table: Pagefind 1.6.0's English chunks for this site at 2,000 positions per chunk.
  const table: IndexChunk[] = [
    ['0', 'bak', 'en_bb8eb2c'],
    ['bal', 'dela', 'en_fd60c7a'],
    ['dele', 'gom', 'en_b4c3552'],
    ['gon', 'languag', 'en_f0a12c1'],
    ['language', 'over', 'en_fa94436'],
    ['overa', 'sol', 'en_f2d6aee'],
    ['som', 'to', 'en_5014499'],
    ['tod', 'ying', 'en_1cc5c6b'],
    ['yingm', '（astaxie，“', 'en_669acbe'],
  ];

  it('are read from Pagefind’s metadata file: a signature, then CBOR with the table third', () => {
    const metadata = new Uint8Array([...new TextEncoder().encode('pagefind_dcd'), ...encode(['1.6.0', [['en_d20d085', 220, '']], table, [], []])]);
    expect(chunkTable(metadata)).toEqual(table);
    expect(() => chunkTable(new Uint8Array([...new TextEncoder().encode('pagefind_dcd'), ...encode(['1.6.0', []])]))).toThrow(/chunk table/);
  });

  it('a query fetches the chunk each word falls in, by Pagefind’s rule', () => {
    expect(chunksForQuery('wheel battle', table)).toEqual(['en_1cc5c6b', 'en_fd60c7a']);
    expect(chunksForQuery('Wheel, BATTLE!', table)).toEqual(['en_1cc5c6b', 'en_fd60c7a']);
    expect(chunksForQuery('golang', table)).toEqual(['en_b4c3552']);
    // A word between two chunks goes to the one whose last word it extends (Pagefind's loose rule).
    expect(chunksForQuery('gomx', table)).toEqual(['en_b4c3552']);
    expect(chunksForQuery('车 轮', [['0', '车', 'zh-cn_1'], ['轨', '龙', 'zh-cn_2']])).toEqual(['zh-cn_1', 'zh-cn_2']);
    // Han characters are words of their own, spaced or not (a shared link's query is as the reader typed it).
    expect(chunksForQuery('车轮', [['0', '车', 'zh-cn_1'], ['轨', '龙', 'zh-cn_2']])).toEqual(['zh-cn_1', 'zh-cn_2']);
  });

  it('is self-contained, so the page can carry its text', () => {
    // SEARCH_AHEAD_SCRIPT embeds chunksForQuery's source; a reference to anything outside it would fail in the page.
    const standalone = new Function(`${chunksForQuery.toString()}; return chunksForQuery;`)() as typeof chunksForQuery;
    expect(standalone('wheel battle', table)).toEqual(['en_1cc5c6b', 'en_fd60c7a']);
    expect(chunksForQuery('', table)).toEqual([]);
  });

  it('a word and its stem in different chunks fetch both', () => {
    // "languages" is indexed as "languag", the last word of the chunk before "language".
    expect(chunksForQuery('languages', table)).toEqual(['en_fa94436', 'en_f0a12c1']);
  });
});

describe('code blocks in the index', () => {
  const page = (body: string) => `<html lang="en"><body><nav><pre>menu</pre></nav><main data-pagefind-body><p>Run the server with user-data.</p>${body}</main></body></html>`;

  it('keeps each block out of the indexed text and adds the words the prose lacks, once, as the `code` field', () => {
    const html = page('<figure><pre class="session"><span>$ python -m SimpleHTTPServer 8080</span>\n<span>$ python -m SimpleHTTPServer 8081</span></pre></figure><pre>cat user-data &amp;&amp; echo &lt;done&gt;</pre>');
    const out = codeAsKeywords(html);
    expect(out).toContain('<pre data-pagefind-ignore class="session">');
    expect(out).toContain('<pre data-pagefind-ignore>cat user-data');
    expect(out).toContain('<main data-pagefind-body><span hidden data-pagefind-meta="code:python -m SimpleHTTPServer 8080 8081 cat echo &lt;done&gt;"></span><p>');
    // Only code inside the indexed body counts.
    expect(out).toContain('<nav><pre>menu</pre></nav>');
  });

  it('spaces Han characters in code words as the index expects, and leaves a page without code alone', () => {
    expect(codeAsKeywords(page('<pre># 启动服务</pre>'))).toContain('data-pagefind-meta="code:启 动 服 务"');
    expect(codeAsKeywords(page('<p>no code</p>'))).toBe(page('<p>no code</p>'));
    expect(codeAsKeywords('<pre>not indexed</pre>')).toBe('<pre>not indexed</pre>');
  });

  it('counts a word once whatever its case or the punctuation around it', () => {
    expect(codeWords('Core core CORE, (etcd2) etcd2: {} ==> 1024', new Set(['1024']))).toEqual(['Core', '(etcd2)']);
  });

  it('splits URLs and long tokens into their parts and leaves checksums out', () => {
    expect(codeWords('curl -O http://stable.release.core-os.net/amd64-usr/717.3.0/box "99dcd74c7cae8b1d90f108f8819f92b1" $public_ipv4:4001')).toEqual([
      'curl',
      '-O',
      'http',
      'stable',
      'release',
      'core',
      'os',
      'net',
      'amd64',
      'usr',
      '717',
      '3',
      '0',
      'box',
      '$public_ipv4:4001',
    ]);
  });
});

describe('the fold table file', () => {
  it('is a string of character pairs that reads back as the same table', () => {
    const table = { 劉: '刘', 佈: '布', 數: '数', 𠁞: '𠀾' };
    expect(foldPairs(table)).toBe('劉刘佈布數数𠁞𠀾');
    expect(foldFromPairs(foldPairs(table))).toEqual(table);
  });
});
