import {
  type Invoice,
  type InvoiceCreate,
  type InvoiceExportQuery,
  type InvoiceListQuery,
  type InvoiceUsage,
  invoiceCreateSchema,
  type Page,
} from '@concord/contracts';
import type { Db } from '../../db/index.js';
import { AccessControl } from '../../platform/access/index.js';
import type { AuditService } from '../../platform/audit/index.js';
import type { RequestContext } from '../../platform/http/index.js';
import type { Clock } from '../../platform/jobs/index.js';
import { AppError, invalidReference, notFound } from '../../platform/http/index.js';
import { applySort, fetchPage, presentedInBatches } from '../../platform/http/index.js';
import {
  documentsText,
  facts,
  type InvoiceDirectory,
  presentInvoices,
  snapshot,
  toUsage,
} from './invoices.present.js';
import * as repo from './invoices.repository.js';
import { invoiceDesignation } from './invoices.rules.js';
import type { InvoiceTable } from './invoices.tables.js';
import type { InvoiceUse } from './invoices.use.js';

const sortColumns = {
  issueDate: 'i.issue_date',
  number: 'i.number',
  totalAmount: 'i.total_amount',
  sellerName: 'i.seller_name',
  createdAt: 'i.created_at',
};

/**
 * The invoice registry (发票), shared by every business that receives or issues invoices. One real
 * invoice is registered once in the whole group (a unique key, race-safe on both dialects); a used
 * invoice cannot be voided. This is the registry's own API (list, export, get, usages, register,
 * void); documents use invoices through `InvoiceUse` (invoices.use.ts).
 */
export class InvoicesService {
  constructor(
    private readonly db: Db,
    private readonly audit: AuditService,
    private readonly directory: InvoiceDirectory,
    private readonly invoiceUse: Pick<InvoiceUse, 'registerIn' | 'translateConflicts'>,
    private readonly clock: Clock,
  ) {}

  async list(ctx: RequestContext, query: InvoiceListQuery): Promise<Page<Invoice>> {
    const scope = await ctx.access.require('invoice.view');
    const sorted = applySort(
      repo.filteredInvoices(this.db, scope, query),
      query.sort,
      sortColumns,
      { column: 'i.issue_date', direction: 'desc' },
      'i.id',
    );
    const page = await fetchPage(sorted, query, (row) => row);
    return { ...page, items: await this.present(this.db, page.items) };
  }

  async *exportRows(ctx: RequestContext, query: InvoiceExportQuery): AsyncGenerator<Invoice> {
    const scope = await ctx.access.require('invoice.view');
    const sorted = applySort(
      repo.filteredInvoices(this.db, scope, query),
      query.sort,
      sortColumns,
      { column: 'i.issue_date', direction: 'desc' },
      'i.id',
    );
    yield* presentedInBatches(sorted, (batch) => this.present(this.db, batch));
  }

  async get(ctx: RequestContext, id: string): Promise<Invoice> {
    const row = await this.visible(ctx, id);
    return (await this.present(this.db, [row]))[0];
  }

  /** Every use of an invoice, active and released, oldest first. */
  async usages(ctx: RequestContext, id: string): Promise<{ items: InvoiceUsage[] }> {
    await this.visible(ctx, id);
    return { items: (await repo.usagesOfInvoice(this.db, id)).map(toUsage) };
  }

  /** Registers an invoice in an entity the caller may manage invoices of (default: the acting entity). */
  async register(ctx: RequestContext, input: InvoiceCreate): Promise<Invoice> {
    const scope = await ctx.access.require('invoice.manage');
    await this.warmScopes(ctx);
    const { entityId: chosen, ...parsed } = invoiceCreateSchema.parse(input);
    const entityId = chosen ?? ctx.actor?.actingEntityId;
    if (!entityId) throw invalidReference('entity');
    if (!scope.all && !scope.entityIds.has(entityId) && entityId !== ctx.actor?.actingEntityId) {
      throw new AppError('FORBIDDEN');
    }
    return this.invoiceUse.translateConflicts(
      ctx,
      () =>
        this.db.transaction().execute(async (trx) => {
          const id = await this.invoiceUse.registerIn(trx, ctx, parsed, entityId);
          return (await this.present(trx, [(await repo.findInvoice(trx, id))!]))[0];
        }),
      parsed,
    );
  }

  /** Voids an invoice nothing uses any more; audited with the reason. */
  async void(ctx: RequestContext, id: string, reason: string): Promise<Invoice> {
    const scope = await ctx.access.require('invoice.manage');
    return this.db.transaction().execute(async (trx) => {
      const before = await repo.lockInvoice(trx, id);
      if (!before) throw notFound();
      AccessControl.assertVisible(scope, facts(before));
      if (before.status === 'VOIDED') {
        throw new AppError('INVOICE_VOIDED', { invoice: invoiceDesignation(before, ctx.locale) });
      }
      const active = await repo.usagesOfInvoice(trx, id, true);
      if (active.length) {
        throw new AppError('INVOICE_IN_USE', {
          invoice: invoiceDesignation(before, ctx.locale),
          usage: documentsText(active, ctx.locale),
        });
      }
      const now = this.clock.now().toISOString();
      await repo.updateInvoice(trx, id, {
        status: 'VOIDED',
        void_reason: reason,
        voided_by: ctx.actor?.userId ?? null,
        voided_at: now,
        updated_at: now,
      });
      const after = (await repo.findInvoice(trx, id))!;
      await this.audit.record(trx, ctx, {
        entityType: 'invoice',
        entityId: id,
        action: 'void',
        before: snapshot(before),
        after: { ...snapshot(after), voidReason: reason },
      });
      return (await this.present(trx, [after]))[0];
    });
  }

  // ------------------------------------------------------------ internals

  private async visible(ctx: RequestContext, id: string): Promise<InvoiceTable> {
    const scope = await ctx.access.require('invoice.view');
    const row = await repo.findInvoice(this.db, id);
    if (!row) throw notFound();
    AccessControl.assertVisible(scope, facts(row));
    return row;
  }

  /** Scopes a registration may consult, resolved before the transaction (SQLite has one connection). */
  private async warmScopes(ctx: RequestContext): Promise<void> {
    await Promise.all(
      ['file.view', 'invoice.view'].filter((p) => ctx.access.has(p)).map((p) => ctx.access.require(p)),
    );
  }

  private present(db: Db, rows: InvoiceTable[]): Promise<Invoice[]> {
    return presentInvoices(db, this.directory, rows);
  }
}
