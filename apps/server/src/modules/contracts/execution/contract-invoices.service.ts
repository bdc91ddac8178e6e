import {
  type ContractInvoice,
  type ContractInvoiceAllocation,
  type ContractInvoiceLink,
  type ContractInvoiceList,
  contractInvoiceLinkSchema,
  type Invoice,
  type InvoiceDirection,
  type InvoiceInput,
  type Locale,
  formatMoney,
} from '@concord/contracts';
import { AccessControl, type Scope } from '../../../platform/access/index.js';
import type { AuditService } from '../../../platform/audit/index.js';
import { AppError, notFound, type RequestContext } from '../../../platform/http/index.js';
import type { InvoiceUsePort } from '../../invoices/index.js';
import * as contracts from '../register/contracts.repository.js';
import { SIGNED_STATUSES, scopedFacts } from '../register/contracts.rules.js';
import { warmScopes } from '../register/contracts.drafts.js';
import type { ContractTable } from '../contracts.tables.js';
import type { ContractFiguresService, InvoiceUsageOf } from './figures.service.js';
import { listItems, type PlanItemRow } from './schedule.repository.js';
import * as repo from './contract-invoices.repository.js';
import { type Db, newId } from '../../../db/index.js';

/** Invoices use a contract under this document type; its lines are the contract's plan items. */
export const CONTRACT_DOCUMENT = 'contract';

/** Expense contracts take invoices received from the counterparty; income contracts, invoices issued to it. */
const expectedDirection = (contractDirection: string): InvoiceDirection =>
  contractDirection === 'INCOME' ? 'ISSUED' : 'RECEIVED';

const words = {
  INCOME: { 'zh-CN': '收入类合同', 'en-US': 'income contract' },
  EXPENSE: { 'zh-CN': '支出类合同', 'en-US': 'expense contract' },
  RECEIVED: { 'zh-CN': '收到的发票（进项）', 'en-US': 'invoices received' },
  ISSUED: { 'zh-CN': '开出的发票（销项）', 'en-US': 'invoices issued' },
  seller: { 'zh-CN': '销售方', 'en-US': 'seller' },
  buyer: { 'zh-CN': '购买方', 'en-US': 'buyer' },
} as const;
const word = (key: keyof typeof words, locale: Locale) => words[key][locale];

/**
 * The figures' port: what the invoice registry says each plan item (null: the contract as a whole)
 * uses, with the parts of split invoices (registry usages for the whole contract) moved onto their
 * plan items.
 */
export function contractInvoiceUsage(invoices: InvoiceUsePort): InvoiceUsageOf {
  return async (trx, contractId) => {
    const [lines, split] = await Promise.all([
      invoices.lineTotals(trx, CONTRACT_DOCUMENT, contractId),
      repo.allocatedByItem(trx, contractId),
    ]);
    const splitTotal = split.reduce((sum, r) => sum + r.amount, 0);
    return [
      ...lines.map((r) => ({ itemId: r.lineId, amount: r.amount })),
      ...split,
      ...(splitTotal ? [{ itemId: null, amount: -splitTotal }] : []),
    ];
  };
}

/**
 * A contract's invoices: links to the invoice registry (existing invoices, or ones registered inline)
 * for the whole contract, one plan item, or split across several plan items (one registry usage for
 * the contract, its parts per plan item in contract_invoice_allocation). An amount on a plan item may
 * not take the item's invoiced figure past its planned amount. Linking and releasing lock the contract, check the caller's
 * `contract.invoice` scope through it, use or release the invoice in the registry (which keeps the
 * split rules), refresh the contract's figures and audit, in one transaction.
 */
export class ContractInvoicesService {
  constructor(
    private readonly db: Db,
    private readonly audit: AuditService,
    private readonly invoices: InvoiceUsePort,
    private readonly figures: ContractFiguresService,
  ) {}

  async list(ctx: RequestContext, contractId: string): Promise<ContractInvoiceList> {
    const scope = await ctx.access.require('contract.view');
    const contract = await contracts.findContract(this.db, contractId);
    if (!contract) throw notFound();
    AccessControl.assertVisible(scope, scopedFacts(contract));
    const rows = await this.invoices.documentUsages(this.db, CONTRACT_DOCUMENT, contractId);
    const split = await repo.allocationsOf(this.db, contractId);
    const items = rows.map(({ usage, invoice }) => toItem(contractId, usage, invoice, split.get(usage.id)));
    return { items, total: items.reduce((sum, i) => sum + i.amount, 0) };
  }

