/**
 * Bad input that cannot live as a plain fixture: symbolic links (to a file, an image, a folder outside the content
 * root), a content root that does not exist or is empty. Each fails the real `astro build` with its one line, once,
 * status 1, no stack trace and no output folder, and nothing from outside the root reaches the output.
 * Then the tolerant inputs: CRLF, a BOM, an unquoted date, a link that stays inside the root, two conferences that
 * each have a talk "hello-world", a Markdown `\<T>`: one real build that succeeds and publishes them correctly.
 */
import { cpSync, existsSync, mkdirSync, readFileSync, realpathSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { load } from 'cheerio';
import { beforeAll, describe, expect, it } from 'vitest';
import { build, projectRoot, type BuildResult } from '../support/build.ts';
import { expectCleanFailure, fixturesDir } from '../support/bad-content.ts';
import { walkFiles } from '../support/dist.ts';
import { readInsideRoot, resolveInsideRoot } from '../../src/lib/content-files.ts';

const work = join(projectRoot, 'tests/.tmp/bad-input');
const SECRET = 'confnotes-outside-secret-5f2c9d';
const outside = join(work, 'outside');
const secretFile = join(outside, 'secret.txt');
const rel = (path: string) => relative(projectRoot, path);

/** A copy of the bad-content base root with `files` written over it; returns the root, relative to the project. */
function root(name: string, files: Record<string, string> = {}, links: Record<string, string> = {}): string {
  const dir = join(work, name);
  rmSync(dir, { recursive: true, force: true });
  cpSync(join(fixturesDir, '_base'), dir, { recursive: true });
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(dirname(join(dir, path)), { recursive: true });
    writeFileSync(join(dir, path), text);
  }
  for (const [path, target] of Object.entries(links)) {
    mkdirSync(dirname(join(dir, path)), { recursive: true });
    symlinkSync(target, join(dir, path));
  }
  return rel(dir);
}

const summaryWith = (body: string) => `---\ntitle: Summary\n---\n\n${body}\n`;
const outsideLine = (file: string, target: string) => `${file}: (file): is a symbolic link to ${target}, outside the content root; only files inside it are published`;

interface Case {
  root: string;
  expected: string;
}
const cases: Record<string, () => Case> = {
  'an embedded file that links outside': () => {
    const r = root('link-embed', { 'conferences/democonf-2030/en.md': summaryWith('The hosts file:\n\n```text file="files/hosts"\n```') }, { 'conferences/democonf-2030/files/hosts': secretFile });
    return { root: r, expected: outsideLine(`${r}/conferences/democonf-2030/files/hosts`, realpathSync(secretFile)) };
  },
  'an image that links outside, relatively': () => {
    const r = root('link-image', { 'conferences/democonf-2030/en.md': summaryWith('![The stage](stage.png)') });
    const link = join(projectRoot, r, 'conferences/democonf-2030/stage.png');
    symlinkSync(relative(dirname(link), secretFile), link);
    return { root: r, expected: outsideLine(`${r}/conferences/democonf-2030/stage.png`, realpathSync(secretFile)) };
  },
  'a folder that links outside': () => {
    const r = root('link-folder', { 'conferences/democonf-2030/en.md': summaryWith('```text file="files/secret.txt"\n```') }, { 'conferences/democonf-2030/files': outside });
    return { root: r, expected: outsideLine(`${r}/conferences/democonf-2030/files`, realpathSync(outside)) };
  },
  'an embedded file saved in GBK': () => {
    const r = root('gbk-embed', { 'conferences/democonf-2030/en.md': summaryWith('```text file="files/notes.txt"\n```') });
    // 你好，世界。这是一段保存时选了旧编码的文字。 in GBK
    mkdirSync(join(projectRoot, r, 'conferences/democonf-2030/files'), { recursive: true });
    writeFileSync(join(projectRoot, r, 'conferences/democonf-2030/files/notes.txt'), Buffer.from('c4e3bac3a3accac0bde7a1a3d5e2cac7d2bbb6ceb1a3b4e6cab1d1a1c1cbbec9b1e0c2ebb5c4cec4d7d6a1a3', 'hex'));
    return { root: r, expected: `${r}/conferences/democonf-2030/en.md: line 5: embedded file "files/notes.txt" is not valid UTF-8 (it looks like GB18030/GBK); save it as UTF-8` };
  },
  'a content root that does not exist': () => {
    const r = rel(join(work, 'nowhere'));
    return { root: r, expected: `${r}: (folder): the content root does not exist (set by CONFNOTES_CONTENT or confnotes.config.json)` };
  },
  'an empty content root': () => {
    const dir = join(work, 'empty');
    rmSync(dir, { recursive: true, force: true });
    mkdirSync(dir, { recursive: true });
    const r = rel(dir);
    return { root: r, expected: `${r}: (folder): no conferences under ${r}/conferences (each is ${r}/conferences/<id>/conference.yaml)` };
  },
};

const failed = new Map<string, { result: BuildResult; expected: string }>();
let good: BuildResult;
let goodRoot: string;

