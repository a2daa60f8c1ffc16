/**
 * The sitemap: every indexable page in both languages, each with its hreflang alternates (src/lib/feeds.ts says
 * which pages are left out and why: the root language chooser, search, the 404, untranslated stand-ins).
 */
import type { APIRoute } from 'astro';
import { loadSite } from '../data/site.ts';
import { sitemap, sitemapPages } from '../lib/feeds.ts';

export const GET: APIRoute = async ({ site: origin }) => {
  const site = await loadSite();
  const pages = sitemapPages({ base: import.meta.env.BASE_URL, ...site });
  return new Response(sitemap(pages, String(origin)), { headers: { 'Content-Type': 'application/xml; charset=utf-8' } });
};
