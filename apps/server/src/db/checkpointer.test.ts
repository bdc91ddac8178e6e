import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { WalCheckpointer } from './checkpointer.js';
import { type AppDatabase, createDatabase } from './database.js';

/**
 * On an SQLite file the writer never checkpoints its write-ahead log: a worker does, every interval
 * and when asked; a checkpointer that cannot run says so, and the writer takes over again.
 */
describe('the WAL checkpointer (SQLite file)', () => {
  let dir: string;
  let file: string;
  let database: AppDatabase;
  const fileSize = () => fs.statSync(file).size;
  const write = async (rows: number) => {
    await database.db.transaction().execute(async (trx) => {
      for (let i = 0; i < rows; i += 500) {
        await sql`insert into item (name) select ${'x'.repeat(200)} || value from json_each(${JSON.stringify(
          Array.from({ length: 500 }, (_, k) => i + k),
        )})`.execute(trx);
      }
    });
  };

  beforeAll(async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'concord-checkpointer-'));
    file = path.join(dir, 'wal.db');
    database = createDatabase(`sqlite:${file}`);
    await sql`create table item (id integer primary key, name text not null)`.execute(database.db);
  });
  afterAll(async () => {
    await database.close();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('leaves checkpoints off the writer and copies the WAL back on its worker', async () => {
    const setting = await sql<{ wal_autocheckpoint: number }>`pragma wal_autocheckpoint`.execute(database.db);
    expect(setting.rows).toEqual([{ wal_autocheckpoint: 16_384 }]);
    const before = fileSize();
    await write(5_000); // about 1.2 MB: some 300 pages in the WAL
    // The worker's interval (200 ms) copies them into the database file: it grows.
    const deadline = Date.now() + 10_000;
    while (fileSize() < before + 1_000_000 && Date.now() < deadline)
      await new Promise((r) => setTimeout(r, 50));
    expect(fileSize()).toBeGreaterThan(before + 1_000_000);
    // Asked, it answers with what it did: everything in the WAL is in the database.
    await write(1_000);
    const result = await database.checkpointer!.checkpoint();
    expect(result.log).toBeGreaterThan(0);
    expect(result.checkpointed).toBe(result.log);
    expect((await sql<{ n: number }>`select count(*) as n from item`.execute(database.db)).rows[0].n).toBe(
      6_000,
    );
  });

  it('reports a checkpointer that cannot open its file (database.ts then lets the writer checkpoint again)', async () => {
    let checkpointer: WalCheckpointer | undefined;
    const failure = await new Promise<Error>((resolve) => {
      checkpointer = new WalCheckpointer(path.join(dir, 'no-such.db'), resolve);
    });
    expect(failure.message).toMatch(/unable to open|no such file|SQLITE_CANTOPEN|stopped/i);
    // Closing one whose worker has already stopped returns at once.
    await new Promise((resolve) => setTimeout(resolve, 50));
    await checkpointer?.close();
  });
});
