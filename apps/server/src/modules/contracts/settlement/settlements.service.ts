import {
  type ContractSettlement,
  type ContractSettlementCreate,
  type ContractSettlementView,
  contractSettlementCreateSchema,
  type Currency,
  type FormField,
  type SettlementStatus,
  formatMoney,
} from '@concord/contracts';
import { type Db, newId } from '../../../db/index.js';
import type { Clock } from '../../../platform/jobs/index.js';
import { AccessControl, isInScope } from '../../../platform/access/index.js';
import type { AuditService } from '../../../platform/audit/index.js';
import { AppError, notFound, type RequestContext } from '../../../platform/http/index.js';
import type { ContractPorts } from '../contracts.ports.js';
import * as contracts from '../register/contracts.repository.js';
import { scopedFacts } from '../register/contracts.rules.js';
import { warmScopes } from '../register/contracts.drafts.js';
import type { ContractFigureColumns, ContractTable } from '../contracts.tables.js';
import { executableAmount } from '../execution/execution.rules.js';
import type { ContractFiguresService } from '../execution/figures.service.js';
import { fitPlanToSettlement } from './settlement.plan-fit.js';
import * as repo from './settlements.repository.js';

/** The business type settlement flows are bound to; `category` is the contract category's code. */
export const SETTLEMENT_BUSINESS_TYPE = 'contract.settlement';

export type SettlementOutcome = 'APPROVED' | 'REJECTED' | 'WITHDRAWN';

export interface SettlementPorts {
  startApproval: ContractPorts['startApproval'];
  userNames(db: Db, ids: string[]): Promise<Map<string, string>>;
  /** Today (YYYY-MM-DD, China) by the app's clock. */
  today(): string;
}

const messages = {
  notInForce: {
    'zh-CN': '只有已生效的合同可以结算',
    'en-US': 'only contracts in force can be settled',
  },
  inApproval: {
    'zh-CN': '该合同已有结算在审批中',
    'en-US': 'a settlement of this contract is already in approval',
  },
  settled: {
    'zh-CN': '该合同已结算',
    'en-US': 'the contract is already settled',
  },
  notApproved: {
    'zh-CN': '只有审批通过的结算可以释放质保金',
    'en-US': 'retention is released only on an approved settlement',
  },
  noRetention: {
    'zh-CN': '该结算没有质保金',
    'en-US': 'the settlement holds no retention',
  },
  released: {
    'zh-CN': '质保金已于 {date} 释放',
    'en-US': 'the retention was released on {date}',
  },
} as const;

export const stateError = (ctx: RequestContext, key: keyof typeof messages, date = '') =>
  new AppError('CONTRACT_SETTLEMENT_STATE', { detail: messages[key][ctx.locale].replace('{date}', date) });

function validation(path: string, message: string): AppError {
  return new AppError('VALIDATION_FAILED', { detail: `${path}: ${message}` }, [{ path, message }]);
}

/** How a settlement shows in the approval detail. */
export const SETTLEMENT_FIELDS: FormField[] = [
  { key: 'contractNumber', label: '合同编号', type: 'text', required: false },
  { key: 'contractName', label: '合同名称', type: 'text', required: true },
  { key: 'partnerName', label: '相对方', type: 'text', required: false },
  { key: 'currentAmount', label: '合同金额', type: 'money', required: false },
  { key: 'paidAmount', label: '已付（已收）金额', type: 'money', required: false },
  { key: 'finalAmount', label: '结算总额', type: 'money', required: true },
  { key: 'deductionTotal', label: '扣款合计', type: 'money', required: false },
  { key: 'deductionText', label: '扣款明细', type: 'textarea', required: false },
  { key: 'settledAmount', label: '结算金额（扣款后）', type: 'money', required: true },
  { key: 'retentionAmount', label: '质保金', type: 'money', required: false },
  { key: 'retentionReleaseDate', label: '质保金释放日期', type: 'date', required: false },
  { key: 'note', label: '说明', type: 'textarea', required: false },
];

