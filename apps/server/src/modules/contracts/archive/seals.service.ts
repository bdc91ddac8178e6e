import type {
  Currency,
  FormField,
  Locale,
  Page,
  SealRequest,
  SealRequestCreate,
  SealRequestStatus,
  SealRequestUsed,
  SealType,
} from '@concord/contracts';
import { sealRequestCreateSchema, sealRequestUsedSchema, businessDate } from '@concord/contracts';
import { type Db, newId } from '../../../db/index.js';
import { AccessControl } from '../../../platform/access/index.js';
import type { AuditService } from '../../../platform/audit/index.js';
import type { RequestContext } from '../../../platform/http/index.js';
import { AppError, notFound } from '../../../platform/http/index.js';
import { applySort, fetchPage } from '../../../platform/http/index.js';
import type { Clock } from '../../../platform/jobs/index.js';
import { contractScopeOf, contractStatusLabels, visibleContract } from './archive.service.js';
import * as repo from './seals.repository.js';
import type { ContractPorts } from '../contracts.ports.js';

/** The approval engine's start, as the register's ports carry it. */
export type StartSealApproval = ContractPorts['startApproval'];

/** The business type seal use flows are bound to; `category` is the contract category's code. */
export const SEAL_BUSINESS_TYPE = 'contract.seal';

/** Only an approved or signed contract has a text worth stamping. */
export const SEALABLE_STATUSES: readonly string[] = ['APPROVED', 'IN_FORCE'];

export type SealApprovalOutcome = 'APPROVED' | 'REJECTED' | 'WITHDRAWN';

export const sealTypeLabels: Record<SealType, Record<Locale, string>> = {
  CONTRACT_SEAL: { 'zh-CN': '合同专用章', 'en-US': 'contract seal' },
  COMPANY_SEAL: { 'zh-CN': '公章', 'en-US': 'company seal' },
  LEGAL_REP_SEAL: { 'zh-CN': '法定代表人章', 'en-US': "legal representative's seal" },
};

const statusLabels: Record<SealRequestStatus, Record<Locale, string>> = {
  IN_APPROVAL: { 'zh-CN': '审批中', 'en-US': 'in approval' },
  APPROVED: { 'zh-CN': '已通过', 'en-US': 'approved' },
  REJECTED: { 'zh-CN': '已驳回', 'en-US': 'rejected' },
  WITHDRAWN: { 'zh-CN': '已撤回', 'en-US': 'withdrawn' },
  USED: { 'zh-CN': '已用印', 'en-US': 'used' },
};

const messages = {
  notSealable: {
    'zh-CN': '合同当前状态为「{status}」，只有已审批或已生效的合同可以申请用印',
    'en-US': 'the contract is "{status}"; only approved or in-force contracts can have seals applied',
  },
  notApproved: {
    'zh-CN': '申请当前为「{status}」，只有审批通过的申请可以登记用印',
    'en-US': 'the request is "{status}"; only an approved request can be recorded as used',
  },
} as const;

function message(locale: Locale, key: keyof typeof messages, status: string): string {
  return messages[key][locale].replace('{status}', status);
}

/** How a seal request shows in the approval detail (the engine renders its form data with these). */
export const SEAL_REQUEST_FIELDS: FormField[] = [
  { key: 'contractNumber', label: '合同编号', type: 'text', required: false },
  { key: 'contractName', label: '合同名称', type: 'text', required: true },
  { key: 'contractVersion', label: '合同版本', type: 'number', required: true },
  {
    key: 'sealType',
    label: '印章类型',
    type: 'select',
    required: true,
    options: (Object.keys(sealTypeLabels) as SealType[]).map((value) => ({
      value,
      label: sealTypeLabels[value]['zh-CN'],
    })),
  },
  { key: 'copies', label: '用印份数', type: 'number', required: true },
  { key: 'purpose', label: '用印事由', type: 'textarea', required: true },
  { key: 'amount', label: '合同金额', type: 'money', required: false },
];

