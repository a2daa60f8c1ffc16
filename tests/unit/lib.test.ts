/** Unit tests of the small pure modules in src/lib. */
import { describe, expect, it } from 'vitest';
import { formatDate, joinList, langAttr, scriptLang, useTranslations, withParenthetical } from '../../src/lib/i18n.ts';
import { localizedUrl, routePath, switchLangPath, withBase } from '../../src/lib/paths.ts';
import { addDays, byDay, dayCount, dayDate, isoAt, minutes, overlaps } from '../../src/lib/schedule.ts';
import { fillTemplate } from '../../src/lib/template.ts';
import { adjacentTalks, conferenceName, otherNames, scheduleOrder, tagCounts, talksBySpeaker, talksByTag, timeline } from '../../src/lib/model.ts';
import { embeddedFiles, parseFenceMeta } from '../../src/lib/embed.ts';
import { isExternal, relFor } from '../../src/lib/rehype-external-links.ts';
import { basePath, contentRoot } from '../../src/lib/config.ts';
import type { Conference, Talk } from '../../src/lib/schema.ts';
import { slidesFileName } from '../../src/lib/slides.ts';

describe('i18n', () => {
  it('fills placeholders and keeps unknown ones', () => {
    expect(useTranslations('zh')('conf.day', { n: 2 })).toBe('第 2 天');
    expect(useTranslations('en')('conf.day', { n: 2 })).toBe('Day 2');
    expect(useTranslations('en')('conf.day')).toBe('Day {n}');
  });
  it('formats dates per language', () => {
    expect(formatDate('zh', '2016-04-16T09:00:00+08:00')).toBe('2016 年 4 月 16 日');
    expect(formatDate('en', '2016-04-16')).toBe('April 16, 2016');
  });
  it('lists and parentheses follow each language', () => {
    expect(joinList('zh', ['陈辉', '刘奇'])).toBe('陈辉、刘奇');
    expect(joinList('en', ['Chen Hui', 'Liu Qi'])).toBe('Chen Hui, Liu Qi');
    expect(withParenthetical('zh', '陈辉', '蚂蚁金服')).toBe('陈辉（蚂蚁金服）');
    expect(withParenthetical('en', 'Chen Hui', 'Ant Financial')).toBe('Chen Hui (Ant Financial)');
    expect(withParenthetical('en', 'Chen Hui')).toBe('Chen Hui');
  });
  it('marks text whose script differs from the page', () => {
    expect(scriptLang('Go在分布式数据库中的应用')).toBe('zh');
    expect(scriptLang('Writing High Performance Go')).toBe('en');
    expect(langAttr('How to Write high performance application', 'zh')).toBe('en');
    expect(langAttr('Go与人工智能', 'en')).toBe('zh-CN');
    expect(langAttr('Go与人工智能', 'zh')).toBeUndefined();
  });
});

describe('paths', () => {
  it('builds every route under a base', () => {
    expect(localizedUrl('/', 'zh', { kind: 'home' })).toBe('/zh/');
    expect(localizedUrl('/notes/', 'en', { kind: 'talk', conference: 'gopherchina-2016', talk: 'baidu-bfe' })).toBe('/notes/en/gopherchina-2016/baidu-bfe/');
    expect(routePath({ kind: 'tag', tag: 'gc' })).toBe('tags/gc/');
    expect(withBase('/notes', '/x/')).toBe('/notes/x/');
  });
  it('switches language and keeps the page', () => {
    expect(switchLangPath('/', '/zh/speakers/liu-qi/', 'en')).toBe('/en/speakers/liu-qi/');
    expect(switchLangPath('/notes/', '/notes/en/tags/', 'zh')).toBe('/notes/zh/tags/');
    expect(switchLangPath('/', '/en/', 'zh')).toBe('/zh/');
  });
});

