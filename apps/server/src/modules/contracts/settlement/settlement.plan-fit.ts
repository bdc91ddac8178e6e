import { newId, type Db } from '../../../db/index.js';
import type { AuditService } from '../../../platform/audit/index.js';
import type { RequestContext } from '../../../platform/http/index.js';
import { fitPlan } from '../execution/execution.rules.js';
import * as schedule from '../execution/schedule.repository.js';

/**
 * After settlement the plan runs against the settled amount: the difference comes off the last
 * items' unused remainders (never below what is paid or requested), so the plan-sum rule still holds.
 * A retention (质保金) becomes a plan item of its own, due on its release date: it is not due
 * before, so it is never counted overdue while the customer (or we) rightly hold it; the other
 * items are fitted to the settled amount less it. When what is paid and requested leaves no room
 * for that, the plan is fitted to the settled amount as a whole.
 */
export async function fitPlanToSettlement(
  trx: Db,
  ctx: RequestContext,
  audit: AuditService,
  contractId: string,
  settled: number,
  at: string,
  retention: { amount: number; dueDate: string | null },
): Promise<void> {
  const items = await schedule.listItems(trx, contractId);
  if (!items.length) return;
  const fitting = items.map((item) => ({
    id: item.id,
    amount: item.amount,
    used: item.paid_amount + item.requested_amount,
  }));
  const used = fitting.reduce((sum, item) => sum + item.used, 0);
  const split = retention.amount > 0 && retention.dueDate !== null && used <= settled - retention.amount;
  const changes = fitPlan(fitting, split ? settled - retention.amount : settled);
  for (const [id, amount] of changes) await schedule.setItemAmount(trx, id, amount, at);
  const seq = Math.max(...items.map((item) => item.seq)) + 1;
  if (split)
    await schedule.insertItem(trx, {
      id: newId(),
      contract_id: contractId,
      seq,
      name: '质保金',
      due_date: retention.dueDate as string,
      amount: retention.amount,
      percentage: null,
      condition_text: '结算时留存，到期释放',
      created_at: at,
      updated_at: at,
    });
  if (!changes.size && !split) return;
  await audit.record(trx, ctx, {
    entityType: 'contract',
    entityId: contractId,
    action: 'plan_fit_to_settlement',
    changes: [
      ...items
        .filter((item) => changes.has(item.id))
        .map((item) => ({
          field: `planItem.${item.seq}.amount`,
          old: item.amount,
          new: changes.get(item.id),
        })),
      ...(split ? [{ field: `planItem.${seq}.amount`, old: null, new: retention.amount }] : []),
    ],
  });
}