/**
 * Seal use requests (用印申请) on a contract: each is tied to the contract version current when it
 * was made and approved through the engine (business type `contract.seal`). The seal keeper
 * (`contract.archive`) records the stamping of an approved request.
 */
export class ContractSealsService {
  constructor(
    private readonly db: Db,
    private readonly audit: AuditService,
    private readonly startApproval: StartSealApproval,
    private readonly userNames: (db: Db, ids: string[]) => Promise<Map<string, string>>,
    private readonly clock: Clock,
  ) {}

  async list(
    ctx: RequestContext,
    contractId: string,
    query: { page: number; pageSize: number; sort?: string },
  ): Promise<Page<SealRequest>> {
    const scope = await ctx.access.require('contract.view');
    await visibleContract(this.db, scope, contractId);
    const sorted = applySort(
      repo.requestsOf(this.db, contractId),
      query.sort,
      { createdAt: 's.created_at', status: 's.status', contractVersion: 's.contract_version' },
      { column: 's.created_at', direction: 'desc' },
      's.id',
    );
    const page = await fetchPage(sorted, query, (row) => row);
    const names = await this.userNames(
      this.db,
      [...new Set(page.items.flatMap((r) => [r.requested_by, r.used_by]))].filter((id): id is string => !!id),
    );
    return { ...page, items: page.items.map((row) => toSealRequest(row, names)) };
  }

  async get(ctx: RequestContext, requestId: string): Promise<SealRequest> {
    const scope = await ctx.access.require('contract.view');
    const row = await repo.findRequest(this.db, requestId);
    if (!row) throw notFound();
    AccessControl.assertVisible(scope, contractScopeOf(row));
    return toSealRequest(row, await this.userNames(this.db, [row.requested_by, row.used_by].filter(isId)));
  }

  /** Asks to stamp the contract's current version; its approval starts in the same transaction. */
  async request(ctx: RequestContext, contractId: string, input: SealRequestCreate): Promise<SealRequest> {
    const scope = await ctx.access.require('contract.seal');
    const actor = ctx.actor;
    if (!actor) throw new AppError('UNAUTHENTICATED');
    const data = sealRequestCreateSchema.parse(input);
    const id = await this.db.transaction().execute(async (trx) => {
      const contract = await visibleContract(trx, scope, contractId);
      if (!SEALABLE_STATUSES.includes(contract.status)) {
        const status = contractStatusLabels[contract.status]?.[ctx.locale] ?? contract.status;
        throw new AppError('CONTRACT_SEAL_STATE', { detail: message(ctx.locale, 'notSealable', status) });
      }
      const id = newId();
      const now = this.clock.now().toISOString();
      await repo.insertRequest(trx, {
        id,
        contract_id: contractId,
        contract_version: contract.version,
        seal_type: data.sealType,
        copies: data.copies,
        purpose: data.purpose,
        status: 'IN_APPROVAL',
        instance_id: null,
        requested_by: actor.userId,
        created_at: now,
        updated_at: now,
        decided_at: null,
        used_date: null,
        used_by: null,
        used_note: null,
      });
      const amount = contract.current_amount;
      const title = `用印申请：${contract.number ?? contract.name}（${sealTypeLabels[data.sealType]['zh-CN']} ×${data.copies}）`;
      const instanceId = await this.startApproval(trx, ctx, {
        businessType: SEAL_BUSINESS_TYPE,
        subjectId: id,
        title: title.slice(0, 200),
        entityId: contract.entity_id,
        departmentId: contract.department_id,
        amount,
        currency: contract.currency as Currency,
        category: await repo.categoryCodeOf(trx, contract.category_id),
        formData: {
          contractNumber: contract.number ?? '',
          contractName: contract.name,
          contractVersion: contract.version,
          sealType: data.sealType,
          copies: data.copies,
          purpose: data.purpose,
          amount,
        },
        selections: data.selections,
      });
      await repo.setInstance(trx, id, instanceId);
      await this.audit.record(trx, ctx, {
        entityType: 'contract_seal_request',
        entityId: id,
        action: 'request',
        after: {
          contractId,
          contractVersion: contract.version,
          sealType: data.sealType,
          copies: data.copies,
          purpose: data.purpose,
          instanceId,
        },
      });
      return id;
    });
    return this.get(ctx, id);
  }

