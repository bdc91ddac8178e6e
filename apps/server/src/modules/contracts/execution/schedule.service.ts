import { formatMoney } from '@concord/contracts';
import type {
  ContractChangeProposal,
  ContractSchedule,
  ContractScheduleItem,
  ContractScheduleItemInput,
  ContractScheduleReplace,
  ContractStatus,
} from '@concord/contracts';
import { type Db, newId, readJson } from '../../../db/index.js';
import type { Clock } from '../../../platform/jobs/index.js';
import { AccessControl, isInScope } from '../../../platform/access/index.js';
import type { AuditService } from '../../../platform/audit/index.js';
import { AppError, notFound, type RequestContext } from '../../../platform/http/index.js';
import * as contractsRepo from '../register/contracts.repository.js';
import { scopedFacts } from '../register/contracts.rules.js';
import type { ContractFigureColumns, ContractTable } from '../contracts.tables.js';
import { executableAmount, planSumDifference } from './execution.rules.js';
import { paymentFiguresByItem } from '../payments/payments.repository.js';
import * as repo from './schedule.repository.js';

/** Statuses whose plan may be replaced: planned before approval (draft), and executed (approved, in force). */
const PLANNABLE: ContractStatus[] = ['DRAFT', 'APPROVED', 'IN_FORCE'];

/** What the schedule needs of the figures service: recompute after every write (same transaction). */
export interface ScheduleFigures {
  refresh(trx: Db, contractId: string): Promise<unknown>;
}

/** What change orders need of the schedule (changes.service.ts): check at proposal, apply on approval. */
export interface ChangeSchedule {
  /** The current plan as a proposal's `before`, or null when the contract has none. */
  currentPlan(trx: Db, contractId: string): Promise<ContractScheduleItemInput[] | null>;
  /**
   * Checks a proposal against the plan rule: a change of the amount on a contract with a plan must
   * carry the full new plan, summing to the new amount, keeping what is already paid or requested.
   */
  checkProposal(trx: Db, contract: ContractTable, proposed: ContractChangeProposal): Promise<void>;
  /** Applies an approved proposal's plan to the (already updated) contract. */
  applyApproved(
    trx: Db,
    ctx: RequestContext,
    contract: ContractTable,
    proposed: ContractChangeProposal,
  ): Promise<void>;
}

/**
 * Payment and receipt plans (付款计划/收款计划): the milestones of a contract with their execution
 * figures. The plan is replaced as a whole; its items sum to the contract's executable amount
 * (`executableAmount`), and no item goes below what is already paid or requested on it. Writes lock
 * the contract row first, so they serialise with payment requests against the same items.
 */
export class ContractScheduleService implements ChangeSchedule {
  constructor(
    private readonly db: Db,
    private readonly audit: AuditService,
    private readonly figures: ScheduleFigures,
    private readonly today: () => string,
    private readonly clock: Clock,
  ) {}

  async get(ctx: RequestContext, contractId: string): Promise<ContractSchedule> {
    const scope = await ctx.access.require('contract.view');
    const contract = await contractsRepo.findContract(this.db, contractId);
    if (!contract) throw notFound();
    AccessControl.assertVisible(scope, scopedFacts(contract));
    const editScope = ctx.access.has('contract.payment')
      ? await ctx.access.require('contract.payment')
      : null;
    const editable =
      !!editScope &&
      isInScope(editScope, scopedFacts(contract)) &&
      PLANNABLE.includes(contract.status as ContractStatus) &&
      !(await this.amountChangePending(this.db, contract));
    return this.view(contract, await repo.listItems(this.db, contractId), editable);
  }

  /** Replaces the whole plan (items with an `id` keep their identity and linked payments). */
  async replace(
    ctx: RequestContext,
    contractId: string,
    input: ContractScheduleReplace,
  ): Promise<ContractSchedule> {
    const scope = await ctx.access.require('contract.payment');
    return this.db.transaction().execute(async (trx) => {
      const contract = await contractsRepo.lockContract(trx, contractId);
      if (!contract) throw notFound();
      AccessControl.assertVisible(scope, scopedFacts(contract));
      if (!PLANNABLE.includes(contract.status as ContractStatus)) {
        throw new AppError('CONTRACT_ILLEGAL_TRANSITION', {
          from: `contract.status.${contract.status}`,
          action: 'contract.action.schedule',
        });
      }
      if (contract.lock_version !== input.lockVersion) throw new AppError('CONFLICT');
      // A change of the amount in approval carries its own plan; it replaces this one on approval.
      if (await this.amountChangePending(trx, contract)) throw new AppError('CONTRACT_CHANGE_PENDING');
      const items = await this.write(
        trx,
        ctx,
        contract,
        input.items,
        executableAmount(figuresOf(contract)),
        'schedule',
      );
      const after = {
        ...contract,
        lock_version: contract.lock_version + 1,
        updated_at: this.clock.now().toISOString(),
      };
      await contractsRepo.updateContract(trx, contractId, {
        lock_version: after.lock_version,
        updated_at: after.updated_at,
      });
      return this.view(after, items, true);
    });
  }

