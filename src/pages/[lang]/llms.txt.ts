/** /<lang>/llms.txt: every conference, talk and guide of the language, linked to its Markdown twin (src/data/llms.ts). */
import type { APIRoute } from 'astro';
import { languageLlmsTxt } from '../../data/llms.ts';
import { loadPages } from '../../data/site.ts';
import { staticPaths } from '../../lib/pages.ts';
import type { Lang } from '../../lib/schema.ts';

export async function getStaticPaths() {
  return staticPaths(await loadPages(), 'home').map(({ params, cacheKey }) => ({ params, cacheKey }));
}

export const GET: APIRoute = async ({ params, site }) =>
  new Response(await languageLlmsTxt(params.lang as Lang, String(site)), { headers: { 'Content-Type': 'text/plain; charset=utf-8' } });