  /** The seal keeper records that an approved request was stamped. */
  async markUsed(ctx: RequestContext, requestId: string, input: SealRequestUsed): Promise<SealRequest> {
    const scope = await ctx.access.require('contract.archive');
    const actor = ctx.actor;
    const data = sealRequestUsedSchema.parse(input);
    await this.db.transaction().execute(async (trx) => {
      const visible = await repo.findRequest(trx, requestId);
      if (!visible) throw notFound();
      AccessControl.assertVisible(scope, contractScopeOf(visible));
      const before = (await repo.lockRequest(trx, requestId))!;
      if (before.status !== 'APPROVED') {
        const status = statusLabels[before.status as SealRequestStatus]?.[ctx.locale] ?? before.status;
        throw new AppError('CONTRACT_SEAL_STATE', { detail: message(ctx.locale, 'notApproved', status) });
      }
      const usedDate = data.usedDate ?? businessDate(this.clock.now());
      await repo.updateRequest(trx, requestId, {
        status: 'USED',
        used_date: usedDate,
        used_by: actor?.userId ?? null,
        used_note: data.note || null,
        updated_at: this.clock.now().toISOString(),
      });
      await this.audit.record(trx, ctx, {
        entityType: 'contract_seal_request',
        entityId: requestId,
        action: 'used',
        changes: [
          { field: 'status', old: before.status, new: 'USED' },
          { field: 'usedDate', old: null, new: usedDate },
        ],
      });
    });
    return this.get(ctx, requestId);
  }

  /**
   * The approval's outcome for a seal request, called by the engine (through the contract approval
   * adapter) inside its own transaction. A request no longer in approval is left as it is.
   */
  async onApprovalOutcome(
    trx: Db,
    ctx: RequestContext,
    requestId: string,
    outcome: SealApprovalOutcome,
  ): Promise<void> {
    const before = await repo.lockRequest(trx, requestId);
    if (before?.status !== 'IN_APPROVAL') return;
    const now = this.clock.now().toISOString();
    await repo.updateRequest(trx, requestId, { status: outcome, decided_at: now, updated_at: now });
    await this.audit.record(trx, ctx, {
      entityType: 'contract_seal_request',
      entityId: requestId,
      action: 'status',
      changes: [{ field: 'status', old: before.status, new: outcome }],
    });
  }

  /** True when the id names a seal request (for routing the engine's `contract.*` callbacks). */
  async isSealRequest(db: Db, id: string): Promise<boolean> {
    return repo.requestExists(db, id);
  }

  /** The contract a seal request is for (the approval detail links to it). */
  async contractOf(db: Db, requestId: string): Promise<string | null> {
    return (await repo.findRequest(db, requestId))?.contract_id ?? null;
  }

  /** The fields a seal request shows in the approval detail. */
  async fieldsOf(db: Db, requestId: string): Promise<FormField[] | null> {
    return (await repo.findRequest(db, requestId)) ? SEAL_REQUEST_FIELDS : null;
  }
}

const isId = (id: string | null): id is string => !!id;

function toSealRequest(row: repo.SealRequestRow, names: Map<string, string>): SealRequest {
  return {
    id: row.id,
    contractId: row.contract_id,
    contractNumber: row.contract_number,
    contractName: row.contract_name,
    contractVersion: row.contract_version,
    sealType: row.seal_type as SealType,
    copies: row.copies,
    purpose: row.purpose,
    status: row.status as SealRequestStatus,
    instanceId: row.instance_id,
    requestedBy: row.requested_by,
    requestedByName: names.get(row.requested_by) ?? '',
    createdAt: new Date(row.created_at).toISOString(),
    decidedAt: row.decided_at ? new Date(row.decided_at).toISOString() : null,
    usedDate: row.used_date,
    usedBy: row.used_by,
    usedByName: row.used_by ? (names.get(row.used_by) ?? '') : null,
    usedNote: row.used_note,
  };
}
