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

/** The trees among `trees` whose PNG the cache does not hold, one per PNG, added to `drawn` by cached file. */
function uncached(trees: Iterable<CardNode>, cache: string, drawn: Set<string>): CardNode[] {
  const missing = new Map<string, CardNode>();
  for (const tree of trees) {
    const file = cardCacheFile(tree, cache);
    if (drawn.has(file) || existsSync(file)) continue;
    missing.set(file, tree);
    drawn.add(file);
  }
  return [...missing.values()];
}

export function shareCards(): AstroIntegration {
  let drawingAhead: Promise<void> = Promise.resolve();
  let ahead: CardNode[] = [];
  const drawn = new Set<string>();
  const drawAhead = (trees: readonly CardNode[]) => {
    const missing = uncached(trees, resolve(cacheDir()), drawn);
    if (missing.length === 0) return;
    ahead.push(...missing);
    drawingAhead = drawingAhead.then(() => drawCards(missing, resolve(cacheDir()), 1));
    // Awaited, and so reported, when the build is done.
    drawingAhead.catch(() => {});
  };
  return {
    name: 'confnotes:share-cards',
    hooks: {
      'astro:build:start': () => {
        cardQueue().clear();
        drawn.clear();
        ahead = [];
        drawingAhead = Promise.resolve();
        cardListeners().add(drawAhead);
      },
      'astro:build:done': async ({ dir, logger }) => {
        cardListeners().delete(drawAhead);
        const out = fileURLToPath(dir);
        const cache = resolve(cacheDir());
        const cards = [...cardQueue()].sort(([a], [b]) => (a < b ? -1 : 1)).map(([file, tree]) => ({ file, tree, cached: cardCacheFile(tree, cache) }));
        // Cards queued while no one listened (none in a normal build) go first, then the drawing ahead's list backwards.
        const rest = [...uncached(cards.map((card) => card.tree), cache, drawn), ...ahead.toReversed().filter((tree) => !existsSync(cardCacheFile(tree, cache)))];
        await Promise.all([drawingAhead, drawCards(rest, cache, Math.max(1, availableParallelism() - 1))]);
        for (const card of cards) {
          const target = join(out, card.file);
          mkdirSync(dirname(target), { recursive: true });
          copyFileSync(card.cached, target);
        }
        logger.info(`${cards.length} share cards written, ${drawn.size} drawn`);
        cardQueue().clear();
        drawn.clear();
        ahead = [];
      },
    },
  };
}