  /** Links an existing invoice (`invoiceId`) or registers one inline (`invoice`) and links it. */
  async link(ctx: RequestContext, contractId: string, input: ContractInvoiceLink): Promise<ContractInvoice> {
    const scope = await ctx.access.require('contract.invoice');
    await warmScopes(ctx);
    if (ctx.access.has('invoice.view')) await ctx.access.require('invoice.view');
    const data = contractInvoiceLinkSchema.parse(input);
    const run = () =>
      this.db.transaction().execute(async (trx) => {
        const contract = await this.lockLinkable(trx, scope, contractId);
        if ((data.invoiceId ? 1 : 0) + (data.invoice ? 1 : 0) !== 1) {
          throw new AppError('VALIDATION_FAILED', { detail: 'give either invoiceId or invoice' }, [
            { path: 'invoiceId', message: 'give either an existing invoice or one to register' },
          ]);
        }
        let label = contract.number ?? contract.name;
        const items = await listItems(trx, contractId);
        const parts = splitOf(data, items, contract.currency, ctx.locale);
        if (data.planItemId) label = `${label} · ${parts[0]!.item.name}`;
        let invoiceId: string;
        if (data.invoice) {
          checkFits(contract, data.invoice, ctx.locale);
          invoiceId = await this.invoices.registerIn(trx, ctx, data.invoice, contract.entity_id);
        } else {
          invoiceId = data.invoiceId!;
          checkFits(
            contract,
            await this.invoices.visibleForUse(trx, ctx, invoiceId, contract.entity_id),
            ctx.locale,
          );
        }
        const usage = await this.invoices.use(trx, ctx, invoiceId, {
          documentType: CONTRACT_DOCUMENT,
          documentId: contractId,
          documentLineId: data.planItemId,
          documentLabel: label,
          entityId: contract.entity_id,
          amount: data.amount,
        });
        const allocations = data.allocations?.length ? data.allocations : undefined;
        if (allocations) {
          await repo.insertAllocations(
            trx,
            allocations.map((a) => ({
              id: newId(),
              contract_id: contractId,
              usage_id: usage.id,
              plan_item_id: a.planItemId,
              amount: a.amount,
              created_at: usage.createdAt,
            })),
          );
        }
        await this.figures.refresh(trx, contractId);
        await this.audit.record(trx, ctx, {
          entityType: 'contract',
          entityId: contractId,
          action: 'invoice.link',
          after: {
            usageId: usage.id,
            invoiceId,
            planItemId: data.planItemId,
            amount: data.amount,
            ...(allocations ? { allocations } : {}),
          },
        });
        const invoice = (await this.invoices.documentUsages(trx, CONTRACT_DOCUMENT, contractId)).find(
          (r) => r.usage.id === usage.id,
        )!.invoice;
        return toItem(contractId, usage, invoice, allocations);
      });
    return this.invoices.translateConflicts(ctx, run, data.invoice as InvoiceInput | undefined);
  }

  /** Ends a contract's use of an invoice (by the usage's id); the invoice's amount is free again. */
  async release(ctx: RequestContext, usageId: string): Promise<ContractInvoiceList> {
    const scope = await ctx.access.require('contract.invoice');
    await warmScopes(ctx);
    const usage = await this.invoices.findUsage(this.db, usageId);
    if (!usage || usage.documentType !== CONTRACT_DOCUMENT) throw notFound();
    const contractId = usage.documentId;
    await this.db.transaction().execute(async (trx) => {
      const contract = await contracts.lockContract(trx, contractId);
      if (!contract) throw notFound();
      AccessControl.assertVisible(scope, scopedFacts(contract));
      const allocations = (await repo.allocationsOf(trx, contractId)).get(usageId);
      await this.invoices.release(trx, ctx, usageId, {
        documentType: CONTRACT_DOCUMENT,
        documentId: contractId,
      });
      await repo.deleteAllocationsOf(trx, usageId);
      await this.figures.refresh(trx, contractId);
      await this.audit.record(trx, ctx, {
        entityType: 'contract',
        entityId: contractId,
        action: 'invoice.release',
        before: {
          usageId,
          invoiceId: usage.invoiceId,
          planItemId: usage.documentLineId,
          amount: usage.amount,
          ...(allocations ? { allocations } : {}),
        },
      });
    });
    return this.list(ctx, contractId);
  }

  private async lockLinkable(trx: Db, scope: Scope, contractId: string): Promise<ContractTable> {
    const contract = await contracts.lockContract(trx, contractId);
    if (!contract) throw notFound();
    AccessControl.assertVisible(scope, scopedFacts(contract));
    if (!(SIGNED_STATUSES as string[]).includes(contract.status)) {
      throw new AppError('CONTRACT_ILLEGAL_TRANSITION', {
        from: `contract.status.${contract.status}`,
        action: 'contract.action.invoice',
      });
    }
    return contract;
  }
}

/**
 * The invoice must go the contract's way (received on expense contracts, issued on income ones) and
 * name the counterparty: the seller's tax id on invoices received, the buyer's on invoices issued,
 * must be the partner's credit code (when the partner has one).
 */
