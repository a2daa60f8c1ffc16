/**
 * Draws the cards the cache does not hold yet, in child processes (src/lib/share-card-worker.ts), as many as the
 * caller gives cores to: a cold card costs about 30 ms of CPU, so the 2,100 cards of a thousand talks take more than a
 * minute of one core, and a child's memory is returned when it exits. A handful of cards is drawn in this process. Each
 * card's file is named by the hash of its content, so which process draws which card never changes a byte of the
 * output.
 */
import { fork } from 'node:child_process';
import { availableParallelism } from 'node:os';
import type { CardNode } from './share-card.ts';
import { cachedCardFile } from './share-card-render.ts';
import type { DrawRequest } from './share-card-worker.ts';

/** Below this many cards, starting a child costs more than it saves. */
const IN_PROCESS = 12;

function drawInChild(request: DrawRequest): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = fork(new URL('./share-card-worker.ts', import.meta.url), [], { execArgv: ['--expose-gc'], stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
    let failure: string | undefined;
    child.on('message', (reply: { drawn?: number; error?: string }) => {
      failure = reply.error;
    });
    child.on('error', reject);
    child.on('exit', (code) => {
      if (code === 0 && !failure) return resolve();
      const message = failure ?? `drawing process exited with ${code}`;
      reject(new Error(message.startsWith('share card:') ? message : `share card: ${message}`));
    });
    child.send(request);
  });
}

export async function drawCards(trees: readonly CardNode[], cacheDir: string, processes: number = availableParallelism()): Promise<void> {
  if (trees.length <= IN_PROCESS) {
    for (const tree of trees) await cachedCardFile(tree, cacheDir);
    return;
  }
  const count = Math.max(1, Math.min(processes, Math.ceil(trees.length / IN_PROCESS)));
  const shares = Array.from({ length: count }, (_, share) => trees.filter((_, index) => index % count === share));
  await Promise.all(shares.map((share) => drawInChild({ cacheDir, trees: share })));
}
