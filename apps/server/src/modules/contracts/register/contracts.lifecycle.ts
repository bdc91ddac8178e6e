import type { Contract, ContractStatus, contractSignSchema, Currency } from '@concord/contracts';
import type { z } from 'zod';
import { type Db, readJson } from '../../../db/index.js';
import type { AuditService } from '../../../platform/audit/index.js';
import { AppError, invalidReference, type RequestContext } from '../../../platform/http/index.js';
import type { CategoryForContract, ContractPorts } from '../contracts.ports.js';
import type { ContractTable } from '../contracts.tables.js';
import { hasEvaluation } from '../evaluation/evaluations.repository.js';
import type { ContractVersions } from '../versions/versions.service.js';
import {
  approvalFormData,
  assertAttachments,
  assertFiles,
  attachmentTypeLabel,
  auditable,
  type ContractSetup,
  editedFields,
  lockVisible,
  type StoredAttachment,
  warmScopes,
} from './contracts.drafts.js';
import { presentContract } from './contracts.present.js';
import * as repo from './contracts.repository.js';
import { type ContractEvent, nextStatus } from './contracts.rules.js';
import type { Clock } from '../../../platform/jobs/index.js';

/**
 * A contract's life after the draft: submission through the approval engine, signing and closing.
 * Every method checks the action permission and the data scope first and writes in one transaction
 * with its audit record; the approval engine reports outcomes through `approvalEnded` and
 * `approvalEdited` inside its own.
 */
export class ContractLifecycle {
  constructor(
    private readonly db: Db,
    private readonly audit: AuditService,
    private readonly ports: ContractPorts,
    private readonly setup: ContractSetup,
    private readonly versions: ContractVersions,
    private readonly clock: Clock,
  ) {}

  /**
   * Submits a draft: the first submission takes the next number of the category's rule; the
   * contract's content becomes a version; its approval starts in the same transaction.
   */
  async submit(
    ctx: RequestContext,
    id: string,
    input: { selections?: Record<string, string[]> },
  ): Promise<Contract> {
    const scope = await ctx.access.require('contract.create');
    await warmScopes(ctx);
    return this.db.transaction().execute(async (trx) => {
      const row = await lockVisible(trx, scope, id);
      const status = nextStatus(row.status as ContractStatus, 'submit');
      const category = await this.setup.category(trx, row.category_id);
      assertAttachments(category, readJson<StoredAttachment[]>(row.attachments, []), ['SIGNED_SCAN'], ctx);
      const number = row.number ?? (await this.nextNumber(trx, category, row.entity_id));
      const version = row.version + 1;
      const numbered = { ...row, number, version };
      await this.versions.snapshot(trx, ctx, numbered, 'SUBMIT');
      const instanceId = await this.ports.startApproval(trx, ctx, {
        businessType: 'contract.sign',
        subjectId: id,
        title: `合同审批：${row.name}（${number}）`.slice(0, 200),
        entityId: row.entity_id,
        departmentId: row.department_id,
        amount: row.amount,
        currency: row.currency as Currency,
        category: category.code,
        formData: approvalFormData(numbered, category),
        selections: input.selections,
        flowKey: category.flowKey,
      });
      const patch: Partial<ContractTable> = {
        number,
        version,
        status,
        instance_id: instanceId,
        status_reason: null,
        lock_version: row.lock_version + 1,
        updated_at: this.clock.now().toISOString(),
      };
      await repo.updateContract(trx, id, patch);
      await this.audit.record(trx, ctx, {
        entityType: 'contract',
        entityId: id,
        action: 'submit',
        changes: [
          { field: 'status', old: row.status, new: status },
          { field: 'number', old: row.number, new: number },
          { field: 'version', old: row.version, new: version },
        ],
      });
      return this.present(trx, ctx, { ...row, ...patch });
    });
  }

  /** Records the signing: the signed scan must be attached; the signed amount is fixed from now on. */
  async sign(ctx: RequestContext, id: string, input: z.output<typeof contractSignSchema>): Promise<Contract> {
    const scope = await ctx.access.require('contract.manage');
    await warmScopes(ctx);
    return this.db.transaction().execute(async (trx) => {
      const row = await lockVisible(trx, scope, id);
      const status = nextStatus(row.status as ContractStatus, 'sign');
      const existing = readJson<StoredAttachment[]>(row.attachments, []);
      const added = input.attachments.filter((a) => !existing.some((e) => e.fileId === a.fileId));
      await this.assertFiles(trx, ctx, added);
      const attachments = [...existing, ...added];
      const category = await this.setup.category(trx, row.category_id);
      assertAttachments(category, attachments, [], ctx);
      if (!attachments.some((a) => a.type === 'SIGNED_SCAN')) {
        throw new AppError('CONTRACT_ATTACHMENTS_MISSING', {
          detail: attachmentTypeLabel('SIGNED_SCAN', ctx),
        });
      }
      const version = added.length ? row.version + 1 : row.version;
      const patch: Partial<ContractTable> = {
        status,
        sign_date: input.signDate,
        signed_amount: row.amount,
        current_amount: row.amount,
        attachments,
        version,
        lock_version: row.lock_version + 1,
        updated_at: this.clock.now().toISOString(),
      };
      const after = { ...row, ...patch };
      if (added.length) await this.versions.snapshot(trx, ctx, after, 'SIGN');
      await repo.updateContract(trx, id, patch);
      await this.audit.record(trx, ctx, {
        entityType: 'contract',
        entityId: id,
        action: 'sign',
        before: { status: row.status, signDate: row.sign_date, signedAmount: row.signed_amount },
        after: { status, signDate: input.signDate, signedAmount: row.amount, attachments: added },
      });
      return this.present(trx, ctx, after);
    });
  }

