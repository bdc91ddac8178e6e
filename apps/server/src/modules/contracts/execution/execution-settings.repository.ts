import { type Db, readJson, writeJson } from '../../../db/index.js';
import type { ContractExecutionSettingTable as ExecutionSettingTable } from '../contracts.tables.js';

export interface ExecutionSettingRow {
  entityId: string;
  toleranceAmount: number;
  toleranceRate: number;
  remindBeforeDays: number[];
  ownerAfterDays: number;
  headAfterDays: number;
  financeAfterDays: number;
  updatedAt: string;
}

function toRow(row: ExecutionSettingTable): ExecutionSettingRow {
  return {
    entityId: row.entity_id,
    toleranceAmount: row.tolerance_amount,
    toleranceRate: row.tolerance_rate,
    remindBeforeDays: readJson<number[]>(row.remind_before_days, []).map(Number),
    ownerAfterDays: row.owner_after_days,
    headAfterDays: row.head_after_days,
    financeAfterDays: row.finance_after_days,
    updatedAt: new Date(row.updated_at).toISOString(),
  };
}

/** The rows of these entities (at most two: the entity's and the group root's). */
export async function settingsOf(db: Db, entityIds: string[]): Promise<Map<string, ExecutionSettingRow>> {
  if (!entityIds.length) return new Map();
  const rows = (await db
    .selectFrom('contract_execution_setting')
    .selectAll()
    .where('entity_id', 'in', entityIds)
    .execute()) as ExecutionSettingTable[];
  return new Map(rows.map((row) => [row.entity_id, toRow(row)]));
}

/** The group's root entity (the one without a parent); its row applies where an entity has none. */
export async function groupRootId(db: Db): Promise<string | null> {
  const row = await db
    .selectFrom('org_entity')
    .select('id')
    .where('parent_id', 'is', null)
    .orderBy('created_at')
    .orderBy('id')
    .executeTakeFirst();
  return row?.id ?? null;
}

export async function upsertSetting(db: Db, row: ExecutionSettingRow): Promise<void> {
  const values = {
    entity_id: row.entityId,
    tolerance_amount: row.toleranceAmount,
    tolerance_rate: row.toleranceRate,
    remind_before_days: writeJson(row.remindBeforeDays),
    owner_after_days: row.ownerAfterDays,
    head_after_days: row.headAfterDays,
    finance_after_days: row.financeAfterDays,
    updated_at: row.updatedAt,
  };
  const { entity_id: _, ...patch } = values;
  await db
    .insertInto('contract_execution_setting')
    .values(values)
    .onConflict((oc) => oc.column('entity_id').doUpdateSet(patch))
    .execute();
}

export async function deleteSetting(db: Db, entityId: string): Promise<void> {
  await db.deleteFrom('contract_execution_setting').where('entity_id', '=', entityId).execute();
}

/** Entities of the group (id, name), roots first, for the settings page. */
export async function entities(db: Db): Promise<{ id: string; name: string; parentId: string | null }[]> {
  const rows = await db
    .selectFrom('org_entity')
    .select(['id', 'name', 'parent_id', 'code'])
    .orderBy('code')
    .execute();
  const list = rows.map((r) => ({
    id: r.id,
    name: r.name,
    parentId: r.parent_id ?? null,
  }));
  return [...list.filter((e) => !e.parentId), ...list.filter((e) => e.parentId)];
}

export async function entity(db: Db, entityId: string): Promise<{ id: string; name: string } | undefined> {
  const row = await db
    .selectFrom('org_entity')
    .select(['id', 'name'])
    .where('id', '=', entityId)
    .executeTakeFirst();
  return row ? { id: row.id, name: row.name } : undefined;
}
