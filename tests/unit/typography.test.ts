/**
 * Chinese typography: the rules of src/lib/typography.ts, then every zh text under the content root (Markdown bodies,
 * front-matter strings of zh.md files, and every `zh` value in YAML).
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse as parseYaml } from 'yaml';
import { parseMarkdown } from '../../src/lib/content-check.ts';
import { contentRoot } from '../../src/lib/config.ts';
import { checkZhMarkdown, checkZhText, formatIssue, proseOfMarkdown, type TypographyIssue } from '../../src/lib/typography.ts';
import { projectRoot } from '../support/build.ts';

const rules = (issues: TypographyIssue[]) => issues.map((issue) => issue.rule);

describe('typography rules', () => {
  it('accepts well-set Chinese', () => {
    for (const good of [
      '用 Go 写服务，2016 年 4 月 16 日开幕。',
      '他说：“老板决定语言。”（这句话）',
      'Marcel van Lohuizen 的“I18n and L10n for Go using x/text”',
      '第 12–22 行；早上 8:30 到场。',
      '七牛（Qiniu）与 DaoCloud 赞助',
      'pp. 47-60，OSDI \'10',
    ]) {
      expect(checkZhText(good), good).toEqual([]);
    }
  });

  it('finds half-width punctuation in Chinese text', () => {
    expect(rules(checkZhText('用 Go 写,很快'))).toEqual(['halfwidth-punctuation']);
    expect(rules(checkZhText('结束了.'))).toEqual(['halfwidth-punctuation']);
    expect(rules(checkZhText('注意:这里'))).toEqual(['halfwidth-punctuation']);
    expect(rules(checkZhText('真的吗?'))).toEqual(['halfwidth-punctuation']);
    expect(checkZhText('七牛(Qiniu)').length).toBeGreaterThan(0);
    expect(checkZhText('见 (注释)').map((issue) => issue.rule)).toContain('halfwidth-punctuation');
    expect(rules(checkZhText('他说"好"'))).toContain('halfwidth-punctuation');
  });

  it('asks for one plain space between Chinese and Latin letters or digits', () => {
    expect(rules(checkZhText('用Go写'))).toEqual(['missing-space', 'missing-space']);
    expect(rules(checkZhText('2016年'))).toEqual(['missing-space']);
    expect(rules(checkZhText('用  Go 写'))).toEqual(['extra-space']);
    expect(rules(checkZhText('用\u3000Go 写'))).toEqual(['extra-space']);
  });

  it('allows no space next to full-width punctuation', () => {
    expect(rules(checkZhText('（ Go ）'))).toEqual(['space-by-fullwidth-punctuation', 'space-by-fullwidth-punctuation']);
    expect(rules(checkZhText('他说， 好'))).toEqual(['space-by-fullwidth-punctuation']);
    expect(rules(checkZhText('Go “人工智能”'))).toEqual(['space-by-fullwidth-punctuation']);
  });

  it('finds full-width Latin letters and digits', () => {
    expect(rules(checkZhText('用 Ｇｏ 写'))).toEqual(['fullwidth-alphanumeric', 'fullwidth-alphanumeric']);
  });

  it('counts inline code and URLs as Latin words', () => {
    expect(checkZhMarkdown('用 `go test` 测量')).toEqual([]);
    expect(rules(checkZhMarkdown('用`go test`测量'))).toEqual(['missing-space', 'missing-space']);
    expect(checkZhMarkdown('地址是 https://discovery.etcd.io/new，每次重新申请。')).toEqual([]);
    expect(rules(checkZhMarkdown('地址是https://discovery.etcd.io/new'))).toEqual(['missing-space']);
    // Nothing inside code is prose: half-width punctuation there is fine.
    expect(checkZhMarkdown('写成 `a, b := f()` 即可')).toEqual([]);
  });

  it('keeps link text and drops link targets', () => {
    expect(checkZhMarkdown('照着 [coreos-vagrant](https://github.com/coreos/coreos-vagrant) 的说明')).toEqual([]);
    expect(rules(checkZhMarkdown('照着[coreos-vagrant](https://github.com/coreos/coreos-vagrant)的说明'))).toEqual(['missing-space', 'missing-space']);
    expect(proseOfMarkdown('见[说明](https://example.org/a_(b))。').text).toBe('见说明。');
  });

  it('skips code fences, block markers, emphasis and table pipes', () => {
    const markdown = [
      '## 标题',
      '',
      '> **注**：原文写的是 `config.vm.url`。',
      '',
      '- “Gopher 战斗服”很好。',
      '1. 第一步',
      '',
      '| 组件 | 版本 |',
      '|---|---|',
      '| “宿主机” | Ubuntu 12.04 |',
      '',
      '```console',
      '$ vagrant up 中文,混排(不查)',
      '```',
      '',
      '**CoreOS 已停止维护**。它的下载站已关闭。',
    ].join('\n');
    expect(checkZhMarkdown(markdown)).toEqual([]);
  });

  it('reports where the problem is in the original text', () => {
    const [issue] = checkZhMarkdown('第一行\n\n> **注**： 第二行');
    expect(issue).toMatchObject({ rule: 'space-by-fullwidth-punctuation', line: 3, column: 9 });
    expect(formatIssue('x.md', issue)).toBe('x.md:3:9: space-by-fullwidth-punctuation: no space next to full-width punctuation: …⏎⏎> **注**： 第二行');
  });

  it('checks only the edges of exact quotes', () => {
    const exact = ['Go在百度bfe的应用'];
    expect(checkZhText('李炳毅的“Go在百度bfe的应用”', { exact })).toEqual([]);
    expect(rules(checkZhText('李炳毅的“Go在百度bfe的应用”'))).toContain('missing-space');
    expect(rules(checkZhText('讲了Go在百度bfe的应用', { exact }))).toEqual(['missing-space']);
  });
});

// ---------- the content ----------

const root = join(projectRoot, contentRoot());

function walk(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (name.startsWith('.')) return [];
    return statSync(path).isDirectory() ? walk(path) : [path];
  });
}

/** Embedded files of guides are code and config, not prose (and owned by the guide's files). */
const files = walk(root).filter((file) => !relative(root, file).split('/').includes('files'));
const rel = (file: string) => relative(projectRoot, file);

