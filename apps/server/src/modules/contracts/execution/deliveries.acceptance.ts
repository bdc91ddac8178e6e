import {
  type Delivery,
  type DeliveryAccept,
  type DeliveryCreate,
  type DeliveryReject,
  type DeliveryStatus,
  deliveryAcceptSchema,
  deliveryCreateSchema,
  deliveryRejectSchema,
  formatMoney,
} from '@concord/contracts';
import { type Db, newId } from '../../../db/index.js';
import type { Clock } from '../../../platform/jobs/index.js';
import { AccessControl } from '../../../platform/access/index.js';
import type { AuditService } from '../../../platform/audit/index.js';
import type { RequestContext } from '../../../platform/http/index.js';
import { AppError, notFound } from '../../../platform/http/index.js';
import { contractStatusLabels } from '../archive/archive.service.js';
import type { ContractDeliveryTable, ContractFigureColumns, ContractTable } from '../contracts.tables.js';
import * as contracts from '../register/contracts.repository.js';
import { scopedFacts } from '../register/contracts.rules.js';
import { warmScopes } from '../register/contracts.drafts.js';
import {
  type ContractDeliveriesService,
  DELIVERABLE_STATUSES,
  type DeliveryPorts,
  deliveryMessage,
  deliveryStatusLabels,
} from './deliveries.service.js';
import * as repo from './deliveries.repository.js';
import { executableAmount } from './execution.rules.js';
import type { ContractFiguresService } from './figures.service.js';

/**
 * Recording a delivery on a contract and accepting it (in whole or in part, with acceptance
 * documents) or rejecting it (交付/验收). Each locks the contract, checks the caller's
 * `contract.delivery` scope through the contract, writes, refreshes the contract's figures and
 * audits, in one transaction. Invariant: the deliveries not rejected never sum to more than the
 * contract's executable amount (settled, else current); an acceptance never exceeds its delivery.
 */
export class ContractDeliveryAcceptance {
  constructor(
    private readonly db: Db,
    private readonly audit: AuditService,
    private readonly figures: ContractFiguresService,
    private readonly ports: Pick<DeliveryPorts, 'visibleFileIds'>,
    private readonly deliveries: Pick<ContractDeliveriesService, 'get'>,
    private readonly clock: Clock,
  ) {}

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
      // The register reads the contract's own columns; the row carries the execution figures too.
      const executable = executableAmount(contract as ContractTable & ContractFigureColumns);
      const delivered = await repo.deliveredTotal(trx, contractId);
      if (delivered + data.deliveredAmount > executable) {
        throw new AppError('CONTRACT_OVER_DELIVERY', {
          amount: formatMoney(data.deliveredAmount, contract.currency),
          remaining: formatMoney(Math.max(0, executable - delivered), contract.currency),
        });
      }
      await this.assertFiles(trx, ctx, data.fileIds);
      const id = newId();
      const now = this.clock.now().toISOString();
      const row: ContractDeliveryTable = {
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
    return this.deliveries.get(ctx, id);
  }

