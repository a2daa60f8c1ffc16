/** robots.txt: crawl everything, and here is the sitemap (src/lib/feeds.ts). */
import type { APIRoute } from 'astro';
import { robotsTxt } from '../lib/feeds.ts';
import { withBase } from '../lib/paths.ts';

export const GET: APIRoute = ({ site: origin }) =>
  new Response(robotsTxt(new URL(withBase(import.meta.env.BASE_URL, 'sitemap.xml'), origin).href), {
    headers: { 'Content-Type': 'text/plain; charset=utf-8' },
  });
