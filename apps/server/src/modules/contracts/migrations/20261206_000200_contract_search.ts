import { type Kysely, sql } from 'kysely';
import { isPostgres } from '../../../db/index.js';

/**
 * Search in a contract's number, name and counterparty by any part of them, Chinese or Latin, at a
 * million contracts, without reading them all. SQLite: an FTS5 index with the trigram tokenizer
 * (every three characters), kept from `contract` by triggers; PostgreSQL: pg_trgm's GIN indexes
 * behind the `lower(...) like '%…%'` the ledger writes. Both serve a search of three characters or
 * more; a shorter one reads the contracts in the sort's order instead (see ledger.repository.ts).
 */
const searched = ['number', 'name', 'partner_name'] as const;

export async function up(db: Kysely<any>): Promise<void> {
  if (isPostgres(db)) {
    await sql`create extension if not exists pg_trgm`.execute(db);
    for (const column of searched) {
      const key = column === 'number' ? `coalesce(number, '')` : column;
      await sql
        .raw(`create index contract_search_${column} on contract using gin (lower(${key}) gin_trgm_ops)`)
        .execute(db);
    }
    return;
  }
  await sql`create virtual table contract_search using fts5(number, name, partner_name, content='contract', content_rowid='rowid', tokenize='trigram')`.execute(
    db,
  );
  const values = (row: 'new' | 'old') => searched.map((column) => `${row}.${column}`).join(', ');
  const remove = `insert into contract_search (contract_search, rowid, number, name, partner_name) values ('delete', old.rowid, ${values('old')});`;
  const add = `insert into contract_search (rowid, number, name, partner_name) values (new.rowid, ${values('new')});`;
  await sql
    .raw(`create trigger contract_search_insert after insert on contract begin ${add} end`)
    .execute(db);
  await sql
    .raw(`create trigger contract_search_delete after delete on contract begin ${remove} end`)
    .execute(db);
  await sql
    .raw(
      `create trigger contract_search_update after update of number, name, partner_name on contract begin ${remove} ${add} end`,
    )
    .execute(db);
  await sql`insert into contract_search (contract_search) values ('rebuild')`.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  if (isPostgres(db)) {
    for (const column of searched)
      await sql.raw(`drop index if exists contract_search_${column}`).execute(db);
    return;
  }
  for (const event of ['insert', 'delete', 'update']) {
    await sql.raw(`drop trigger if exists contract_search_${event}`).execute(db);
  }
  await sql`drop table if exists contract_search`.execute(db);
}
