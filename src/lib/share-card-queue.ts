/**
 * The share cards this build's pages announced, by output file. A page that shows a card (its og:image) adds the card
 * here while it renders; when the build is done, src/integrations/share-cards.ts copies each card's cached PNG to its
 * file, drawing only the ones never drawn before. Writing cards there rather than through one endpoint route per card
 * keeps a warm build's cost per card to a file copy (issue 18: cached cards cost at most 10% of a build without them).
 *
 * The pages and the integration get separate copies of this module, so the queue is process state
 * (src/lib/process-state.ts).
 */
import { processState } from './process-state.ts';
import type { CardNode } from './share-card.ts';

export const cardQueue = (): Map<string, CardNode> => processState('share-card-queue', () => new Map<string, CardNode>());