function checkFits(
  contract: ContractTable,
  invoice: Pick<Invoice, 'direction' | 'sellerTaxId' | 'buyerTaxId'>,
  locale: Locale,
): void {
  const expected = expectedDirection(contract.direction);
  if (invoice.direction !== expected) {
    throw new AppError('INVOICE_DIRECTION_MISMATCH', {
      contract: word(contract.direction === 'INCOME' ? 'INCOME' : 'EXPENSE', locale),
      expected: word(expected, locale),
      actual: word(invoice.direction, locale),
    });
  }
  const creditCode = contract.partner_credit_code?.replace(/\s+/g, '').toUpperCase();
  if (!creditCode) return;
  const side = expected === 'RECEIVED' ? 'seller' : 'buyer';
  const taxId = (side === 'seller' ? invoice.sellerTaxId : invoice.buyerTaxId)
    .replace(/\s+/g, '')
    .toUpperCase();
  if (taxId !== creditCode) {
    throw new AppError(
      'INVOICE_PARTY_MISMATCH',
      { side: word(side, locale), taxId, partner: contract.partner_name, creditCode },
      [
        {
          path: side === 'seller' ? 'invoice.sellerTaxId' : 'invoice.buyerTaxId',
          message: 'not the counterparty',
        },
      ],
    );
  }
}

/**
 * Where the link's amount counts: one plan item (the whole amount), several (each part, every item
 * once, the parts at most the amount), or none (the contract as a whole). Each part must fit its
 * item: the item's invoiced figure may not pass its planned amount. Returns the parts with their items.
 */
function splitOf(
  data: { planItemId: string | null; amount: number; allocations?: ContractInvoiceAllocation[] },
  items: PlanItemRow[],
  currency: string,
  locale: Locale,
): { item: PlanItemRow; amount: number }[] {
  const money = (amount: number) => formatMoney(amount, currency, locale);
  const find = (id: string, path: string) => {
    const item = items.find((i) => i.id === id);
    if (!item)
      throw new AppError('INVALID_REFERENCE', { what: 'contract plan item' }, [
        { path, message: 'not a plan item of this contract' },
      ]);
    return item;
  };
  let parts: { item: PlanItemRow; amount: number }[] = [];
  if (data.allocations?.length) {
    if (data.planItemId) {
      throw new AppError('CONTRACT_INVOICE_SPLIT_WITH_ITEM', {}, [
        { path: 'planItemId', message: 'give either planItemId or allocations' },
      ]);
    }
    const seen = new Set<string>();
    parts = data.allocations.map((a, index) => {
      const item = find(a.planItemId, `allocations.${index}.planItemId`);
      if (seen.has(item.id)) {
        throw new AppError('CONTRACT_INVOICE_SPLIT_REPEATED', { name: item.name }, [
          { path: `allocations.${index}.planItemId`, message: 'the plan item is already in the split' },
        ]);
      }
      seen.add(item.id);
      return { item, amount: a.amount };
    });
    const allocated = parts.reduce((sum, p) => sum + p.amount, 0);
    if (allocated > data.amount) {
      throw new AppError(
        'CONTRACT_INVOICE_SPLIT_OVER',
        { allocated: money(allocated), amount: money(data.amount) },
        [{ path: 'allocations', message: 'the parts add up to more than the amount' }],
      );
    }
  } else if (data.planItemId) {
    parts = [{ item: find(data.planItemId, 'planItemId'), amount: data.amount }];
  }
  for (const [index, part] of parts.entries()) {
    const room = Math.max(0, part.item.amount - part.item.invoiced_amount);
    if (part.amount > room) {
      throw new AppError(
        'CONTRACT_PLAN_ITEM_OVER_INVOICED',
        {
          name: part.item.name,
          planned: money(part.item.amount),
          invoiced: money(part.item.invoiced_amount),
          amount: money(part.amount),
          room: money(room),
        },
        [
          {
            path: data.allocations?.length ? `allocations.${index}.amount` : 'amount',
            message: 'more than the plan item has left to invoice',
          },
        ],
      );
    }
  }
  return parts;
}

function toItem(
  contractId: string,
  usage: { id: string; documentLineId: string | null; amount: number; createdAt: string },
  invoice: Invoice,
  split?: { planItemId: string; amount: number }[],
): ContractInvoice {
  return {
    usageId: usage.id,
    contractId,
    planItemId: usage.documentLineId,
    amount: usage.amount,
    allocations: usage.documentLineId
      ? [{ planItemId: usage.documentLineId, amount: usage.amount }]
      : (split ?? []).map((a) => ({ planItemId: a.planItemId, amount: a.amount })),
    createdAt: usage.createdAt,
    invoice,
  };
}
