/**
 * `npm run new`: the scaffolds are valid content with every required field, TODO markers where prose goes, and the
 * command refuses to overwrite, to reference what does not exist, or to double-book a room.
 * Runs against copies of the fictional fixture conference; tests/new-build.test.ts builds a scaffold for real.
 */
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { parse as parseYaml } from 'yaml';
import { projectRoot } from '../support/build.ts';
import { walkFiles } from '../support/dist.ts';
import { checkContent, parseMarkdown } from '../../src/lib/content-check.ts';
import { conferenceFiles, firstFreeSlot, guideFiles, speakerFiles, talkFiles, todoLines } from '../../scripts/lib/scaffold.ts';
import { conferenceSchema, guideSchema, guideTextSchema, reviewSchema, speakerSchema, summarySchema, talkSchema } from '../../src/lib/schema.ts';
import { main } from '../../scripts/new.ts';

const FIXTURE = join(projectRoot, 'tests/fixtures/fixture-conf');
const CONF = 'samplecamp-2031';

describe('scaffold templates', () => {
  it('a talk has every required field, TODO titles and a review per language', () => {
    const files = talkFiles({ conference: CONF, id: 'x', speakers: ['li-si'], tags: ['testing'], slot: { day: 2, start: '14:00', end: '14:45' } });
    expect(files.map((file) => file.path)).toEqual([`talks/${CONF}/x/talk.yaml`, `talks/${CONF}/x/zh.md`, `talks/${CONF}/x/en.md`]);
    const talk = talkSchema.parse(parseYaml(files[0].text));
    expect(talk).toMatchObject({ conference: CONF, day: 2, start: '14:00', end: '14:45', speakers: ['li-si'], tags: ['testing'], untranslated: [] });
    expect(talk.title.zh).toMatch(/^TODO/);
    expect(talk.title.en).toMatch(/^TODO/);
    for (const file of files.slice(1)) {
      const raw = parseMarkdown(file.path, file.text);
      expect(reviewSchema.parse(raw.data).verdict).toMatch(/^TODO/);
      expect(raw.body?.trim()).toMatch(/^TODO/);
    }
  });

  it('a talk in one language declares the other untranslated; given titles are used as they are', () => {
    const files = talkFiles({
      conference: CONF,
      id: 'x',
      speakers: ['li-si'],
      tags: [],
      slot: { day: 1, start: '09:00', end: '09:45' },
      only: 'en',
      titleEn: 'Colons: "quotes" and #hashes',
      titleZh: '标题',
    });
    expect(files.map((file) => file.path.split('/').at(-1))).toEqual(['talk.yaml', 'en.md']);
    const talk = talkSchema.parse(parseYaml(files[0].text));
    expect(talk.untranslated).toEqual(['zh']);
    expect(talk.title).toEqual({ zh: '标题', en: 'Colons: "quotes" and #hashes' });
    expect(files[0].todo.join(' ')).not.toContain('title');
  });

  it('speakers, conferences and guides parse with their schemas', () => {
    const speaker = speakerSchema.parse(parseYaml(speakerFiles({ id: 'x', nameEn: 'Ada' })[0].text));
    expect(speaker.name).toEqual({ zh: 'TODO：中文名', en: 'Ada' });

    const [conf, ...summaries] = conferenceFiles({ id: 'c', start: '2031-12-31', days: 2, offset: '-05:00' });
    const data = conferenceSchema.parse(parseYaml(conf.text));
    expect(data.start).toBe('2031-12-31T09:00:00-05:00');
    expect(data.end).toBe('2032-01-01T18:00:00-05:00');
    for (const summary of summaries) summarySchema.parse(parseMarkdown(summary.path, summary.text).data);

    const [guide, ...texts] = guideFiles({ id: 'g', conference: 'c', published: '2031-01-02' });
    expect(guideSchema.parse(parseYaml(guide.text))).toMatchObject({ conference: 'c', published: '2031-01-02' });
    for (const text of texts) expect(guideTextSchema.parse(parseMarkdown(text.path, text.text).data).title).toMatch(/^TODO/);
  });

  it('finds the first free quarter-hour slot, around talks and breaks', () => {
    expect(firstFreeSlot([], 2)).toEqual({ day: 1, start: '09:00', end: '09:45' });
    const taken = [
      { day: 1, start: '09:00', end: '09:45' },
      { day: 1, start: '10:00', end: '12:00' },
    ];
    expect(firstFreeSlot(taken, 2)).toEqual({ day: 1, start: '12:00', end: '12:45' });
    expect(firstFreeSlot(taken, 2, 30)).toEqual({ day: 1, start: '12:00', end: '12:30' });
    expect(firstFreeSlot([{ day: 1, start: '09:00', end: '18:00' }], 2)).toEqual({ day: 2, start: '09:00', end: '09:45' });
    expect(firstFreeSlot([{ day: 1, start: '09:00', end: '18:00' }], 1)).toBeUndefined();
  });

  it('lists TODO markers but not commented hints', () => {
    expect(todoLines('a\n# hint: TODO later\ntitle: "TODO: x"\nTODO：正文')).toEqual([
      { line: 3, text: 'title: "TODO: x"' },
      { line: 4, text: 'TODO：正文' },
    ]);
  });
});

