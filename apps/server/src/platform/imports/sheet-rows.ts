import type { Readable } from 'node:stream';
import { Worker } from 'node:worker_threads';
import { readSheet, type SheetRow, SheetUnreadable } from './sheet-reader.mjs';

/**
 * From this size on a workbook is parsed on a worker thread: parsing costs about 30 µs a row on
 * the event loop (a 50,000-row ledger, 2.5 MB, took some 1.5 s per pass there), while a worker
 * costs about 200 ms to start (it loads exceljs afresh), which a small file does not repay.
 */
export const SHEET_WORKER_FROM_BYTES = 512 * 1024;

export interface SheetRowsOptions {
  /** The sheet to read, when the workbook has it; else the first. */
  sheet?: string;
  /** Parse on a worker thread (see SHEET_WORKER_FROM_BYTES). */
  inWorker?: boolean;
}

/**
 * The rows of one sheet of the .xlsx `stream` brings, as they stream in: each row's Excel number and
 * its cells by column (plain values, percent formats marked), in flat memory whatever the file's
 * size. Throws SheetUnreadable when the bytes are no workbook; returns whether a sheet was found.
 * Stopping early (return, or a throw in the consumer) ends the reading and closes the stream.
 */
export async function* sheetRows(
  stream: Readable,
  options: SheetRowsOptions = {},
): AsyncGenerator<SheetRow, { found: boolean }, undefined> {
  if (!options.inWorker) {
    try {
      return yield* readSheet(stream, { sheet: options.sheet });
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
