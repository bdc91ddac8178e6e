import { randomUUID } from 'node:crypto';
import { CompiledQuery, sql } from 'kysely';
import { type Db, isPostgres, newId, writeJson } from '../../../db/index.js';
import type { TestApp } from '../../../testing/test-app.js';

/*
 * What the collections test files share: the manual clock's start, CONS's execution settings,
 * execution rows written straight into their tables, and the job runner run dry for one day.
 */

export const DAY = 24 * 3600 * 1000;
// 09:00 in Beijing on 1 March 2026.
export const START = '2026-03-01T01:00:00.000Z';

/** Plan items, payments and deliveries written into the execution tables, then the figures refreshed. */
export function execution(app: () => TestApp) {
  const db = () => app().services.db;
  return {
    async item(contractId: string, seq: number, dueDate: string, amount: number): Promise<string> {
      const id = newId();
      const now = app().services.clock.now().toISOString();
      await db()
        .insertInto('contract_plan_item')
        .values({
          id,
          contract_id: contractId,
          seq,
          name: `第${seq}期`,
          due_date: dueDate,
          amount,
          percentage: null,
          condition_text: null,
          created_at: now,
          updated_at: now,
        })
        .execute();
      return id;
    },
    async money(
      contractId: string,
      itemId: string | null,
      kind: 'PAYMENT' | 'RECEIPT' | 'REFUND',
      status: string,
      amount: number,
      extra: Record<string, unknown> = {},
    ): Promise<string> {
      const c = await db()
        .selectFrom('contract')
        .select(['entity_id', 'department_id', 'owner_id'])
        .where('id', '=', contractId)
        .executeTakeFirstOrThrow();
      const id = newId();
      const now = app().services.clock.now().toISOString();
      await db()
        .insertInto('contract_payment')
        .values({
          id,
          contract_id: contractId,
          plan_item_id: itemId,
          kind,
          number: `X6-${randomUUID().slice(0, 12)}`,
          amount,
          status,
          refund_of_id: null,
          purpose: null,
          entity_id: c.entity_id,
          department_id: c.department_id,
          requested_by: c.owner_id,
          instance_id: null,
          paid_on: null,
          bank_account: null,
          method: null,
          reference: null,
          override_reason: null,
          override_by: null,
          idempotency_key: null,
          request_hash: null,
          created_at: now,
          updated_at: now,
          ...extra,
        })
        .execute();
      return id;
    },
    async accept(
      contractId: string,
      itemId: string | null,
      delivered: number,
      accepted: number,
    ): Promise<void> {
      const c = await db()
        .selectFrom('contract')
        .select('owner_id')
        .where('id', '=', contractId)
        .executeTakeFirstOrThrow();
      const now = app().services.clock.now().toISOString();
      await db()
        .insertInto('contract_delivery')
        .values({
          id: newId(),
          contract_id: contractId,
          plan_item_id: itemId,
          description: '交付',
          quantity: null,
          unit: null,
          delivered_amount: delivered,
          delivered_on: '2026-02-20',
          status: 'ACCEPTED',
          accepted_amount: accepted,
          accepted_on: '2026-02-21',
          accepted_by: c.owner_id,
          acceptance_note: null,
          file_ids: writeJson([]),
          created_by: c.owner_id,
          created_at: now,
          updated_at: now,
        })
        .execute();
    },
    refresh: (contractId: string) =>
      db()
        .transaction()
        .execute((trx) => app().services.contractFigures.refresh(trx, contractId)),
  };
}

/**
 * CONS's own settings (whatever the demo's group row says): tolerance 1 元; 5 and 2 days before;
 * owner 1, head 4, finance 8 days after.
 */
export async function seedConsExecutionSettings(app: TestApp): Promise<void> {
  const cons = await app.given.entityByCode('CONS');
  await app.services.db
    .insertInto('contract_execution_setting')
    .values({
      entity_id: cons.id,
      tolerance_amount: 100,
      tolerance_rate: 0,
      remind_before_days: writeJson([5, 2]),
      owner_after_days: 1,
      head_after_days: 4,
      finance_after_days: 8,
      updated_at: app.services.clock.now().toISOString(),
    })
    .execute();
}

/** One day of the runner: the scans, then the notices they queued. */
export async function runDay(app: TestApp): Promise<void> {
  for (let round = 0; round < 50; round++) {
    if ((await app.services.jobRunner.tick()).ran === 0) return;
  }
  throw new Error('the job runner never ran dry');
}

/** The notices sent about a link, oldest first. */
export async function notices(app: TestApp, link: string) {
  const rows = await app.services.db
    .selectFrom('notification_item')
    .select(['recipient_id', 'kind', 'params', 'created_at'])
    .where('link', '=', link)
    .orderBy('created_at')
    .execute();
  return rows.map((r) => ({
    recipient: r.recipient_id as string,
    kind: r.kind as string,
    params: typeof r.params === 'string' ? JSON.parse(r.params) : r.params,
  }));
}

/**
 * The plan of a statement as text, a line per step: SQLite's `explain query plan` details, or
 * PostgreSQL's `explain` lines.
 */
export async function explainPlan(db: Db, query: CompiledQuery): Promise<string> {
  const pg = isPostgres(db);
  const result = await db.executeQuery<Record<string, unknown>>(
    CompiledQuery.raw(`${pg ? 'explain ' : 'explain query plan '}${query.sql}`, [...query.parameters]),
  );
  return result.rows.map((row) => String(pg ? row['QUERY PLAN'] : row.detail)).join('\n');
}

/**
 * Runs `explainAll` with PostgreSQL's sequential scans and sorts priced out (a small test table
 * would otherwise be scanned whatever its indexes): a plan that still holds one has no index to
 * avoid it. No-op on SQLite.
 */
export async function withScansPricedOut(db: Db, explainAll: () => Promise<void>): Promise<void> {
  if (!isPostgres(db)) return explainAll();
  await sql`set enable_seqscan = off`.execute(db);
  await sql`set enable_sort = off`.execute(db);
  try {
    await explainAll();
  } finally {
    await sql`reset enable_seqscan`.execute(db);
    await sql`reset enable_sort`.execute(db);
  }
}