describe('config', () => {
  it('normalizes the base and the content root', () => {
    expect(basePath({})).toBe('/');
    expect(basePath({ CONFNOTES_BASE: 'notes' })).toBe('/notes/');
    expect(basePath({ CONFNOTES_BASE: '/notes/' })).toBe('/notes/');
    expect(contentRoot({})).toBe('content');
    expect(contentRoot({ CONFNOTES_CONTENT: 'tests/fixtures/x/' })).toBe('tests/fixtures/x');
  });
});

describe('schedule', () => {
  const conf = { start: '2016-04-16T09:00:00+08:00', end: '2016-04-17T18:00:00+08:00' };
  it('counts days and dates', () => {
    expect(dayCount(conf)).toBe(2);
    expect(dayDate(conf, 2)).toBe('2016-04-17');
    expect(addDays('2016-02-28', 2)).toBe('2016-03-01');
    expect(isoAt(conf, 1, '09:10')).toBe('2016-04-16T09:10+08:00');
  });
  it('compares clock times', () => {
    expect(minutes('13:10')).toBe(790);
    expect(overlaps({ day: 1, start: '09:00', end: '10:00' }, { day: 1, start: '09:59', end: '11:00' })).toBe(true);
    expect(overlaps({ day: 1, start: '09:00', end: '10:00' }, { day: 1, start: '10:00', end: '11:00' })).toBe(false);
    expect(overlaps({ day: 1, start: '09:00', end: '10:00' }, { day: 2, start: '09:00', end: '10:00' })).toBe(false);
  });
  it('groups by day in time order', () => {
    const grouped = byDay([
      { day: 2, start: '09:00', end: '09:50' },
      { day: 1, start: '14:00', end: '15:00' },
      { day: 1, start: '09:10', end: '10:00' },
    ]);
    expect(grouped.map((group) => [group.day, group.items.map((item) => item.start)])).toEqual([
      [1, ['09:10', '14:00']],
      [2, ['09:00']],
    ]);
  });
});

describe('template', () => {
  it('splits a sentence around its holes', () => {
    expect(fillTemplate('by {author} ({date}) {x}', ['author', 'date'])).toEqual([
      { type: 'text', value: 'by ' },
      { type: 'hole', name: 'author' },
      { type: 'text', value: ' (' },
      { type: 'hole', name: 'date' },
      { type: 'text', value: ') {x}' },
    ]);
  });
});

describe('model', () => {
  const t = (id: string, day: number, start: string, end: string, speakers: string[], tags: string[], conference = 'c1') => ({
    id,
    data: { conference, day, start, end, room: 'main', kind: 'talk', speakers, tags, title: { zh: id, en: id }, translatedTitle: [], links: [], untranslated: [] } as Talk,
  });
  const talks = [t('b', 1, '10:00', '11:00', ['x'], ['go']), t('c', 2, '09:00', '10:00', ['y', 'x'], ['go', 'db']), t('a', 1, '09:00', '10:00', ['y'], [])];
  const conferences = [{ id: 'c1', data: { start: '2016-04-16T09:00:00+08:00', end: '2016-04-17T18:00:00+08:00', slots: [{ day: 1, start: '11:00', end: '11:20', kind: 'break', sponsors: [] }] } as unknown as Conference }];
  it('orders talks by schedule and finds neighbours', () => {
    const ordered = scheduleOrder(talks, conferences);
    expect(ordered.map((talk) => talk.id)).toEqual(['a', 'b', 'c']);
    const byId = (id: string) => talks.find((talk) => talk.id === id)!;
    expect(adjacentTalks(talks, byId('b')).prev?.id).toBe('a');
    expect(adjacentTalks(talks, byId('b')).next?.id).toBe('c');
    expect(adjacentTalks(talks, byId('a')).prev).toBeUndefined();
    expect(adjacentTalks(talks, byId('c')).next).toBeUndefined();
  });
  it("finds neighbours within the talk's own conference when another conference reuses its id", () => {
    const archive = [...talks, t('b', 1, '09:00', '10:00', ['x'], [], 'c2'), t('z', 1, '10:00', '11:00', ['x'], [], 'c2')];
    const second = archive.find((talk) => talk.id === 'b' && talk.data.conference === 'c2')!;
    expect(adjacentTalks(archive, second).prev).toBeUndefined();
    expect(adjacentTalks(archive, second).next?.id).toBe('z');
  });
  it('puts slots into the timeline', () => {
    const days = timeline(conferences[0] as never, talks);
    expect(days[0].items.map((item) => (item.type === 'talk' ? item.talk.id : item.slot.kind))).toEqual(['a', 'b', 'break']);
  });
  it('indexes by speaker and tag, and counts tags', () => {
    const ordered = scheduleOrder(talks, conferences);
    expect(talksBySpeaker(ordered).get('x')?.map((talk) => talk.id)).toEqual(['b', 'c']);
    const byTag = talksByTag(ordered);
    const tags = ['db', 'go', 'unused'].map((id) => ({ id, data: { id, label: { zh: id, en: id }, description: { zh: id, en: id } } }));
    expect(tagCounts(tags, byTag, 'en').map(({ tag, count }) => [tag.id, count])).toEqual([
      ['go', 2],
      ['db', 1],
      ['unused', 0],
    ]);
  });
});

