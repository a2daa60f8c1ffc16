/** The content check's schedule rules (issue 14): rooms, kinds, tiers, days, the time zone, affiliations, titles. */
import { describe, expect, it } from 'vitest';
import { formatError, validateContent, type RawEntry } from '../../src/lib/content-check.ts';

const conference = (over: Record<string, unknown> = {}) => ({
  name: { zh: '会', en: 'Conf' },
  edition: 1,
  city: { zh: '城', en: 'City' },
  venue: { zh: '场', en: 'Hall' },
  start: '2031-09-15T09:00:00+02:00',
  end: '2031-09-17T18:00:00+02:00',
  organizer: { name: { zh: '人', en: 'Person' } },
  ...over,
});
const review = (lang: 'zh' | 'en'): RawEntry => ({ kind: 'review', id: 't1', lang, file: `c/talks/conf/t1/${lang}.md`, data: { heading: 'H', verdict: 'V' }, body: 'Text.' });
const root = (conf: Record<string, unknown>, talk: Record<string, unknown> = {}, speaker: Record<string, unknown> = {}) => ({
  root: 'c',
  unknown: [],
  exists: () => false,
  entries: [
    { kind: 'conference', id: 'conf', file: 'c/conferences/conf/conference.yaml', data: conference(conf) },
    { kind: 'speaker', id: 'ada', file: 'c/speakers/ada.yaml', data: { name: { zh: '阿达', en: 'Ada' }, ...speaker } },
    { kind: 'talk', id: 't1', file: 'c/talks/conf/t1/talk.yaml', data: { conference: 'conf', day: 1, start: '09:00', end: '10:00', speakers: ['ada'], title: { zh: '题', en: 'Title' }, ...talk } },
    review('zh'),
    review('en'),
  ] as RawEntry[],
});
const lines = (...args: Parameters<typeof root>) => validateContent(root(...args)).map(formatError);

describe('schedule content', () => {
  it('accepts rooms, named days, own kinds and tiers, a zone that agrees, scoped affiliations', () => {
    expect(
      lines(
        {
          timezone: 'Europe/Berlin',
          days: [{ date: '2031-09-15', name: { zh: '培训日', en: 'Training day' } }, { date: '2031-09-17' }],
          rooms: [{ id: 'a', name: { zh: '甲', en: 'A' } }],
          kinds: [{ id: 'open-space', name: { zh: '开放空间', en: 'Open space' } }],
          tiers: [{ id: 'coffee', name: { zh: '咖啡', en: 'Coffee' } }],
          sponsors: [{ tier: 'coffee', name: { zh: '豆', en: 'Beans' } }, { tier: 'bronze', name: { zh: '铜', en: 'Copper' } }],
          slots: [{ day: 2, start: '12:00', end: '13:00', kind: 'open-space', room: 'a' }],
        },
        { room: 'a', kind: 'keynote', translatedTitle: ['zh'] },
        { companies: [{ conference: 'conf', name: { zh: '甲', en: 'A' }, talks: ['t1'] }, { conference: 'conf', name: { zh: '乙', en: 'B' } }] },
      ),
    ).toEqual([]);
  });

  it('keeps a plain room id valid when the conference lists no rooms', () => {
    expect(lines({}, { room: 'Hall 2' })).toEqual([]);
  });

  it('reports one line per mistake', () => {
    expect(
      lines(
        {
          timezone: 'Asia/Shanghai',
          days: [{ date: '2031-09-16' }, { date: '2031-09-15' }, { date: '2031-10-01' }],
          rooms: [{ id: 'a', name: { zh: '甲', en: 'A' } }],
          sponsors: [{ tier: 'unobtainium', name: { zh: '稀', en: 'Rare' } }],
          slots: [{ day: 1, start: '12:00', end: '13:00', kind: 'nap', room: 'b' }],
        },
        { room: 'c', kind: 'sermon', translatedTitle: ['zh', 'en'] },
        { companies: [{ conference: 'conf', name: { zh: '甲', en: 'A' }, talks: ['t9'] }] },
      ),
    ).toEqual([
      'c/conferences/conf/conference.yaml: slots[0].kind: unknown kind "nap" (known: keynote, talk, lightning, panel, workshop, training, qa, registration, opening, welcome, closing, break, lunch, meal, party, other; add others under kinds)',
      'c/conferences/conf/conference.yaml: slots[0].room: unknown room "b" (not in rooms)',
      'c/conferences/conf/conference.yaml: sponsors[0].tier: unknown tier "unobtainium" (known: co-organizer, diamond, platinum, gold, silver, bronze, partner, media, community; add others under tiers)',
      'c/conferences/conf/conference.yaml: days[1].date: must come after the day before it (2031-09-16)',
      'c/conferences/conf/conference.yaml: days[2].date: 2031-10-01 is outside the conference\'s dates (2031-09-15 to 2031-09-17)',
      'c/conferences/conf/conference.yaml: timezone: Asia/Shanghai is not at offset +02:00 on 2031-09-15 (start says so)',
      'c/speakers/ada.yaml: companies[0].talks[0]: "ada" gave no talk "t9" at conf',
      'c/talks/conf/t1/talk.yaml: kind: unknown kind "sermon" (known: keynote, talk, lightning, panel, workshop, training, qa, registration, opening, welcome, closing, break, lunch, meal, party, other; a conference adds others under kinds)',
      'c/talks/conf/t1/talk.yaml: room: unknown room "c" (the conference\'s rooms: a)',
      'c/talks/conf/t1/talk.yaml: translatedTitle: at least one title must be the official one',
    ]);
  });

  it('rejects a time-zone name that does not exist', () => {
    expect(lines({ timezone: 'Mars/Olympus' })).toEqual([
      'c/conferences/conf/conference.yaml: timezone: must be an IANA time-zone name such as "Asia/Shanghai" or "Europe/Berlin"',
    ]);
  });
});
