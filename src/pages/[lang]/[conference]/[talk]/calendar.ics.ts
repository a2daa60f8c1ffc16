/** One talk as an iCalendar file, per language: what "Add to calendar" on the talk page opens. */
import type { APIRoute } from 'astro';
import { loadSite } from '../../../../data/site.ts';
import { programFor } from '../../../../data/program.ts';
import { icalendar } from '../../../../lib/calendar.ts';
import type { Lang } from '../../../../lib/schema.ts';
import { perLanguage } from '../../../../lib/routes.ts';

export async function getStaticPaths() {
  const site = await loadSite();
  return perLanguage(site.talks, (talk) => ({ conference: talk.data.conference, talk: talk.id }));
}

export const GET: APIRoute = async ({ params, site: origin }) => {
  const lang = params.lang as Lang;
  const program = programFor(await loadSite(), params.conference!, lang, import.meta.env.BASE_URL, String(origin));
  const body = icalendar({
    conference: program.conference.data,
    conferenceId: program.conference.id,
    name: program.calendarName,
    lang,
    sessions: program.sessions.filter((session) => session.key === params.talk),
    host: program.host,
    venue: program.conference.data.venue[lang],
  });
  return new Response(body, { headers: { 'Content-Type': 'text/calendar; charset=utf-8' } });
};
