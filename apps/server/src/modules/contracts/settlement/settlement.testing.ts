import { newId } from '../../../db/index.js';
import type { TestApp } from '../../../testing/test-app.js';

/**
 * Money already paid on a contract, written straight as a PAID payment row (no plan item, no
 * approval) with the contract's figures refreshed: settlement tests need "what is paid" without
 * going through the payment flow.
 */
export async function insertPaidPayment(app: TestApp, contractId: string, amount: number): Promise<void> {
  const db = () => app.services.db;
  const contract = await db()
    .selectFrom('contract')
    .selectAll()
    .where('id', '=', contractId)
    .executeTakeFirstOrThrow();
  const now = app.services.clock.now().toISOString();
  await db()
    .transaction()
    .execute(async (trx) => {
      await trx
        .insertInto('contract_payment')
        .values({
          id: newId(),
          contract_id: contractId,
          plan_item_id: null,
          kind: 'PAYMENT',
          number: `X5-${newId().slice(-12)}`,
          amount,
          status: 'PAID',
          refund_of_id: null,
          purpose: '进度款',
          entity_id: contract.entity_id,
          department_id: contract.department_id,
          requested_by: contract.owner_id,
          instance_id: null,
          paid_on: '2026-02-20',
          bank_account: null,
          method: 'TRANSFER',
          reference: null,
          override_reason: null,
          override_by: null,
          idempotency_key: null,
          request_hash: null,
          created_at: now,
          updated_at: now,
        })
        .execute();
      await app.services.contractFigures.refresh(trx, contractId);
    });
}