  // ------------------------------------------------------------ change orders (ChangeSchedule)

  async currentPlan(trx: Db, contractId: string): Promise<ContractScheduleItemInput[] | null> {
    const items = await repo.listItems(trx, contractId);
    return items.length ? items.map(inputOf) : null;
  }

  async checkProposal(trx: Db, contract: ContractTable, proposed: ContractChangeProposal): Promise<void> {
    const existing = await repo.listItems(trx, contract.id);
    const amountChanges = proposed.amount !== undefined && proposed.amount !== contract.current_amount;
    if (proposed.schedule === undefined) {
      // Once settled, the plan follows the settled amount, which a change of the amount does not move.
      if (amountChanges && existing.length > 0 && figuresOf(contract).settled_amount === null) {
        const planned = existing.reduce((total, item) => total + item.amount, 0);
        throw planSumError(planned, proposed.amount as number, contract.currency);
      }
      return;
    }
    if (!amountChanges) {
      throw new AppError(
        'VALIDATION_FAILED',
        { detail: 'proposed.schedule: only with a change of the amount' },
        [{ path: 'proposed.schedule', message: 'only with a change of the amount' }],
      );
    }
    const expected = executableAmount({ ...figuresOf(contract), current_amount: proposed.amount as number });
    await this.checkItems(trx, contract, existing, proposed.schedule, expected);
  }

  async applyApproved(
    trx: Db,
    ctx: RequestContext,
    contract: ContractTable,
    proposed: ContractChangeProposal,
  ): Promise<void> {
    if (proposed.schedule === undefined) return;
    // Checked again: payments may have moved while the change was in approval.
    await this.write(
      trx,
      ctx,
      contract,
      proposed.schedule,
      executableAmount(figuresOf(contract)),
      'change_schedule',
    );
  }

  // ------------------------------------------------------------ internals

  /** Checks, writes the plan, refreshes the figures and audits; returns the new items. */
  private async write(
    trx: Db,
    ctx: RequestContext,
    contract: ContractTable,
    input: ContractScheduleItemInput[],
    expected: number,
    action: string,
  ): Promise<repo.PlanItemRow[]> {
    const existing = await repo.listItems(trx, contract.id);
    await this.checkItems(trx, contract, existing, input, expected);
    const now = this.clock.now().toISOString();
    await repo.parkSeqs(trx, contract.id);
    const kept = new Set<string>();
    for (const [index, item] of input.entries()) {
      const values = {
        seq: index + 1,
        name: item.name,
        due_date: item.dueDate,
        amount: item.amount,
        percentage: item.percentage ?? null,
        condition_text: item.condition?.trim() ? item.condition.trim() : null,
        updated_at: now,
      };
      if (item.id) {
        kept.add(item.id);
        await repo.updateItem(trx, item.id, values);
      } else {
        await repo.insertItem(trx, { id: newId(), contract_id: contract.id, ...values, created_at: now });
      }
    }
    await repo.deleteItems(
      trx,
      existing.filter((row) => !kept.has(row.id)).map((row) => row.id),
    );
    await this.figures.refresh(trx, contract.id);
    const items = await repo.listItems(trx, contract.id);
    await this.audit.record(trx, ctx, {
      entityType: 'contract',
      entityId: contract.id,
      action,
      before: { schedule: existing.map(inputOf) },
      after: { schedule: items.map(inputOf) },
    });
    return items;
  }

  /** The rules of a new plan against the existing items: known ids, the sum, and no item below its use. */
  private async checkItems(
    trx: Db,
    contract: { id: string; currency: string },
    existing: repo.PlanItemRow[],
    input: ContractScheduleItemInput[],
    expected: number,
  ): Promise<void> {
    const { currency } = contract;
    const byId = new Map(existing.map((row) => [row.id, row]));
    const seen = new Set<string>();
    for (const [index, item] of input.entries()) {
      if (!item.id) continue;
      if (!byId.has(item.id) || seen.has(item.id)) {
        const message = seen.has(item.id) ? 'the same plan item is listed twice' : 'not an item of this plan';
        throw new AppError('VALIDATION_FAILED', { detail: `items[${index}].id: ${message}` }, [
          { path: `items.${index}.id`, message },
        ]);
      }
      seen.add(item.id);
    }
    // An empty plan removes the plan; otherwise the items sum to the executable amount exactly.
    if (input.length > 0) {
      const difference = planSumDifference(
        input.map((item) => item.amount),
        expected,
      );
      if (difference !== 0) throw planSumError(difference + expected, expected, currency);
    }
    const used = new Map<string | null, number>();
    for (const row of await paymentFiguresByItem(trx, contract.id))
      used.set(row.itemId, row.requested + row.paid);
    const newAmount = new Map(input.filter((i) => i.id).map((i) => [i.id as string, i.amount]));
    const removed = existing.filter((row) => !newAmount.has(row.id));
    for (const row of existing) {
      const amount = newAmount.get(row.id) ?? 0;
      const itemUsed = used.get(row.id) ?? 0;
      if (itemUsed > 0 && amount < itemUsed) {
        throw new AppError('CONTRACT_PLAN_BELOW_USED', {
          name: row.name,
          used: formatMoney(itemUsed, currency),
          amount: formatMoney(amount, currency),
        });
      }
    }
    const referenced = await repo.referencedItems(
      trx,
      removed.map((row) => row.id),
    );
    for (const row of removed) {
      const kind =
        referenced.get(row.id) ??
        (row.invoiced_amount > 0 ? 'invoice' : row.accepted_amount > 0 ? 'delivery' : null);
      if (kind)
        throw new AppError('CONTRACT_PLAN_ITEM_IN_USE', { name: row.name, what: referenceLabels[kind] });
    }
  }

