import { sql } from 'kysely';
import { type Db, likePattern } from '../../db/index.js';
import type { NumberingRuleTable } from './numbering.tables.js';

export function filteredRules(db: Db, filter: { q?: string; active?: boolean }) {
  let query = db.selectFrom('numbering_rule as r').selectAll('r');
  if (filter.active !== undefined) query = query.where('r.active', '=', filter.active);
  if (filter.q) {
    const pattern = sql<string>`${likePattern(filter.q.toLowerCase())} escape '\\'`;
    query = query.where((eb) =>
      eb.or([eb(sql`lower(r.name)`, 'like', pattern), eb(sql`lower(r.code)`, 'like', pattern)]),
    );
  }
  return query;
}

export function findRule(db: Db, id: string): Promise<NumberingRuleTable | undefined> {
  return db.selectFrom('numbering_rule').selectAll().where('id', '=', id).executeTakeFirst();
}

export function findRuleByCode(db: Db, code: string): Promise<NumberingRuleTable | undefined> {
  return db.selectFrom('numbering_rule').selectAll().where('code', '=', code).executeTakeFirst();
}

export async function insertRule(db: Db, row: NumberingRuleTable): Promise<void> {
  await db.insertInto('numbering_rule').values(row).execute();
}

export async function updateRule(db: Db, id: string, patch: Partial<NumberingRuleTable>): Promise<void> {
  await db.updateTable('numbering_rule').set(patch).where('id', '=', id).execute();
}

type CounterKey = { ruleId: string; periodKey: string; entityCode: string };

/**
 * Takes the next value of a counter inside the caller's transaction. The insert creates the row
 * if it is missing (a concurrent insert of the same key waits, then does nothing); the update
 * holds the row lock until the transaction ends, so concurrent callers get consecutive values and
 * a rollback gives the value back.
 */
export async function incrementCounter(trx: Db, key: CounterKey): Promise<number> {
  await trx
    .insertInto('numbering_counter')
    .values({ rule_id: key.ruleId, period_key: key.periodKey, entity_code: key.entityCode, value: 0 })
    .onConflict((oc) => oc.columns(['rule_id', 'period_key', 'entity_code']).doNothing())
    .execute();
  const row = await trx
    .updateTable('numbering_counter')
    .set((eb) => ({ value: eb('value', '+', 1) }))
    .where('rule_id', '=', key.ruleId)
    .where('period_key', '=', key.periodKey)
    .where('entity_code', '=', key.entityCode)
    .returning('value')
    .executeTakeFirstOrThrow();
  return row.value;
}

export async function counterValue(db: Db, key: CounterKey): Promise<number> {
  const row = await db
    .selectFrom('numbering_counter')
    .select('value')
    .where('rule_id', '=', key.ruleId)
    .where('period_key', '=', key.periodKey)
    .where('entity_code', '=', key.entityCode)
    .executeTakeFirst();
  return row ? row.value : 0;
}
