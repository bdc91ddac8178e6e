import type { WfProxyRuleTable } from './workflow.tables.js';
import type { Db } from '../../db/index.js';

/** Newest first; one user's rules, or everyone's (the caller filters by scope). */
export function listRules(db: Db, options: { userId?: string; limit: number }) {
  let query = db.selectFrom('wf_proxy_rule').selectAll().orderBy('start_at', 'desc').orderBy('id');
  if (options.userId) query = query.where('user_id', '=', options.userId);
  return query.limit(options.limit).execute();
}

export function findOverlapping(db: Db, userId: string, startAt: string, endAt: string) {
  return db
    .selectFrom('wf_proxy_rule')
    .select('id')
    .where('user_id', '=', userId)
    .where('start_at', '<', endAt)
    .where('end_at', '>', startAt)
    .executeTakeFirst();
}

export async function insertRule(db: Db, row: WfProxyRuleTable): Promise<void> {
  await db.insertInto('wf_proxy_rule').values(row).execute();
}

export const findRule = (db: Db, id: string) =>
  db.selectFrom('wf_proxy_rule').selectAll().where('id', '=', id).executeTakeFirst();

export async function deleteRule(db: Db, id: string): Promise<void> {
  await db.deleteFrom('wf_proxy_rule').where('id', '=', id).execute();
}

/** Rules whose period covers [from, to]. */
export function rulesCovering(db: Db, from: string, to: string) {
  return db
    .selectFrom('wf_proxy_rule')
    .select(['user_id', 'proxy_id', 'start_at', 'end_at'])
    .where('start_at', '<=', to)
    .where('end_at', '>', from)
    .orderBy('start_at')
    .execute();
}
