/** validateContent over in-memory entries: the checks that no schema can make. */
import { describe, expect, it } from 'vitest';
import { fieldPath, formatError, parseMarkdown, validateContent, type RawContent, type RawEntry } from '../../src/lib/content-check.ts';
import { parseYamlText } from '../../src/lib/content-yaml.ts';
import { decodeText } from '../../src/lib/content-files.ts';

const conference = {
  name: { zh: '会', en: 'Conf' },
  edition: 1,
  city: { zh: '城', en: 'City' },
  venue: { zh: '场', en: 'Hall' },
  start: '2030-01-01T09:00:00+08:00',
  end: '2030-01-02T18:00:00+08:00',
  organizer: { name: { zh: '人', en: 'Person' } },
};
const talk = (over: Record<string, unknown> = {}) => ({
  conference: 'conf',
  day: 1,
  start: '09:00',
  end: '10:00',
  speakers: ['ada'],
  title: { zh: '题', en: 'Title' },
  ...over,
});
const review = (id: string, lang: 'zh' | 'en', body = 'Text.'): RawEntry => ({
  kind: 'review',
  id,
  lang,
  file: `c/talks/${id}/${lang}.md`,
  data: { heading: 'H', verdict: 'V' },
  body,
});

function content(entries: RawEntry[], files: string[] = []): RawContent {
  return { root: 'c', entries, unknown: [], exists: (file) => files.includes(file) };
}

const base = (): RawEntry[] => [
  { kind: 'conference', id: 'conf', file: 'c/conferences/conf/conference.yaml', data: conference },
  { kind: 'speaker', id: 'ada', file: 'c/speakers/ada.yaml', data: { name: { zh: '阿达', en: 'Ada' } } },
  { kind: 'talk', id: 't1', file: 'c/talks/t1/talk.yaml', data: talk() },
  review('t1', 'zh'),
  review('t1', 'en'),
];

describe('validateContent', () => {
  it('accepts a consistent root', () => {
    expect(validateContent(content(base()))).toEqual([]);
  });

  it('accepts a talk that declares its missing language', () => {
    const entries = base().filter((entry) => !(entry.kind === 'review' && entry.lang === 'en'));
    (entries[2].data as Record<string, unknown>).untranslated = ['en'];
    expect(validateContent(content(entries))).toEqual([]);
  });

  it('rejects a talk with no review in either language', () => {
    const entries = base().filter((entry) => entry.kind !== 'review');
    (entries[2].data as Record<string, unknown>).untranslated = ['zh', 'en'];
    expect(validateContent(content(entries)).map(formatError)).toContain('c/talks/t1/talk.yaml: untranslated: a talk needs a review in at least one language');
  });

  it('rejects a guide with no text in either language, in one line', () => {
    const guide: RawEntry = { kind: 'guide', id: 'g', file: 'c/guides/g/guide.yaml', data: { published: '2030-01-05', untranslated: ['zh', 'en'] } };
    expect(validateContent(content([...base(), guide])).map(formatError)).toEqual(['c/guides/g/guide.yaml: untranslated: a guide needs a text in at least one language']);
  });

  it('rejects a slides URL whose "%" is not an escape, in one line, and accepts real escapes', () => {
    const entries = base();
    entries[2].data = talk({ slides: 'https://example.com/2016/100%-done.pdf' });
    expect(validateContent(content(entries)).map(formatError)).toEqual(['c/talks/t1/talk.yaml: slides: has a "%" that is not an escape like %20 (write a literal % as %25)']);
    entries[2].data = talk({ slides: 'https://example.com/2016/2.1%20Writing%20High%20Performance%20Go.pdf' });
    expect(validateContent(content(entries))).toEqual([]);
  });

  it('lets talks in different rooms share a slot, not in the same room', () => {
    const entries = [...base(), { kind: 'talk' as const, id: 't2', file: 'c/talks/t2/talk.yaml', data: talk({ room: 'B' }) }, review('t2', 'zh'), review('t2', 'en')];
    expect(validateContent(content(entries))).toEqual([]);
    (entries[5].data as Record<string, unknown>).room = 'main';
    expect(validateContent(content(entries)).map((error) => error.field)).toEqual(['start']);
  });

  it('does not count back-to-back talks as a clash', () => {
    const entries = [...base(), { kind: 'talk' as const, id: 't2', file: 'c/talks/t2/talk.yaml', data: talk({ start: '10:00', end: '10:50' }) }, review('t2', 'zh'), review('t2', 'en')];
    expect(validateContent(content(entries))).toEqual([]);
  });

  it('allows <script> inside code, not in prose', () => {
    const entries = base();
    entries[3].body = 'Use `<script>` tags:\n\n```html\n<script src="x.js"></script>\n```\n';
    expect(validateContent(content(entries))).toEqual([]);
    entries[3].body = 'Text\n<SCRIPT>x()</SCRIPT>\n';
    expect(validateContent(content(entries)).map((error) => error.reason)).toEqual(['raw <script> is not allowed in Markdown']);
  });

  it('finds embedded files relative to the Markdown file', () => {
    const entries = base();
    entries[3].body = '```json file="files/a.json"\n```\n';
    expect(validateContent(content(entries, ['c/talks/t1/files/a.json']))).toEqual([]);
    expect(validateContent(content(entries)).map((error) => error.reason)).toEqual(['embedded file "files/a.json" does not exist (c/talks/t1/files/a.json)']);
    entries[3].body = '```json file="../../secret"\n```\n';
    expect(validateContent(content(entries, ['c/secret'])).map((error) => error.reason)).toEqual(['embedded file "../../secret" must stay inside the entry\'s folder']);
  });
});

