/**
 * The sitemap: every indexable page of the page table (src/lib/pages.ts) in each language it exists in, with its
 * hreflang alternates (src/lib/feeds.ts says which pages are left out and why).
 */
import type { APIRoute } from 'astro';
import { loadPages } from '../data/site.ts';
import { sitemap, sitemapPages } from '../lib/feeds.ts';

export const GET: APIRoute = async ({ site: origin }) => {
  const pages = sitemapPages(await loadPages(), import.meta.env.BASE_URL);
  return new Response(sitemap(pages, String(origin)), { headers: { 'Content-Type': 'application/xml; charset=utf-8' } });
};
