/** What the schedule export routes share: the site's program of one conference in one language. */
import type { Lang } from '../lib/schema.ts';
import type { Site } from './site.ts';
import { verdictFor } from './site.ts';
import { programOf } from '../lib/program.ts';
import { localizedUrl, SCHEDULE_FORMATS, type ScheduleFormat } from '../lib/paths.ts';
import { icalendar } from '../lib/calendar.ts';
import { c3vocSchedule, frabScheduleXml } from '../lib/schedule-data.ts';
import { useTranslations } from '../lib/i18n.ts';

const programs = new WeakMap<Site, Map<string, Program>>();
type Program = ReturnType<typeof computeProgram>;

/**
 * The program of a conference in a language, worked out once per build: every talk's own calendar is written from
 * it, so computing it per calendar did the conference's work once for each of its talks.
 */
export function programFor(site: Site, conferenceId: string, lang: Lang, base: string, origin: string): Program {
  let ofSite = programs.get(site);
  if (!ofSite) programs.set(site, (ofSite = new Map()));
  const key = JSON.stringify([conferenceId, lang, base, origin]);
  let program = ofSite.get(key);
  if (!program) ofSite.set(key, (program = computeProgram(site, conferenceId, lang, base, origin)));
  return program;
}

function computeProgram(site: Site, conferenceId: string, lang: Lang, base: string, origin: string) {
  const conference = site.conferences.find((entry) => entry.id === conferenceId)!;
  const sessions = programOf({
    conference,
    talks: site.talks,
    speakers: site.speakers,
    tags: site.tags,
    lang,
    base,
    origin,
    verdict: (talk) => verdictFor(site, talk, lang)?.text,
  });
  const t = useTranslations(lang);
  return {
    conference,
    sessions,
    conferenceUrl: new URL(localizedUrl(base, lang, { kind: 'conference', conference: conferenceId }), origin).href,
    everyone: conference.data.rooms.length === 0 ? t('conf.mainRoom') : t('conf.allRooms'),
    calendarName: `${conference.data.name[lang]} · ${t('site.name')}`,
    host: new URL(origin).host,
  };
}

/**
 * One schedule file of a conference in one language: `schedule.json`, `schedule.xml`, `schedule.ics`, or with
 * `talk` the calendar of that one talk. The export routes are this call and their paths.
 */
export function scheduleFile(site: Site, conferenceId: string, lang: Lang, format: ScheduleFormat, base: string, origin: string, talk?: string): { body: string; type: string } {
  const program = programFor(site, conferenceId, lang, base, origin);
  const type = `${SCHEDULE_FORMATS[format].type}; charset=utf-8`;
  if (format === 'ics') {
    const body = icalendar({
      conference: program.conference.data,
      conferenceId,
      name: program.calendarName,
      lang,
      sessions: talk ? program.sessions.filter((session) => session.key === talk) : program.sessions,
      host: program.host,
      venue: program.conference.data.venue[lang],
    });
    return { body, type };
  }
  const input = {
    conference: program.conference.data,
    conferenceId,
    lang,
    sessions: program.sessions,
    conferenceUrl: program.conferenceUrl,
    selfUrl: new URL(localizedUrl(base, lang, { kind: 'scheduleData', conference: conferenceId, format }), origin).href,
    everyone: program.everyone,
  };
  return format === 'json' ? { body: `${JSON.stringify(c3vocSchedule(input), null, 2)}\n`, type } : { body: frabScheduleXml(input), type };
}
