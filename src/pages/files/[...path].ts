/**
 * Serves every file a Markdown page embeds, byte for byte, at files/<path under the content root>, so the
 * download button saves exactly what is on disk under its real name. The Markdown comes from the collections
 * (src/data/site.ts), which have read it already: no content file is read again here.
 */
import { resolve } from 'node:path';
import type { APIRoute } from 'astro';
import { embeddedFilePaths, loadSite } from '../../data/site.ts';
import { contentRoot } from '../../lib/config.ts';
import { readInsideRoot } from '../../lib/content-files.ts';

export async function getStaticPaths() {
  return embeddedFilePaths(await loadSite(), resolve(contentRoot())).map((path) => ({ params: { path } }));
}

export const GET: APIRoute = ({ params }) => {
  // Only files whose real path (after symbolic links) is inside the content root; the content check said so first.
  const bytes = readInsideRoot(resolve(contentRoot()), params.path!);
  return new Response(bytes, { headers: { 'Content-Type': 'application/octet-stream' } });
};
