import type {
  Delivery,
  DeliveryAccept,
  DeliveryCreate,
  DeliveryListQuery,
  DeliveryStatus,
  DeliverySummary,
  Locale,
  Page,
} from '@concord/contracts';
import {
  deliveryAcceptSchema,
  deliveryCreateSchema,
  deliveryListQuerySchema,
  deliveryRejectSchema,
  type DeliveryReject,
} from '@concord/contracts';
import type { Kysely } from 'kysely';
import { newId, nowInstant } from '../../../db/index.js';
import { AccessControl, isInScope } from '../../../platform/access/index.js';
import type { AuditService } from '../../../platform/audit/index.js';
import type { RequestContext } from '../../../platform/http/index.js';
import { AppError, notFound } from '../../../platform/http/errors.js';
import { applySort, fetchPage } from '../../../platform/http/paging.js';
import { contractStatusLabels } from '../archive/archive.service.js';
import * as contracts from '../register/contracts.repository.js';
import { scopedFacts } from '../register/contracts.rules.js';
import { warmScopes } from '../register/contracts.drafts.js';
import * as repo from './deliveries.repository.js';
import { executableAmount } from './execution.rules.js';
import type { ContractFiguresService } from './figures.service.js';

/** What deliveries need from outside: files (visibility and names) and user names (wired in app.ts). */
export interface DeliveryPorts {
  visibleFileIds(trx: Kysely<any>, ctx: RequestContext, ids: string[]): Promise<Set<string>>;
  fileNames(trx: Kysely<any>, ids: string[]): Promise<Map<string, string>>;
  userNames(trx: Kysely<any>, ids: string[]): Promise<Map<string, string>>;
}

/** Deliveries are recorded and accepted on signed contracts only. */
export const DELIVERABLE_STATUSES: readonly string[] = ['IN_FORCE'];

const statusLabels: Record<DeliveryStatus, Record<Locale, string>> = {
  DELIVERED: { 'zh-CN': '待验收', 'en-US': 'awaiting acceptance' },
  ACCEPTED: { 'zh-CN': '已验收', 'en-US': 'accepted' },
  REJECTED: { 'zh-CN': '已拒收', 'en-US': 'rejected' },
};

const messages = {
  notDeliverable: {
    'zh-CN': '合同当前状态为「{status}」，只有已生效的合同可以登记交付或验收',
    'en-US': 'the contract is "{status}"; deliveries are recorded and accepted on contracts in force only',
  },
  notPending: {
    'zh-CN': '交付记录当前为「{status}」，只有待验收的交付可以验收或拒收',
    'en-US': 'the delivery is "{status}"; only a delivery awaiting acceptance can be accepted or rejected',
  },
  overAccepted: {
    'zh-CN': '验收金额 {accepted} 不能超过交付金额 {delivered}',
    'en-US': 'the accepted amount {accepted} cannot exceed the delivered amount {delivered}',
  },
  zeroAccepted: {
    'zh-CN': '验收金额须大于零；全部不合格请使用拒收',
    'en-US': 'the accepted amount must be more than zero; reject the delivery if nothing is accepted',
  },
  acceptedBeforeDelivered: {
    'zh-CN': '验收日期 {acceptedOn} 不能早于交付日期 {deliveredOn}',
    'en-US': 'the acceptance date {acceptedOn} cannot be before the delivery date {deliveredOn}',
  },
} as const;

function message(locale: Locale, key: keyof typeof messages, params: Record<string, string> = {}): string {
  return messages[key][locale].replace(/\{(\w+)\}/g, (_, name: string) => params[name] ?? '');
}

/** 分 as ¥1,234.56, the way the pages show amounts. */
export function fenText(fen: number): string {
  const abs = Math.abs(fen);
  const whole = Math.floor(abs / 100)
    .toString()
    .replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  return `${fen < 0 ? '-' : ''}¥${whole}.${String(abs % 100).padStart(2, '0')}`;
}

/**
 * Deliveries and acceptance (交付/验收) on a contract. Recording a delivery, accepting it (in whole
 * or in part, with acceptance documents) or rejecting it locks the contract, checks the caller's
 * `contract.delivery` scope through the contract, writes, refreshes the contract's figures and
 * audits, in one transaction. Invariant: the deliveries not rejected never sum to more than the
 * contract's executable amount (settled, else current); an acceptance never exceeds its delivery.
 */
export class ContractDeliveriesService {
  constructor(
    private readonly db: Kysely<any>,
    private readonly audit: AuditService,
    private readonly figures: ContractFiguresService,
    private readonly ports: DeliveryPorts,
  ) {}

