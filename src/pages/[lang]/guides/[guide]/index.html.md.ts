/** The Markdown twin of a guide page (src/data/twins.ts, src/lib/markdown-twin.ts). */
import type { APIRoute } from 'astro';
import { loadSite } from '../../../../data/site.ts';
import { guideMarkdown, markdownResponse } from '../../../../data/twins.ts';
import { perLanguage } from '../../../../lib/routes.ts';
import type { Lang } from '../../../../lib/schema.ts';

export async function getStaticPaths() {
  const site = await loadSite();
  return perLanguage(site.guides, (guide) => ({ guide: guide.id }));
}

export const GET: APIRoute = async ({ params, site }) => markdownResponse(await guideMarkdown(params.lang as Lang, String(site), params.guide!));
