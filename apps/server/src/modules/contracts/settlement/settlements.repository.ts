import { type Db, isPostgres, readJson, writeJson } from '../../../db/index.js';
import { withContractFacts } from '../contract-records.repository.js';
import type { ContractSettlementTable } from '../contracts.tables.js';

/** A settlement with the contract facts its views and scope checks need. */
export interface SettlementRow extends ContractSettlementTable {
  contract_number: string | null;
  contract_name: string;
  entity_id: string;
  department_id: string;
  owner_id: string;
}

const withContract = (db: Db) => withContractFacts(db, 'contract_settlement', 's');

export async function findSettlement(db: Db, id: string): Promise<SettlementRow | undefined> {
  return (await withContract(db).where('s.id', '=', id).executeTakeFirst()) as SettlementRow | undefined;
}

/** Every settlement of the contract, newest first. */
export async function settlementsOf(db: Db, contractId: string): Promise<SettlementRow[]> {
  return (await withContract(db)
    .where('s.contract_id', '=', contractId)
    .orderBy('s.created_at', 'desc')
    .orderBy('s.id', 'desc')
    .execute()) as SettlementRow[];
}

/** The settlement row, locked for the rest of the transaction. */
export function lockSettlement(db: Db, id: string): Promise<ContractSettlementTable | undefined> {
  let query = db.selectFrom('contract_settlement').selectAll().where('id', '=', id);
  if (isPostgres(db)) query = query.forUpdate();
  return query.executeTakeFirst() as Promise<ContractSettlementTable | undefined>;
}

/** The contract's settlement in approval or approved, if any (at most one of them exists). */
export async function openSettlement(
  db: Db,
  contractId: string,
): Promise<ContractSettlementTable | undefined> {
  return (await db
    .selectFrom('contract_settlement')
    .selectAll()
    .where('contract_id', '=', contractId)
    .where('status', 'in', ['IN_APPROVAL', 'APPROVED'])
    .executeTakeFirst()) as ContractSettlementTable | undefined;
}

export async function insertSettlement(db: Db, row: ContractSettlementTable): Promise<void> {
  await db
    .insertInto('contract_settlement')
    .values({ ...row, deductions: writeJson(row.deductions) })
    .execute();
}

export async function updateSettlement(
  db: Db,
  id: string,
  patch: Partial<ContractSettlementTable>,
): Promise<void> {
  await db.updateTable('contract_settlement').set(patch).where('id', '=', id).execute();
}

export async function setSettledAmount(db: Db, contractId: string, amount: number | null): Promise<void> {
  await db.updateTable('contract').set({ settled_amount: amount }).where('id', '=', contractId).execute();
}

export async function categoryCodeOf(db: Db, categoryId: string): Promise<string | null> {
  const row = await db
    .selectFrom('contract_category')
    .select('code')
    .where('id', '=', categoryId)
    .executeTakeFirst();
  return row?.code ?? null;
}

export const deductionsOf = (row: ContractSettlementTable): { reason: string; amount: number }[] =>
  readJson<{ reason: string; amount: number }[]>(row.deductions, []);

/**
 * Approved settlements whose retention is held and not yet released, with the release date at or
 * before `until`: the reminder scan's candidates, in keyset batches by (release date, id).
 */
export async function retentionsDue(
  db: Db,
  until: string,
  after: { date: string; id: string } | null,
  limit: number,
): Promise<{ id: string; retention_release_date: string }[]> {
  let query = db
    .selectFrom('contract_settlement')
    .select(['id', 'retention_release_date'])
    .where('status', '=', 'APPROVED')
    .where('retention_amount', '>', 0)
    .where('retention_released_on', 'is', null)
    .where('retention_release_date', 'is not', null)
    .where('retention_release_date', '<=', until);
  if (after) {
    query = query.where((eb) =>
      eb.or([
        eb('retention_release_date', '>', after.date),
        eb.and([eb('retention_release_date', '=', after.date), eb('id', '>', after.id)]),
      ]),
    );
  }
  return (await query.orderBy('retention_release_date').orderBy('id').limit(limit).execute()) as {
    id: string;
    retention_release_date: string;
  }[];
}

/** A settlement of a contract of this entity (the route guard's sample). */
export async function settlementSampleIn(db: Db, entityId: string): Promise<string | null> {
  const row = await db
    .selectFrom('contract_settlement as s')
    .innerJoin('contract as c', 'c.id', 's.contract_id')
    .select('s.id')
    .where('c.entity_id', '=', entityId)
    .orderBy('s.id')
    .executeTakeFirst();
  return row?.id ?? null;
}
