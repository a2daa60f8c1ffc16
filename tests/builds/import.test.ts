/**
 * `npm run import` (src/import/, scripts/import.ts) over the four formats in tests/fixtures/import/ (see the
 * README there: hand-written files in the shapes real exporters produce).
 * - Each format imports into a fresh content root; all four then live in one root that is built once, and every
 *   imported session has a page in both languages and a place on its conference's schedule.
 * - Importing the same file twice changes nothing; an updated schedule updates facts and leaves written reviews.
 * - Speakers are merged with existing ones by name or alias.
 * - Bad input is one line (file: place: reason) and writes nothing.
 */
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse as parseYaml } from 'yaml';
import { build, projectRoot, type BuildResult } from '../support/build.ts';
import { page, walkFiles } from '../support/dist.ts';

const FIXTURES = join(projectRoot, 'tests/fixtures/import');
const scratch = () => {
  mkdirSync(join(projectRoot, 'tests/.tmp'), { recursive: true });
  return mkdtempSync(join(projectRoot, 'tests/.tmp/import-'));
};
const dirs: string[] = [];

/** Runs the real command line, as `npm run import -- …` does. */
function runImport(args: string[]) {
  const result = spawnSync(process.execPath, ['scripts/import.ts', ...args], { cwd: projectRoot, encoding: 'utf8' });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

const IMPORTS = [
  { name: 'frab schedule.xml', file: 'frab-schedule.xml', args: [], conference: 'rivetcamp2031', talks: 5, slots: 1 },
  { name: 'pretalx schedule.json', file: 'pretalx-schedule.json', args: [], conference: 'democamp-2031', talks: 3, slots: 1 },
  { name: 'Sessionize All JSON', file: 'sessionize-all.json', args: ['--conference', 'nordic-2031', '--zone', 'Europe/Oslo'], conference: 'nordic-2031', talks: 2, slots: 1 },
  { name: 'CSV', file: 'schedule.csv', args: ['--conference', 'gocn-2031', '--zone', 'Asia/Shanghai'], conference: 'gocn-2031', talks: 4, slots: 2 },
];

/** Every file under a folder with its hash, to compare a folder before and after. */
const snapshot = (dir: string) =>
  existsSync(dir) ? Object.fromEntries(walkFiles(dir).map((file) => [relative(dir, file), createHash('sha256').update(readFileSync(file)).digest('hex')])) : {};

const talkIds = (root: string, conference: string) => readdirSync(join(root, 'talks', conference)).sort();

let combined: string;
let built: BuildResult;

beforeAll(async () => {
  combined = scratch();
  dirs.push(combined);
  // A speaker already in the root, known by an alias: the Sessionize import must reuse her.
  mkdirSync(join(combined, 'speakers'), { recursive: true });
  writeFileSync(join(combined, 'speakers/kari.yaml'), 'name: { zh: 卡丽, en: Kari N. }\naliases: [Kari Nordmann]\n');
  for (const entry of IMPORTS) {
    const result = runImport([join(FIXTURES, entry.file), '--root', combined, ...entry.args]);
    if (result.code !== 0) throw new Error(`${entry.file}: ${result.stderr}`);
  }
  built = await build({ CONFNOTES_CONTENT: relative(projectRoot, combined) });
}, 300_000);

afterAll(() => {
  for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
  if (built) {
    rmSync(built.outDir, { recursive: true, force: true });
    rmSync(`${built.outDir}-cache`, { recursive: true, force: true });
  }
});

describe.each(IMPORTS)('$name', (entry) => {
  it('imports into a fresh content root, and a second import changes nothing', () => {
    const root = scratch();
    dirs.push(root);
    const first = runImport([join(FIXTURES, entry.file), '--root', root, ...entry.args]);
    expect(first.stderr).toBe('');
    expect(first.code).toBe(0);
    expect(first.stdout).toContain(`as "${entry.conference}": ${entry.talks} talks, ${entry.slots} other slots`);
    expect(talkIds(root, entry.conference)).toHaveLength(entry.talks);
    for (const id of talkIds(root, entry.conference)) {
      for (const lang of ['zh', 'en']) expect(readFileSync(join(root, 'talks', entry.conference, id, `${lang}.md`), 'utf8')).toContain('TODO');
    }
    const before = snapshot(root);
    const again = runImport([join(FIXTURES, entry.file), '--root', root, ...entry.args]);
    expect(again.code).toBe(0);
    expect(again.stdout).toContain('nothing changed');
    expect(snapshot(root)).toEqual(before);
  });

  it('builds with every session on a page in both languages and on the schedule', () => {
    expect(built.code, built.output).toBe(0);
    for (const lang of ['zh', 'en']) {
      const schedule = page(`/${lang}/${entry.conference}/`, built.outDir);
      expect(schedule('li.talk')).toHaveLength(entry.talks);
      expect(schedule('li.slot')).toHaveLength(entry.slots);
      for (const id of talkIds(combined, entry.conference)) {
        const talk = page(`/${lang}/${entry.conference}/${id}/`, built.outDir);
        const data = parseYaml(readFileSync(join(combined, 'talks', entry.conference, id, 'talk.yaml'), 'utf8'));
        expect(talk('h1').text()).toBe(data.title[lang]);
        expect(schedule(`a[href="/${lang}/${entry.conference}/${id}/"]`)).toHaveLength(1);
      }
    }
  });
});

describe('what an import writes', () => {
  const talk = (conference: string, id: string) => parseYaml(readFileSync(join(combined, 'talks', conference, id, 'talk.yaml'), 'utf8'));
  const conference = (id: string) => parseYaml(readFileSync(join(combined, 'conferences', id, 'conference.yaml'), 'utf8'));

  it('keeps local times beside UTC dates, the zone, rooms and kinds (frab)', () => {
    expect(conference('rivetcamp2031')).toMatchObject({
      start: '2031-06-20T10:00:00+02:00',
      timezone: 'Europe/Berlin',
      rooms: [{ id: 'saal-eins' }, { id: 'workshop-room' }],
      kinds: [{ id: 'fireside-chat', name: { en: 'Fireside Chat' } }],
      slots: [{ day: 1, start: '11:00', end: '11:30', kind: 'break', room: 'saal-eins' }],
    });
    expect(talk('rivetcamp2031', 'riveting-in-pairs')).toMatchObject({ day: 1, start: '11:30', end: '12:30', room: 'saal-eins', kind: 'talk', speakers: ['rosa-rivet', 'tom-bolt'] });
    expect(talk('rivetcamp2031', 'lightning-talks')).toMatchObject({ day: 2, kind: 'lightning' });
    expect(talk('rivetcamp2031', 'hands-on-your-first-rivet')).toMatchObject({ kind: 'workshop', start: '11:30', end: '13:00' });
  });

  it('marks the title it copied into the other language as ours, not official', () => {
    expect(talk('democamp-2031', 'shu-ju-guan-dao-de-shi-nian')).toMatchObject({ title: { zh: '数据管道的十年', en: '数据管道的十年' }, translatedTitle: ['en'] });
    expect(talk('democamp-2031', 'a-sql-workshop')).toMatchObject({ translatedTitle: ['zh'], kind: 'workshop' });
    // The copy is the same words, so each page shows the title once, in its own language, and no second title that
    // could pass the copy off as an official Chinese one.
    for (const lang of ['zh', 'en']) {
      const $ = page(`/${lang}/democamp-2031/a-sql-workshop/`, built.outDir);
      expect($('h1').text()).toBe('A SQL workshop');
      expect($('h1').attr('lang')).toBe(lang === 'zh' ? 'en' : undefined);
      expect($('.other-title')).toHaveLength(0);
    }
  });

  it('merges speakers with existing ones by alias and by name', () => {
    expect(talk('nordic-2031', 'kotlin-for-gophers').speakers).toEqual(['kari']);
    expect(existsSync(join(combined, 'speakers/kari-nordmann.yaml'))).toBe(false);
    // 王小明 gave two pretalx sessions; 张伟 two CSV sessions: one speaker file each.
    expect(talk('democamp-2031', 'a-sql-workshop').speakers).toEqual(['sam-query', 'wang-xiao-ming']);
    expect(parseYaml(readFileSync(join(combined, 'speakers/zhang-wei.yaml'), 'utf8'))).toMatchObject({ name: { zh: '张伟', en: 'Zhang Wei' }, romanization: 'Zhang Wei' });
    expect(page('/zh/speakers/zhang-wei/', built.outDir)('.card-list > li')).toHaveLength(2);
  });

  it('updates facts on a re-import of a changed schedule and never touches a written review', () => {
    const root = scratch();
    dirs.push(root);
    const schedule = join(root, 'schedule.json');
    cpSync(join(FIXTURES, 'pretalx-schedule.json'), schedule);
    const content = join(root, 'content');
    expect(runImport([schedule, '--root', content]).code).toBe(0);
    const review = join(content, 'talks/democamp-2031/a-sql-workshop/en.md');
    const written = '---\nheading: A workshop worth the seat\nverdict: Practical.\n---\n\nOur own review.\n';
    writeFileSync(review, written);
    const talkFile = join(content, 'talks/democamp-2031/a-sql-workshop/talk.yaml');
    writeFileSync(talkFile, readFileSync(talkFile, 'utf8').replace('tags: []', 'tags: []\n# Our note stays.'));
    writeFileSync(schedule, readFileSync(schedule, 'utf8').replace('"start": "09:30",\n                "duration": "01:30"', '"start": "10:00",\n                "duration": "01:30"'));
    const result = runImport([schedule, '--root', content]);
    expect(result.code, result.stderr).toBe(0);
    expect(result.stdout).toContain('0 files created, 1 updated');
    const updated = readFileSync(talkFile, 'utf8');
    expect(parseYaml(updated)).toMatchObject({ start: '10:00', end: '11:30' });
    expect(updated).toContain('# Our note stays.');
    expect(readFileSync(review, 'utf8')).toBe(written);
  });
});

describe('bad input', () => {
  const cases: Array<{ name: string; file: string; text?: string; args?: string[]; line: RegExp }> = [
    { name: 'Sessionize without --zone', file: 'sessionize-all.json', line: /^import error: .*sessionize-all\.json: --zone: Sessionize times have no offset: pass the conference's time zone, e\.g\. --zone Europe\/Oslo$/ },
    { name: 'CSV without --zone', file: 'schedule.csv', args: ['--conference', 'x-2031'], line: /schedule\.csv: --zone: CSV times have no offset/ },
    { name: 'XML that is not well-formed', file: 'broken.xml', text: '<schedule>\n  <day index="1">\n</schedule>\n', line: /broken\.xml: line 3: not well-formed XML: /i },
    { name: 'a start that is no time', file: 'bad-start.xml', text: readFileSync(join(FIXTURES, 'frab-schedule.xml'), 'utf8').replace('<start>11:30</start>', '<start>half past eleven</start>'), line: /bad-start\.xml: day\[1\]\/room "Saal Eins"\/event\[3\]\/start: "half past eleven" is not a time HH:MM$/ },
    { name: 'JSON that is not JSON', file: 'bad.json', text: '{\n  "schedule": {\n    "conference": ,\n  }\n}\n', line: /bad\.json: line 3: not valid JSON: / },
    { name: 'a CSV without a title column', file: 'no-title.csv', text: 'date,start,end\n2031-01-01,09:00,10:00\n', args: ['--zone', 'UTC', '--conference', 'x-2031'], line: /no-title\.csv: line 1: no "title" column \(the header has: date, start, end\)$/ },
    { name: 'an unknown zone', file: 'schedule.csv', args: ['--zone', 'Mars/Olympus', '--conference', 'x-2031'], line: /--zone: "Mars\/Olympus" is not a time zone/ },
  ];
  it.each(cases)('$name: one line, and nothing written', ({ file, text, args = [], line }) => {
    const dir = scratch();
    dirs.push(dir);
    const source = text === undefined ? join(FIXTURES, file) : join(dir, file);
    if (text !== undefined) writeFileSync(source, text);
    const root = join(dir, 'content');
    const result = runImport([source, '--root', root, ...args]);
    expect(result.code).toBe(1);
    expect(result.stdout).toBe('');
    const lines = result.stderr.trim().split('\n');
    expect(lines, result.stderr).toHaveLength(1);
    expect(lines[0]).toMatch(line);
    expect(existsSync(root)).toBe(false);
  });

  it('reads local files only', () => {
    const result = runImport(['https://example.org/schedule.xml']);
    expect(result.code).toBe(1);
    expect(result.stderr.trim()).toBe('import error: https://example.org/schedule.xml: (file): only local files are imported; download the schedule first');
  });
});
