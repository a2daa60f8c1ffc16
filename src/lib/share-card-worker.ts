/**
 * A child process that draws share cards into the cache (src/lib/share-card-draw.ts starts it). It is started with
 * --expose-gc and collects garbage every few cards: resvg-js 2.6 keeps each card's 3 MB pixmap in native memory that V8
 * does not count, so without a collection the pixmaps of a thousand cards stay allocated (8 GiB at 2,000 cards).
 */
import { setImmediate } from 'node:timers/promises';
import type { CardNode } from './share-card.ts';
import { cachedCardFile } from './share-card-render.ts';

export interface DrawRequest {
  cacheDir: string;
  trees: CardNode[];
}

const COLLECT_EVERY = 8;
const collect = (globalThis as typeof globalThis & { gc?: () => void }).gc;

// A build that stops (an error in a page, Ctrl-C) takes its drawing processes with it.
process.once('disconnect', () => process.exit(1));

process.once('message', async ({ cacheDir, trees }: DrawRequest) => {
  try {
    for (const [index, tree] of trees.entries()) {
      await cachedCardFile(tree, cacheDir);
      if (collect && index % COLLECT_EVERY === COLLECT_EVERY - 1) {
        collect();
        // resvg frees a pixmap in its object's finalizer, which runs after the collection, on the event loop.
        await setImmediate();
      }
    }
    process.send!({ drawn: trees.length }, () => process.exit(0));
  } catch (error) {
    process.send!({ error: (error as Error).message }, () => process.exit(1));
  }
});
