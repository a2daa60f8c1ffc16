/**
 * Writes the share cards the pages asked for (src/lib/share-card-queue.ts) into the output folder once every page is
 * rendered: a card drawn by an earlier build is copied from the cache, a new one is drawn first
 * (src/lib/share-card-render.ts). Cards are written in file order, so the output never depends on render order.
 */
import { copyFileSync, mkdirSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import { cacheDir } from '../lib/config.ts';
import { cardQueue } from '../lib/share-card-queue.ts';
import { cachedCardFile } from '../lib/share-card-render.ts';

export function shareCards(): AstroIntegration {
  return {
    name: 'confnotes:share-cards',
    hooks: {
      'astro:build:start': () => {
        cardQueue().clear();
      },
      'astro:build:done': async ({ dir, logger }) => {
        const out = fileURLToPath(dir);
        const cache = resolve(cacheDir());
        const queue = cardQueue();
        for (const file of [...queue.keys()].sort()) {
          const target = join(out, file);
          mkdirSync(dirname(target), { recursive: true });
          copyFileSync(await cachedCardFile(queue.get(file)!, cache), target);
        }
        logger.info(`${queue.size} share cards written`);
        queue.clear();
      },
    },
  };
}