  async list(ctx: RequestContext, contractId: string, query: DeliveryListQuery): Promise<Page<Delivery>> {
    const scope = await ctx.access.require('contract.view');
    const filter = deliveryListQuerySchema.parse(query);
    const contract = await contracts.findContract(this.db, contractId);
    if (!contract) throw notFound();
    AccessControl.assertVisible(scope, scopedFacts(contract));
    const sorted = applySort(
      repo.deliveriesOf(this.db, contractId, { status: filter.status, planItemId: filter.planItemId }),
      filter.sort,
      {
        deliveredOn: 'd.delivered_on',
        deliveredAmount: 'd.delivered_amount',
        acceptedAmount: 'd.accepted_amount',
        status: 'd.status',
        createdAt: 'd.created_at',
      },
      { column: 'd.delivered_on', direction: 'desc' },
      'd.id',
    );
    const page = await fetchPage(sorted, filter, (row) => row as unknown as repo.DeliveryRow);
    return { ...page, items: await this.present(this.db, page.items) };
  }

  /** The deliveries tab's header: the contract's delivered and accepted totals and what is left. */
  async summary(ctx: RequestContext, contractId: string): Promise<DeliverySummary> {
    const scope = await ctx.access.require('contract.view');
    const contract = await contracts.findContract(this.db, contractId);
    if (!contract) throw notFound();
    AccessControl.assertVisible(scope, scopedFacts(contract));
    const figures = contract as unknown as { settled_amount: number | null; accepted_amount: number };
    const executable = executableAmount({
      current_amount: Number(contract.current_amount),
      settled_amount: figures.settled_amount === null ? null : Number(figures.settled_amount),
    });
    const delivered = await repo.deliveredTotal(this.db, contractId);
    const canDeliver =
      DELIVERABLE_STATUSES.includes(contract.status) &&
      ctx.access.has('contract.delivery') &&
      isInScope(await ctx.access.require('contract.delivery'), scopedFacts(contract));
    return {
      contractId,
      executableAmount: executable,
      delivered,
      accepted: Number(figures.accepted_amount ?? 0),
      remaining: Math.max(0, executable - delivered),
      canDeliver,
    };
  }

  async get(ctx: RequestContext, deliveryId: string): Promise<Delivery> {
    const scope = await ctx.access.require('contract.view');
    const row = await repo.findDelivery(this.db, deliveryId);
    if (!row) throw notFound();
    AccessControl.assertVisible(scope, scopedFacts(row));
    return (await this.present(this.db, [row]))[0]!;
  }

  /** Records a delivery against the contract (and optionally one of its plan items). */
  async deliver(ctx: RequestContext, contractId: string, input: DeliveryCreate): Promise<Delivery> {
    const actor = ctx.actor;
    if (!actor) throw new AppError('UNAUTHENTICATED');
    const scope = await ctx.access.require('contract.delivery');
    await warmScopes(ctx);
    const data = deliveryCreateSchema.parse(input);
    const id = await this.db.transaction().execute(async (trx) => {
      const contract = await this.lockDeliverable(trx, ctx, scope, contractId);
      let planItemName: string | null = null;
      if (data.planItemId) {
        const item = await repo.planItemOf(trx, contractId, data.planItemId);
        if (!item) throw new AppError('INVALID_REFERENCE', { what: 'contract plan item' });
        planItemName = item.name;
      }
      const executable = executableAmount({
        current_amount: Number(contract.current_amount),
        settled_amount:
          (contract as unknown as { settled_amount: number | null }).settled_amount === null
            ? null
            : Number((contract as unknown as { settled_amount: number }).settled_amount),
      });
      const delivered = await repo.deliveredTotal(trx, contractId);
      if (delivered + data.deliveredAmount > executable) {
        throw new AppError('CONTRACT_OVER_DELIVERY', {
          amount: fenText(data.deliveredAmount),
          remaining: fenText(Math.max(0, executable - delivered)),
        });
      }
      await this.assertFiles(trx, ctx, data.fileIds);
      const id = newId();
      const now = nowInstant();
      const row: repo.ContractDeliveryTable = {
        id,
        contract_id: contractId,
        plan_item_id: data.planItemId ?? null,
        description: data.description,
        quantity: data.quantity ?? null,
        unit: data.unit || null,
        delivered_amount: data.deliveredAmount,
        delivered_on: data.deliveredOn,
        status: 'DELIVERED',
        accepted_amount: 0,
        accepted_on: null,
        accepted_by: null,
        acceptance_note: null,
        file_ids: { delivery: [...new Set(data.fileIds)], acceptance: [] },
        created_by: actor.userId,
        created_at: now,
        updated_at: now,
      };
      await repo.insertDelivery(trx, row);
      await this.figures.refresh(trx, contractId);
      await this.audit.record(trx, ctx, {
        entityType: 'contract_delivery',
        entityId: id,
        action: 'create',
        after: {
          contractId,
          planItemId: row.plan_item_id,
          planItemName,
          description: row.description,
          quantity: row.quantity,
          unit: row.unit,
          deliveredAmount: row.delivered_amount,
          deliveredOn: row.delivered_on,
          fileIds: data.fileIds,
        },
      });
      return id;
    });
    return this.get(ctx, id);
  }

