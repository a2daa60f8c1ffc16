/** The Markdown twin of a speaker page, every talk on one list (src/data/twins.ts, src/lib/markdown-twin.ts). */
import type { APIRoute } from 'astro';
import { loadSite } from '../../../../data/site.ts';
import { markdownResponse, speakerMarkdown } from '../../../../data/twins.ts';
import { perLanguage } from '../../../../lib/routes.ts';
import type { Lang } from '../../../../lib/schema.ts';

export async function getStaticPaths() {
  const site = await loadSite();
  return perLanguage(site.speakers, (speaker) => ({ speaker: speaker.id }));
}

export const GET: APIRoute = async ({ params, site }) => markdownResponse(await speakerMarkdown(params.lang as Lang, String(site), params.speaker!));
