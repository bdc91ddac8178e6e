// A worker reading one sheet of a large .xlsx (sheet-rows.ts): the parent streams the file's bytes
// in as this worker asks for them, and takes the rows in batches, at most AHEAD batches ahead of what
// it has used, so memory stays flat on both sides while the parsing runs off the parent's event loop.
import { Readable } from 'node:stream';
import { parentPort, workerData } from 'node:worker_threads';
import { readSheet, SheetUnreadable } from './sheet-reader.mjs';

const BATCH = 250;
// Enough to keep parsing while the parent writes a batch of its own (an import writes 500 rows at a
// time): with two the worker waited for every write, and the import for the worker.
const AHEAD = 8;
let asked = false;
const source = new Readable({
  read() {
    if (asked) return;
    asked = true;
    parentPort.postMessage({ want: true });
  },
});
let credit = AHEAD;
let wake = null;
parentPort.on('message', (message) => {
  if (message.chunk) {
    asked = false;
    source.push(Buffer.from(message.chunk.buffer, message.chunk.byteOffset, message.chunk.byteLength));
  } else if (message.eof) {
    source.push(null);
  } else if (message.more) {
    credit += 1;
    wake?.();
  }
});

async function send(rows) {
  parentPort.postMessage({ rows });
  credit -= 1;
  while (credit <= 0) await new Promise((resolve) => (wake = resolve));
  wake = null;
}

try {
  const rows = readSheet(source, { sheet: workerData.sheet, whole: false });
  let batch = [];
  let next = await rows.next();
  for (; !next.done; next = await rows.next()) {
    batch.push(next.value);
    if (batch.length < BATCH) continue;
    await send(batch);
    batch = [];
  }
  if (batch.length) await send(batch);
  parentPort.postMessage({ end: next.value });
} catch (error) {
  const unreadable = error instanceof SheetUnreadable;
  const cause = unreadable ? error.cause : error;
  parentPort.postMessage({
    error: { unreadable, message: String(cause?.message ?? cause), stack: cause?.stack },
  });
}
