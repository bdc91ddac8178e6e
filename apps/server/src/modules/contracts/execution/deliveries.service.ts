import type {
  Delivery,
  DeliveryListQuery,
  DeliveryStatus,
  DeliverySummary,
  Locale,
  Page,
} from '@concord/contracts';
import { deliveryListQuerySchema } from '@concord/contracts';
import { AccessControl, isInScope } from '../../../platform/access/index.js';
import type { RequestContext } from '../../../platform/http/index.js';
import { notFound } from '../../../platform/http/index.js';
import { applySort, fetchPage } from '../../../platform/http/index.js';
import type { ContractFigureColumns, ContractTable } from '../contracts.tables.js';
import * as contracts from '../register/contracts.repository.js';
import { scopedFacts } from '../register/contracts.rules.js';
import * as repo from './deliveries.repository.js';
import { executableAmount } from './execution.rules.js';
import type { Db } from '../../../db/index.js';

/** What deliveries need from outside: files (visibility and names) and user names (wired in the module definition). */
export interface DeliveryPorts {
  visibleFileIds(trx: Db, ctx: RequestContext, ids: string[]): Promise<Set<string>>;
  fileNames(trx: Db, ids: string[]): Promise<Map<string, string>>;
  userNames(trx: Db, ids: string[]): Promise<Map<string, string>>;
}

/** Deliveries are recorded and accepted on signed contracts only. */
export const DELIVERABLE_STATUSES: readonly string[] = ['IN_FORCE'];

export const deliveryStatusLabels: Record<DeliveryStatus, Record<Locale, string>> = {
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

export function deliveryMessage(
  locale: Locale,
  key: keyof typeof messages,
  params: Record<string, string> = {},
): string {
  return messages[key][locale].replace(/\{(\w+)\}/g, (_, name: string) => params[name] ?? '');
}

/**
 * Reading deliveries and acceptance (交付/验收) on a contract: the list, the tab's totals, one
 * delivery and who may read its documents. Recording, accepting and rejecting are
 * deliveries.acceptance.ts's.
 */
export class ContractDeliveriesService {
  constructor(
    private readonly db: Db,
    private readonly ports: Pick<DeliveryPorts, 'fileNames' | 'userNames'>,
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
    // The register reads the contract's own columns; the row carries the execution figures too.
    const figures = contract as ContractTable & ContractFigureColumns;
    const executable = executableAmount(figures);
    const delivered = await repo.deliveredTotal(this.db, contractId);
    const canDeliver =
      DELIVERABLE_STATUSES.includes(contract.status) &&
      ctx.access.has('contract.delivery') &&
      isInScope(await ctx.access.require('contract.delivery'), scopedFacts(contract));
    return {
      contractId,
      executableAmount: executable,
      delivered,
      accepted: figures.accepted_amount,
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

  /** Whoever may see a contract may read the documents of its deliveries. */
  async mayReadFile(db: Db, ctx: RequestContext, fileId: string): Promise<boolean> {
    if (!ctx.access.has('contract.view')) return false;
    const scope = await ctx.access.require('contract.view');
    return (await repo.contractsWithDeliveryFile(db, fileId)).some((row) =>
      isInScope(scope, scopedFacts(row)),
    );
  }

  private async present(db: Db, rows: repo.DeliveryRow[]): Promise<Delivery[]> {
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
      deliveredAmount: row.delivered_amount,
      deliveredOn: row.delivered_on,
      status: row.status as DeliveryStatus,
      acceptedAmount: row.accepted_amount,
      acceptedOn: row.accepted_on,
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
