import type { Kysely } from 'kysely';
import { isPostgres } from '../../../db/index.js';
import { withContractFacts } from '../contract-records.repository.js';

export interface ContractSealRequestTable {
  id: string;
  contract_id: string;
  contract_version: number;
  seal_type: string;
  copies: number;
  purpose: string;
  status: string;
  instance_id: string | null;
  requested_by: string;
  created_at: string;
  updated_at: string;
  decided_at: string | null;
  used_date: string | null;
  used_by: string | null;
  used_note: string | null;
}

/** A request with the contract facts its views need (number, name, scope columns). */
export interface SealRequestRow extends ContractSealRequestTable {
  contract_number: string | null;
  contract_name: string;
  entity_id: string;
  department_id: string;
  owner_id: string;
}

// Callers pass transactions typed for other tables (the approval engine's); the row type documents the table.
type Db = Kysely<any>;

const requestsWithContract = (db: Db) => withContractFacts(db, 'contract_seal_request', 's');

export async function findRequest(db: Db, id: string): Promise<SealRequestRow | undefined> {
  return (await requestsWithContract(db).where('s.id', '=', id).executeTakeFirst()) as
    | SealRequestRow
    | undefined;
}

/** The request row, locked for the rest of the transaction (the stamping and the approval outcome queue here). */
export function lockRequest(db: Db, id: string): Promise<ContractSealRequestTable | undefined> {
  let query = db.selectFrom('contract_seal_request').selectAll().where('id', '=', id);
  if (isPostgres(db)) query = query.forUpdate();
  return query.executeTakeFirst() as Promise<ContractSealRequestTable | undefined>;
}

export async function requestExists(db: Db, id: string): Promise<boolean> {
  return !!(await db
    .selectFrom('contract_seal_request')
    .select('id')
    .where('id', '=', id)
    .executeTakeFirst());
}

export function requestsOf(db: Db, contractId: string) {
  return requestsWithContract(db).where('s.contract_id', '=', contractId);
}

export async function insertRequest(db: Db, row: ContractSealRequestTable): Promise<void> {
  await db.insertInto('contract_seal_request').values(row).execute();
}

export async function setInstance(db: Db, id: string, instanceId: string): Promise<void> {
  await db
    .updateTable('contract_seal_request')
    .set({ instance_id: instanceId })
    .where('id', '=', id)
    .execute();
}

export async function updateRequest(
  db: Db,
  id: string,
  patch: Partial<Omit<ContractSealRequestTable, 'id' | 'contract_id'>>,
): Promise<void> {
  await db.updateTable('contract_seal_request').set(patch).where('id', '=', id).execute();
}

/** The category code of a contract, for choosing the seal flow per category. */
export async function categoryCodeOf(db: Db, categoryId: string): Promise<string | null> {
  const row = await db
    .selectFrom('contract_category')
    .select('code')
    .where('id', '=', categoryId)
    .executeTakeFirst();
  return (row?.code as string | undefined) ?? null;
}

/** One request per entity (through its contract), for the route guard test. */
export async function sealSampleIn(db: Db, entityId: string): Promise<string | null> {
  const row = await db
    .selectFrom('contract_seal_request as s')
    .innerJoin('contract as c', 'c.id', 's.contract_id')
    .select('s.id')
    .where('c.entity_id', '=', entityId)
    .executeTakeFirst();
  return row?.id ?? null;
}
