import { CompiledQuery, sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '../../../db/index.js';
import { testDialects } from '../../../testing/dialects.js';
import { createTestApp, type TestApp } from '../../../testing/test-app.js';
import { paymentsOf } from './payments.repository.js';

/*
 * Every read of a payment sums its refunds so far (refund_of_id = the payment): without an index on
 * refund_of_id that read scanned every payment row, about 30 ms a request at tier S and seconds at
 * five million payments (the benchmark's W4 found it). PostgreSQL plans from the real, small table:
 * with sequential scans priced out, a plan still holding one has no index to avoid it.
 */
const ID = '00000000-0000-7000-8000-000000000001';

async function scans(db: Db, dialect: string, query: CompiledQuery): Promise<string[]> {
  if (dialect === 'sqlite') {
    const plan = await db.executeQuery<{ detail: string }>(
      CompiledQuery.raw(`explain query plan ${query.sql}`, [...query.parameters]),
    );
    return plan.rows.map((row) => row.detail).filter((line) => /^SCAN (contract_payment|r|p|o)\b/.test(line));
  }
  return db.transaction().execute(async (trx) => {
    await sql`set local enable_seqscan = off`.execute(trx);
    const plan = await trx.executeQuery<{ 'QUERY PLAN': string }>(
      CompiledQuery.raw(`explain ${query.sql}`, [...query.parameters]),
    );
    return plan.rows
      .map((row) => row['QUERY PLAN'])
      .filter((line) => /Seq Scan on contract_payment/.test(line));
  });
}

for (const dialect of testDialects()) {
  describe(`payment reads [${dialect}]`, () => {
    let t: TestApp;
    beforeAll(async () => {
      t = await createTestApp(dialect);
    });
    afterAll(async () => {
      await t?.close();
    });

    it('sum each payment’s refunds so far without a scan of the payments', async () => {
      const db = t.services.db;
      expect(await scans(db, dialect, paymentsOf(db, ID, {}).compile())).toEqual([]);
    });
  });
}
