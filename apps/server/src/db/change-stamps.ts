import { type Kysely, sql } from 'kysely';
import { isPostgres } from './database.js';

/**
 * A change stamp: one counter row that database triggers raise on every write to the tables it
 * watches, in the writing transaction. A cache of anything read from those tables keeps the stamp
 * it was built at and is still good while the stamp has not moved: one cheap read tells every app
 * node whether its cache is current, and no write path can forget to invalidate it.
 */
export interface ChangeStamp {
  /** The counter's table: one row, `id` 1, `version`. */
  table: string;
  /** The tables whose writes raise it; with `columns`, only updates of those columns do. */
  watches: readonly { table: string; columns?: readonly string[] }[];
}

const quoted = (name: string) => `"${name.replaceAll('"', '""')}"`;
const triggerName = (stamp: ChangeStamp, table: string, event: string) =>
  quoted(`${stamp.table}_${table}_${event}`);

export async function createChangeStamp(db: Kysely<any>, stamp: ChangeStamp): Promise<void> {
  const pg = isPostgres(db);
  const table = quoted(stamp.table);
  await sql
    .raw(`create table ${table} (id integer primary key, version ${pg ? 'bigint' : 'integer'} not null)`)
    .execute(db);
  await sql.raw(`insert into ${table} (id, version) values (1, 0)`).execute(db);
  const bump = `update ${table} set version = version + 1 where id = 1`;
  if (pg) {
    const fn = quoted(`${stamp.table}_bump`);
    await sql
      .raw(
        `create function ${fn}() returns trigger language plpgsql set search_path from current as $stamp$ begin ${bump}; return null; end $stamp$`,
      )
      .execute(db);
    for (const watch of stamp.watches) {
      const update = watch.columns ? `update of ${watch.columns.map(quoted).join(', ')}` : 'update';
      // Once per statement: a bulk write raises the stamp once.
      await sql
        .raw(
          `create trigger ${triggerName(stamp, watch.table, 'bump')} after insert or delete or ${update} on ${quoted(watch.table)} for each statement execute function ${fn}()`,
        )
        .execute(db);
    }
    return;
  }
  for (const watch of stamp.watches) {
    const events = {
      insert: 'insert',
      delete: 'delete',
      update: watch.columns ? `update of ${watch.columns.map(quoted).join(', ')}` : 'update',
    };
    for (const [name, event] of Object.entries(events)) {
      await sql
        .raw(
          `create trigger ${triggerName(stamp, watch.table, name)} after ${event} on ${quoted(watch.table)} begin ${bump}; end`,
        )
        .execute(db);
    }
  }
}

export async function dropChangeStamp(db: Kysely<any>, stamp: ChangeStamp): Promise<void> {
  const pg = isPostgres(db);
  for (const watch of stamp.watches) {
    if (pg) {
      await sql
        .raw(`drop trigger if exists ${triggerName(stamp, watch.table, 'bump')} on ${quoted(watch.table)}`)
        .execute(db);
    } else {
      for (const event of ['insert', 'delete', 'update']) {
        await sql.raw(`drop trigger if exists ${triggerName(stamp, watch.table, event)}`).execute(db);
      }
    }
  }
  if (pg) await sql.raw(`drop function if exists ${quoted(`${stamp.table}_bump`)}()`).execute(db);
  await sql.raw(`drop table if exists ${quoted(stamp.table)}`).execute(db);
}
