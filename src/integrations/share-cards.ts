/**
 * Writes the share cards the pages asked for (src/lib/share-card-queue.ts) into the output folder once every page is
 * rendered: cards no earlier build drew are drawn first (src/lib/share-card-draw.ts), then each card's cached PNG is
 * copied to its file. A warm build's cost per card is a hash and a copy.
 *
 * Drawing starts as soon as a card route queues its cards, before the first page renders: one drawing process works
 * through them while the pages render on the other core. When the build is done, the cards it has not reached yet are
 * drawn from the other end of the list on the remaining cores until the two meet. A card's file is named by its
 * content and written then renamed, so the card both ends may draw last comes out the same whichever finishes it.
 */
import { copyFileSync, existsSync, mkdirSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import { cacheDir } from '../lib/config.ts';
import { drawCards } from '../lib/share-card-draw.ts';
import { cardListeners, cardQueue } from '../lib/share-card-queue.ts';
import { cardCacheFile } from '../lib/share-card-render.ts';
import type { CardNode } from '../lib/share-card.ts';

export function shareCards(): AstroIntegration {
  let drawingAhead: Promise<void> = Promise.resolve();
  /** The cards this build draws, by cache file, in the order they were handed to the drawing ahead. */
  const toDraw = new Map<string, CardNode>();
  /** Adds the cards the cache does not hold yet to the drawing ahead's list, and their drawing to its chain. */
  const drawAhead = (cards: ReadonlyArray<{ cached: string; tree: CardNode }>, cache: string) => {
    const trees: CardNode[] = [];
    for (const { cached, tree } of cards) {
      if (toDraw.has(cached) || existsSync(cached)) continue;
      toDraw.set(cached, tree);
      trees.push(tree);
    }
    if (trees.length === 0) return;
    drawingAhead = drawingAhead.then(() => drawCards(trees, cache, 1));
    // Awaited, and so reported, when the build is done.
    drawingAhead.catch(() => {});
  };
  const onQueued = (trees: readonly CardNode[]) => {
    const cache = resolve(cacheDir());
    drawAhead(trees.map((tree) => ({ cached: cardCacheFile(tree, cache), tree })), cache);
  };
  return {
    name: 'confnotes:share-cards',
    hooks: {
      'astro:build:start': () => {
        cardQueue().clear();
        toDraw.clear();
        drawingAhead = Promise.resolve();
        cardListeners().add(onQueued);
      },
      'astro:build:done': async ({ dir, logger }) => {
        cardListeners().delete(onQueued);
        const out = fileURLToPath(dir);
        const cache = resolve(cacheDir());
        const cards = [...cardQueue()].sort(([a], [b]) => (a < b ? -1 : 1)).map(([file, tree]) => ({ file, tree, cached: cardCacheFile(tree, cache) }));
        // A card queued while no one listened (none in a normal build) joins the list; the rest of the list is then
        // drawn backwards, beside the drawing ahead.
        drawAhead(cards, cache);
        const rest = [...toDraw].filter(([cached]) => !existsSync(cached)).map(([, tree]) => tree).reverse();
        await Promise.all([drawingAhead, drawCards(rest, cache, Math.max(1, availableParallelism() - 1))]);
        for (const card of cards) {
          const target = join(out, card.file);
          mkdirSync(dirname(target), { recursive: true });
          copyFileSync(card.cached, target);
        }
        logger.info(`${cards.length} share cards written, ${toDraw.size} drawn`);
        cardQueue().clear();
        toDraw.clear();
      },
    },
  };
}
