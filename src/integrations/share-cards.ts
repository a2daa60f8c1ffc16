/**
 * Writes the share cards the pages asked for (src/lib/share-card-queue.ts) into the output folder once every page is
 * rendered: cards no earlier build drew are drawn first (src/lib/share-card-draw.ts), then each card's cached PNG is
 * copied to its file. A warm build's cost per card is a hash and a copy.
 */
import { copyFileSync, existsSync, mkdirSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import { cacheDir } from '../lib/config.ts';
import { drawCards } from '../lib/share-card-draw.ts';
import { cardQueue } from '../lib/share-card-queue.ts';
import { cardCacheFile } from '../lib/share-card-render.ts';
import type { CardNode } from '../lib/share-card.ts';

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
        const cards = [...cardQueue()].sort(([a], [b]) => (a < b ? -1 : 1)).map(([file, tree]) => ({ file, tree, cached: cardCacheFile(tree, cache) }));
        const missing = new Map<string, CardNode>();
        for (const card of cards) if (!existsSync(card.cached)) missing.set(card.cached, card.tree);
        await drawCards([...missing.values()], cache);
        for (const card of cards) {
          const target = join(out, card.file);
          mkdirSync(dirname(target), { recursive: true });
          copyFileSync(card.cached, target);
        }
        logger.info(`${cards.length} share cards written, ${missing.size} drawn`);
        cardQueue().clear();
      },
    },
  };
}
