/** The Markdown twin of a talk page (src/data/twins.ts, src/lib/markdown-twin.ts). */
import type { APIRoute } from 'astro';
import { markdownResponse, talkMarkdown } from '../../../../data/twins.ts';
import { loadPages } from '../../../../data/site.ts';
import { staticPaths } from '../../../../lib/pages.ts';
import type { Lang } from '../../../../lib/schema.ts';

export async function getStaticPaths() {
  return staticPaths(await loadPages(), 'talk');
}

export const GET: APIRoute = async ({ params, props, site }) => markdownResponse(await talkMarkdown(params.lang as Lang, String(site), props.item));