function zhValues(value: unknown, path: string, inZh: boolean, out: Array<{ path: string; text: string }>) {
  if (typeof value === 'string') {
    if (inZh) out.push({ path, text: value });
  } else if (Array.isArray(value)) {
    value.forEach((item, index) => zhValues(item, `${path}[${index}]`, inZh, out));
  } else if (value && typeof value === 'object') {
    for (const [key, item] of Object.entries(value)) zhValues(item, path ? `${path}.${key}` : key, inZh || key === 'zh', out);
  }
}

/**
 * Strings quoted exactly as published, whose insides keep the original's spacing. Short on purpose:
 * - every official zh talk title (talk.yaml `title.zh`, compared with FACTS.md by content-facts.test.ts), e.g.
 *   “Go在百度bfe的应用”: the schedule sets them without spaces and facts carry over exactly;
 * - the venue as the official 2016 site writes it (FACTS.md);
 * - the official name of the evening party (FACTS.md);
 * - the title on the first slide of talk 2.7, which the reviewer quotes.
 */
const officialTitles = files
  .filter((file) => file.endsWith('/talk.yaml'))
  .map((file) => (parseYaml(readFileSync(file, 'utf8')) as { title: { zh: string } }).title.zh);
const exact = [...officialTitles, '北京 东城区 工体北路新中西街8号 亚洲大酒店', 'Gopher技术沙龙party', 'Go&网易云对象存储服务'];

describe('typography of every zh text in the content', () => {
  it('finds the zh texts', () => {
    expect(officialTitles).toHaveLength(15);
    expect(files.filter((file) => file.endsWith('/zh.md')).length).toBeGreaterThanOrEqual(17);
  });

  it('zh Markdown files follow the rules, front matter included', () => {
    const problems: string[] = [];
    for (const file of files.filter((path) => path.endsWith('/zh.md'))) {
      const parsed = parseMarkdown(rel(file), readFileSync(file, 'utf8'));
      expect(parsed.error, rel(file)).toBeUndefined();
      for (const [key, value] of Object.entries((parsed.data ?? {}) as Record<string, unknown>)) {
        if (typeof value !== 'string') continue;
        for (const issue of checkZhText(value, { exact })) problems.push(formatIssue(`${rel(file)} (${key})`, issue));
      }
      for (const issue of checkZhMarkdown(parsed.body ?? '', { exact })) {
        problems.push(formatIssue(rel(file), { ...issue, line: issue.line + (parsed.bodyLine ?? 1) - 1 }));
      }
    }
    expect(problems).toEqual([]);
  });

  it('zh values in YAML follow the rules', () => {
    const problems: string[] = [];
    let checked = 0;
    for (const file of files.filter((path) => /\.ya?ml$/.test(path))) {
      const values: Array<{ path: string; text: string }> = [];
      zhValues(parseYaml(readFileSync(file, 'utf8')), '', false, values);
      checked += values.length;
      for (const { path, text } of values) {
        for (const issue of checkZhText(text, { exact })) problems.push(formatIssue(`${rel(file)} (${path})`, issue));
      }
    }
    expect(checked).toBeGreaterThan(60);
    expect(problems).toEqual([]);
  });
});