  /** A change order in approval that alters the amount (and so brings, or needs, its own plan). */
  private async amountChangePending(db: Db, contract: ContractTable): Promise<boolean> {
    if (!contract.pending_change_id) return false;
    const change = await contractsRepo.findChange(db, contract.pending_change_id);
    if (change?.status !== 'IN_APPROVAL') return false;
    const proposed = readJson<ContractChangeProposal>(change.proposed, {});
    return proposed.amount !== undefined || proposed.schedule !== undefined;
  }

  private view(contract: ContractTable, rows: repo.PlanItemRow[], editable: boolean): ContractSchedule {
    const today = this.today();
    const items: ContractScheduleItem[] = rows.map((row) => {
      const amount = row.amount;
      const paid = row.paid_amount;
      const dueDate = row.due_date;
      return {
        id: row.id,
        seq: row.seq,
        name: row.name,
        dueDate,
        amount,
        percentage: row.percentage,
        condition: row.condition_text,
        requested: row.requested_amount,
        paid,
        invoiced: row.invoiced_amount,
        accepted: row.accepted_amount,
        remaining: amount - paid,
        overdue: dueDate < today && paid < amount,
      };
    });
    const sum = (pick: (item: ContractScheduleItem) => number) =>
      items.reduce((total, i) => total + pick(i), 0);
    const { settled_amount: settled } = figuresOf(contract);
    const expected = executableAmount(figuresOf(contract));
    return {
      contractId: contract.id,
      direction: contract.direction as ContractSchedule['direction'],
      currency: contract.currency,
      lockVersion: contract.lock_version,
      executableAmount: expected,
      currentAmount: contract.current_amount,
      settledAmount: settled,
      today,
      editable,
      items,
      totals: {
        amount: sum((i) => i.amount),
        requested: sum((i) => i.requested),
        paid: sum((i) => i.paid),
        invoiced: sum((i) => i.invoiced),
        accepted: sum((i) => i.accepted),
        remaining: sum((i) => i.remaining),
        overdue: sum((i) => (i.overdue ? i.remaining : 0)),
        difference: items.length ? sum((i) => i.amount) - expected : 0,
      },
    };
  }
}

/**
 * The contract with the settled amount the execution migration added (null until settled): the
 * register reads the contract's own columns, and the row carries the execution figures too.
 */
const figuresOf = (contract: ContractTable) => contract as ContractTable & ContractFigureColumns;

/** Subjects of CONTRACT_PLAN_ITEM_IN_USE, translated through `subjectLabels`. */
const referenceLabels: Record<'payment' | 'delivery' | 'invoice', string> = {
  payment: 'plan item payments',
  delivery: 'plan item deliveries',
  invoice: 'plan item invoices',
};

/** Amounts in the contract's own currency. */
function planSumError(planned: number, expected: number, currency: string): AppError {
  return new AppError('CONTRACT_PLAN_SUM', {
    planned: formatMoney(planned, currency),
    expected: formatMoney(expected, currency),
    difference: formatMoney(planned - expected, currency),
  });
}

function inputOf(row: repo.PlanItemRow): ContractScheduleItemInput {
  return {
    id: row.id,
    name: row.name,
    dueDate: row.due_date,
    amount: row.amount,
    percentage: row.percentage,
    condition: row.condition_text,
  };
}

/** A plan as text for approvers: one line per item, "1. 预付款 2026-03-01 ¥3,390.00（30.00%）". */
export function scheduleText(items: ContractScheduleItemInput[], currency: string): string {
  return items
    .map((item, index) => {
      const share = item.percentage == null ? '' : `（${(item.percentage / 100).toFixed(2)}%）`;
      const condition = item.condition ? ` ${item.condition}` : '';
      return `${index + 1}. ${item.name} ${item.dueDate} ${formatMoney(item.amount, currency)}${share}${condition}`;
    })
    .join('\n');
}
