import {
  type ContractChange,
  type ContractChangeProposal,
  type ContractScheduleItemInput,
  type contractChangeCreateSchema,
  type ContractStatus,
  type Currency,
  type PartnerBank,
  splitTax,
} from '@concord/contracts';
import type { z } from 'zod';
import { type Db, newId, readJson } from '../../../db/index.js';
import { AccessControl } from '../../../platform/access/index.js';
import type { AuditService } from '../../../platform/audit/index.js';
import { AppError, notFound, type RequestContext } from '../../../platform/http/index.js';
import type { ContractPorts } from '../contracts.ports.js';
import * as repo from '../register/contracts.repository.js';
import { nextStatus, scopedFacts } from '../register/contracts.rules.js';
import { assertDateOrder, auditable, type ContractSetup, warmScopes } from '../register/contracts.drafts.js';
import type { ContractsService } from '../register/contracts.service.js';
import type { ContractChangeTable, ContractTable } from '../contracts.tables.js';
import type { ContractVersions } from './versions.service.js';
import { type ChangeSchedule, scheduleText } from '../execution/schedule.service.js';
import type { Clock } from '../../../platform/jobs/index.js';

type ChangeInput = z.output<typeof contractChangeCreateSchema>;
type StoredAttachment = { fileId: string; type: string };

/**
 * Change orders (变更/补充协议): proposed new values with a reason, approved through the engine. On
 * approval the contract takes the values, becomes a new version and the ledger shows the new
 * current amount; one change at a time per contract.
 */
export class ContractChanges {
  constructor(
    private readonly db: Db,
    private readonly audit: AuditService,
    private readonly ports: ContractPorts,
    private readonly setup: ContractSetup,
    private readonly contracts: ContractsService,
    private readonly versions: ContractVersions,
    private readonly clock: Clock,
    /** The payment/receipt plan rule of amount changes (schedule.service.ts). */
    private readonly schedule?: ChangeSchedule,
  ) {}

  async list(ctx: RequestContext, contractId: string): Promise<ContractChange[]> {
    await this.contracts.visible(this.db, ctx, contractId);
    const rows = await repo.listChanges(this.db, contractId);
    const names = await this.ports.org.userNames(
      this.db,
      rows.map((r) => r.created_by),
    );
    return rows.map((row) => present(row, names));
  }

  async create(ctx: RequestContext, contractId: string, input: ChangeInput): Promise<ContractChange> {
    const actor = ctx.actor;
    if (!actor) throw new AppError('UNAUTHENTICATED');
    const scope = await ctx.access.require('contract.change');
    await warmScopes(ctx);
    return this.db.transaction().execute(async (trx) => {
      const contract = await repo.lockContract(trx, contractId);
      if (!contract) throw notFound();
      AccessControl.assertVisible(scope, scopedFacts(contract));
      nextStatus(contract.status as ContractStatus, 'change');
      if (contract.pending_change_id) throw new AppError('CONTRACT_CHANGE_PENDING');
      const current = proposableValues(contract);
      const proposed = Object.fromEntries(
        Object.entries(input.proposed).filter(
          ([key, value]) =>
            value !== undefined &&
            JSON.stringify(value) !== JSON.stringify(current[key as keyof typeof current]),
        ),
      ) as ContractChangeProposal;
      if (Object.keys(proposed).length === 0) {
        throw new AppError('VALIDATION_FAILED', { detail: 'proposed: the change alters nothing' }, [
          { path: 'proposed', message: 'the change alters nothing' },
        ]);
      }
      await this.check(trx, ctx, contract, proposed);
      await this.schedule?.checkProposal(trx, contract, proposed);
      const before = Object.fromEntries(
        Object.keys(proposed).map((key) => [key, current[key as keyof typeof current] ?? null]),
      );
      if (proposed.schedule && this.schedule)
        before.schedule = await this.schedule.currentPlan(trx, contractId);
      const count = (await repo.listChanges(trx, contractId)).length;
      const row: ContractChangeTable = {
        id: newId(),
        contract_id: contractId,
        number: `${contract.number ?? 'HT'}-BG${String(count + 1).padStart(2, '0')}`,
        kind: input.kind,
        reason: input.reason,
        status: 'IN_APPROVAL',
        proposed,
        before,
        instance_id: null,
        resulting_version: null,
        created_by: actor.userId,
        created_at: this.clock.now().toISOString(),
        decided_at: null,
      };
      await repo.insertChange(trx, row);
      const category = await this.setup.category(trx, contract.category_id);
      const instanceId = await this.ports.startApproval(trx, ctx, {
        businessType: 'contract.change',
        subjectId: row.id,
        title: `合同变更：${contract.name}（${row.number}）`.slice(0, 200),
        entityId: contract.entity_id,
        departmentId: contract.department_id,
        amount: proposed.amount ?? contract.current_amount,
        currency: contract.currency as Currency,
        category: category.code,
        formData: changeFormData(contract, row),
        selections: input.selections,
      });
      row.instance_id = instanceId;
      await repo.updateChange(trx, row.id, { instance_id: instanceId });
      await repo.updateContract(trx, contractId, {
        pending_change_id: row.id,
        lock_version: contract.lock_version + 1,
        updated_at: this.clock.now().toISOString(),
      });
      await this.audit.record(trx, ctx, {
        entityType: 'contract_change',
        entityId: row.id,
        action: 'create',
        after: {
          contractId,
          number: row.number,
          kind: row.kind,
          reason: row.reason,
          proposed,
          before,
          instanceId,
        },
      });
      return present(row, new Map([[actor.userId, actor.displayName]]));
    });
  }

