/** The Markdown twin of a tag page, every talk on one list (src/data/twins.ts, src/lib/markdown-twin.ts). */
import type { APIRoute } from 'astro';
import { loadSite } from '../../../../data/site.ts';
import { markdownResponse, tagMarkdown } from '../../../../data/twins.ts';
import { perLanguage } from '../../../../lib/routes.ts';
import type { Lang } from '../../../../lib/schema.ts';
import { talksByTag } from '../../../../lib/model.ts';

export async function getStaticPaths() {
  const site = await loadSite();
  const used = talksByTag(site.talks);
  return perLanguage(site.tags.filter((tag) => used.has(tag.id)), (tag) => ({ tag: tag.id }));
}

export const GET: APIRoute = async ({ params, site }) => markdownResponse(await tagMarkdown(params.lang as Lang, String(site), params.tag!));