  /** Accepts a delivery in whole or in part, with its acceptance documents. */
  async accept(ctx: RequestContext, deliveryId: string, input: DeliveryAccept): Promise<Delivery> {
    const actor = ctx.actor;
    if (!actor) throw new AppError('UNAUTHENTICATED');
    const scope = await ctx.access.require('contract.delivery');
    await warmScopes(ctx);
    const data = deliveryAcceptSchema.parse(input);
    await this.db.transaction().execute(async (trx) => {
      const before = await this.lockPending(trx, ctx, scope, deliveryId);
      const delivered = Number(before.delivered_amount);
      if (data.acceptedAmount <= 0)
        throw this.invalid(ctx, 'acceptedAmount', message(ctx.locale, 'zeroAccepted'));
      if (data.acceptedAmount > delivered) {
        throw this.invalid(
          ctx,
          'acceptedAmount',
          message(ctx.locale, 'overAccepted', {
            accepted: fenText(data.acceptedAmount),
            delivered: fenText(delivered),
          }),
        );
      }
      const deliveredOn = String(before.delivered_on);
      if (data.acceptedOn < deliveredOn) {
        throw this.invalid(
          ctx,
          'acceptedOn',
          message(ctx.locale, 'acceptedBeforeDelivered', { acceptedOn: data.acceptedOn, deliveredOn }),
        );
      }
      await this.assertFiles(trx, ctx, data.fileIds);
      const files = repo.readFiles(before.file_ids);
      await repo.updateDelivery(trx, deliveryId, {
        status: 'ACCEPTED',
        accepted_amount: data.acceptedAmount,
        accepted_on: data.acceptedOn,
        accepted_by: actor.userId,
        acceptance_note: data.note || null,
        file_ids: { delivery: files.delivery, acceptance: [...new Set(data.fileIds)] },
        updated_at: nowInstant(),
      });
      await this.figures.refresh(trx, before.contract_id);
      await this.audit.record(trx, ctx, {
        entityType: 'contract_delivery',
        entityId: deliveryId,
        action: 'accept',
        changes: [
          { field: 'status', old: before.status, new: 'ACCEPTED' },
          { field: 'acceptedAmount', old: Number(before.accepted_amount), new: data.acceptedAmount },
          { field: 'acceptedOn', old: null, new: data.acceptedOn },
          { field: 'acceptanceFileIds', old: [], new: data.fileIds },
          ...(data.note ? [{ field: 'acceptanceNote', old: null, new: data.note }] : []),
        ],
      });
    });
    return this.get(ctx, deliveryId);
  }

  /** Rejects a delivery awaiting acceptance; it no longer counts against the contract's amount. */
  async reject(ctx: RequestContext, deliveryId: string, input: DeliveryReject): Promise<Delivery> {
    const actor = ctx.actor;
    if (!actor) throw new AppError('UNAUTHENTICATED');
    const scope = await ctx.access.require('contract.delivery');
    await warmScopes(ctx);
    const data = deliveryRejectSchema.parse(input);
    await this.db.transaction().execute(async (trx) => {
      const before = await this.lockPending(trx, ctx, scope, deliveryId);
      await repo.updateDelivery(trx, deliveryId, {
        status: 'REJECTED',
        accepted_by: actor.userId,
        acceptance_note: data.note,
        updated_at: nowInstant(),
      });
      await this.figures.refresh(trx, before.contract_id);
      await this.audit.record(trx, ctx, {
        entityType: 'contract_delivery',
        entityId: deliveryId,
        action: 'reject',
        changes: [
          { field: 'status', old: before.status, new: 'REJECTED' },
          { field: 'acceptanceNote', old: null, new: data.note },
        ],
      });
    });
    return this.get(ctx, deliveryId);
  }

