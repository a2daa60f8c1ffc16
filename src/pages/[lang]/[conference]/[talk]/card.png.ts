/** The share card of a talk page, 1200x630 PNG (src/data/cards.ts). */
import type { APIRoute } from 'astro';
import { cardPaths, cardResponse } from '../../../../data/cards.ts';
import { loadPages } from '../../../../data/site.ts';
import { staticPaths } from '../../../../lib/pages.ts';
import type { Lang } from '../../../../lib/schema.ts';

export async function getStaticPaths() {
  return cardPaths(staticPaths(await loadPages(), 'talk'));
}

export const GET: APIRoute = ({ params }) => cardResponse(params.lang as Lang, { kind: 'talk', conference: params.conference!, talk: params.talk! });
