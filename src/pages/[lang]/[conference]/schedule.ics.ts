/** Every session of the conference as one iCalendar file, per language (src/lib/calendar.ts). */
import type { APIRoute } from 'astro';
import { loadPages, loadSite } from '../../../data/site.ts';
import { programFor } from '../../../data/program.ts';
import { icalendar } from '../../../lib/calendar.ts';
import type { Lang } from '../../../lib/schema.ts';
import { staticPaths } from '../../../lib/pages.ts';

/** One file per language of each conference page (the page table's rows). */
export async function getStaticPaths() {
  return staticPaths(await loadPages(), 'conference').map(({ params }) => ({ params }));
}

export const GET: APIRoute = async ({ params, site: origin }) => {
  const lang = params.lang as Lang;
  const program = programFor(await loadSite(), params.conference!, lang, import.meta.env.BASE_URL, String(origin));
  const body = icalendar({
    conference: program.conference.data,
    conferenceId: program.conference.id,
    name: program.calendarName,
    lang,
    sessions: program.sessions,
    host: program.host,
    venue: program.conference.data.venue[lang],
  });
  return new Response(body, { headers: { 'Content-Type': 'text/calendar; charset=utf-8' } });
};