/**
 * Settlements (结算): the final amount less deductions becomes the contract's settled amount once
 * its approval (business type `contract.settlement`) ends approved; from then on the contract is
 * executed against it (`executableAmount`). Warranty retention (质保金) is held until its release
 * date, reminded of by a daily scan (settlements.jobs.ts) and released explicitly (retention.service.ts).
 *
 * On approval the payment/receipt plan is fitted to the settled amount (`fitPlan`: the shortfall
 * comes off the last items' unused remainders), so the plan-sum rule keeps holding; the user may
 * re-plan afterwards. A contract without a plan reports `planAdjustmentNeeded`.
 */
export class ContractSettlementsService {
  constructor(
    private readonly db: Db,
    private readonly audit: AuditService,
    private readonly ports: SettlementPorts,
    private readonly figures: ContractFiguresService,
    private readonly clock: Clock,
  ) {}

  /** The settlement tab: the contract's settlements and the figures they act on. */
  async view(ctx: RequestContext, contractId: string): Promise<ContractSettlementView> {
    const scope = await ctx.access.require('contract.view');
    const contract = await contracts.findContract(this.db, contractId);
    if (!contract) throw notFound();
    AccessControl.assertVisible(scope, scopedFacts(contract));
    const rows = await repo.settlementsOf(this.db, contractId);
    const names = await this.ports.userNames(this.db, [...new Set(rows.map((r) => r.created_by))]);
    const open = rows.some((r) => r.status === 'IN_APPROVAL' || r.status === 'APPROVED');
    let canSettle = false;
    if (contract.status === 'IN_FORCE' && !open && ctx.access.has('contract.settle')) {
      canSettle = isInScope(await ctx.access.require('contract.settle'), scopedFacts(contract));
    }
    return { settlements: rows.map((r) => toSettlement(r, names)), ...figuresOf(contract), canSettle };
  }

  async get(ctx: RequestContext, id: string): Promise<ContractSettlement> {
    const scope = await ctx.access.require('contract.view');
    const row = await repo.findSettlement(this.db, id);
    if (!row) throw notFound();
    AccessControl.assertVisible(scope, scopedFacts(row));
    return toSettlement(row, await this.ports.userNames(this.db, [row.created_by]));
  }