  /** The engine reports the change's approval outcome, inside its transaction. */
  async approvalEnded(
    trx: Db,
    ctx: RequestContext,
    changeId: string,
    instanceId: string,
    outcome: 'APPROVED' | 'REJECTED' | 'WITHDRAWN',
  ): Promise<void> {
    const change = await repo.findChange(trx, changeId);
    if (!change || change.instance_id !== instanceId || change.status !== 'IN_APPROVAL') return;
    const contract = await repo.lockContract(trx, change.contract_id);
    if (!contract) return;
    const now = this.clock.now().toISOString();
    let resultingVersion: number | null = null;
    if (outcome === 'APPROVED') {
      const proposed = readJson<ContractChangeProposal>(change.proposed, {});
      const patch = applyProposal(contract, proposed);
      const after: ContractTable = {
        ...contract,
        ...patch,
        version: contract.version + 1,
        pending_change_id: null,
        lock_version: contract.lock_version + 1,
        updated_at: now,
      };
      resultingVersion = after.version;
      // The version is the proposer's change, made effective by the last approval.
      await this.versions.snapshot(trx, ctx, after, 'CHANGE', {
        changeId,
        note: change.reason,
        createdBy: change.created_by,
      });
      await repo.updateContract(trx, contract.id, {
        ...patch,
        version: after.version,
        pending_change_id: null,
        lock_version: after.lock_version,
        updated_at: now,
      });
      // The new plan of an amount change, checked again against what is paid or requested by now.
      await this.schedule?.applyApproved(trx, ctx, after, proposed);
      await this.audit.record(trx, ctx, {
        entityType: 'contract',
        entityId: contract.id,
        action: 'change',
        before: auditable(contract),
        after: auditable(after),
      });
    } else {
      await repo.updateContract(trx, contract.id, {
        pending_change_id: null,
        lock_version: contract.lock_version + 1,
        updated_at: now,
      });
    }
    await repo.updateChange(trx, changeId, {
      status: outcome,
      decided_at: now,
      resulting_version: resultingVersion,
    });
    await this.audit.record(trx, ctx, {
      entityType: 'contract_change',
      entityId: changeId,
      action: outcome.toLowerCase(),
      changes: [{ field: 'status', old: change.status, new: outcome }],
    });
  }

