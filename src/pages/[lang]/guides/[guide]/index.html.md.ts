/** The Markdown twin of a guide page (src/data/twins.ts, src/lib/markdown-twin.ts). */
import type { APIRoute } from 'astro';
import { guideMarkdown, markdownResponse } from '../../../../data/twins.ts';
import { loadPages } from '../../../../data/site.ts';
import { staticPaths } from '../../../../lib/pages.ts';
import type { Lang } from '../../../../lib/schema.ts';

export async function getStaticPaths() {
  return staticPaths(await loadPages(), 'guide');
}

export const GET: APIRoute = async ({ params, site }) => markdownResponse(await guideMarkdown(params.lang as Lang, String(site), params.guide!));