  /** Starts a settlement of an in-force contract; its approval starts in the same transaction. */
  async create(
    ctx: RequestContext,
    contractId: string,
    input: ContractSettlementCreate,
  ): Promise<ContractSettlement> {
    const actor = ctx.actor;
    if (!actor) throw new AppError('UNAUTHENTICATED');
    const scope = await ctx.access.require('contract.settle');
    await warmScopes(ctx);
    const data = contractSettlementCreateSchema.parse(input);
    const deductionTotal = data.deductions.reduce((sum, d) => sum + d.amount, 0);
    const settled = data.finalAmount - deductionTotal;
    if (settled < 0) throw validation('deductions', 'the deductions exceed the final amount');
    if (data.retentionAmount > settled)
      throw validation('retentionAmount', 'the retention cannot exceed the settled amount');
    if (data.retentionAmount > 0 && !data.retentionReleaseDate)
      throw validation('retentionReleaseDate', 'a retention needs its release date');
    const id = await this.db.transaction().execute(async (trx) => {
      const contract = await contracts.lockContract(trx, contractId);
      if (!contract) throw notFound();
      AccessControl.assertVisible(scope, scopedFacts(contract));
      if (contract.status !== 'IN_FORCE') throw stateError(ctx, 'notInForce');
      if (contract.pending_change_id) throw new AppError('CONTRACT_CHANGE_PENDING');
      const open = await repo.openSettlement(trx, contractId);
      if (open) throw stateError(ctx, open.status === 'APPROVED' ? 'settled' : 'inApproval');
      await this.assertCoversCommitted(trx, ctx, contract, settled);
      // The retention is held back from what is still to pay (or, on an income contract, still to
      // receive): more would leave a payable or receivable below zero (settled - paid - retention < 0).
      const unpaid = settled - (contract as ContractFiguresRow).paid_amount;
      if (data.retentionAmount > unpaid) {
        const most = formatMoney(Math.max(0, unpaid), contract.currency);
        const income = contract.direction === 'INCOME';
        throw validation(
          'retentionAmount',
          ctx.locale === 'zh-CN'
            ? `质保金不能超过结算时尚未${income ? '收到' : '支付'}的金额 ${most}`
            : `the retention cannot exceed what is still ${income ? 'unreceived' : 'unpaid'} at settlement, ${most}`,
        );
      }
      const id = newId();
      await repo.insertSettlement(trx, {
        id,
        contract_id: contractId,
        final_amount: data.finalAmount,
        deductions: data.deductions,
        deduction_total: deductionTotal,
        retention_amount: data.retentionAmount,
        retention_release_date: data.retentionReleaseDate,
        retention_released_on: null,
        note: data.note || null,
        status: 'IN_APPROVAL',
        instance_id: null,
        created_by: actor.userId,
        created_at: this.clock.now().toISOString(),
        decided_at: null,
      });
      const label = contract.number ?? contract.name;
      const instanceId = await this.ports.startApproval(trx, ctx, {
        businessType: SETTLEMENT_BUSINESS_TYPE,
        subjectId: id,
        title: `合同结算：${label}（${formatMoney(settled, contract.currency)}）`.slice(0, 200),
        entityId: contract.entity_id,
        departmentId: contract.department_id,
        amount: settled,
        currency: contract.currency as Currency,
        category: await repo.categoryCodeOf(trx, contract.category_id),
        formData: {
          contractNumber: contract.number ?? '',
          contractName: contract.name,
          partnerName: contract.partner_name,
          currentAmount: contract.current_amount,
          paidAmount: (contract as ContractFiguresRow).paid_amount,
          finalAmount: data.finalAmount,
          deductionTotal,
          deductionText: data.deductions
            .map((d) => `${d.reason}：${formatMoney(d.amount, contract.currency)}`)
            .join('\n'),
          settledAmount: settled,
          retentionAmount: data.retentionAmount,
          retentionReleaseDate: data.retentionReleaseDate ?? '',
          note: data.note ?? '',
        },
        selections: data.selections,
      });
      await repo.updateSettlement(trx, id, { instance_id: instanceId });
      await this.audit.record(trx, ctx, {
        entityType: 'contract_settlement',
        entityId: id,
        action: 'create',
        after: {
          contractId,
          finalAmount: data.finalAmount,
          deductions: data.deductions,
          deductionTotal,
          settledAmount: settled,
          retentionAmount: data.retentionAmount,
          retentionReleaseDate: data.retentionReleaseDate,
          instanceId,
        },
      });
      return id;
    });
    return this.get(ctx, id);
  }

  /**
   * The approval's outcome, called by the engine (through the contract approval subject) inside
   * its transaction. Approved: the contract's settled amount becomes final − deductions, after
   * checking again that it still covers what is paid and requested. A stale report changes nothing.
   */
  async approvalEnded(trx: Db, ctx: RequestContext, id: string, outcome: SettlementOutcome): Promise<void> {
    const found = await repo.findSettlement(trx, id);
    if (!found) return;
    const contract = (await contracts.lockContract(trx, found.contract_id))!;
    const before = (await repo.lockSettlement(trx, id))!;
    if (before.status !== 'IN_APPROVAL') return;
    const now = this.clock.now().toISOString();
    const settled = before.final_amount - before.deduction_total;
    if (outcome === 'APPROVED') {
      await this.assertCoversCommitted(trx, ctx, contract, settled);
      await repo.setSettledAmount(trx, before.contract_id, settled);
      await fitPlanToSettlement(trx, ctx, this.audit, before.contract_id, settled, now, {
        amount: before.retention_amount,
        dueDate: before.retention_release_date,
      });
      await this.audit.record(trx, ctx, {
        entityType: 'contract',
        entityId: before.contract_id,
        action: 'settle',
        changes: [
          {
            field: 'settledAmount',
            old: (contract as ContractFiguresRow).settled_amount,
            new: settled,
          },
        ],
      });
    }
    await repo.updateSettlement(trx, id, { status: outcome, decided_at: now });
    await this.figures.refresh(trx, before.contract_id);
    await this.audit.record(trx, ctx, {
      entityType: 'contract_settlement',
      entityId: id,
      action: 'status',
      changes: [{ field: 'status', old: before.status, new: outcome }],
    });
  }

