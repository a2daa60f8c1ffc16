/** The conference's schedule for other tools, per language: schedule.json (c3voc), schedule.xml (frab), schedule.ics. */
import type { APIRoute } from 'astro';
import { loadPages, loadSite } from '../../../data/site.ts';
import { scheduleFile } from '../../../data/program.ts';
import { SCHEDULE_FORMATS, type ScheduleFormat } from '../../../lib/paths.ts';
import type { Lang } from '../../../lib/schema.ts';
import { staticPaths } from '../../../lib/pages.ts';

/** Every format for each language of each conference page (the page table's rows). */
export async function getStaticPaths() {
  const formats = Object.keys(SCHEDULE_FORMATS) as ScheduleFormat[];
  return staticPaths(await loadPages(), 'conference').flatMap(({ params, cacheKey }) => formats.map((format) => ({ params: { ...params, format }, cacheKey })));
}

export const GET: APIRoute = async ({ params, site: origin }) => {
  const { body, type } = scheduleFile(await loadSite(), params.conference!, params.lang as Lang, params.format as ScheduleFormat, import.meta.env.BASE_URL, String(origin));
  return new Response(body, { headers: { 'Content-Type': type } });
};