describe('npm run new', () => {
  let root: string;
  let out: string[];
  let err: string[];
  const run = (...args: string[]) => main([...args, '--root', root]);

  beforeEach(() => {
    root = join(mkdtempSync(join(tmpdir(), 'confnotes-new-')), 'notes');
    cpSync(FIXTURE, root, { recursive: true });
    out = [];
    err = [];
    vi.spyOn(console, 'log').mockImplementation((line = '') => void out.push(String(line)));
    vi.spyOn(console, 'error').mockImplementation((line = '') => void err.push(String(line)));
  });
  afterEach(() => {
    vi.restoreAllMocks();
    rmSync(join(root, '..'), { recursive: true, force: true });
  });

  it('writes a talk that passes the content check, in the first free slot, and says what to fill next', () => {
    expect(run('talk', CONF, 'new-talk', '--speaker', 'li-si', '--speaker', 'zhang-san', '--tag', 'testing,tooling')).toBe(0);
    const dir = join(root, 'talks', CONF, 'new-talk');
    expect(['talk.yaml', 'zh.md', 'en.md'].every((name) => existsSync(join(dir, name)))).toBe(true);
    expect(checkContent(root)).toEqual([]);
    const talk = parseYaml(readFileSync(join(dir, 'talk.yaml'), 'utf8'));
    // Day 1 has talks 09:00-11:45 and lunch 12:00-13:30 in the fixture.
    expect(talk).toMatchObject({ day: 1, start: '13:30', end: '14:15', speakers: ['li-si', 'zhang-san'], tags: ['testing', 'tooling'] });
    const text = out.join('\n');
    expect(text).toContain('Fill in next:');
    expect(text).toContain(`${root}/talks/${CONF}/new-talk/talk.yaml: title.zh`);
    expect(text).toContain(`${root}/talks/${CONF}/new-talk/zh.md: heading; verdict; the review body`);
    expect(text).toContain(`/zh/${CONF}/new-talk/`);
  });

  it('never overwrites: a second run, or a file that is already there, leaves everything untouched', () => {
    expect(run('speaker', 'wang-wu')).toBe(0);
    const path = join(root, 'speakers/wang-wu.yaml');
    writeFileSync(path, 'name: { zh: 王五, en: Wang Wu }\n');
    expect(run('speaker', 'wang-wu')).toBe(1);
    expect(readFileSync(path, 'utf8')).toBe('name: { zh: 王五, en: Wang Wu }\n');
    expect(err.join('\n')).toContain('already exists');

    // A stray review in a folder whose talk.yaml is missing: the talk is refused, and the stray file is kept.
    const stray = join(root, 'talks', CONF, 'half-done', 'zh.md');
    cpSync(join(root, 'talks', CONF, 'tiny-sql-engine', 'zh.md'), stray);
    expect(run('talk', CONF, 'half-done', '--speaker', 'li-si')).toBe(1);
    expect(err.join('\n')).toContain(`${root}/talks/${CONF}/half-done/zh.md already exists`);
    expect(existsSync(join(root, 'talks', CONF, 'half-done', 'talk.yaml'))).toBe(false);
    expect(readFileSync(stray, 'utf8')).toContain('李四的三百行');
  });

  it('refuses unknown speakers, tags and conferences, taken ids, clashes and reserved ids, and writes nothing', () => {
    const before = walkFiles(root).length;
    const refusals: Array<[string[], string]> = [
      [['talk', CONF, 'x', '--speaker', 'nobody'], 'unknown speaker "nobody": scaffold it first with npm run new -- speaker nobody'],
      [['talk', CONF, 'x', '--speaker', 'li-si', '--tag', 'nope'], 'unknown tag "nope"'],
      [['talk', 'no-conf', 'x', '--speaker', 'li-si'], 'no conference "no-conf"'],
      [['talk', 'other', 'tiny-sql-engine', '--speaker', 'li-si'], 'no conference "other"'],
      [['talk', CONF, 'tiny-sql-engine', '--speaker', 'li-si'], 'a talk "tiny-sql-engine" already exists'],
      [
        ['talk', CONF, 'x', '--speaker', 'li-si', '--day', '1', '--start', '09:30', '--end', '10:00'],
        'day 1 09:30-10:00 in room "main" clashes with 09:00-09:45',
      ],
      [['talk', CONF, 'x', '--speaker', 'li-si', '--day', '3', '--start', '09:30', '--end', '10:00'], '--day must be 1 to 2'],
      [['talk', CONF, 'Bad_Id', '--speaker', 'li-si'], 'talk id "Bad_Id" must be lowercase letters'],
      [['conference', 'tags'], '"tags" is reserved'],
      [['conference', CONF], `a conference "${CONF}" already exists`],
      [['guide', 'g', '--conference', 'nope'], 'no conference "nope"'],
      [['speaker', 'li-si'], 'a speaker "li-si" already exists'],
    ];
    for (const [args, message] of refusals) {
      err = [];
      expect(run(...args), args.join(' ')).toBe(1);
      expect(err.join('\n'), args.join(' ')).toContain(message);
      expect(err.join('\n')).toContain('nothing written');
    }
    expect(walkFiles(root).length).toBe(before);
  });

  it('prints the usage for a missing argument or an unknown kind (exit 2)', () => {
    expect(run('talk', CONF, 'x')).toBe(2);
    expect(err.join('\n')).toContain('a talk needs at least one --speaker <id>');
    expect(run('poster', 'x')).toBe(2);
    expect(err.join('\n')).toContain('unknown kind "poster"');
  });

  it('lists the TODO markers left', () => {
    expect(run('guide', 'notes', '--published', '2031-05-12')).toBe(0);
    out = [];
    expect(run('todo')).toBe(0);
    expect(out.some((line) => line.startsWith(`${root}/guides/notes/en.md:2: title: "TODO`))).toBe(true);
    expect(out.at(-1)).toBe(`6 TODO markers left in ${root}/`);
  });
});

