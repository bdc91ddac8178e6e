// A worker of the read pool (read-pool.ts): one read-only connection to the SQLite file, running
// one statement at a time off the main thread. Plain JavaScript so it starts without a TypeScript
// loader, under tsx, Vitest and a bundled build alike.
import { parentPort, workerData } from 'node:worker_threads';
import Database from 'better-sqlite3';

const db = new Database(workerData.file, { readonly: true, fileMustExist: true });
db.pragma('busy_timeout = 5000');
const statements = new Map();

function statementOf(sql) {
  let statement = statements.get(sql);
  if (!statement) {
    statement = db.prepare(sql);
    statements.set(sql, statement);
    if (statements.size > 200) statements.delete(statements.keys().next().value);
  }
  return statement;
}

// better-sqlite3 cannot bind booleans: 0/1, as the app's statements bind them (statement-cache.ts).
const bindable = (parameters) =>
  parameters.some((v) => typeof v === 'boolean')
    ? parameters.map((v) => (typeof v === 'boolean' ? Number(v) : v))
    : parameters;

parentPort.on('message', ({ id, sql, parameters, close }) => {
  if (close) {
    // Asked to leave: the connection closed first, so the file is let go of (read-pool.ts `end`).
    db.close();
    parentPort.close();
    return;
  }
  try {
    const statement = statementOf(sql);
    if (!statement.reader) throw new Error('The read pool runs reads only');
    parentPort.postMessage({ id, rows: statement.all(bindable(parameters)) });
  } catch (error) {
    parentPort.postMessage({ id, error: { message: error.message, code: error.code } });
  }
});
