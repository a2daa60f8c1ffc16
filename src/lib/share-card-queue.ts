/**
 * The share cards this build's pages announced, by output file. A page that shows a card (its og:image) adds the card
 * here while it renders; when the build is done, src/integrations/share-cards.ts copies each card's cached PNG to its
 * file, drawing only the ones never drawn before. Writing cards there rather than through one endpoint route per card
 * keeps a warm build's cost per card to a file copy (issue 18: cached cards cost at most 10% of a build without them).
 *
 * Pages are rendered from Astro's bundle of the site, the integration is loaded by Node from astro.config.mjs: the
 * two get separate copies of this module, but they run in the same process, so the queue lives on `globalThis`.
 */
import type { CardNode } from './share-card.ts';

const QUEUE = Symbol.for('confnotes.share-card-queue');
type Queue = Map<string, CardNode>;

export function cardQueue(): Queue {
  const scope = globalThis as typeof globalThis & { [QUEUE]?: Queue };
  return (scope[QUEUE] ??= new Map());
}