  /** Completing, terminating and voiding: a status change with its reason. */
  async close(
    ctx: RequestContext,
    id: string,
    event: Extract<ContractEvent, 'complete' | 'terminate' | 'void'>,
    reason: string | undefined,
  ): Promise<Contract> {
    const scope = await ctx.access.require('contract.manage');
    return this.db.transaction().execute(async (trx) => {
      const row = await lockVisible(trx, scope, id);
      const status = nextStatus(row.status as ContractStatus, event);
      if (row.pending_change_id) throw new AppError('CONTRACT_CHANGE_PENDING');
      // Completing a contract requires its closing evaluation (回归评价, evaluations.service.ts).
      if (event === 'complete' && !(await hasEvaluation(trx, id)))
        throw new AppError('CONTRACT_EVALUATION_REQUIRED');
      const patch: Partial<ContractTable> = {
        status,
        status_reason: reason ?? null,
        lock_version: row.lock_version + 1,
        updated_at: this.clock.now().toISOString(),
      };
      await repo.updateContract(trx, id, patch);
      await this.audit.record(trx, ctx, {
        entityType: 'contract',
        entityId: id,
        action: event,
        changes: [
          { field: 'status', old: row.status, new: status },
          { field: 'statusReason', old: row.status_reason, new: reason ?? null },
        ],
      });
      return this.present(trx, ctx, { ...row, ...patch });
    });
  }

  // ------------------------------------------------------------ approval outcomes (engine's transaction)

  /** The engine reports the contract approval's end; a stale report (status moved on) changes nothing. */
  async approvalEnded(
    trx: Db,
    ctx: RequestContext,
    id: string,
    instanceId: string,
    event: Extract<ContractEvent, 'approved' | 'rejected' | 'withdrawn'>,
  ): Promise<void> {
    const row = await repo.lockContract(trx, id);
    if (!row || row.instance_id !== instanceId || row.status !== 'IN_APPROVAL') return;
    const status = nextStatus(row.status as ContractStatus, event);
    await repo.updateContract(trx, id, {
      status,
      lock_version: row.lock_version + 1,
      updated_at: this.clock.now().toISOString(),
    });
    await this.audit.record(trx, ctx, {
      entityType: 'contract',
      entityId: id,
      action: event,
      changes: [{ field: 'status', old: row.status, new: status }],
    });
  }

  /**
   * An approver edited fields their step allows (the body, the attachments, the amount, ...): the
   * contract takes the new values and the edit becomes a version, so the history shows who changed what.
   */
  async approvalEdited(
    trx: Db,
    ctx: RequestContext,
    id: string,
    instanceId: string,
    formData: Record<string, unknown>,
  ): Promise<void> {
    const row = await repo.lockContract(trx, id);
    if (!row || row.instance_id !== instanceId || row.status !== 'IN_APPROVAL') return;
    const category = await this.setup.category(trx, row.category_id);
    const patch = await editedFields(row, category, formData, {
      assertFiles: (attachments) => this.assertFiles(trx, ctx, attachments),
      validateCustom: (data) => this.setup.validateCustomData(category, data, ctx),
    });
    if (Object.keys(patch).length === 0) return;
    const after: ContractTable = {
      ...row,
      ...patch,
      version: row.version + 1,
      lock_version: row.lock_version + 1,
      updated_at: this.clock.now().toISOString(),
    };
    await this.versions.snapshot(trx, ctx, after, 'APPROVAL_EDIT');
    await repo.updateContract(trx, id, {
      ...patch,
      version: after.version,
      lock_version: after.lock_version,
      updated_at: after.updated_at,
    });
    await this.audit.record(trx, ctx, {
      entityType: 'contract',
      entityId: id,
      action: 'approval_edit',
      before: auditable(row),
      after: auditable(after),
    });
  }

  // ------------------------------------------------------------ internals

  private present(db: Db, ctx: RequestContext, row: ContractTable): Promise<Contract> {
    return presentContract(db, ctx, { ports: this.ports, setup: this.setup }, row);
  }

  private assertFiles(trx: Db, ctx: RequestContext, attachments: StoredAttachment[]): Promise<void> {
    return assertFiles(trx, ctx, this.ports, attachments);
  }

  private async nextNumber(trx: Db, category: CategoryForContract, entityId: string): Promise<string> {
    const ruleId = category.numberRuleId ?? (await this.ports.numbering.ruleIdByCode(trx, 'contract'));
    if (!ruleId) throw invalidReference('numbering rule');
    const entity = (await this.ports.org.entities(trx, [entityId])).get(entityId);
    if (!entity) throw invalidReference('entity');
    return this.ports.numbering.next(trx, ruleId, { entityCode: entity.code, date: this.ports.today() });
  }
}
