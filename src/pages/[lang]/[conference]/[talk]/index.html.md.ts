/** The Markdown twin of a talk page (src/data/twins.ts, src/lib/markdown-twin.ts). */
import type { APIRoute } from 'astro';
import { loadSite } from '../../../../data/site.ts';
import { markdownResponse, talkMarkdown } from '../../../../data/twins.ts';
import { perLanguage } from '../../../../lib/routes.ts';
import type { Lang } from '../../../../lib/schema.ts';

export async function getStaticPaths() {
  const site = await loadSite();
  return perLanguage(site.talks, (talk) => ({ conference: talk.data.conference, talk: talk.id }));
}

export const GET: APIRoute = async ({ params, props, site }) => markdownResponse(await talkMarkdown(params.lang as Lang, String(site), props.item));