describe('npm run new, as an author runs it', () => {
  it('goes through npm, reads CONFNOTES_CONTENT, and exits non-zero when it refuses', () => {
    const root = join(mkdtempSync(join(tmpdir(), 'confnotes-new-')), 'notes');
    cpSync(FIXTURE, root, { recursive: true });
    try {
      const env = { ...process.env, CONFNOTES_CONTENT: root, NO_COLOR: '1' };
      const ok = spawnSync('npm', ['run', '--silent', 'new', '--', 'speaker', 'zhao-liu', '--name-zh', '赵六', '--name-en', 'Zhao Liu'], {
        cwd: projectRoot,
        env,
        encoding: 'utf8',
      });
      expect(ok.status, ok.stderr).toBe(0);
      expect(ok.stdout).toContain(`${root}/speakers/zhao-liu.yaml`);
      expect(parseYaml(readFileSync(join(root, 'speakers/zhao-liu.yaml'), 'utf8')).name).toEqual({ zh: '赵六', en: 'Zhao Liu' });
      const again = spawnSync('npm', ['run', '--silent', 'new', '--', 'speaker', 'zhao-liu'], { cwd: projectRoot, env, encoding: 'utf8' });
      expect(again.status).toBe(1);
      expect(again.stderr).toContain('already exists');
    } finally {
      rmSync(join(root, '..'), { recursive: true, force: true });
    }
  });
});
