/** The Markdown twin of a speaker page, every talk on one list (src/data/twins.ts, src/lib/markdown-twin.ts). */
import type { APIRoute } from 'astro';
import { markdownResponse, speakerMarkdown } from '../../../../data/twins.ts';
import { loadPages } from '../../../../data/site.ts';
import { staticPaths } from '../../../../lib/pages.ts';
import type { Lang } from '../../../../lib/schema.ts';

export async function getStaticPaths() {
  return staticPaths(await loadPages(), 'speaker');
}

export const GET: APIRoute = async ({ params, site }) => markdownResponse(await speakerMarkdown(params.lang as Lang, String(site), params.speaker!));
