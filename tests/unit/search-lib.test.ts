/** Unit tests of the search rules: Han spacing, query preparation, highlighting, name forms, URL state, the engine. */
import { describe, expect, it } from 'vitest';
import {
  foldHan,
  highlightExcerpt,
  highlightText,
  matchesQuery,
  nameForms,
  wordMatches,
  prepareQuery,
  searchableNames,
  spaceHan,
  spaceHanInHtml,
  tidyChinese,
} from '../../src/lib/search.ts';
import { hasCriteria, pagefindFilters, parseSearchParams, searchHref, toSearchParams } from '../../src/lib/search-url.ts';
import { bestExcerpt, resultMatches, runSearch, type PagefindApi, type PagefindResponse } from '../../src/lib/search-engine.ts';
import { indexableHtml, pageUrl, standsFor } from '../../src/integrations/pagefind.ts';
import { foldTable, pinyinTerms, recordKeywords, simplifiedRuns } from '../../src/lib/search-terms.ts';

describe('Han spacing', () => {
  it('makes every Han character a word and leaves Latin words whole', () => {
    expect(spaceHan('Go语言')).toBe('Go 语 言');
    expect(spaceHan('车轮大战')).toBe('车 轮 大 战');
    expect(spaceHan('启用 etcd2，再看 x/text')).toBe('启 用 etcd2， 再 看 x/text');
    expect(spaceHan('CoreOS 717.3.0')).toBe('CoreOS 717.3.0');
    expect(spaceHan('')).toBe('');
  });

  it('tidies spaced text back for display', () => {
    expect(tidyChinese('车 轮 大 战')).toBe('车轮大战');
    expect(tidyChinese('“ 车 轮 大 战 ” ， 但')).toBe('“车轮大战”，但');
    expect(tidyChinese('用 Go 构 建')).toBe('用 Go 构建');
    expect(tidyChinese('应 用 .pdf')).toBe('应用.pdf');
    expect(tidyChinese('a\u200Bb 中\u200B 文')).toBe('ab 中文');
    expect(tidyChinese('he said “ hello ” — fine')).toBe('he said “ hello ” — fine');
  });

  it('spaces text nodes only, never tags, attributes, comments, scripts or styles', () => {
    const html =
      '<html lang="zh-CN"><head><title>大会</title><style>.a::after{content:"中文"}</style></head>' +
      '<body><h1 data-pagefind-meta="label:车轮大战 > 其他">车轮大战</h1><!-- 注释 --><script>var s="中文"</script><p>Go语言 &amp; 中文</p></body></html>';
    const spaced = spaceHanInHtml(html);
    expect(spaced).toContain('<title>大 会</title>');
    expect(spaced).toContain('content:"中文"');
    expect(spaced).toContain('data-pagefind-meta="label:车轮大战 > 其他">车 轮 大 战</h1>');
    expect(spaced).toContain('<!-- 注释 -->');
    expect(spaced).toContain('var s="中文"');
    expect(spaced).toContain('<p>Go 语 言 &amp; 中 文</p>');
  });
});

describe('queries', () => {
  it('splits Chinese into single characters, and each run of Chinese into a phrase', () => {
    const query = prepareQuery('  垃圾回收  ');
    expect(query.term).toBe('垃 圾 回 收');
    expect(query.phrases).toEqual(['垃 圾 回 收']);
    expect(query.han).toEqual(['垃圾回收']);
    expect(query.words).toEqual([]);
  });

  it('keeps Latin words and numbers as Pagefind reads them', () => {
    expect(prepareQuery('Go语言')).toMatchObject({ term: 'Go 语 言', phrases: ['语 言'], han: ['语言'], words: ['go'] });
    expect(prepareQuery('x/text').term).toBe('x/text');
    expect(prepareQuery('717.3.0').words).toEqual(['717', '3', '0']);
    expect(prepareQuery('etcd2').phrases).toEqual([]);
  });

  it('folds full-width forms and spaces (NFKC), so ＢＦＥ is BFE', () => {
    expect(prepareQuery('ＢＦＥ\u3000车轮').text).toBe('BFE 车轮');
  });

  it('makes quoted words a phrase', () => {
    expect(prepareQuery('"load balancer" bfe').phrases).toEqual(['load balancer']);
    expect(prepareQuery('"load balancer" bfe').term).toBe('load balancer bfe');
  });

  it('has nothing to search for without letters or digits', () => {
    expect(prepareQuery('').term).toBeNull();
    expect(prepareQuery(' ，。!! ').term).toBeNull();
    expect(prepareQuery('晟').term).toBe('晟');
  });
});

