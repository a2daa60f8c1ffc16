/**
 * The editor's round (issue 16), checked on the content and on the built site: the original author is credited on
 * every page that shows his words, quotation marks hold official titles only, counts use plural rules, English is
 * one spelling variety, Chinese inside English carries `lang`, the guide's cluster step really forms a cluster, and
 * both Vagrantfile diffs apply to a pristine Vagrantfile with the real `patch`.
 */
import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { AnyNode } from 'domhandler';
import { afterAll, describe, expect, it } from 'vitest';
import { parse as parseYaml } from 'yaml';
import { parseMarkdown } from '../src/lib/content-check.ts';
import { contentRoot } from '../src/lib/config.ts';
import { renderAll, type FormInput } from '../src/lib/guide-config.ts';
import { langRuns, useTranslations } from '../src/lib/i18n.ts';
import type { Review, Talk } from '../src/lib/schema.ts';
import { projectRoot } from './support/build.ts';
import { htmlPages, page } from './support/dist.ts';
import { NOTES, guideOriginals, sampleInputs } from './support/guide.ts';

const root = join(projectRoot, contentRoot());
const talksDir = join(root, 'talks', 'gopherchina-2016');
const guideDir = join(root, 'guides', 'coreos-vagrant');
const talkIds = readdirSync(talksDir, { withFileTypes: true }).filter((entry) => entry.isDirectory()).map((entry) => entry.name).sort();
const talkYaml = (id: string) => parseYaml(readFileSync(join(talksDir, id, 'talk.yaml'), 'utf8')) as Talk;
const review = (id: string, lang: 'zh' | 'en') => {
  const parsed = parseMarkdown(`${id}/${lang}.md`, readFileSync(join(talksDir, id, `${lang}.md`), 'utf8'));
  return { data: parsed.data as Review, body: parsed.body ?? '' };
};
const guide = (lang: 'zh' | 'en') => readFileSync(join(guideDir, `${lang}.md`), 'utf8');
const squash = (text: string) => text.replace(/\s+/g, ' ').trim();

const NOTES_POST = 'https://tonybai.com/2016/04/18/my-experience-of-gopherchina2016/';
const GUIDE_POST = 'https://tonybai.com/2015/07/20/install-coreos-by-coreos-vagrant/';
const AUTHOR = 'https://tonybai.com/';

