/**
 * The share cards this build's pages announced, by output file. The card routes queue every card in their
 * getStaticPaths (src/data/cards.ts), which Astro runs for every route before it renders the first page; when the
 * build is done, src/integrations/share-cards.ts copies each card's cached PNG to its file, drawing only the ones
 * never drawn before. Writing cards there rather than through one endpoint route per card keeps a warm build's cost
 * per card to a file copy (issue 18: cached cards cost at most 10% of a build without them).
 *
 * Each batch a route queues is also handed to the listeners, so the integration can start drawing the new cards while
 * the pages render (rendering keeps one core busy; drawing takes the other).
 *
 * The pages and the integration get separate copies of this module, so the queue is process state
 * (src/lib/process-state.ts).
 */
import { processState } from './process-state.ts';
import type { CardNode } from './share-card.ts';

export const cardQueue = (): Map<string, CardNode> => processState('share-card-queue', () => new Map<string, CardNode>());

type CardListener = (trees: readonly CardNode[]) => void;
export const cardListeners = (): Set<CardListener> => processState('share-card-listeners', () => new Set<CardListener>());

/** Queues cards by output file and tells the listeners which trees were queued. */
export function queueCards(cards: ReadonlyArray<readonly [file: string, tree: CardNode]>): void {
  for (const [file, tree] of cards) cardQueue().set(file, tree);
  for (const listener of cardListeners()) listener(cards.map(([, tree]) => tree));
}