describe('parseMarkdown', () => {
  it('splits front matter from the body and knows where the body starts', () => {
    const parsed = parseMarkdown('x.md', '---\na: 1\n---\n\nBody\n');
    expect(parsed.data).toEqual({ a: 1 });
    expect(parsed.body).toBe('\nBody\n');
    expect(parsed.bodyLine).toBe(4);
  });

  it('accepts CRLF files and a BOM', () => {
    expect(parseMarkdown('x.md', '\uFEFF---\r\na: 1\r\n---\r\nB\r\n').data).toEqual({ a: 1 });
  });

  it('reports unclosed front matter and invalid YAML', () => {
    expect(parseMarkdown('x.md', '---\na: 1\nBody\n').error?.reason).toMatch(/never closed/);
    expect(parseMarkdown('x.md', '---\na: [1\n---\nB\n').error?.reason).toMatch(/^invalid YAML/);
  });
});

describe('fieldPath', () => {
  it('reads like the YAML an author wrote', () => {
    expect(fieldPath(['speakers', 0])).toBe('speakers[0]');
    expect(fieldPath(['title', 'en'])).toBe('title.en');
    expect(fieldPath([2, 'label', 'zh'])).toBe('[2].label.zh');
    expect(fieldPath([])).toBe('(file)');
  });
});

describe('one pass, one line per cause', () => {
  const withTalk = (over: Record<string, unknown>) => {
    const entries = base();
    entries[2].data = talk(over);
    return entries;
  };
  const lines = (entries: RawEntry[]) => validateContent(content(entries)).map(formatError);

  it('checks the valid fields of an entry that has an invalid one', () => {
    expect(lines(withTalk({ start: '11.00', speakers: ['nobody'] }))).toEqual([
      'c/talks/t1/talk.yaml: start: must be a 24-hour time "HH:MM"',
      'c/talks/t1/talk.yaml: speakers[0]: unknown speaker "nobody" (no c/speakers/nobody.yaml)',
    ]);
  });

  it('says a conference end before its start once, not once per talk', () => {
    const entries = [...base(), { kind: 'talk' as const, id: 't2', file: 'c/talks/t2/talk.yaml', data: talk({ day: 2 }) }, review('t2', 'zh'), review('t2', 'en')];
    entries[0].data = { ...conference, end: '2003-01-02T18:00:00+08:00' };
    expect(lines(entries)).toEqual(['c/conferences/conf/conference.yaml: end: must be after start (2030-01-01T09:00:00+08:00)']);
  });

  it('puts many talks past the last day on the conference, one on the talk', () => {
    const late = (id: string) => [{ kind: 'talk' as const, id, file: `c/talks/${id}/talk.yaml`, data: talk({ day: 3, start: id === 't2' ? '09:00' : '11:00', end: id === 't2' ? '10:00' : '12:00' }) }, review(id, 'zh'), review(id, 'en')];
    expect(lines([...base(), ...late('t2')])).toEqual(["c/talks/t2/talk.yaml: day: day 3 is outside the conference's 2 day(s)"]);
    expect(lines([...base(), ...late('t2'), ...late('t3')])).toEqual([
      "c/conferences/conf/conference.yaml: end: 2 talks or slots are on days after the conference's last day 2 (up to day 3, e.g. c/talks/t2/talk.yaml); check start and end",
    ]);
  });

  it('reports an unknown speaker used by several talks once', () => {
    const entries = [...withTalk({ speakers: ['grace'] }), { kind: 'talk' as const, id: 't2', file: 'c/talks/t2/talk.yaml', data: talk({ speakers: ['grace'], start: '11:00', end: '12:00' }) }, review('t2', 'zh'), review('t2', 'en')];
    expect(lines(entries)).toEqual(['c/talks/t1/talk.yaml: speakers[0]: unknown speaker "grace" (no c/speakers/grace.yaml); also used by 1 other file']);
  });

  it('keeps talk ids unique per conference, not across conferences', () => {
    const other = { kind: 'conference' as const, id: 'conf2', file: 'c/conferences/conf2/conference.yaml', data: conference };
    const twin = (conf: string): RawEntry[] => [
      { kind: 'talk', id: 't1', file: `c/talks/${conf}/t1/talk.yaml`, data: talk({ conference: conf }) },
      { ...review('t1', 'zh'), file: `c/talks/${conf}/t1/zh.md` },
      { ...review('t1', 'en'), file: `c/talks/${conf}/t1/en.md` },
    ];
    expect(lines([...base(), other, ...twin('conf2')])).toEqual([]);
    expect(lines([...base(), other, ...twin('conf')])).toContain('c/talks/conf/t1/talk.yaml: (id): duplicate talk id "t1", already used by c/talks/t1/talk.yaml');
  });

  it('names a bad folder name once, on the talk, not on its reviews', () => {
    const entries: RawEntry[] = [
      ...base().slice(0, 2),
      { kind: 'talk', id: 'hello_world', file: 'c/talks/hello_world/talk.yaml', data: talk() },
      { ...review('hello_world', 'zh') },
      { ...review('hello_world', 'en') },
    ];
    expect(lines(entries)).toEqual(['c/talks/hello_world/talk.yaml: (id): id "hello_world" (from the folder name) must be lowercase letters, digits and single hyphens']);
  });

  it('refuses a URL with a raw space, and impossible dates', () => {
    expect(lines(withTalk({ slides: 'https://example.com/my slides.pdf' }))).toEqual(['c/talks/t1/talk.yaml: slides: must not contain spaces; write a space as %20']);
    const entries = base();
    entries[0].data = { ...conference, start: '2030-04-31T09:00:00+08:00', end: '2030-05-02T18:00:00+08:00' };
    expect(lines(entries)).toEqual(['c/conferences/conf/conference.yaml: start: is not a real date and time']);
  });
});