describe('credit on every page that shows words from the notes', () => {
  // What the notes' words look like on a page: a review's verdict, heading or note, or a paragraph of the guide.
  const markers: Array<{ text: string; post: string }> = [
    ...talkIds.flatMap((id) =>
      (['zh', 'en'] as const).flatMap((lang) => {
        const { data } = review(id, lang);
        return [data.verdict, data.heading, ...(data.note ? [data.note] : [])].map((text) => ({ text: squash(text), post: NOTES_POST }));
      }),
    ),
    // The guide's pages, in either language, name the cluster's first address.
    { text: '172.17.8.101', post: GUIDE_POST },
  ];
  const pages = htmlPages().filter((path) => /^\/(zh|en)\//.test(path) && !path.includes('/search/'));
  const showing = pages
    .map((path) => {
      const text = squash(page(path)('main').text());
      return { path, posts: [...new Set(markers.filter((marker) => text.includes(marker.text)).map((marker) => marker.post))] };
    })
    .filter(({ posts }) => posts.length > 0);

  it('finds the notes on every talk, speaker and tag page, the conference and the guide', () => {
    const paths = showing.map(({ path }) => path);
    for (const lang of ['zh', 'en']) {
      for (const id of talkIds) expect(paths, id).toContain(`/${lang}/gopherchina-2016/${id}/`);
      const speakers = readdirSync(join(root, 'speakers')).map((file) => file.replace(/\.yaml$/, ''));
      for (const id of speakers) expect(paths, id).toContain(`/${lang}/speakers/${id}/`);
      expect(paths.filter((path) => path.startsWith(`/${lang}/tags/`) && path !== `/${lang}/tags/`).length).toBeGreaterThan(10);
      expect(paths).toContain(`/${lang}/gopherchina-2016/`);
      expect(paths).toContain(`/${lang}/guides/coreos-vagrant/`);
    }
    expect(showing.length).toBeGreaterThanOrEqual(96);
  });

  it.each(showing)('$path credits and links Tony Bai and the post', ({ path, posts }) => {
    const $ = page(path);
    for (const post of posts) {
      const credit = $('.credit').filter((_, element) => $(element).find(`a[href="${post}"]`).length === 1);
      expect(credit.length, `${path}: credit for ${post}`).toBe(1);
      expect(credit.find(`a[href="${AUTHOR}"]`).text()).toMatch(/Tony Bai/);
    }
  });

  it('a tag page that lists the guide credits the guide’s post', () => {
    for (const lang of ['zh', 'en']) {
      const $ = page(`/${lang}/tags/coreos/`);
      expect($(`main a[href="/${lang}/guides/coreos-vagrant/"]`).length).toBe(1);
      expect($(`.credit a[href="${GUIDE_POST}"]`).length).toBe(1);
    }
  });

  it('the guide’s credit speaks of a guide, not of reviews', () => {
    expect(page('/en/guides/coreos-vagrant/')('.credit').text()).not.toMatch(/review/i);
    expect(page('/zh/guides/coreos-vagrant/')('.credit').text()).not.toContain('点评');
  });
});

describe('quotation marks hold official titles only', () => {
  /**
   * Titles the talks were published under besides the final schedule: the earlier schedule title of 1.7 and the
   * titles of the decks (slide files and title slides, FACTS.md). Chinese is compared without the spaces our
   * typography adds between Chinese and Latin.
   */
  const PUBLISHED: Record<string, string[]> = {
    'go-and-ai': ['Go 人工智能'],
    'baidu-bfe': ['Go在百度BFE的应用'],
    'storage-systems-in-go': [],
    'i18n-and-l10n-with-x-text': ['I18n and L10n for Go using x/text'],
    'improving-go-performance': ['Go在分布式系统的性能调试和优化', 'Improving Performance of Large Scale Distributed System in Go'],
    'go-for-cdn': ['Go在阿里云CDN系统的应用'],
    'writing-high-performance-go': ['Writing High Performance Go'],
    'xiaomi-devops-platform': ['Go在小米商城运维平台的应用与实践'],
  };
  const unspaced = (text: string) => text.replace(/(?<=[\p{Script=Han}])\s+(?=[A-Za-z0-9])|(?<=[A-Za-z0-9])\s+(?=[\p{Script=Han}])/gu, '');
  const quoted = (text: string) => [...text.matchAll(/“([^”]+)”/g)].map((match) => match[1]);

  it.each(talkIds)('%s: every title quoted in a heading is official', (id) => {
    const talk = talkYaml(id);
    const allowed = new Set([talk.title.zh, talk.title.en, ...(PUBLISHED[id] ?? [])].map(unspaced));
    for (const lang of ['zh', 'en'] as const) {
      const { heading } = review(id, lang).data;
      const titles = quoted(heading);
      expect(titles, `${lang} heading of ${id}: ${heading}`).toHaveLength(1);
      for (const title of titles) expect(allowed, `${lang} heading of ${id} quotes “${title}”`).toContain(unspaced(title));
    }
  });

  it('the translations that looked like titles are gone', () => {
    const headings = talkIds.map((id) => review(id, 'en').data.heading).join('\n');
    for (const made_up of ['Debugging and Optimizing Go Performance in Distributed Systems', 'Go in Mobile Client Development', 'Go in the Xiaomi Mall Operations Platform', 'Go build web']) {
      expect(headings).not.toContain(made_up);
    }
  });

  it('Chinese headings all read X的“…”', () => {
    for (const id of talkIds) expect(review(id, 'zh').data.heading, id).toMatch(/^[^“”]+ ?的“[^“”]+”$/u);
  });

  it('Dave Cheney’s talk: the schedule’s title on the page, the deck’s in the heading, and no company', () => {
    expect(talkYaml('writing-high-performance-go').title).toEqual({ zh: 'How to Write high performance application', en: 'How to Write high performance application' });
    const $ = page('/en/gopherchina-2016/writing-high-performance-go/');
    expect($('h1').text()).toBe('How to Write high performance application');
    expect($('#review').text()).toBe('Dave Cheney on “Writing High Performance Go”');
    expect($('.aside-correction').text()).toContain('deck');
    expect(page('/en/speakers/dave-cheney/')('dt').map((_, element) => page('/en/speakers/dave-cheney/')(element).text()).get()).not.toContain('Company');
  });
});

describe('notes are labelled for what they are', () => {
  it.each([
    ['distributed-database-in-go', '更正', 'Correction'],
    ['go-on-mobile', '官方页面勘误', 'Correction to the official page'],
    ['netease-upload-acceleration', '官方页面勘误', 'Correction to the official page'],
    ['i18n-and-l10n-with-x-text', '官方页面勘误', 'Correction to the official page'],
    ['testing-ci-and-deploy', '说明', 'Note'],
    ['go-and-ai', '说明', 'Note'],
    ['xiaomi-devops-platform', '说明', 'Note'],
  ])('%s: %s / %s', (id, zh, en) => {
    expect(page(`/zh/gopherchina-2016/${id}/`)('.aside-correction .aside-title').text()).toBe(zh);
    expect(page(`/en/gopherchina-2016/${id}/`)('.aside-correction .aside-title').text()).toBe(en);
  });

  it('i13n is presumably l10n, in both languages', () => {
    expect(review('i18n-and-l10n-with-x-text', 'en').data.note).toMatch(/i13n.*l10n/);
    expect(review('i18n-and-l10n-with-x-text', 'zh').data.note).toMatch(/i13n.*l10n/);
  });
});

describe('facts the editor corrected', () => {
  it('七牛 was co-organizer (联合主办), on the conference page and in the microservice review', () => {
    expect(page('/zh/gopherchina-2016/')('.sponsor-tiers').text()).toContain('联合主办：七牛');
    expect(page('/en/gopherchina-2016/')('.sponsor-tiers').text()).toContain('Co-organizer: Qiniu');
    expect(review('microservice-management', 'zh').body).toContain('联合主办');
    expect(readFileSync(join(projectRoot, 'src/lib/i18n.ts'), 'utf8')).not.toContain('协办');
  });

  it('the party: more than 80 people, and its sponsors in the page’s language', () => {
    expect(readFileSync(join(root, 'conferences/gopherchina-2016/en.md'), 'utf8')).toContain('more than 80 people');
    expect(page('/zh/gopherchina-2016/')('.slot.party').text()).toContain('赞助：七牛、DaoCloud');
    expect(page('/en/gopherchina-2016/')('.slot.party').text()).toContain('Sponsored by Qiniu, DaoCloud');
    expect(page('/en/gopherchina-2016/')('.slot.party').text()).not.toContain('七牛');
  });

  it('Haystack keeps many large volume files', () => {
    expect(review('storage-systems-in-go', 'en').body).toContain('many large volume files');
    expect(review('storage-systems-in-go', 'zh').body).toContain('许多个大的卷文件');
  });

  it('the coreos tag: Fedora CoreOS is the successor, Flatcar a fork; the guide carries the tag and the tag has a page', () => {
    const tags = parseYaml(readFileSync(join(root, 'tags.yaml'), 'utf8')) as Array<{ id: string; description: { zh: string; en: string } }>;
    const coreos = tags.find((tag) => tag.id === 'coreos')!;
    expect(coreos.description.en).toMatch(/successor Fedora CoreOS, its fork Flatcar/);
    expect(coreos.description.zh).toMatch(/继任者 Fedora CoreOS.*分支 Flatcar/);
    expect((parseYaml(readFileSync(join(guideDir, 'guide.yaml'), 'utf8')) as { tags: string[] }).tags).toContain('coreos');
    expect(page('/en/tags/coreos/')('.lede').text()).toContain('1 guide');
    expect(page('/en/tags/')('a[href="/en/tags/coreos/"]').length).toBe(1);
    expect(page('/en/guides/coreos-vagrant/')('.tag-list a[href="/en/tags/coreos/"]').length).toBe(1);
  });

  it('Chinese text on the conference page puts UTC in full-width brackets', () => {
    expect(page('/zh/gopherchina-2016/')('.facts').text()).toContain('（UTC+08:00）');
    expect(page('/zh/gopherchina-2016/')('.facts').text()).not.toContain('(UTC');
  });
});

describe('plural forms', () => {
  it('come from Intl.PluralRules', () => {
    const en = useTranslations('en');
    expect(en('tags.count', { n: 1 })).toBe('1 talk');
    expect(en('tags.count', { n: 2 })).toBe('2 talks');
    expect(en('tags.count', { n: 0 })).toBe('0 talks');
    expect(en('home.talkCount', { n: 1 })).toBe('1 talk');
    expect(en('speakers.more', { n: 1 })).toBe('1 more talk');
    expect(en('tags.guideCount', { n: 1 })).toBe('1 guide');
    expect(useTranslations('zh')('tags.count', { n: 1 })).toBe('1 场');
  });

  it('no English page says "1 talks"', () => {
    let singular = 0;
    for (const path of htmlPages().filter((path) => path.startsWith('/en/'))) {
      // Adjacent elements' texts run together ("Web1 talk"), so a count is found by the digit not being preceded by one.
      const text = squash(page(path)('main').text());
      expect(text, path).not.toMatch(/(?<!\d)1 (talks|guides|more talks)/);
      if (/(?<!\d)1 (talk|guide)(?!s)/.test(text)) singular++;
    }
    expect(singular, 'pages that show a count of one').toBeGreaterThan(3);
  });
});

describe('one spelling variety: US English', () => {
  /** British spellings, and the US forms the site uses instead. */
  const BRITISH = [
    /\borganis(e|ed|es|ing|ation|ations|er|ers)\b/i,
    /\bflavour/i,
    /\bprogramme/i,
    /\bmodell(ed|ing)\b/i,
    /\bjudgement/i,
    /\bcolour/i,
    /\bfavour/i,
    /\bbehaviour/i,
    /\bhonour/i,
    /\blabour\b/i,
    /\bcentre/i,
    /\blicence\b/i,
    /\bcatalogue\b/i,
    /\banalys(e|ed|ing)\b/i,
    /\b(recogni|reali|summari|emphasi|optimi|customi|initiali|normali|serialis)s(e|ed|es|ing|ation)\b/i,
    /\b(travell|cancell|labell|signall)(ed|ing)\b/i,
    /\bwhilst\b/i,
    /\bamongst\b/i,
    /\blearnt\b/i,
    /\bdefence\b/i,
    /\bgrey\b/i,
  ];
  const englishTexts = [
    ...htmlPages().filter((path) => path.startsWith('/en/')).map((path) => ({ where: path, text: page(path)('html').text() })),
    { where: 'README.md', text: readFileSync(join(projectRoot, 'README.md'), 'utf8') },
  ];

  it.each(englishTexts)('$where', ({ text }) => {
    for (const pattern of BRITISH) expect(text.match(pattern)?.[0], String(pattern)).toBeUndefined();
  });

  it('the list would catch what the editor found', () => {
    const found = 'organised flavoured programme modelled judgement'.split(' ').filter((word) => BRITISH.some((pattern) => pattern.test(word)));
    expect(found).toHaveLength(5);
  });
});

describe('Chinese inside English carries lang', () => {
  const HAN = /\p{Script=Han}/u;
  /** Text nodes with Chinese characters whose nearest `lang` is not Chinese. */
  function untagged(path: string): string[] {
    const $ = page(path);
    const found: string[] = [];
    const walk = (node: AnyNode, lang: string) => {
      if (node.type === 'tag' || node.type === 'script' || node.type === 'style') {
        if (node.type !== 'tag') return;
        const own = node.attribs.lang;
        for (const child of node.children) walk(child, own ?? lang);
      } else if (node.type === 'text' && HAN.test(node.data) && !lang.startsWith('zh')) {
        found.push(node.data.trim());
      }
    };
    walk($('html').get(0)!, 'en');
    return found;
  }

  it.each(htmlPages().filter((path) => path.startsWith('/en/')))('%s', (path) => {
    expect(untagged(path)).toEqual([]);
  });

  it('the words the editor named are marked in the built pages', () => {
    const marked = (path: string, word: string) => page(path)(`main [lang="zh-CN"]`).filter((_, element) => page(path)(element).text() === word).length;
    expect(marked('/en/gopherchina-2016/baidu-bfe/', '车轮大战')).toBeGreaterThan(0);
    expect(marked('/en/gopherchina-2016/go-and-ai/', '弥勒佛')).toBeGreaterThan(0);
    expect(marked('/en/gopherchina-2016/xiaomi-devops-platform/', '小米网')).toBeGreaterThan(0);
  });

  it('langRuns marks Chinese phrases in English and leaves Chinese text alone', () => {
    expect(langRuns('The official title says 小米网 (web store), not 小米商城。', 'en')).toEqual([
      { text: 'The official title says ' },
      { text: '小米网', lang: 'zh-CN' },
      { text: ' (web store), not ' },
      { text: '小米商城', lang: 'zh-CN' },
      { text: '。' },
    ]);
    expect(langRuns('评论者说 Go 很好', 'zh')).toEqual([{ text: '评论者说 Go 很好' }]);
  });
});

describe('the guide', () => {
  it.each(['zh', 'en'] as const)('%s: the cluster step destroys the single machine, fetches a fresh token, then brings all three up', (lang) => {
    const text = guide(lang);
    const at = (needle: string) => {
      const index = text.indexOf(needle);
      expect(index, `${lang}.md: ${needle}`).toBeGreaterThan(-1);
      return index;
    };
    const destroy = at('```console\n$ vagrant destroy -f\n```');
    const configRb = at('$ mv config.rb.sample config.rb');
    const token = at('```console template="discovery"');
    const up = text.indexOf('$ vagrant up', token);
    const oldLog = at('==> core-01: VirtualBox VM is already running.');
    expect(at('$ vagrant halt')).toBeLessThan(destroy);
    expect(destroy).toBeLessThan(configRb);
    expect(configRb).toBeLessThan(token);
    expect(token).toBeLessThan(up);
    expect(up).toBeLessThan(oldLog);
    // Why: Vagrant provisions only on a machine's first up.
    expect(text.slice(destroy, configRb)).toContain('--provision');
    // The notes' log is marked as what happened in 2015, shortened.
    const before = text.slice(token, up);
    expect(before).toContain('2015');
    expect(before).toMatch(lang === 'zh' ? /节选/ : /shortened/);
  });

  it('says how the notes’ reversed diff applies and offers the forward patch', () => {
    for (const lang of ['zh', 'en'] as const) {
      const text = guide(lang);
      expect(text).toContain('$ patch -R Vagrantfile < Vagrantfile.diff');
      expect(text).toContain('```diff file="files/Vagrantfile.patch" template="vagrantfile-patch"');
      expect(text).toContain('$ patch Vagrantfile < Vagrantfile.patch');
    }
  });

  it('does not claim the logs are verbatim, and calls the blocked site idiomatic names', () => {
    expect(guide('en')).not.toMatch(/behind a blocked network|verbatim|Behind the block/i);
    expect(guide('zh')).not.toContain('照录原文');
    expect(guide('en')).toMatch(/logs are excerpts/);
    expect(guide('zh')).toMatch(/日志则是原文日志的节选/);
  });

  it.each(['zh', 'en'] as const)('%s: Flatcar today: line 51, no etcd2 or fleet, and what replaces the user-data', (lang) => {
    const text = guide(lang);
    const today = text.slice(text.search(/^## (Reading this today|今天再读)/m));
    for (const needle of ['`config.vm.box = "flatcar-%s" % $update_channel`', '`etcd2.service`', '`fleet.service`', '`etcd-member.service`', 'Ignition', 'Butane', '`variant: flatcar`', '`--initial-cluster`']) {
      expect(today, `${lang}.md: ${needle}`).toContain(needle);
    }
  });

  it.each(['zh', 'en'] as const)('%s: the form follows the introduction, and its Flatcar hint links to that text', (lang) => {
    const $ = page(`/${lang}/guides/coreos-vagrant/`);
    const article = $('article.guide');
    const order = article.children().map((_, element) => (element.tagName === 'details' ? 'form' : $(element).hasClass('prose') ? 'prose' : 'other')).get().filter((kind) => kind !== 'other');
    expect(order).toEqual(['prose', 'form', 'prose']);
    expect(article.children('.prose').first().find('h2').length).toBe(0);
    expect(article.children('.prose').first().find('p').length).toBeGreaterThanOrEqual(2);
    const href = $('.gc-note a').attr('href')!;
    expect(href).toMatch(/^#/);
    const target = $(`[id="${decodeURIComponent(href.slice(1))}"]`);
    expect(target.length).toBe(1);
    expect(target.text()).toBe(useTranslations(lang)('guideConfig.flatcarSection'));
  });
});

describe('the Vagrantfile diffs apply to a pristine Vagrantfile with the real patch', () => {
  const work = mkdtempSync(join(tmpdir(), 'confnotes-patch-'));
  afterAll(() => rmSync(work, { recursive: true, force: true }));
  const pristine = join(projectRoot, 'tests/data/pristine-Vagrantfile');
  const originals = guideOriginals();

  const apply = (name: string, diff: string, reverse: boolean) => {
    const dir = mkdtempSync(join(work, `${name}-`));
    copyFileSync(pristine, join(dir, 'Vagrantfile'));
    writeFileSync(join(dir, 'changes.diff'), diff);
    // -f: never ask, and never guess that a patch is reversed (--batch would apply it with -R on its own).
    const result = spawnSync('patch', ['-f', ...(reverse ? ['-R'] : []), 'Vagrantfile', 'changes.diff'], { cwd: dir, encoding: 'utf8' });
    return { status: result.status, output: `${result.stdout}${result.stderr}`, text: readFileSync(join(dir, 'Vagrantfile'), 'utf8') };
  };
  const lines = (text: string) => text.split('\n');

  it('patch is installed', () => {
    expect(spawnSync('patch', ['--version'], { encoding: 'utf8' }).status).toBe(0);
  });

  it('the notes’ diff applies with -R, the forward patch without, to the same file', () => {
    const reversed = apply('notes', originals['vagrantfile-diff']!, true);
    const forward = apply('forward', originals['vagrantfile-patch']!, false);
    expect(reversed.status, reversed.output).toBe(0);
    expect(forward.status, forward.output).toBe(0);
    expect(forward.text).toBe(reversed.text);
    const edited = lines(reversed.text);
    expect(edited[13]).toBe('$update_channel = "stable"');
    expect(edited[14]).toBe('$image_version = "717.3.0"');
    expect(edited[54]).toBe('  config.vm.box_url = "http://localhost:8080/coreos_production_vagrant.json"');
    // Nothing else changed.
    const before = lines(readFileSync(pristine, 'utf8'));
    expect(edited.filter((line, index) => line !== before[index])).toHaveLength(3);
  });

  it('applied forward, the notes’ diff is refused on a pristine file (it is edited-first)', () => {
    const wrong = apply('wrong-way', originals['vagrantfile-diff']!, false);
    expect(wrong.status).not.toBe(0);
    expect(wrong.text).toBe(readFileSync(pristine, 'utf8'));
  });

  const inputs: Array<{ name: string; input: FormInput }> = [
    { name: 'notes', input: NOTES },
    { name: 'flatcar', input: { ...NOTES, flavor: 'flatcar', channel: 'beta', version: '4230.2.1', checksum: 'ab'.repeat(32), mirror: 'http://127.0.0.1:9000/boxes/' } },
    ...sampleInputs(8).map((input, index) => ({ name: `sample ${index}`, input })),
  ];
  it.each(inputs)('$name: the adapted diff and patch both apply and agree', ({ input }) => {
    const { rendered, errors } = renderAll(input, originals);
    expect(errors).toEqual({});
    const reversed = apply('adapted-diff', rendered['vagrantfile-diff']!.text, true);
    const forward = apply('adapted-patch', rendered['vagrantfile-patch']!.text, false);
    expect(reversed.status, reversed.output).toBe(0);
    expect(forward.status, forward.output).toBe(0);
    expect(forward.text).toBe(reversed.text);
    const line51 = lines(forward.text)[50];
    expect(line51).toBe(input.flavor === 'flatcar' ? '  config.vm.box = "flatcar-%s" % $update_channel' : '  config.vm.box = "coreos-%s" % $update_channel');
  });
});