  /** The fields a settlement shows in the approval detail (null: the id is no settlement). */
  /** The contract a settlement is of (the approval detail links to it). */
  async contractOf(db: Db, id: string): Promise<string | null> {
    return (await repo.findSettlement(db, id))?.contract_id ?? null;
  }

  async fieldsOf(db: Db, id: string): Promise<FormField[] | null> {
    return (await repo.findSettlement(db, id)) ? SETTLEMENT_FIELDS : null;
  }

  /** The settled amount may not fall below what is paid (received) and requested so far. */
  private async assertCoversCommitted(
    trx: Db,
    ctx: RequestContext,
    contract: { id: string; currency: string },
    settled: number,
  ): Promise<void> {
    const figures = await this.figures.refresh(trx, contract.id);
    const committed = figures.paid + figures.requested;
    if (settled < committed) {
      throw new AppError('CONTRACT_SETTLEMENT_BELOW_PAID', {
        settled: formatMoney(settled, contract.currency, ctx.locale),
        committed: formatMoney(committed, contract.currency, ctx.locale),
      });
    }
  }
}

// The register reads the contract's own columns; the row carries the execution figures too.
type ContractFiguresRow = ContractTable & ContractFigureColumns;

function figuresOf(row: ContractTable) {
  const contract = row as ContractFiguresRow;
  const settledAmount = contract.settled_amount;
  const executable = executableAmount({
    current_amount: contract.current_amount,
    settled_amount: settledAmount,
  });
  const paidAmount = contract.paid_amount;
  const plannedAmount = contract.planned_amount;
  return {
    currentAmount: contract.current_amount,
    settledAmount,
    executableAmount: executable,
    paidAmount,
    requestedAmount: contract.requested_amount,
    // The receivable is net of the retention not yet due (0 on expense contracts).
    outstandingAmount: executable - paidAmount - contract.retention_held_amount,
    retentionHeldAmount: contract.retention_held_amount,
    plannedAmount,
    planAdjustmentNeeded: settledAmount !== null && plannedAmount !== settledAmount,
  };
}

function toSettlement(row: repo.SettlementRow, names: Map<string, string>): ContractSettlement {
  const finalAmount = row.final_amount;
  const deductionTotal = row.deduction_total;
  return {
    id: row.id,
    contractId: row.contract_id,
    contractNumber: row.contract_number,
    contractName: row.contract_name,
    finalAmount,
    deductions: repo.deductionsOf(row).map((d) => ({ reason: d.reason, amount: d.amount })),
    deductionTotal,
    settledAmount: finalAmount - deductionTotal,
    retentionAmount: row.retention_amount,
    retentionReleaseDate: row.retention_release_date,
    retentionReleasedOn: row.retention_released_on,
    note: row.note,
    status: row.status as SettlementStatus,
    instanceId: row.instance_id,
    createdBy: row.created_by,
    createdByName: names.get(row.created_by) ?? '',
    createdAt: new Date(row.created_at).toISOString(),
    decidedAt: row.decided_at ? new Date(row.decided_at).toISOString() : null,
  };
}