  /** Accepts a delivery in whole or in part, with its acceptance documents. */
  async accept(ctx: RequestContext, deliveryId: string, input: DeliveryAccept): Promise<Delivery> {
    const actor = ctx.actor;
    if (!actor) throw new AppError('UNAUTHENTICATED');
    const scope = await ctx.access.require('contract.delivery');
    await warmScopes(ctx);
    const data = deliveryAcceptSchema.parse(input);
    await this.db.transaction().execute(async (trx) => {
      const { delivery: before, currency } = await this.lockPending(trx, ctx, scope, deliveryId);
      const delivered = before.delivered_amount;
      if (data.acceptedAmount <= 0)
        throw this.invalid(ctx, 'acceptedAmount', deliveryMessage(ctx.locale, 'zeroAccepted'));
      if (data.acceptedAmount > delivered) {
        throw this.invalid(
          ctx,
          'acceptedAmount',
          deliveryMessage(ctx.locale, 'overAccepted', {
            accepted: formatMoney(data.acceptedAmount, currency),
            delivered: formatMoney(delivered, currency),
          }),
        );
      }
      const deliveredOn = before.delivered_on;
      if (data.acceptedOn < deliveredOn) {
        throw this.invalid(
          ctx,
          'acceptedOn',
          deliveryMessage(ctx.locale, 'acceptedBeforeDelivered', {
            acceptedOn: data.acceptedOn,
            deliveredOn,
          }),
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
        updated_at: this.clock.now().toISOString(),
      });
      await this.figures.refresh(trx, before.contract_id);
      await this.audit.record(trx, ctx, {
        entityType: 'contract_delivery',
        entityId: deliveryId,
        action: 'accept',
        changes: [
          { field: 'status', old: before.status, new: 'ACCEPTED' },
          { field: 'acceptedAmount', old: before.accepted_amount, new: data.acceptedAmount },
          { field: 'acceptedOn', old: null, new: data.acceptedOn },
          { field: 'acceptanceFileIds', old: [], new: data.fileIds },
          ...(data.note ? [{ field: 'acceptanceNote', old: null, new: data.note }] : []),
        ],
      });
    });
    return this.deliveries.get(ctx, deliveryId);
  }

  /** Rejects a delivery awaiting acceptance; it no longer counts against the contract's amount. */
  async reject(ctx: RequestContext, deliveryId: string, input: DeliveryReject): Promise<Delivery> {
    const actor = ctx.actor;
    if (!actor) throw new AppError('UNAUTHENTICATED');
    const scope = await ctx.access.require('contract.delivery');
    await warmScopes(ctx);
    const data = deliveryRejectSchema.parse(input);
    await this.db.transaction().execute(async (trx) => {
      const { delivery: before } = await this.lockPending(trx, ctx, scope, deliveryId);
      await repo.updateDelivery(trx, deliveryId, {
        status: 'REJECTED',
        accepted_by: actor.userId,
        acceptance_note: data.note,
        updated_at: this.clock.now().toISOString(),
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
    return this.deliveries.get(ctx, deliveryId);
  }

  // ------------------------------------------------------------ internals

  /** Locks the contract (serialising writers on it), checks scope and that it is in force. */
  private async lockDeliverable(
    trx: Db,
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
        detail: deliveryMessage(ctx.locale, 'notDeliverable', { status }),
      });
    }
    return contract;
  }

  /** Locks the delivery's contract, then the delivery; it must still await acceptance. */
  private async lockPending(
    trx: Db,
    ctx: RequestContext,
    scope: Awaited<ReturnType<RequestContext['access']['require']>>,
    deliveryId: string,
  ): Promise<{ delivery: ContractDeliveryTable; currency: string }> {
    const visible = await repo.findDelivery(trx, deliveryId);
    if (!visible) throw notFound();
    AccessControl.assertVisible(scope, scopedFacts(visible));
    const contract = await this.lockDeliverable(trx, ctx, scope, visible.contract_id);
    const before = (await repo.lockDelivery(trx, deliveryId))!;
    if (before.status !== 'DELIVERED') {
      const status = deliveryStatusLabels[before.status as DeliveryStatus]?.[ctx.locale] ?? before.status;
      throw new AppError('CONTRACT_DELIVERY_STATE', {
        detail: deliveryMessage(ctx.locale, 'notPending', { status }),
      });
    }
    return { delivery: before, currency: contract.currency };
  }

  private async assertFiles(trx: Db, ctx: RequestContext, fileIds: string[]): Promise<void> {
    if (!fileIds.length) return;
    const visible = await this.ports.visibleFileIds(trx, ctx, fileIds);
    if (fileIds.some((id) => !visible.has(id))) {
      throw new AppError('INVALID_REFERENCE', { what: 'file' });
    }
  }

  private invalid(_ctx: RequestContext, path: string, detail: string): AppError {
    return new AppError('VALIDATION_FAILED', { detail: `${path}: ${detail}` }, [{ path, message: detail }]);
  }
}
