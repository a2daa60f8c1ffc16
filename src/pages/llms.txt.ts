/** /llms.txt (llmstxt.org): the site, and one llms.txt per language (src/data/llms.ts). */
import type { APIRoute } from 'astro';
import { rootLlmsTxt } from '../data/llms.ts';

export const GET: APIRoute = ({ site }) => new Response(rootLlmsTxt(String(site)), { headers: { 'Content-Type': 'text/plain; charset=utf-8' } });
