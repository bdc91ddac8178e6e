import { sql } from 'kysely';
import { type Db, isPostgres, likePattern, readJson, writeJson } from '../../../db/index.js';
import { withContractFacts } from '../contract-records.repository.js';
import type { ContractDeliveryTable } from '../contracts.tables.js';

export interface DeliveryFiles {
  delivery: string[];
  acceptance: string[];
}

/** A delivery with the contract facts its views and scope checks need. */
export interface DeliveryRow extends ContractDeliveryTable {
  contract_number: string | null;
  contract_name: string;
  entity_id: string;
  department_id: string;
  owner_id: string;
  plan_item_name: string | null;
}

export const readFiles = (value: unknown): DeliveryFiles => {
  const files = readJson<Partial<DeliveryFiles>>(value, {});
  return { delivery: files.delivery ?? [], acceptance: files.acceptance ?? [] };
};
export const writeFiles = (files: DeliveryFiles): string => writeJson(files);

const withContract = (db: Db) =>
  withContractFacts(db, 'contract_delivery', 'd')
    .leftJoin('contract_plan_item as i', 'i.id', 'd.plan_item_id')
    .select('i.name as plan_item_name');

export async function findDelivery(db: Db, id: string): Promise<DeliveryRow | undefined> {
  return (await withContract(db).where('d.id', '=', id).executeTakeFirst()) as DeliveryRow | undefined;
}

export function deliveriesOf(db: Db, contractId: string, filter: { status?: string; planItemId?: string }) {
  let query = withContract(db).where('d.contract_id', '=', contractId);
  if (filter.status) query = query.where('d.status', '=', filter.status);
  if (filter.planItemId) query = query.where('d.plan_item_id', '=', filter.planItemId);
  return query;
}

/** The delivery row, locked for the rest of the transaction (acceptance and rejection queue here). */
export function lockDelivery(db: Db, id: string): Promise<ContractDeliveryTable | undefined> {
  const query = db.selectFrom('contract_delivery').selectAll().where('id', '=', id);
  return (isPostgres(db) ? query.forUpdate() : query).executeTakeFirst() as Promise<
    ContractDeliveryTable | undefined
  >;
}

export async function insertDelivery(db: Db, row: ContractDeliveryTable): Promise<void> {
  await db
    .insertInto('contract_delivery')
    .values({ ...row, file_ids: writeFiles(row.file_ids as DeliveryFiles) })
    .execute();
}

export async function updateDelivery(
  db: Db,
  id: string,
  patch: Partial<Omit<ContractDeliveryTable, 'id' | 'contract_id'>>,
): Promise<void> {
  const values: Record<string, unknown> = { ...patch };
  if (patch.file_ids !== undefined) values.file_ids = writeFiles(patch.file_ids as DeliveryFiles);
  await db.updateTable('contract_delivery').set(values).where('id', '=', id).execute();
}

/** What is delivered on the contract and not rejected (the limit's base), read after locking the contract. */
export async function deliveredTotal(db: Db, contractId: string): Promise<number> {
  const row = await db
    .selectFrom('contract_delivery')
    .select(sql<number>`coalesce(sum(delivered_amount), 0)`.as('total'))
    .where('contract_id', '=', contractId)
    .where('status', '<>', 'REJECTED')
    .executeTakeFirst();
  return row?.total ?? 0;
}

export async function planItemOf(
  db: Db,
  contractId: string,
  itemId: string,
): Promise<{ id: string; name: string } | undefined> {
  const row = await db
    .selectFrom('contract_plan_item')
    .select(['id', 'name'])
    .where('id', '=', itemId)
    .where('contract_id', '=', contractId)
    .executeTakeFirst();
  return row ? { id: row.id, name: row.name } : undefined;
}

/** The contracts whose deliveries carry this file (for file read grants). */
export async function contractsWithDeliveryFile(db: Db, fileId: string) {
  return db
    .selectFrom('contract_delivery as d')
    .innerJoin('contract as c', 'c.id', 'd.contract_id')
    .select(['c.entity_id', 'c.department_id', 'c.owner_id'])
    .where(sql`cast(d.file_ids as text)`, 'like', sql`${likePattern(fileId)} escape '\\'`)
    .limit(20)
    .execute();
}

/** One delivery per entity (through its contract), for the route guard test. */
export async function deliverySampleIn(db: Db, entityId: string): Promise<string | null> {
  const row = await db
    .selectFrom('contract_delivery as d')
    .innerJoin('contract as c', 'c.id', 'd.contract_id')
    .select('d.id')
    .where('c.entity_id', '=', entityId)
    .orderBy('d.id')
    .executeTakeFirst();
  return row?.id ?? null;
}
