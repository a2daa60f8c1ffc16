/**
 * The build-time rules behind a cheap first query: which of Pagefind's files the search page fetches at once
 * (src/lib/search-preload.ts), code blocks indexed as their distinct words (src/lib/search-code.ts), and the fold
 * table's compact form.
 */
import { describe, expect, it } from 'vitest';
import { WHOLE_INDEX_BYTES, entryTag, firstQueryFiles, htmlLang, pagefindLanguage, withFirstQueryFiles, type PagefindEntry } from '../../src/lib/search-preload.ts';
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
  it('are the entry (under its tag), the language’s WebAssembly, metadata, filters and, while small, its whole index', () => {
    const tag = entryTag(entryText);
    expect(firstQueryFiles(entry, entryText, 'en', files)).toEqual([
      `pagefind-entry.json?ts=${tag}`,
      'wasm.en.pagefind',
      'pagefind.en_21809f5768.pf_meta',
      'filter/en_302beba.pf_filter',
      'filter/en_5fbcfe7.pf_filter',
      'index/en_7e94419.pf_index',
    ]);
    // A language without a stemmer loads Pagefind's "unknown" WebAssembly; both of its chunks fit the limit.
    expect(firstQueryFiles(entry, entryText, 'zh-cn', files)).toEqual([
      `pagefind-entry.json?ts=${tag}`,
      'wasm.unknown.pagefind',
      'pagefind.zh-cn_64271789fb545.pf_meta',
      'filter/zh-cn_302beba.pf_filter',
      'index/zh-cn_cabc25f.pf_index',
      'index/zh-cn_deea497.pf_index',
    ]);
    expect(firstQueryFiles(entry, entryText, 'fr', files)).toEqual([]);
  });

  it('leave the index to Pagefind once it is larger than a query needs', () => {
    const large = [...files, { path: 'index/en_0000001.pf_index', bytes: WHOLE_INDEX_BYTES }];
    expect(firstQueryFiles(entry, entryText, 'en', large).filter((path) => path.startsWith('index/'))).toEqual([]);
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

  it('writes them into the search page element only', () => {
    const html = '<html lang="en"><body><search-page data-base="/"><form></form></search-page><p>search-page</p></body></html>';
    expect(withFirstQueryFiles(html, 'abc', ['pagefind-entry.json?ts=abc', 'wasm.en.pagefind'])).toBe(
      '<html lang="en"><body><search-page data-pagefind-tag="abc" data-preload="pagefind-entry.json?ts=abc wasm.en.pagefind" data-base="/"><form></form></search-page><p>search-page</p></body></html>',
    );
    expect(withFirstQueryFiles('<p>no search here</p>', 'abc', ['x'])).toBe('<p>no search here</p>');
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
