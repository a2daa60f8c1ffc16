/**
 * Schedule as data (issue 14), over real builds:
 * - the fictional FormatConf 2031 (tests/fixtures/schedule-conf: three named days with a training day, two parallel
 *   rooms, a talk with two speakers, a speaker with two sessions and two employers, a title we translated, the
 *   conference's own session kind and sponsor tier, Europe/Berlin with summer time) is built into a folder of its own;
 * - the real content's exports are checked over dist/ in tests/schedule-data.test.ts.
 * Every export of both is held to the schemas with real validators (ajv, xmllint, ical.js); pages show rooms, kinds
 * and day names, and link every export from <head> and visibly.
 */
import { readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { build, type BuildResult } from '../support/build.ts';
import { page } from '../support/dist.ts';
import { c3vocJsonErrors, frabXmlErrors, parseCalendar } from '../support/schedule-validators.ts';
import { foldLine, escapeText } from '../../src/lib/calendar.ts';
import { uuidV5 } from '../../src/lib/program.ts';
import { parallelRows, type TimelineItem } from '../../src/lib/model.ts';

const FIXTURE = 'tests/fixtures/schedule-conf';
const CONF = 'formatconf-2031';
const TALKS = ['go-from-zero', 'opening-keynote', 'parsing-xml', 'json-schemas', 'calendar-panel', 'lightning-round'];

let result: BuildResult;
const at = (path: string) => page(path, result.outDir);
const read = (dir: string, path: string) => readFileSync(join(dir, path), 'utf8');

beforeAll(async () => {
  result = await build({ CONFNOTES_CONTENT: FIXTURE });
}, 240_000);

afterAll(() => {
  if (!result) return;
  rmSync(result.outDir, { recursive: true, force: true });
  rmSync(`${result.outDir}-cache`, { recursive: true, force: true });
});

describe('a conference with rooms, named days and kinds', () => {
  it('builds', () => {
    expect(result.code, result.output).toBe(0);
  });

  it('names its days and keeps parallel talks side by side, each with its room', () => {
    const en = at(`/en/${CONF}/`);
    expect(en('section.day > .heading > h2').map((_, h) => en(h).text().trim()).get()).toEqual([
      'Training day · September 15, 2031',
      'Conference day 1 · September 16, 2031',
      'Conference day 2 · September 17, 2031',
    ]);
    const zh = at(`/zh/${CONF}/`);
    expect(zh('section.day > .heading > h2').first().text().trim()).toBe('培训日 · 2031 年 9 月 15 日');
    // Talk titles are one level below their day.
    expect(en('section.day li.talk h3')).toHaveLength(TALKS.length);
    // The two 10:30 talks form one row, in the conference's room order.
    const row = en('li.parallel').filter((_, li) => en(li).find('a[href$="/parsing-xml/"]').length > 0);
    expect(row).toHaveLength(1);
    expect(row.find('.rooms > li.talk')).toHaveLength(2);
    expect(row.find('.rooms > li').map((_, li) => en(li).attr('data-room')).get()).toEqual(['hall-a', 'hall-b']);
    expect(row.find('.session').map((_, p) => en(p).text()).get()).toEqual(['Track 1 hall', 'Track 2 room']);
    expect(zh('a[href$="/json-schemas/"]').closest('li').find('.session').text()).toBe('分会场二');
    // Every talk is on the schedule once, in both languages.
    for (const $ of [en, zh]) expect($('li.talk')).toHaveLength(TALKS.length);
  });

  it('labels kinds, the conference\'s own kinds and tiers, and slots with rooms', () => {
    const en = at(`/en/${CONF}/`);
    expect(en('a[href$="/opening-keynote/"]').closest('li').find('.session').text()).toBe('Keynote · Track 1 hall');
    expect(en('a[href$="/go-from-zero/"]').closest('li').find('.session').text()).toBe('Training · Training lab');
    expect(en('li.slot.open-space .slot-title').text()).toBe('Open space');
    expect(en('li.slot.open-space .talk-meta').text()).toBe('Track 2 room');
    expect(en('.sponsor-tiers').text()).toContain('Coffee sponsor');
    const zh = at(`/zh/${CONF}/`);
    expect(zh('a[href$="/calendar-panel/"]').closest('li').find('.session').text()).toBe('圆桌讨论 · 分会场一');
    expect(zh('.sponsor-tiers').text()).toContain('咖啡赞助');
  });

  it('shows the room, the kind and every affiliation on the talk page', () => {
    const en = at(`/en/${CONF}/parsing-xml/`);
    const facts = en('dl.facts');
    const value = (term: string) => facts.find('dt').filter((_, dt) => en(dt).text() === term).next('dd').text();
    expect(value('Room')).toBe('Track 1 hall');
    expect(value('Speakers')).toContain('Chen Xu (Sample Labs (fictional), Fictional University)');
    const keynote = at(`/en/${CONF}/opening-keynote/`);
    const keynoteValue = (term: string) => keynote('dl.facts dt').filter((_, dt) => keynote(dt).text() === term).next('dd').text();
    expect(keynoteValue('Format')).toBe('Keynote');
    // Ada Sample spoke for a different employer at each of her two sessions.
    expect(keynoteValue('Speakers')).toContain('Example Corp (fictional)');
    expect(keynoteValue('Speakers')).not.toContain('Sample Training Co');
    expect(keynoteValue('When')).toContain('Conference day 1');
    expect(at(`/zh/${CONF}/opening-keynote/`)('dl.facts').text()).toContain('大会第一天');
  });

  it('does not call a title we translated official', () => {
    // The title once (the h1), the other language's under it, labeled official or ours.
    const zh = at(`/zh/${CONF}/go-from-zero/`);
    expect(zh('h1').text()).toBe('从零开始学 Go');
    expect(zh('.other-title').text()).toBe('本站译名，英文官方标题：Go from zero');
    expect(zh('.other-title').attr('data-official')).toBe('');
    expect(zh('article').text().match(/从零开始学 Go/g)).toHaveLength(1);
    const en = at(`/en/${CONF}/go-from-zero/`);
    expect(en('h1').text()).toBe('Go from zero');
    expect(en('.other-title').text()).toBe('Our Chinese translation: 从零开始学 Go');
    expect(en('.other-title').attr('data-official')).toBeUndefined();
    expect(en('.other-title [lang]').attr('lang')).toBe('zh-CN');
  });

  it('labels times with the conference\'s zone', () => {
    expect(at(`/en/${CONF}/`)('.schedule-zone').text()).toContain('Europe/Berlin (UTC+02:00)');
    expect(at(`/zh/${CONF}/parsing-xml/`)('.when').text()).toContain('Europe/Berlin (UTC+02:00)');
    expect(at(`/en/${CONF}/`)('time[datetime="2031-09-16T10:30+02:00"]').length).toBeGreaterThan(0);
  });
});

describe('exports', () => {
  const builds = () => [
    { dir: result.outDir, conference: CONF, talks: TALKS, sessions: 13 },
  ];

  it('links each from <head> with its media type and visibly', () => {
    for (const { dir, conference, talks } of builds()) {
      for (const lang of ['zh', 'en']) {
        const $ = page(`/${lang}/${conference}/`, dir);
        const types: Record<string, string> = Object.fromEntries($('head link[rel="alternate"][type]').map((_, link) => [[$(link).attr('type')!, $(link).attr('href')!]]).get());
        expect(types).toMatchObject({
          'application/json': `/${lang}/${conference}/schedule.json`,
          'application/xml': `/${lang}/${conference}/schedule.xml`,
          'text/calendar': `/${lang}/${conference}/schedule.ics`,
        });
        const visible = $('.schedule-data a').map((_, a) => $(a).attr('href')).get();
        expect(visible).toEqual(Object.values(types).filter((href) => href.includes('/schedule.')));
        for (const talk of talks) {
          const $talk = page(`/${lang}/${conference}/${talk}/`, dir);
          const href = `/${lang}/${conference}/${talk}/calendar.ics`;
          expect($talk('head link[rel="alternate"][type="text/calendar"]').attr('href')).toBe(href);
          expect($talk(`.when a[href="${href}"]`).text()).toBe(lang === 'zh' ? '加入日历' : 'Add to calendar');
        }
      }
    }
  });

  it('schedule.json is valid against the c3voc JSON schema', () => {
    for (const { dir, conference, sessions } of builds()) {
      for (const lang of ['zh', 'en']) {
        const document = JSON.parse(read(dir, `${lang}/${conference}/schedule.json`));
        expect(c3vocJsonErrors(document), `${lang}/${conference}`).toEqual([]);
        const events = document.schedule.conference.days.flatMap((day: { rooms: Record<string, unknown[]> }) => Object.values(day.rooms).flat());
        expect(events).toHaveLength(sessions);
      }
    }
    const en = JSON.parse(read(result.outDir, `en/${CONF}/schedule.json`));
    expect(en.schedule.conference.time_zone_name).toBe('Europe/Berlin');
    expect(en.schedule.conference.days.map((day: { date: string }) => day.date)).toEqual(['2031-09-15', '2031-09-16', '2031-09-17']);
    const parsing = en.schedule.conference.days[1].rooms['Track 1 hall'].find((event: { title: string }) => event.title === 'Ten pitfalls of parsing XML');
    expect(parsing).toMatchObject({ date: '2031-09-16T10:30:00+02:00', duration: '00:45', type: 'talk', persons: [{ name: 'Ben Fake' }, { name: 'Chen Xu' }] });
    expect(en.schedule.conference.days[1].rooms['Track 2 room'].map((event: { title: string }) => event.title)).toEqual(['JSON Schema in practice']);
  });

  it('the JSON validator is strict: a document with a mistake fails', () => {
    const document = JSON.parse(read(result.outDir, `en/${CONF}/schedule.json`));
    const event = document.schedule.conference.days[1].rooms['Track 1 hall'][0];
    event.guid = 'not-a-uuid';
    delete event.slug;
    document.schedule.conference.acronym = 'Format-Conf';
    const errors = c3vocJsonErrors(document);
    expect(errors.join('\n')).toMatch(/guid: must match format "uuid"/);
    expect(errors.join('\n')).toMatch(/must have required property 'slug'/);
    expect(errors.join('\n')).toMatch(/acronym: must match pattern/);
  });

  it('schedule.xml is valid against the frab XSD, and the XSD is strict', async () => {
    for (const { dir, conference } of builds()) {
      for (const lang of ['zh', 'en']) expect(await frabXmlErrors(read(dir, `${lang}/${conference}/schedule.xml`)), `${lang}/${conference}`).toEqual([]);
    }
    const xml = read(result.outDir, `en/${CONF}/schedule.xml`);
    expect((await frabXmlErrors(xml.replace('<duration>00:45</duration>', '<duration>45 minutes</duration>'))).join('\n')).toMatch(/duration/);
    expect((await frabXmlErrors(xml.replace(/<day index="2"/, '<day index="1"'))).join('\n')).toMatch(/day_index|unique/i);
  });

  it('the calendars parse with ical.js, with the conference zone, stable UIDs and a DTSTAMP from the content', () => {
    const zh = parseCalendar(read(result.outDir, `zh/${CONF}/schedule.ics`));
    const en = parseCalendar(read(result.outDir, `en/${CONF}/schedule.ics`));
    expect(en.events).toHaveLength(13);
    expect(en.calendar.getFirstSubcomponent('vtimezone')?.getFirstPropertyValue('tzid')).toBe('Europe/Berlin');
    // The same session has the same UID in both languages; UIDs are unique.
    expect(zh.events.map((event) => event.uid)).toEqual(en.events.map((event) => event.uid));
    expect(new Set(en.events.map((event) => event.uid)).size).toBe(13);
    const parsing = en.events.find((event) => event.summary === 'Ten pitfalls of parsing XML')!;
    expect(parsing.startDate.zone?.tzid).toBe('Europe/Berlin');
    expect(parsing.startDate.toJSDate().toISOString()).toBe('2031-09-16T08:30:00.000Z');
    expect(parsing.endDate.toJSDate().toISOString()).toBe('2031-09-16T09:15:00.000Z');
    expect(parsing.location).toBe('Track 1 hall, Fictional Expo Centre');
    expect(parsing.description).toContain('Ben Fake (Fake Data (fictional)), Chen Xu (Sample Labs (fictional), Fictional University)');
    expect(parsing.component.getFirstPropertyValue('dtstamp')?.toString()).toBe('2031-09-17T00:00:00Z');
    expect(zh.events.find((event) => event.uid === parsing.uid)!.summary).toBe('解析 XML 的十个坑');

    const talk = parseCalendar(read(result.outDir, `en/${CONF}/parsing-xml/calendar.ics`));
    expect(talk.events.map((event) => event.uid)).toEqual([parsing.uid]);

  });

  it('calendar lines end in CRLF and fold at 75 octets without splitting a character', () => {
    const text = read(result.outDir, `zh/${CONF}/schedule.ics`);
    expect(text.split('\r\n').every((line) => Buffer.byteLength(line, 'utf8') <= 75)).toBe(true);
    expect(text.replace(/\r\n/g, '')).not.toMatch(/\n/);
    const folded = foldLine(`SUMMARY:${'格式'.repeat(40)}`);
    expect(folded.split('\r\n ').join('')).toBe(`SUMMARY:${'格式'.repeat(40)}`);
    expect(escapeText('a,b;c\\d\ne')).toBe('a\\,b\\;c\\\\d\\ne');
  });
});

describe('program helpers', () => {
  it('makes RFC 4122 version 5 UUIDs (the DNS-namespace example gives the well-known value)', () => {
    expect(uuidV5('www.example.com', '6ba7b810-9dad-11d1-80b4-00c04fd430c8')).toBe('2ed6657d-e927-568b-95e1-2665a8aea6a2');
  });

  it('groups overlapping sessions into rows in room order', () => {
    const talk = (id: string, start: string, end: string, room?: string) =>
      ({ type: 'talk', day: 1, start, end, talk: { id, data: { room } } }) as unknown as TimelineItem;
    const rows = parallelRows([talk('b', '10:00', '10:45', 'two'), talk('a', '10:00', '10:30', 'one'), talk('c', '11:00', '11:30')], [{ id: 'one' }, { id: 'two' }]);
    expect(rows.map((row) => row.items.map((item) => (item.type === 'talk' ? item.talk.id : '')))).toEqual([['a', 'b'], ['c']]);
    expect(rows[0]).toMatchObject({ start: '10:00', end: '10:45' });
  });
});