  /** The references and rules of the proposed values, as for a draft. */
  private async check(
    trx: Db,
    ctx: RequestContext,
    contract: ContractTable,
    proposed: ContractChangeProposal,
  ): Promise<void> {
    assertDateOrder(
      proposed.startDate !== undefined ? proposed.startDate : contract.start_date,
      proposed.endDate !== undefined ? proposed.endDate : contract.end_date,
    );
    if (proposed.attachments) {
      const existing = readJson<StoredAttachment[]>(contract.attachments, []);
      await this.contracts.assertFiles(
        trx,
        ctx,
        proposed.attachments.filter((a) => !existing.some((e) => e.fileId === a.fileId)),
      );
    }
    if (proposed.customData) {
      const category = await this.setup.category(trx, contract.category_id);
      proposed.customData = this.setup.validateCustomData(category, proposed.customData, ctx);
    }
  }
}

/** The contract's values that a change order may replace, keyed as in the proposal. */
function proposableValues(contract: ContractTable): Record<keyof ContractChangeProposal, unknown> {
  return {
    name: contract.name,
    amount: contract.current_amount,
    taxRate: contract.tax_rate,
    startDate: contract.start_date,
    endDate: contract.end_date,
    partnerBank: readJson<PartnerBank | null>(contract.partner_bank, null),
    body: contract.body,
    attachments: readJson(contract.attachments, []),
    customData: readJson(contract.custom_data, {}),
    // The plan lives in contract_plan_item; the schedule rule checks it and fills `before`.
    schedule: undefined,
  };
}

/** The contract columns an approved proposal writes. The amount after a change is the current amount. */
function applyProposal(contract: ContractTable, proposed: ContractChangeProposal): Partial<ContractTable> {
  const patch: Partial<ContractTable> = {};
  if (proposed.name !== undefined) patch.name = proposed.name;
  if (proposed.amount !== undefined || proposed.taxRate !== undefined) {
    const amount = proposed.amount ?? contract.current_amount;
    const taxRate = proposed.taxRate ?? contract.tax_rate;
    patch.amount = amount;
    patch.current_amount = amount;
    patch.tax_rate = taxRate;
    patch.tax_amount = splitTax(amount, taxRate).taxAmount;
    // An exemption is a kind of 0%: a change to another rate ends it.
    if (taxRate !== 0) patch.tax_exemption = null;
  }
  if (proposed.startDate !== undefined) patch.start_date = proposed.startDate;
  if (proposed.endDate !== undefined) patch.end_date = proposed.endDate;
  if (proposed.partnerBank !== undefined) patch.partner_bank = proposed.partnerBank;
  if (proposed.body !== undefined) patch.body = proposed.body;
  if (proposed.attachments !== undefined) patch.attachments = proposed.attachments;
  if (proposed.customData !== undefined) patch.custom_data = proposed.customData;
  return patch;
}

/** What the change's approvers see: the contract, the reason and each proposed value beside the old one. */
function changeFormData(contract: ContractTable, change: ContractChangeTable): Record<string, unknown> {
  const proposed = change.proposed as Record<string, unknown>;
  const before = change.before as Record<string, unknown>;
  return {
    contractNumber: contract.number,
    contractName: contract.name,
    partnerName: contract.partner_name,
    kind: change.kind,
    reason: change.reason,
    amount: (proposed.amount as number | undefined) ?? contract.current_amount,
    amountBefore: contract.current_amount,
    changedFields: Object.keys(proposed),
    proposed,
    before,
    ...(Array.isArray(proposed.schedule)
      ? { schedulePlan: scheduleText(proposed.schedule as ContractScheduleItemInput[], contract.currency) }
      : {}),
  };
}

function present(row: ContractChangeTable, names: Map<string, string>): ContractChange {
  return {
    id: row.id,
    contractId: row.contract_id,
    number: row.number,
    kind: row.kind as ContractChange['kind'],
    reason: row.reason,
    status: row.status as ContractChange['status'],
    proposed: readJson<Record<string, unknown>>(row.proposed, {}),
    before: readJson<Record<string, unknown>>(row.before, {}),
    instanceId: row.instance_id,
    resultingVersion: row.resulting_version,
    createdBy: row.created_by,
    createdByName: names.get(row.created_by) ?? '',
    createdAt: new Date(row.created_at).toISOString(),
    decidedAt: row.decided_at ? new Date(row.decided_at).toISOString() : null,
  };
}
