import type { Readable } from 'node:stream';
import { Worker } from 'node:worker_threads';
import { readSheet, type SheetRow, SheetUnreadable } from './sheet-reader.mjs';

/**
 * How a workbook is read:
 * - `whole`: into memory and loaded at once, on the event loop. exceljs' workbook loader reads the
 *   zip by its directory, so the order of the parts does not matter, where the streaming reader
 *   needs three patches for it (sheet-reader.mjs); for a small file it is the plainer way.
 * - `streamed`: as it streams in, in flat memory, on the event loop.
 * - `worker`: streamed on a worker thread, off the event loop. Parsing costs about 30 µs a row (a
 *   50,000-row ledger, 2.5 MB, took some 1.5 s per pass on the event loop); a worker costs about
 *   200 ms to start (it loads exceljs afresh), which a small file does not repay.
 */
export type SheetReading = 'whole' | 'streamed' | 'worker';

/** Below this size a workbook is read whole. */
export const SHEET_WHOLE_BELOW_BYTES = 256 * 1024;
/** From this size on a workbook is parsed on a worker thread. */
export const SHEET_WORKER_FROM_BYTES = 512 * 1024;

/** The way to read a workbook of `bytes` bytes. */
export function sheetReadingFor(bytes: number): SheetReading {
  if (bytes < SHEET_WHOLE_BELOW_BYTES) return 'whole';
  return bytes < SHEET_WORKER_FROM_BYTES ? 'streamed' : 'worker';
}

export interface SheetRowsOptions {
  /** The sheet to read, when the workbook has it; else the first. */
  sheet?: string;
  /** The file's size: it chooses how the file is read (sheetReadingFor). */
  bytes: number;
  /** Read this way whatever the size (tests cover each way with small files). */
  reading?: SheetReading;
}

/**
 * The rows of one sheet of the .xlsx `stream` brings: each row's Excel number and its cells by
 * column (plain values, percent formats marked). Read whole when small, else streamed, a large file
 * on a worker thread, so memory stays flat and the event loop free whatever the file's size. Throws
 * SheetUnreadable when the bytes are no workbook; returns whether a sheet was found. Stopping early
 * (return, or a throw in the consumer) ends the reading and closes the stream.
 */
export async function* sheetRows(
  stream: Readable,
  options: SheetRowsOptions,
): AsyncGenerator<SheetRow, { found: boolean }, undefined> {
  const reading = options.reading ?? sheetReadingFor(options.bytes);
  if (reading !== 'worker') {
    try {
      return yield* readSheet(stream, { sheet: options.sheet, whole: reading === 'whole' });
    } finally {
      stream.destroy();
    }
  }
  const worker = new Worker(new URL('./sheet-reader.worker.mjs', import.meta.url), {
    workerData: { sheet: options.sheet },
  });
  const inbox = new Inbox();
  const bytes = stream[Symbol.asyncIterator]() as AsyncIterator<Buffer | string>;
  worker.on('message', (message: WorkerMessage) => {
    if ('want' in message) {
      // The worker reads the file at its own pace: one chunk each time it asks.
      bytes.next().then(
        ({ value, done }) => {
          if (done) return worker.postMessage({ eof: true });
          const chunk = new Uint8Array(typeof value === 'string' ? Buffer.from(value) : value);
          worker.postMessage({ chunk }, [chunk.buffer]);
        },
        (error: Error) => inbox.put({ error: { unreadable: false, message: error.message } }),
      );
    } else inbox.put(message);
  });
  worker.on('error', (error) => inbox.put({ error: { unreadable: false, message: error.message } }));
  worker.on('exit', (code) =>
    inbox.put({ error: { unreadable: false, message: `the sheet reader stopped (exit code ${code})` } }),
  );
  try {
    for (;;) {
      const message = await inbox.take();
      if ('rows' in message) {
        yield* message.rows;
        worker.postMessage({ more: true });
      } else if ('end' in message) {
        return message.end;
      } else if ('error' in message) {
        const cause = Object.assign(new Error(message.error.message), { stack: message.error.stack });
        throw message.error.unreadable ? new SheetUnreadable(cause) : cause;
      }
    }
  } finally {
    // Stopped on purpose: its exit is no error any more, and a chunk still on its way is not sent.
    worker.removeAllListeners();
    await worker.terminate();
    stream.destroy();
  }
}

type WorkerMessage =
  | { want: true }
  | { rows: SheetRow[] }
  | { end: { found: boolean } }
  | { error: { unreadable: boolean; message: string; stack?: string } };

/** The worker's messages in order, taken one at a time. */
class Inbox {
  #messages: Exclude<WorkerMessage, { want: true }>[] = [];
  #waiting: (() => void) | null = null;

  put(message: Exclude<WorkerMessage, { want: true }>): void {
    this.#messages.push(message);
    this.#waiting?.();
  }

  async take(): Promise<Exclude<WorkerMessage, { want: true }>> {
    while (!this.#messages.length) await new Promise<void>((resolve) => (this.#waiting = resolve));
    this.#waiting = null;
    return this.#messages.shift()!;
  }
}
