/** The Markdown twin of a conference page (src/data/twins.ts, src/lib/markdown-twin.ts). */
import type { APIRoute } from 'astro';
import { conferenceMarkdown, markdownResponse } from '../../../data/twins.ts';
import { loadPages } from '../../../data/site.ts';
import { staticPaths } from '../../../lib/pages.ts';
import type { Lang } from '../../../lib/schema.ts';

export async function getStaticPaths() {
  return staticPaths(await loadPages(), 'conference');
}

export const GET: APIRoute = async ({ params, site }) => markdownResponse(await conferenceMarkdown(params.lang as Lang, String(site), params.conference!));