beforeAll(async () => {
  rmSync(work, { recursive: true, force: true });
  mkdirSync(outside, { recursive: true });
  writeFileSync(secretFile, `${SECRET}\n`);
  const base = readFileSync(join(fixturesDir, '_base/talks/democonf-2030/hello-world/talk.yaml'), 'utf8');
  const zh = readFileSync(join(fixturesDir, '_base/talks/democonf-2030/hello-world/zh.md'), 'utf8');
  const en = readFileSync(join(fixturesDir, '_base/talks/democonf-2030/hello-world/en.md'), 'utf8');
  const conference = readFileSync(join(fixturesDir, '_base/conferences/democonf-2030/conference.yaml'), 'utf8');
  const crlf = (text: string) => text.replace(/\n/g, '\r\n');
  goodRoot = root(
    'tolerant',
    {
      // CRLF line ends and a BOM.
      'talks/democonf-2030/hello-world/talk.yaml': crlf(base),
      'talks/democonf-2030/hello-world/en.md': crlf(en.replace('A fictional body.', 'A fictional body about `Map<T>` and \\<T>, at https://example.com/a%20b.')),
      'talks/democonf-2030/hello-world/zh.md': `\uFEFF${zh}`,
      // An unquoted date (YAML reads it as a Date; accepted as the same day).
      'conferences/democonf-2030/conference.yaml': `${conference}source:\n  title: A fictional post\n  url: https://example.com/post\n  published: 2029-07-20\n  author: { name: { zh: 某人, en: Someone }, url: https://example.com/ }\n`,
      // A link that stays inside the root is followed.
      'conferences/democonf-2030/files/hosts': '127.0.0.1 localhost\n',
      'conferences/democonf-2030/en.md': summaryWith('The hosts file:\n\n```text file="files/hosts-link"\n```'),
      // A second conference with a talk of the same id.
      'conferences/democonf-2031/conference.yaml': conference.replaceAll('2030', '2031'),
      'conferences/democonf-2031/zh.md': summaryWith('虚构大会的第二届。'),
      'conferences/democonf-2031/en.md': summaryWith('The second fictional edition.'),
      'talks/democonf-2031/hello-world/talk.yaml': base.replace('democonf-2030', 'democonf-2031').replace('"Hello, World"', '"Hello again, World"'),
      'talks/democonf-2031/hello-world/zh.md': zh.replace('虚构的正文。', '第二届的正文。'),
      'talks/democonf-2031/hello-world/en.md': en.replace('A fictional body.', 'The second edition body.'),
    },
    { 'conferences/democonf-2030/files/hosts-link': 'hosts' },
  );
  const specs = Object.entries(cases).map(([name, make]) => ({ name, ...make() }));
  const queue = [...specs];
  const worker = async () => {
    for (let spec = queue.shift(); spec; spec = queue.shift()) {
      const outDir = join(projectRoot, 'tests/.tmp/out/bad-input', spec.root.split('/').at(-1)!);
      mkdirSync(outDir, { recursive: true });
      writeFileSync(join(outDir, 'index.html'), '<!doctype html><title>stale</title>');
      failed.set(spec.name, { result: await build({ CONFNOTES_CONTENT: spec.root }, outDir), expected: spec.expected });
    }
  };
  const goodOut = join(projectRoot, 'tests/.tmp/out/bad-input-tolerant');
  rmSync(goodOut, { recursive: true, force: true });
  [good] = await Promise.all([build({ CONFNOTES_CONTENT: goodRoot }, goodOut), worker()]);
}, 1_200_000);

describe('bad input outside the fixtures', () => {
  it.each(Object.keys(cases))('%s: one line, once, status 1, no output folder', (name) => {
    const { result, expected } = failed.get(name)!;
    expectCleanFailure(result, [expected]);
    expect(existsSync(result.outDir)).toBe(false);
  });

  it('never reads a file through a link that leaves the root, even without the check', () => {
    const r = join(projectRoot, goodRoot);
    const link = join(r, 'conferences/democonf-2030/files/escape');
    symlinkSync(secretFile, link);
    try {
      expect(resolveInsideRoot(r, link)).toEqual({ ok: false, reason: `is a symbolic link to ${realpathSync(secretFile)}, outside the content root; only files inside it are published` });
      expect(() => readInsideRoot(r, 'conferences/democonf-2030/files/escape')).toThrow(/outside the content root/);
      expect(readInsideRoot(r, 'conferences/democonf-2030/files/hosts-link').toString()).toBe('127.0.0.1 localhost\n');
    } finally {
      rmSync(link);
    }
  });
});

describe('tolerant input still builds', () => {
  const page = (path: string) => readFileSync(join(good.outDir, path, 'index.html'), 'utf8');

  it('builds', () => {
    expect(good.code, good.output).toBe(0);
  });

  it('publishes nothing from outside the content root', () => {
    for (const file of walkFiles(good.outDir)) expect(readFileSync(file).includes(SECRET), file).toBe(false);
  });

  it('follows a link that stays inside the root, byte for byte', () => {
    expect(readFileSync(join(good.outDir, 'files/conferences/democonf-2030/files/hosts-link'), 'utf8')).toBe('127.0.0.1 localhost\n');
  });

  it('gives each conference its own "hello-world" talk', () => {
    expect(page('en/democonf-2030/hello-world')).toContain('A fictional body');
    expect(page('en/democonf-2031/hello-world')).toContain('The second edition body.');
    expect(page('en/democonf-2031/hello-world')).toContain('Hello again, World');
    expect(page('zh/democonf-2031/hello-world')).toContain('第二届的正文。');
  });

  it('reads CRLF, a BOM and an escaped <T> as text', () => {
    expect(load(page('en/democonf-2030/hello-world'))('.review').text()).toContain('about Map<T> and <T>, at https://example.com/a%20b.');
    expect(page('zh/democonf-2030/hello-world')).toContain('虚构的正文。');
  });
});
