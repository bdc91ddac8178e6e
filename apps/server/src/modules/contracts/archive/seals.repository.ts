import { type Db, isPostgres } from '../../../db/index.js';
import { type ContractFacts, withContractFacts } from '../contract-records.repository.js';
import type { ContractSealRequestTable } from '../contracts.tables.js';

/** A request with the contract facts its views need (number, name, scope columns). */
export type SealRequestRow = ContractSealRequestTable & ContractFacts;

const requestsWithContract = (db: Db) => withContractFacts(db, 'contract_seal_request', 's');

export async function findRequest(db: Db, id: string): Promise<SealRequestRow | undefined> {
  return requestsWithContract(db).where('s.id', '=', id).executeTakeFirst();
}

/** The request row, locked for the rest of the transaction (the stamping and the approval outcome queue here). */
export function lockRequest(db: Db, id: string): Promise<ContractSealRequestTable | undefined> {
  let query = db.selectFrom('contract_seal_request').selectAll().where('id', '=', id);
  if (isPostgres(db)) query = query.forUpdate();
  return query.executeTakeFirst();
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
  return row?.code ?? null;
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
