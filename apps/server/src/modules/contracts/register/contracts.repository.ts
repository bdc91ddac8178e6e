import { sql } from 'kysely';
import { type Db, isPostgres, likePattern, writeJson } from '../../../db/index.js';
import type { ContractChangeTable, ContractTable, ContractVersionTable } from '../contracts.tables.js';

/** Where the contract table keeps the facts a data scope judges. */
export const contractScope = {
  entity: 'contract.entity_id',
  department: 'contract.department_id',
  owner: 'contract.owner_id',
};

const jsonColumns = ['partner_bank', 'attachments', 'custom_data'] as const;
/** The row with its JSON columns written as text (see writeJson); the other columns as they are. */
function encode<Row extends Partial<ContractTable>>(row: Row): Row {
  const out: Partial<ContractTable> = { ...row };
  for (const column of jsonColumns)
    if (column in row) out[column] = row[column] === null ? null : writeJson(row[column]);
  return out as Row;
}

export async function insertContract(db: Db, row: ContractTable): Promise<void> {
  await db.insertInto('contract').values(encode(row)).execute();
}

export async function updateContract(db: Db, id: string, patch: Partial<ContractTable>): Promise<void> {
  await db.updateTable('contract').set(encode(patch)).where('id', '=', id).execute();
}

export const findContract = (db: Db, id: string): Promise<ContractTable | undefined> =>
  db.selectFrom('contract').selectAll().where('id', '=', id).executeTakeFirst();

/**
 * Reads the contract for a write and serialises writers on it: PostgreSQL locks the row until the
 * transaction ends; SQLite has one writer at a time anyway.
 */
export async function lockContract(db: Db, id: string): Promise<ContractTable | undefined> {
  const query = db.selectFrom('contract').selectAll().where('id', '=', id);
  return (isPostgres(db) ? query.forUpdate() : query).executeTakeFirst();
}

/** Contracts named as a reader knows them, by id: "name（number）", or the name of one not numbered yet. */
export async function contractTitles(db: Db, ids: string[]): Promise<Map<string, string>> {
  if (!ids.length) return new Map();
  const rows = await db
    .selectFrom('contract')
    .select(['id', 'name', 'number'])
    .where('id', 'in', ids)
    .execute();
  return new Map(rows.map((r) => [r.id, r.number ? `${r.name}（${r.number}）` : r.name]));
}

export async function deleteContract(db: Db, id: string): Promise<void> {
  await db.deleteFrom('contract').where('id', '=', id).execute();
}

export async function numberTaken(db: Db, number: string): Promise<boolean> {
  return !!(await db.selectFrom('contract').select('id').where('number', '=', number).executeTakeFirst());
}

/** Of these numbers, the ones some contract already has (for imports: one query per 500 numbers). */
export async function takenNumbers(db: Db, numbers: string[]): Promise<Set<string>> {
  const taken = new Set<string>();
  const unique = [...new Set(numbers)];
  for (let i = 0; i < unique.length; i += 500) {
    const rows = await db
      .selectFrom('contract')
      .select('number')
      .where('number', 'in', unique.slice(i, i + 500))
      .execute();
    for (const row of rows) if (row.number) taken.add(row.number);
  }
  return taken;
}

/** Inserts many contracts with multi-row inserts (100 rows a statement, well under both dialects' parameter limits). */
export async function insertContracts(db: Db, rows: ContractTable[]): Promise<void> {
  for (let i = 0; i < rows.length; i += 100) {
    await db
      .insertInto('contract')
      .values(rows.slice(i, i + 100).map((row) => encode(row)))
      .execute();
  }
}

// ---------------------------------------------------------------- versions
export async function insertVersions(db: Db, rows: ContractVersionTable[]): Promise<void> {
  for (let i = 0; i < rows.length; i += 100) {
    await db
      .insertInto('contract_version')
      .values(
        rows
          .slice(i, i + 100)
          .map((row) => ({ ...row, fields: writeJson(row.fields), attachments: writeJson(row.attachments) })),
      )
      .execute();
  }
}

export const listVersions = (db: Db, contractId: string) =>
  db
    .selectFrom('contract_version')
    .select(['id', 'version', 'reason', 'change_id', 'note', 'created_by', 'created_at'])
    .where('contract_id', '=', contractId)
    .orderBy('version', 'desc')
    .execute();

export const findVersion = (
  db: Db,
  contractId: string,
  version: number,
): Promise<ContractVersionTable | undefined> =>
  db
    .selectFrom('contract_version')
    .selectAll()
    .where('contract_id', '=', contractId)
    .where('version', '=', version)
    .executeTakeFirst();

// ---------------------------------------------------------------- changes
export async function insertChange(db: Db, row: ContractChangeTable): Promise<void> {
  await db
    .insertInto('contract_change')
    .values({ ...row, proposed: writeJson(row.proposed), before: writeJson(row.before) })
    .execute();
}

export async function updateChange(db: Db, id: string, patch: Partial<ContractChangeTable>): Promise<void> {
  await db.updateTable('contract_change').set(patch).where('id', '=', id).execute();
}

export const findChange = (db: Db, id: string): Promise<ContractChangeTable | undefined> =>
  db.selectFrom('contract_change').selectAll().where('id', '=', id).executeTakeFirst();

export const listChanges = (db: Db, contractId: string): Promise<ContractChangeTable[]> =>
  db
    .selectFrom('contract_change')
    .selectAll()
    .where('contract_id', '=', contractId)
    .orderBy('created_at', 'desc')
    .orderBy('id', 'desc')
    .execute();

/** Contracts whose attachments (now or in any version) include the file: their readers may read it. */
export async function contractsWithFile(db: Db, fileId: string) {
  const pattern = sql`${likePattern(fileId)} escape '\\'`;
  return db
    .selectFrom('contract')
    .select(['contract.entity_id', 'contract.department_id', 'contract.owner_id'])
    .where((eb) =>
      eb.or([
        eb(sql`cast(contract.attachments as text)`, 'like', pattern),
        eb(
          'contract.id',
          'in',
          eb
            .selectFrom('contract_version')
            .select('contract_version.contract_id')
            .where(sql`cast(contract_version.attachments as text)`, 'like', pattern),
        ),
      ]),
    )
    .limit(20)
    .execute();
}