describe('embedding', () => {
  it('reads fence attributes', () => {
    expect(parseFenceMeta('file="files/user-data" title=x')).toEqual({ file: 'files/user-data', title: 'x' });
    expect(parseFenceMeta(null)).toEqual({});
  });
  it('finds embedded files and their lines', () => {
    expect(embeddedFiles('a\n\n```json file="files/a.json"\n```\n~~~ruby file=config.rb\n~~~\n```js\n```')).toEqual([
      { path: 'files/a.json', line: 3 },
      { path: 'config.rb', line: 5 },
    ]);
  });
});

describe('external links', () => {
  it('knows which links leave the site and what rel they need', () => {
    expect(isExternal('https://tonybai.com/')).toBe(true);
    expect(isExternal('//cdn.example/x')).toBe(true);
    expect(isExternal('/zh/')).toBe(false);
    expect(isExternal('#review')).toBe(false);
    expect(relFor('nofollow')).toEqual(['nofollow', 'noopener', 'noreferrer']);
    expect(relFor(undefined)).toEqual(['noopener', 'noreferrer']);
  });
});

describe('slidesFileName', () => {
  it('is the last segment of the URL, decoded', () => {
    expect(slidesFileName('https://github.com/gopherchina/conference/blob/master/2016/2.1%20Writing%20High%20Performance%20Go.pdf')).toBe('2.1 Writing High Performance Go.pdf');
  });

  it('is undefined for a "%" that is not an escape, instead of throwing', () => {
    expect(slidesFileName('https://example.com/100%-done.pdf')).toBeUndefined();
  });
});

describe('otherNames and conferenceName', () => {
  it('a speaker\'s other names leave out the page\'s own name and repeats', () => {
    const speaker = { name: { zh: '沈晟', en: 'Shen Sheng' }, romanization: 'Shen Sheng', aliases: ['Sheng Shen', 'Sheng Chen'], companies: [], links: [] };
    expect(otherNames(speaker, 'zh')).toEqual(['Shen Sheng', 'Sheng Shen', 'Sheng Chen']);
    expect(otherNames(speaker, 'en')).toEqual(['沈晟', 'Sheng Shen', 'Sheng Chen']);
  });

  it('a conference name in a language, its id when unknown', () => {
    const conferences = [{ id: 'c', data: { name: { zh: '大会', en: 'Conf' } } }] as unknown as Parameters<typeof conferenceName>[0];
    expect(conferenceName(conferences, 'c', 'en')).toBe('Conf');
    expect(conferenceName(conferences, 'x', 'zh')).toBe('x');
  });
});
