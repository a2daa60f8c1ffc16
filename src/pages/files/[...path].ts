/**
 * Serves every file a Markdown page embeds, byte for byte, at files/<path under the content root>, so the
 * download button saves exactly what is on disk under its real name.
 */
import { dirname, relative, resolve, sep } from 'node:path';
import type { APIRoute } from 'astro';
import { contentRoot } from '../../lib/config.ts';
import { readContent } from '../../lib/content-check.ts';
import { embeddedFiles } from '../../lib/embed.ts';
import { readInsideRoot } from '../../lib/content-files.ts';

export function getStaticPaths() {
  const root = resolve(contentRoot());
  const content = readContent(root);
  const paths = new Set<string>();
  for (const entry of content.entries) {
    for (const embed of embeddedFiles(entry.body ?? '')) {
      paths.add(relative(root, resolve(dirname(entry.file), embed.path)).split(sep).join('/'));
    }
  }
  return [...paths].sort().map((path) => ({ params: { path } }));
}

export const GET: APIRoute = ({ params }) => {
  // Only files whose real path (after symbolic links) is inside the content root; the content check said so first.
  const bytes = readInsideRoot(resolve(contentRoot()), params.path!);
  return new Response(bytes, { headers: { 'Content-Type': 'application/octet-stream' } });
};