  /** Whoever may see a contract may read the documents of its deliveries. */
  async mayReadFile(db: Kysely<any>, ctx: RequestContext, fileId: string): Promise<boolean> {
    if (!ctx.access.has('contract.view')) return false;
    const scope = await ctx.access.require('contract.view');
    return (await repo.contractsWithDeliveryFile(db, fileId)).some((row) =>
      isInScope(scope, scopedFacts(row as { entity_id: string; department_id: string; owner_id: string })),
    );
  }

  // ------------------------------------------------------------ internals

  /** Locks the contract (serialising writers on it), checks scope and that it is in force. */
  private async lockDeliverable(
    trx: Kysely<any>,
    ctx: RequestContext,
    scope: Awaited<ReturnType<RequestContext['access']['require']>>,
    contractId: string,
  ) {
    const contract = await contracts.lockContract(trx, contractId);
    if (!contract) throw notFound();
    AccessControl.assertVisible(scope, scopedFacts(contract));
    if (!DELIVERABLE_STATUSES.includes(contract.status)) {
      const status = contractStatusLabels[contract.status]?.[ctx.locale] ?? contract.status;
      throw new AppError('CONTRACT_DELIVERY_STATE', {
        detail: message(ctx.locale, 'notDeliverable', { status }),
      });
    }
    return contract;
  }

  /** Locks the delivery's contract, then the delivery; it must still await acceptance. */
  private async lockPending(
    trx: Kysely<any>,
    ctx: RequestContext,
    scope: Awaited<ReturnType<RequestContext['access']['require']>>,
    deliveryId: string,
  ): Promise<repo.ContractDeliveryTable> {
    const visible = await repo.findDelivery(trx, deliveryId);
    if (!visible) throw notFound();
    AccessControl.assertVisible(scope, scopedFacts(visible));
    await this.lockDeliverable(trx, ctx, scope, visible.contract_id);
    const before = (await repo.lockDelivery(trx, deliveryId))!;
    if (before.status !== 'DELIVERED') {
      const status = statusLabels[before.status as DeliveryStatus]?.[ctx.locale] ?? before.status;
      throw new AppError('CONTRACT_DELIVERY_STATE', {
        detail: message(ctx.locale, 'notPending', { status }),
      });
    }
    return before;
  }

  private async assertFiles(trx: Kysely<any>, ctx: RequestContext, fileIds: string[]): Promise<void> {
    if (!fileIds.length) return;
    const visible = await this.ports.visibleFileIds(trx, ctx, fileIds);
    if (fileIds.some((id) => !visible.has(id))) {
      throw new AppError('INVALID_REFERENCE', { what: 'file' });
    }
  }

  private invalid(_ctx: RequestContext, path: string, detail: string): AppError {
    return new AppError('VALIDATION_FAILED', { detail: `${path}: ${detail}` }, [{ path, message: detail }]);
  }

  private async present(db: Kysely<any>, rows: repo.DeliveryRow[]): Promise<Delivery[]> {
    const files = rows.map((row) => repo.readFiles(row.file_ids));
    const [names, fileNames] = await Promise.all([
      this.ports.userNames(
        db,
        [...new Set(rows.flatMap((r) => [r.created_by, r.accepted_by]))].filter((id): id is string => !!id),
      ),
      this.ports.fileNames(
        db,
        files.flatMap((f) => [...f.delivery, ...f.acceptance]),
      ),
    ]);
    const named = (ids: string[]) => ids.map((id) => ({ id, name: fileNames.get(id) ?? '' }));
    return rows.map((row, index) => ({
      id: row.id,
      contractId: row.contract_id,
      contractNumber: row.contract_number,
      contractName: row.contract_name,
      planItemId: row.plan_item_id,
      planItemName: row.plan_item_name,
      description: row.description,
      quantity: row.quantity,
      unit: row.unit,
      deliveredAmount: Number(row.delivered_amount),
      deliveredOn: String(row.delivered_on),
      status: row.status as DeliveryStatus,
      acceptedAmount: Number(row.accepted_amount),
      acceptedOn: row.accepted_on ? String(row.accepted_on) : null,
      acceptedBy: row.accepted_by,
      acceptedByName: row.accepted_by ? (names.get(row.accepted_by) ?? '') : null,
      acceptanceNote: row.acceptance_note,
      deliveryFiles: named(files[index]!.delivery),
      acceptanceFiles: named(files[index]!.acceptance),
      createdBy: row.created_by,
      createdByName: names.get(row.created_by) ?? '',
      createdAt: new Date(row.created_at).toISOString(),
      updatedAt: new Date(row.updated_at).toISOString(),
    }));
  }
}
