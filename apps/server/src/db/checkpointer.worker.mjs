// The write-ahead log's checkpointer (checkpointer.ts): a read-write connection of its own to the
// SQLite file, copying committed pages from the WAL back into the database every interval, off the
// main thread. Plain JavaScript like read-pool.worker.mjs (starts under tsx, Vitest and a build).
import { parentPort, workerData } from 'node:worker_threads';
import Database from 'better-sqlite3';

const db = new Database(workerData.file, { fileMustExist: true });
db.pragma('busy_timeout = 1000');
db.pragma('wal_autocheckpoint = 0');

function checkpoint() {
  // PASSIVE: copies what no reader still needs and never waits for the writer or the readers.
  const [result] = db.pragma('wal_checkpoint(PASSIVE)');
  return result;
}

const timer = setInterval(() => {
  try {
    checkpoint();
  } catch (error) {
    parentPort.postMessage({ error: { message: error.message, code: error.code } });
  }
}, workerData.intervalMs);

parentPort.on('message', (message) => {
  if (message.type === 'checkpoint') parentPort.postMessage({ id: message.id, result: checkpoint() });
  if (message.type === 'close') {
    clearInterval(timer);
    db.close();
    parentPort.postMessage({ closed: true });
  }
});