describe('highlighting', () => {
  it('marks whole Chinese runs instead of Pagefind’s single characters, and tidies the spacing', () => {
    const excerpt = '关 掉 GC 、 让 进 程 轮 流 上 阵 的 “ <mark>车</mark> <mark>轮</mark> <mark>大</mark> <mark>战</mark> ” ， 车 辆';
    expect(highlightExcerpt(excerpt, prepareQuery('车轮大战'))).toBe('关掉 GC、让进程轮流上阵的“<mark>车轮大战</mark>”，车辆');
    expect(highlightExcerpt('<mark>回</mark> 家 <mark>收</mark> 到 回 收', prepareQuery('回收'))).toBe('回家收到<mark>回收</mark>');
  });

  it('in Chinese, turns the joints Pagefind puts between blocks into full stops, and leaves them between Latin words', () => {
    const excerpt = 'Go 的 程 序 <mark>性</mark> <mark>能</mark> 调 优. 英 文 官 方 标 题 ： Improving Performance of Go Program. 李 炳 毅 的 “Go”. 完 。. 好';
    expect(highlightExcerpt(excerpt, prepareQuery('性能'), 'zh-CN')).toBe('Go 的程序<mark>性能</mark>调优。英文官方标题：Improving Performance of Go Program。李炳毅的“Go”。完。好');
    // Between Latin words, and after one at the end, an English sentence may end.
    expect(highlightExcerpt('How to Write high performance application. Dave Cheney 的 “ 书 ” . in Go.', prepareQuery('go'), 'zh-CN')).toBe(
      'How to Write high performance application. Dave Cheney 的“书”。in <mark>Go</mark>.',
    );
    // A full stop inside a number or a name is not a joint; English pages keep Pagefind's text.
    expect(highlightExcerpt('Go 1.6 版 本. 下', prepareQuery('go'), 'zh-CN')).toBe('<mark>Go</mark> 1.6 版本。下');
    expect(highlightExcerpt('the title 调 优. Next', prepareQuery('title'), 'en')).toBe('the <mark>title</mark> 调优. Next');
  });

  it('keeps Pagefind’s marks on Latin words, without the punctuation around them', () => {
    expect(highlightExcerpt('Baidu <mark>BFE:</mark> Scalable', prepareQuery('bfe'))).toBe('Baidu <mark>BFE</mark>: Scalable');
  });

  it('returns escaped text with only <mark> elements', () => {
    expect(highlightExcerpt('a &lt;script&gt; <mark>b</mark> &amp; "c"', prepareQuery('b'))).toBe('a &lt;script&gt; <mark>b</mark> &amp; &quot;c&quot;');
    expect(highlightText('<img onerror=x> 车轮', prepareQuery('车轮'))).toBe('&lt;img onerror=x&gt; <mark>车轮</mark>');
  });

  it('marks the query in titles and names', () => {
    expect(highlightText('Baidu BFE: Scalable HTTP Requests Routing Stack in Go', prepareQuery('bfe go'))).toBe(
      'Baidu <mark>BFE</mark>: Scalable HTTP Requests Routing Stack in <mark>Go</mark>',
    );
    expect(highlightText('Go 在 百 度 bfe 的 应 用', prepareQuery('百度'))).toBe('Go 在<mark>百度</mark> bfe 的应用');
    expect(highlightText('Shen Sheng', prepareQuery('sheng'))).toBe('Shen <mark>Sheng</mark>');
  });
});

describe('speaker names', () => {
  const shen = { name: { zh: '沈晟', en: 'Shen Sheng' }, romanization: 'Shen Sheng', aliases: ['Sheng Shen', 'Sheng Chen'] };

  it('lists every form once: both languages, both orders, the misspelling, written as one word', () => {
    expect(nameForms(shen)).toEqual(['沈晟', 'Shen Sheng', 'Sheng Shen', 'Sheng Chen', 'ShenSheng', 'ShengShen', 'Chen Sheng', 'ShengChen']);
  });

  it('adds the other order even where the content lists no alias', () => {
    expect(nameForms({ name: { zh: 'Dave Cheney', en: 'Dave Cheney' }, romanization: 'Dave Cheney' })).toEqual(['Dave Cheney', 'Cheney Dave', 'DaveCheney']);
  });

  it('spaces the Chinese forms the way the index does', () => {
    expect(searchableNames([shen])).toMatch(/^沈 晟 Shen Sheng/);
  });
});

