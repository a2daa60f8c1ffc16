/**
 * Fails the build, before Astro loads a single collection, when the content root has mistakes. Each mistake is
 * printed as one line "file: field: reason". A failed build also removes the output folder, so nothing that looks
 * like a good build is left behind.
 */
import { rmSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import { checkContent } from '../lib/content-check.ts';

export class ContentError extends Error {
  constructor(lines: string[]) {
    super(`${lines.length} content error${lines.length === 1 ? '' : 's'}:\n${lines.join('\n')}`);
    this.name = 'ContentError';
    // The lines above say everything; a stack trace into the integration would only bury them.
    this.stack = '';
  }
}

export function contentGuard(options: { root: string }): AstroIntegration {
  return {
    name: 'confnotes:content-guard',
    hooks: {
      'astro:config:setup': ({ config, logger, command }) => {
        if (command === 'preview') return;
        const lines = checkContent(options.root, fileURLToPath(config.root));
        if (lines.length === 0) return;
        for (const line of lines) logger.error(`content error: ${line}`);
        if (command === 'build') rmSync(fileURLToPath(config.outDir), { recursive: true, force: true });
        throw new ContentError(lines);
      },
    },
  };
}
