import type {
  ContractPayment,
  ContractPaymentListQuery,
  ContractPaymentPage,
  ContractPaymentPosition,
  PaymentMethod,
} from '@concord/contracts';
import { AccessControl, isInScope, type Scope } from '../../../platform/access/index.js';
import { notFound } from '../../../platform/http/index.js';
import type { RequestContext } from '../../../platform/http/index.js';
import { applySort, fetchPage } from '../../../platform/http/index.js';
import * as contractsRepo from '../register/contracts.repository.js';
import { scopedFacts } from '../register/contracts.rules.js';
import { executableAmount, paymentRoom } from '../execution/execution.rules.js';
import * as repo from './payments.repository.js';
import { type ContractRow, OPEN_STATUSES, type PaymentPorts } from './payments.writes.js';
import type { Db } from '../../../db/index.js';

/**
 * Reading money on a contract (付款申请/付款/收款/退款): the list with totals, one record and where the
 * contract stands before a new request or receipt. Requests are payments.requests.ts's; paying,
 * receipts and refunds are payments.execution.ts's.
 */
export class ContractPaymentsService {
  constructor(
    private readonly db: Db,
    private readonly ports: Pick<PaymentPorts, 'userNames' | 'tolerance'>,
  ) {}

  async list(
    ctx: RequestContext,
    contractId: string,
    query: ContractPaymentListQuery,
  ): Promise<ContractPaymentPage> {
    const scope = await ctx.access.require('contract.view');
    await this.visibleContract(this.db, scope, contractId);
    const sorted = applySort(
      repo.paymentsOf(this.db, contractId, query),
      query.sort,
      {
        createdAt: 'p.created_at',
        amount: 'p.amount',
        number: 'p.number',
        status: 'p.status',
        paidOn: 'p.paid_on',
      },
      { column: 'p.created_at', direction: 'desc' },
      'p.id',
    );
    const page = await fetchPage(sorted, query, (row) => row as unknown as repo.PaymentRow);
    const names = await this.namesOf(page.items);
    return {
      ...page,
      items: page.items.map((row) => toPayment(row, names)),
      totals: await repo.totalsOf(this.db, contractId),
    };
  }

  async get(ctx: RequestContext, id: string): Promise<ContractPayment> {
    const scope = await ctx.access.require('contract.view');
    const row = await repo.findPayment(this.db, id);
    if (!row) throw notFound();
    AccessControl.assertVisible(scope, scopedFacts(row));
    return toPayment(row, await this.namesOf([row]));
  }

  /** Where the contract stands before a new request or receipt, per plan item (what the form shows). */
  async position(ctx: RequestContext, contractId: string): Promise<ContractPaymentPosition> {
    const scope = await ctx.access.require('contract.view');
    const contract = await this.visibleContract(this.db, scope, contractId);
    const [items, money, tolerance] = await Promise.all([
      repo.planItemsOf(this.db, contractId),
      repo.committed(this.db, contractId),
      this.ports.tolerance(this.db, contract.entity_id),
    ]);
    const amount = executableAmount(contract);
    const facts = scopedFacts(contract);
    const may = async (permission: string) =>
      ctx.access.has(permission) && isInScope(await ctx.access.require(permission), facts);
    return {
      contractId,
      direction: contract.direction as 'INCOME' | 'EXPENSE',
      status: contract.status,
      amount,
      paid: money.total.paid,
      requested: money.total.requested,
      invoiced: contract.invoiced_amount,
      accepted: contract.accepted_amount,
      room: Math.max(0, amount - money.total.paid - money.total.requested),
      tolerance,
      open: OPEN_STATUSES.includes(contract.status),
      items: items.map((item) => {
        const own = money.byItem.get(item.id) ?? { paid: 0, requested: 0 };
        return {
          id: item.id,
          seq: item.seq,
          name: item.name,
          dueDate: item.due_date,
          amount: item.amount,
          paid: own.paid,
          requested: own.requested,
          invoiced: item.invoiced_amount,
          accepted: item.accepted_amount,
          room: paymentRoom(
            { amount: item.amount, ...own },
            { amount, paid: money.total.paid, requested: money.total.requested },
          ),
        };
      }),
      can: {
        request: await may('contract.payment'),
        pay: await may('contract.pay'),
        override: await may('contract.override'),
      },
    };
  }

  // ---------------------------------------------------------------- internals

  private async visibleContract(db: Db, scope: Scope, contractId: string): Promise<ContractRow> {
    const row = (await contractsRepo.findContract(db, contractId)) as ContractRow | undefined;
    if (!row) throw notFound();
    AccessControl.assertVisible(scope, scopedFacts(row));
    return row;
  }

  private namesOf(rows: repo.PaymentRow[]) {
    return this.ports.userNames(
      this.db,
      [...new Set(rows.flatMap((r) => [r.requested_by, r.override_by]))].filter((id): id is string => !!id),
    );
  }
}

const iso = (value: unknown) => new Date(value as string).toISOString();

function toPayment(row: repo.PaymentRow, names: Map<string, string>): ContractPayment {
  return {
    id: row.id,
    contractId: row.contract_id,
    contractNumber: row.contract_number,
    contractName: row.contract_name,
    kind: row.kind as ContractPayment['kind'],
    number: row.number,
    planItemId: row.plan_item_id,
    planItemSeq: row.item_seq,
    planItemName: row.item_name,
    amount: row.amount,
    status: row.status as ContractPayment['status'],
    refundOfId: row.refund_of_id,
    refundOfNumber: row.refund_of_number,
    purpose: row.purpose,
    requestedBy: row.requested_by,
    requestedByName: names.get(row.requested_by) ?? '',
    instanceId: row.instance_id,
    paidOn: row.paid_on,
    bankAccount: row.bank_account,
    method: row.method as PaymentMethod | null,
    reference: row.reference,
    overrideReason: row.override_reason,
    overrideBy: row.override_by,
    overrideByName: row.override_by ? (names.get(row.override_by) ?? '') : null,
    refundedAmount: row.refunded_amount,
    createdAt: iso(row.created_at),
    updatedAt: iso(row.updated_at),
  };
}
