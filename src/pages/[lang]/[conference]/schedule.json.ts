/** The conference's schedule in the c3voc schedule.json format, per language (src/lib/schedule-data.ts). */
import type { APIRoute } from 'astro';
import { loadPages, loadSite } from '../../../data/site.ts';
import { programFor } from '../../../data/program.ts';
import { c3vocSchedule } from '../../../lib/schedule-data.ts';
import { localizedUrl } from '../../../lib/paths.ts';
import type { Lang } from '../../../lib/schema.ts';
import { staticPaths } from '../../../lib/pages.ts';

/** One file per language of each conference page (the page table's rows). */
export async function getStaticPaths() {
  return staticPaths(await loadPages(), 'conference').map(({ params }) => ({ params }));
}

export const GET: APIRoute = async ({ params, site: origin }) => {
  const lang = params.lang as Lang;
  const base = import.meta.env.BASE_URL;
  const program = programFor(await loadSite(), params.conference!, lang, base, String(origin));
  const body = c3vocSchedule({
    conference: program.conference.data,
    conferenceId: program.conference.id,
    lang,
    sessions: program.sessions,
    conferenceUrl: program.conferenceUrl,
    selfUrl: new URL(localizedUrl(base, lang, { kind: 'scheduleData', conference: program.conference.id, format: 'json' }), origin).href,
    everyone: program.everyone,
  });
  return new Response(`${JSON.stringify(body, null, 2)}\n`, { headers: { 'Content-Type': 'application/json; charset=utf-8' } });
};