describe('YAML as Astro reads it', () => {
  it('names the line and key of a syntax error, and hints at quotes', () => {
    const parsed = parseMarkdown('x.md', '---\nheading: H\nverdict: He said: no\n---\nB\n');
    expect(parsed.error).toEqual({ file: 'x.md', field: 'line 3 (verdict)', reason: 'invalid YAML: Nested mappings are not allowed in compact mappings; the value contains ": ", so put it in quotes: verdict: "He said: no"' });
    expect(parseYamlText('a: 1\nlist: [x, y\nb: 2\n')).toMatchObject({ error: { field: 'line 2 (list)' } });
  });

  it('turns unquoted timestamps into Dates, as js-yaml does, and refuses days that do not exist', () => {
    const parsed = parseYamlText('start: 2016-04-16T09:00:00+08:00\npublished: 2015-07-20\nquoted: "2015-07-20"\nbad: 2015-04-31\n');
    expect(parsed).toMatchObject({ problems: [{ field: 'bad', reason: '2015-04-31 is not a real date' }] });
    const data = (parsed as { data: Record<string, unknown> }).data;
    expect(data.start).toEqual(new Date('2016-04-16T01:00:00Z'));
    expect(data.published).toEqual(new Date('2015-07-20T00:00:00Z'));
    expect(data.quoted).toBe('2015-07-20');
  });

  it('accepts an unquoted date where a date is expected, refuses an unquoted date-time', () => {
    const entries = base();
    entries[0].data = { ...conference, start: new Date('2030-01-01T01:00:00Z') };
    expect(validateContent(content(entries)).map((error) => `${error.field}: ${error.reason}`)).toEqual([
      'start: is an unquoted date, which YAML turns into a moment in UTC; put it in quotes, e.g. "2016-04-16T09:00:00+08:00"',
    ]);
    const source = { title: 'T', url: 'https://example.com/p', published: new Date('2015-07-20T00:00:00Z'), author: { name: { zh: '某', en: 'S' }, url: 'https://example.com/' } };
    entries[0].data = { ...conference, source };
    expect(validateContent(content(entries))).toEqual([]);
  });
});

describe('decodeText', () => {
  const gbk = Buffer.from('c4e3bac3a3accac0bde7a1a3d5e2cac7d2bbb6ceb1a3b4e6cab1d1a1c1cbbec9b1e0c2ebb5c4cec4d7d6a1a3', 'hex'); // 你好，世界。这是一段保存时选了旧编码的文字。 in GBK
  it('reads UTF-8, with or without a BOM', () => {
    expect(decodeText(Buffer.from('\uFEFFhé 你好', 'utf8'))).toEqual({ text: 'hé 你好' });
  });
  it('names UTF-16 and legacy encodings', () => {
    expect(decodeText(Buffer.from('\uFEFFhello', 'utf16le'))).toEqual({ reason: 'is saved as UTF-16 (little endian); save it as UTF-8' });
    expect(decodeText(Buffer.from([0xfe, 0xff, 0, 0x68]))).toEqual({ reason: 'is saved as UTF-16 (big endian); save it as UTF-8' });
    expect(decodeText(gbk)).toEqual({ reason: 'is not valid UTF-8 (it looks like GB18030/GBK); save it as UTF-8' });
  });
});
