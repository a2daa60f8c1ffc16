/**
 * The real content's schedule as data, over dist/: every export of GopherChina 2016 in both languages is linked from
 * <head> and the page, and validates with real validators (ajv with our c3voc JSON schema transcription, xmllint
 * with our frab XSD transcription, ical.js). The second fixture conference is checked in tests/builds/schedule.test.ts.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { distDir, page } from './support/dist.ts';
import { c3vocJsonErrors, frabXmlErrors, parseCalendar } from './support/schedule-validators.ts';

const SITE = 'https://confnotes.example';
const CONF = 'gopherchina-2016';
const read = (path: string) => readFileSync(join(distDir, path), 'utf8');

describe('GopherChina 2016 as data', () => {
  it('links every export from <head> and visibly', () => {
    for (const lang of ['zh', 'en']) {
      const $ = page(`/${lang}/${CONF}/`);
      const types: Record<string, string> = Object.fromEntries($('head link[rel="alternate"][type]').map((_, link) => [[$(link).attr('type')!, $(link).attr('href')!]]).get());
      expect(types).toMatchObject({
        'text/calendar': `/${lang}/${CONF}/schedule.ics`,
        'application/json': `/${lang}/${CONF}/schedule.json`,
        'application/xml': `/${lang}/${CONF}/schedule.xml`,
      });
      expect($('.schedule-data a').map((_, a) => $(a).attr('href')).get()).toEqual(Object.values(types).filter((href) => href.includes('/schedule.')));
      const talk = page(`/${lang}/${CONF}/go-and-ai/`);
      expect(talk('head link[rel="alternate"][type="text/calendar"]').attr('href')).toBe(`/${lang}/${CONF}/go-and-ai/calendar.ics`);
    }
  });

  it('validates: schedule.json (c3voc), schedule.xml (frab XSD), calendars (ical.js)', async () => {
    for (const lang of ['zh', 'en']) {
      const json = JSON.parse(read(`${lang}/${CONF}/schedule.json`));
      expect(c3vocJsonErrors(json)).toEqual([]);
      expect(json.schedule.conference.time_zone_name).toBe('Asia/Shanghai');
      expect(json.schedule.conference.days.flatMap((day: { rooms: Record<string, unknown[]> }) => Object.values(day.rooms).flat())).toHaveLength(21);
      expect(await frabXmlErrors(read(`${lang}/${CONF}/schedule.xml`))).toEqual([]);
      expect(parseCalendar(read(`${lang}/${CONF}/schedule.ics`)).events).toHaveLength(21);
    }
    const ai = parseCalendar(read(`zh/${CONF}/go-and-ai/calendar.ics`)).events[0];
    expect(ai.startDate.zone?.tzid).toBe('Asia/Shanghai');
    expect(ai.component.getFirstPropertyValue('dtstamp')?.toString()).toBe('2016-04-18T00:00:00Z');
    expect(ai.component.getFirstPropertyValue('url')).toBe(`${SITE}/zh/${CONF}/go-and-ai/`);
  });
});