describe('search URL', () => {
  it('round-trips the query and filters in a stable order', () => {
    const state = parseSearchParams(new URLSearchParams('speaker=shen-sheng&q=%E6%B2%88%E6%99%9F&tag=mobile&speaker=liu-qi&speaker=liu-qi&bogus=1'));
    expect(state.q).toBe('沈晟');
    expect(state.filters.speaker).toEqual(['shen-sheng', 'liu-qi']);
    expect(state.filters.tag).toEqual(['mobile']);
    expect(toSearchParams(state).toString()).toBe('q=%E6%B2%88%E6%99%9F&speaker=shen-sheng&speaker=liu-qi&tag=mobile');
    expect(parseSearchParams(toSearchParams(state))).toEqual(state);
  });

  it('leaves empty parts out', () => {
    const empty = parseSearchParams(new URLSearchParams('q=%20%20&kind='));
    expect(hasCriteria(empty)).toBe(false);
    expect(searchHref('/zh/search/', empty)).toBe('/zh/search/');
  });

  it('makes values of one facet alternatives for Pagefind', () => {
    const state = parseSearchParams(new URLSearchParams('speaker=a&speaker=b&day=2016-04-16'));
    expect(pagefindFilters(state)).toEqual({ speaker: { any: ['a', 'b'] }, day: { any: ['2016-04-16'] } });
  });
});

