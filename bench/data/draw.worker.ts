import { parentPort, workerData } from 'node:worker_threads';
import { type DrawSetup, drawTier } from './draw.js';

/**
 * The drawing thread: posts each transaction's rows (draw.ts) to the main thread, which writes
 * them and answers when it has. At most two batches wait unwritten, so memory stays flat however
 * far drawing runs ahead.
 */
const port = parentPort;
if (!port) throw new Error('draw.worker.ts runs as a worker thread');
const AHEAD = 2;
let unwritten = 0;
let wake: (() => void) | null = null;
port.on('message', () => {
  unwritten -= 1;
  wake?.();
  wake = null;
});
for (const batch of drawTier(workerData as DrawSetup)) {
  while (unwritten >= AHEAD) await new Promise<void>((resolve) => (wake = resolve));
  unwritten += 1;
  port.postMessage(batch);
}
port.postMessage(null);
