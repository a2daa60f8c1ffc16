/**
 * Checks the content root before Astro loads a single collection. When it is clean, what the check read and parsed
 * is offered to the collections' loader (src/lib/content-snapshot.ts), so no file is read twice.
 * Fails the build when the content root has mistakes. Each mistake is
 * printed once, as one line "content error: file: field: reason", followed by a count, and the process exits with
 * status 1. It exits rather than throwing: a thrown error would make Astro print every line a second time and add
 * "An unhandled error occurred while running the astro:config:setup hook" and a stack, none of which helps an author.
 * A failed build also removes the output folder, so nothing that looks like a good build is left behind.
 */
import { rmSync } from 'node:fs';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import { formatError, readContent, validateContent } from '../lib/content-check.ts';
import { offerSnapshot } from '../lib/content-snapshot.ts';

/** What a failed check prints: the lines, then the count. Shared with `npm run check` (scripts/check-content.ts). */
export function contentErrorReport(lines: readonly string[], root: string): string {
  return [...lines.map((line) => `content error: ${line}`), `${lines.length} content error${lines.length === 1 ? '' : 's'} in ${root}/`].join('\n');
}

export function contentGuard(options: { root: string }): AstroIntegration {
  return {
    name: 'confnotes:content-guard',
    hooks: {
      'astro:config:setup': ({ config, command }) => {
        if (command === 'preview') return;
        const cwd = fileURLToPath(config.root);
        let lines: string[];
        try {
          const content = readContent(options.root, cwd);
          lines = validateContent(content).map(formatError);
          if (lines.length === 0) offerSnapshot(resolve(cwd, options.root), content.entries);
        } catch (error) {
          // A bug in the check itself: still one line, never a half-built site.
          lines = [`${options.root}: (check): the content check failed: ${(error as Error).message.split('\n')[0]}`];
        }
        if (lines.length === 0) return;
        if (command === 'build') rmSync(fileURLToPath(config.outDir), { recursive: true, force: true });
        process.stderr.write(`${contentErrorReport(lines, options.root)}\n`);
        process.exit(1);
      },
    },
  };
}
