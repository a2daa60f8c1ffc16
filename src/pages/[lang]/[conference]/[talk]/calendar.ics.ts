/** One talk as an iCalendar file, per language: what "Add to calendar" on the talk page opens. */
import type { APIRoute } from 'astro';
import { loadPages, loadSite } from '../../../../data/site.ts';
import { scheduleFile } from '../../../../data/program.ts';
import type { Lang } from '../../../../lib/schema.ts';
import { staticPaths } from '../../../../lib/pages.ts';

/** One file per language of each talk page (the page table's rows). */
export async function getStaticPaths() {
  return staticPaths(await loadPages(), 'talk').map(({ params, cacheKey }) => ({ params, cacheKey }));
}

export const GET: APIRoute = async ({ params, site: origin }) => {
  const { body, type } = scheduleFile(await loadSite(), params.conference!, params.lang as Lang, 'ics', import.meta.env.BASE_URL, String(origin), params.talk);
  return new Response(body, { headers: { 'Content-Type': type } });
};
