/** validateContent over in-memory entries: the checks that no schema can make. */
import { describe, expect, it } from 'vitest';
import { fieldPath, formatError, parseMarkdown, validateContent, type RawContent, type RawEntry } from '../../src/lib/content-check.ts';

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
