import { Worker } from 'node:worker_threads';
import type { DrawnBatch, DrawSetup } from './draw.js';

/**
 * The batches of a tier as the worker thread draws them (draw.worker.ts), in order: the caller
 * writes one, then asks for the next, which the worker has usually drawn meanwhile. The worker
 * is TypeScript, so it starts through tsx's loader, resolved from here.
 */
export async function* drawnBatches(setup: DrawSetup): AsyncGenerator<DrawnBatch> {
  const api = import.meta.resolve('tsx/esm/api');
  const entry = new URL('./draw.worker.ts', import.meta.url).href;
  const worker = new Worker(
    `import(${JSON.stringify(api)}).then(({ register }) => { register(); return import(${JSON.stringify(entry)}); })`,
    // A young generation large enough for a batch's rows, which all die once posted: with V8's
    // default (16 MB) they outlive the scavenges and the old generation's collector handles them.
    { eval: true, workerData: setup, resourceLimits: { maxYoungGenerationSizeMb: 64 } },
  );
  const waiting: (DrawnBatch | null)[] = [];
  let failure: unknown = null;
  let wake: (() => void) | null = null;
  const notify = () => {
    wake?.();
    wake = null;
  };
  worker.on('message', (batch: DrawnBatch | null) => {
    waiting.push(batch);
    notify();
  });
  worker.on('error', (error) => {
    failure = error;
    notify();
  });
  worker.on('exit', (code) => {
    if (code !== 0 && !failure) failure = new Error(`the drawing worker exited with ${code}`);
    notify();
  });
  try {
    for (;;) {
      while (!waiting.length && !failure) await new Promise<void>((resolve) => (wake = resolve));
      if (failure) throw failure;
      const batch = waiting.shift();
      if (!batch) return;
      yield batch;
      // Written: the worker may draw another.
      worker.postMessage('written');
    }
  } finally {
    await worker.terminate();
  }
}
