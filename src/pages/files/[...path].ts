/**
 * Serves every file a Markdown page embeds, byte for byte, at files/<path under the content root>, so the
 * download button saves exactly what is on disk under its real name. The Markdown comes from the collections
 * (src/data/site.ts), which have read it already: no content file is read again here.
 */
import { dirname, relative, resolve, sep } from 'node:path';
import type { APIRoute } from 'astro';
import { loadSite } from '../../data/site.ts';
import { contentRoot } from '../../lib/config.ts';
import { embeddedFiles } from '../../lib/embed.ts';
import { readInsideRoot } from '../../lib/content-files.ts';

export async function getStaticPaths() {
  const root = resolve(contentRoot());
  const site = await loadSite();
  const paths = new Set<string>();
  for (const texts of [site.summaries, site.reviews, site.guideTexts]) {
    for (const entry of texts.values()) {
      if (!entry.filePath) continue;
      for (const embed of embeddedFiles(entry.body ?? '')) {
        paths.add(relative(root, resolve(dirname(entry.filePath), embed.path)).split(sep).join('/'));
      }
    }
  }
  return [...paths].sort().map((path) => ({ params: { path } }));
}

export const GET: APIRoute = ({ params }) => {
  // Only files whose real path (after symbolic links) is inside the content root; the content check said so first.
  const bytes = readInsideRoot(resolve(contentRoot()), params.path!);
  return new Response(bytes, { headers: { 'Content-Type': 'application/octet-stream' } });
};