describe('search engine', () => {
  /** A stand-in for Pagefind: pages are text (already spaced), a term matches pages holding all its words. */
  function fakePagefind(pages: Record<string, { text: string; speaker: string }>) {
    const calls: Array<{ term: string | null; filters: unknown }> = [];
    const respond = (ids: string[]): PagefindResponse => ({
      results: ids.map((id, index) => ({ id, score: 10 - index, data: async () => ({ url: `/${id}/`, excerpt: pages[id].text, content: pages[id].text, meta: {}, filters: {} }) })),
      filters: { speaker: Object.fromEntries(ids.map((id) => [pages[id].speaker, 1])) },
    });
    const api: PagefindApi = {
      async filters() {
        return {};
      },
      async search(term, options = {}) {
        calls.push({ term, filters: options.filters });
        const wanted = (options.filters as Record<string, { any: string[] }> | undefined)?.speaker?.any;
        const ids = Object.keys(pages).filter((id) => !wanted || wanted.includes(pages[id].speaker));
        if (term === null) return respond(ids);
        const exact = /^".*"$/.test(term);
        // Like Pagefind, a word no page holds is cut back to the longest prefix some page does hold.
        const vocabulary = Object.values(pages).flatMap((page) => page.text.split(' '));
        const backtrack = (word: string) => {
          for (let end = word.length; end > 0; end--) {
            const prefix = word.slice(0, end);
            const found = vocabulary.find((known) => known.startsWith(prefix));
            if (found) return found;
          }
          return word;
        };
        const words = term.replace(/"/g, '').split(' ').map((word) => (exact ? word : backtrack(word)));
        return respond(ids.filter((id) => (exact ? pages[id].text.includes(words.join(' ')) : words.every((word) => pages[id].text.split(' ').includes(word)))));
      },
    };
    return { api, calls };
  }

  const pages = {
    bfe: { text: '车 轮 大 战 与 垃 圾 回 收 as databases', speaker: 'li-bingyi' },
    apart: { text: '回 家 以 后 收 到 大 战 车 轮 as', speaker: 'liu-qi' },
  };

  it('has no results for a word Pagefind could only cut back to a short prefix, and counts nothing', async () => {
    const { api } = fakePagefind(pages);
    for (const q of ['asdfgh', 'asdfgh 车轮', 'databasexyz']) {
      const outcome = await runSearch(api, parseSearchParams(new URLSearchParams({ q })));
      expect(outcome.results, q).toEqual([]);
      expect(outcome.searched).toBe(true);
    }
    const found = await runSearch(api, parseSearchParams(new URLSearchParams('q=database')));
    expect(found.results.map((result) => result.id)).toEqual(['bfe']);
    expect(resultMatches(found, await found.results[0].data())).toBe(true);
  });

  it('folds a traditional query with the table it is given, or loads one only for Chinese', async () => {
    const { api } = fakePagefind(pages);
    const outcome = await runSearch(api, parseSearchParams(new URLSearchParams('q=車輪')), { fold: { 車: '车', 輪: '轮' } });
    expect(outcome.results.map((result) => result.id).sort()).toEqual(['apart', 'bfe']);
    let loads = 0;
    const load = async () => (loads++, { 車: '车' });
    await runSearch(api, parseSearchParams(new URLSearchParams('q=databases')), { fold: load });
    expect(loads).toBe(0);
    await runSearch(api, parseSearchParams(new URLSearchParams('q=車轮')), { fold: load });
    expect(loads).toBe(1);
  });

  it('keeps only pages where each Chinese run occurs as a phrase', async () => {
    const { api } = fakePagefind(pages);
    const outcome = await runSearch(api, parseSearchParams(new URLSearchParams('q=回收')));
    expect(outcome.results.map((result) => result.id)).toEqual(['bfe']);
    expect((await outcome.results[0].data()).url).toBe('/bfe/');
  });

  it('browses with filters alone, and counts a facet without its own selection', async () => {
    const { api, calls } = fakePagefind(pages);
    const outcome = await runSearch(api, parseSearchParams(new URLSearchParams('speaker=liu-qi')));
    expect(outcome.results.map((result) => result.id)).toEqual(['apart']);
    expect(outcome.counts.speaker).toEqual({ 'li-bingyi': 1, 'liu-qi': 1 });
    expect(calls[0]).toEqual({ term: null, filters: { speaker: { any: ['liu-qi'] } } });
  });

  it('does not search when nothing is asked', async () => {
    const { api, calls } = fakePagefind(pages);
    const outcome = await runSearch(api, parseSearchParams(new URLSearchParams('')));
    expect(outcome.searched).toBe(false);
    expect(calls).toEqual([]);
  });
});

describe('the excerpt shown', () => {
  const section = (excerpt: string, scores: number[]) => ({ url: '/a/', title: 'a', excerpt, weighted_locations: scores.map((balanced_score) => ({ balanced_score })) });

  it('comes from the section where the query weighs most, not only the text before the first heading', () => {
    const data = { excerpt: 'facts <mark>gc</mark>', sub_results: [section('facts <mark>gc</mark>', [12]), section('review <mark>gc</mark> <mark>gc</mark>', [24, 24])] };
    expect(bestExcerpt(data, prepareQuery('gc'))).toBe('review <mark>gc</mark> <mark>gc</mark>');
  });

  it('prefers a section that holds the Chinese of the query whole', () => {
    const data = {
      excerpt: '',
      sub_results: [section('标 签 垃 圾 <mark>回</mark> <mark>收</mark>', [6, 6]), section('<mark>回</mark> 家 <mark>收</mark> 到 <mark>回</mark> 头 <mark>收</mark>', [24, 24, 24, 24])],
    };
    expect(bestExcerpt(data, prepareQuery('回收'))).toBe('标 签 垃 圾 <mark>回</mark> <mark>收</mark>');
  });

  it('skips a section that only repeats the page title', () => {
    const data = { excerpt: 'Go 在 <mark>分</mark> 布 式.', meta: { title: 'Go 在 分 布 式' }, sub_results: [section('Go 在 <mark>分</mark> 布 式.', [30]), section('review text', [])] };
    expect(bestExcerpt(data, prepareQuery('fenbushi'))).toBe('review text');
  });

  it('falls back to the page excerpt without sections', () => {
    expect(bestExcerpt({ excerpt: 'only' })).toBe('only');
  });
});

describe('index URLs', () => {
  it('puts the base in front of the page path, as the site links it', () => {
    expect(pageUrl('/', 'zh/gopherchina-2016/baidu-bfe/index.html')).toBe('/zh/gopherchina-2016/baidu-bfe/');
    expect(pageUrl('/notes/', 'en/guides/coreos-vagrant/index.html')).toBe('/notes/en/guides/coreos-vagrant/');
    expect(pageUrl('/notes', 'en/index.html')).toBe('/notes/en/');
  });
});

describe('the final check of a result', () => {
  it('takes a word as typed, as the start of a longer word, or a stem with an English ending', () => {
    expect(wordMatches('perf', 'performance')).toBe(true);
    expect(wordMatches('databases', 'database')).toBe(true);
    expect(wordMatches('testing', 'tests')).toBe(true);
    expect(wordMatches('asdfgh', 'as')).toBe(false);
    expect(wordMatches('docker', 'doc')).toBe(false);
    expect(wordMatches('gopherzzz', 'gopher')).toBe(false);
  });

  it('needs every word and every Chinese run of the query in the text or metadata', () => {
    const texts = ['GopherChina 2016. 车 轮 大 战 x/text', 'liu qi liuqi'];
    expect(matchesQuery(prepareQuery('车轮 liuqi text'), texts)).toBe(true);
    expect(matchesQuery(prepareQuery('x/text'), texts)).toBe(true);
    expect(matchesQuery(prepareQuery('车轮战'), texts)).toBe(false);
    expect(matchesQuery(prepareQuery('liuqi asdfgh'), texts)).toBe(false);
    expect(matchesQuery(prepareQuery('車輪', { 車: '车', 輪: '轮' }), ['繁 體 車 輪'], { 車: '车', 輪: '轮' })).toBe(true);
  });
});

describe('folding and pinyin', () => {
  it('folds traditional characters through the table and drops tone marks from Latin letters', () => {
    expect(foldHan('劉奇', { 劉: '刘' })).toBe('刘奇');
    expect(prepareQuery('劉奇', { 劉: '刘' })).toMatchObject({ term: '刘 奇', han: ['刘奇'] });
    expect(prepareQuery('liú qí').words).toEqual(['liu', 'qi']);
    expect(prepareQuery('Lohuizen').words).toEqual(['lohuizen']);
  });

  it('builds the table from OpenCC for the characters the index holds only', () => {
    const table = foldTable(new Set(Array.from('刘奇分布式数据库网易')));
    expect(table).toMatchObject({ 劉: '刘', 佈: '布', 數: '数', 據: '据', 網: '网' });
    expect(Object.values(table).every((char) => '刘奇分布式数据库网易'.includes(char))).toBe(true);
    expect(simplifiedRuns('劉奇 and 刘奇')).toBe('刘奇');
  });

  it('gives pinyin as syllables and run together from each word on, without tones', () => {
    expect(pinyinTerms('刘奇', { name: true }).split(' ')).toEqual(['liu', 'qi', 'liuqi']);
    const title = pinyinTerms('Go在分布式数据库中的应用').split(' ');
    expect(title).toContain('fenbushishujukuzhongdeyingyong');
    expect(title).toContain('shujukuzhongdeyingyong');
    expect(title).toContain('fen');
    expect(title.some((term) => /[^a-z]/.test(term))).toBe(false);
  });

  it('puts names, both titles, tags, companies and their pinyin into a record’s keywords', () => {
    const keywords = recordKeywords({
      speakers: [{ name: { zh: '刘奇', en: 'Liu Qi' }, romanization: 'Liu Qi' }],
      titles: ['Go在分布式数据库中的应用', 'Distributed Database System in Go'],
      tags: [{ id: 'databases', label: { zh: '数据库', en: 'Databases' } }],
      orgs: ['PingCAP'],
    });
    expect(keywords.names).toContain('刘 奇 Liu Qi');
    expect(keywords.titles).toContain('Distributed Database System in Go');
    expect(keywords.topics).toBe('databases 数据库 Databases');
    expect(keywords.pinyin.split(' ')).toEqual(expect.arrayContaining(['liuqi', 'shujuku', 'fenbushishujukuzhongdeyingyong']));
    expect(keywords.facts).toBeUndefined();
  });
});

describe('the HTML Pagefind is given', () => {
  it('separates block elements, so labels and values do not run together', () => {
    const html = indexableHtml('<article data-pagefind-body><dl><dt>When</dt><dd>Day 1</dd></dl><figure><figcaption>Shell</figcaption><pre>$ mv</pre></figure></article>');
    expect(html).toContain('<dt>When</dt> <dd>Day 1</dd>');
    expect(html).toContain('</figcaption> <pre data-pagefind-ignore>');
    // The code itself goes in as the words its prose lacks (src/lib/search-code.ts).
    expect(html).toContain('<span hidden data-pagefind-meta="code:mv"></span>');
  });

  it('adds the simplified form of traditional text as hidden metadata, and spaces Han characters', () => {
    const html = indexableHtml('<html lang="zh-CN"><body><article data-pagefind-body><p>劉奇的分佈式</p></article></body></html>');
    expect(html).toContain('data-pagefind-meta="folded:刘奇的分布式"');
    expect(html).toContain('<p>劉 奇 的 分 佈 式</p>');
    expect(indexableHtml('<article data-pagefind-body><p>刘奇</p></article>')).not.toContain('folded');
  });

  it('files a stand-in under the URL of its original', () => {
    expect(standsFor('<div hidden class="search-record" data-search-url="/en/c/t/"></div>')).toBe('/en/c/t/#main');
    expect(standsFor('<div hidden class="search-record"></div>')).toBeUndefined();
  });
});
