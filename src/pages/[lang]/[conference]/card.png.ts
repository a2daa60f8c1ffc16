/** The share card of a conference page, 1200x630 PNG (src/data/cards.ts). */
import type { APIRoute } from 'astro';
import { cardPaths, cardResponse } from '../../../data/cards.ts';
import { loadSite } from '../../../data/site.ts';
import { perLanguage } from '../../../lib/routes.ts';
import type { Lang } from '../../../lib/schema.ts';

export async function getStaticPaths() {
  const site = await loadSite();
  return cardPaths(perLanguage(site.conferences, (conf) => ({ conference: conf.id })));
}

export const GET: APIRoute = ({ params }) => cardResponse(params.lang as Lang, { kind: 'conference', conference: params.conference! });
