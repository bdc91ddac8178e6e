import {
  type Invoice,
  type InvoiceCreate,
  type InvoiceExportQuery,
  type InvoiceInput,
  type InvoiceListQuery,
  type InvoiceStatus,
  type InvoiceType,
  type InvoiceUsage,
  invoiceCreateSchema,
  invoiceInputSchema,
  type Locale,
  type Page,
  subjectLabels,
} from '@concord/contracts';
import type { Kysely } from 'kysely';
import { newId, nowInstant, readInstant } from '../../db/index.js';
import { AccessControl, isInScope } from '../../platform/access/index.js';
import type { AuditService } from '../../platform/audit/index.js';
import {
  AppError,
  applySort,
  fetchPage,
  inBatches,
  invalidReference,
  notFound,
  type RequestContext,
} from '../../platform/http/index.js';
import * as repo from './invoices.repository.js';
import {
  invoiceDesignation,
  invoiceIssues,
  invoiceKey,
  normalizeInvoice,
  usageFits,
  yuan,
} from './invoices.rules.js';
import type { InvoiceTable, InvoiceUsageTable } from './invoices.tables.js';

/** What the registry needs from the organisation and the file store (wired in app.ts). */
export interface InvoiceDirectory {
  entityNames(db: Kysely<any>, ids: string[]): Promise<Map<string, string>>;
  /** Of these files, the ones the caller may attach. */
  visibleFileIds(db: Kysely<any>, ctx: RequestContext, ids: string[]): Promise<Set<string>>;
}

/** A document's use of an invoice, as the document describes it. */
export interface InvoiceUseInput {
  /** The kind of document, e.g. `contract` (named in messages through `subjectLabels`). */
  documentType: string;
  documentId: string;
  /** A line of the document (a contract's plan item, say), or null. */
  documentLineId?: string | null;
  /** How the document names itself in messages, e.g. its number. */
  documentLabel: string;
  /** The entity owning the document. */
  entityId: string;
  /** In 分. */
  amount: number;
}

const sortColumns = {
  issueDate: 'i.issue_date',
  number: 'i.number',
  totalAmount: 'i.total_amount',
  sellerName: 'i.seller_name',
  createdAt: 'i.created_at',
};

/**
 * The invoice registry (发票), shared by every business that receives or issues invoices. One real
 * invoice is registered once in the whole group (a unique key, race-safe on both dialects); documents
 * use it through `use` up to its total, each at most once; a used invoice cannot be voided.
 *
 * `register`, `void`, `list`, `get`, `usages` serve the registry's API. Documents call `registerIn`,
 * `visibleForUse`, `use`, `release`, `documentUsages` and `lineTotals` inside their own transactions,
 * after their own access checks, and wrap the transaction in `translateConflicts`.
 */
export class InvoicesService {
  constructor(
    private readonly db: Kysely<any>,
    private readonly audit: AuditService,
    private readonly directory: InvoiceDirectory,
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
    const page = await fetchPage(sorted, query, (row) => row as InvoiceTable);
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
    let batch: InvoiceTable[] = [];
    for await (const row of inBatches(sorted, 500)) {
      batch.push(row as InvoiceTable);
      if (batch.length === 500) {
        yield* await this.present(this.db, batch);
        batch = [];
      }
    }
    yield* await this.present(this.db, batch);
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
    return this.translateConflicts(
      ctx,
      () =>
        this.db.transaction().execute(async (trx) => {
          const id = await this.registerIn(trx, ctx, parsed, entityId);
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
      const now = nowInstant();
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

  // ------------------------------------------------------------ for documents

  /**
   * Registers an invoice inside the caller's transaction, in `entityId`, and returns its id. The
   * caller has checked its own permission. A duplicate is refused with INVOICE_DUPLICATE naming the
   * documents that use it; a concurrent duplicate surfaces as a unique violation that
   * `translateConflicts` turns into the same error.
   */
  async registerIn(
    trx: Kysely<any>,
    ctx: RequestContext,
    input: InvoiceInput,
    entityId: string,
  ): Promise<string> {
    const parsed = normalizeInvoice(invoiceInputSchema.parse(input));
    const issues = invoiceIssues(parsed);
    if (issues.length) {
      throw new AppError(
        'INVOICE_INVALID',
        { detail: issues.map((i) => `${i.path}: ${i.message}`).join('; ') },
        issues,
      );
    }
    if (!(await this.directory.entityNames(trx, [entityId])).has(entityId)) throw invalidReference('entity');
    if (
      parsed.fileId &&
      !(await this.directory.visibleFileIds(trx, ctx, [parsed.fileId])).has(parsed.fileId)
    ) {
      throw invalidReference('file');
    }
    const key = invoiceKey(parsed);
    const existing = await repo.findInvoiceByKey(trx, key);
    if (existing) throw await this.duplicateError(trx, ctx, existing);
    const now = nowInstant();
    const row: InvoiceTable = {
      id: newId(),
      direction: parsed.direction,
      type: parsed.type,
      code: parsed.code,
      number: parsed.number,
      seller_tax_id: parsed.sellerTaxId,
      seller_name: parsed.sellerName,
      buyer_tax_id: parsed.buyerTaxId,
      buyer_name: parsed.buyerName,
      issue_date: parsed.issueDate,
      amount_excl_tax: parsed.amountExclTax,
      tax_amount: parsed.taxAmount,
      total_amount: parsed.totalAmount,
      used_amount: 0,
      status: 'VALID',
      void_reason: null,
      voided_by: null,
      voided_at: null,
      unique_key: key,
      entity_id: entityId,
      file_id: parsed.fileId,
      remarks: parsed.remarks || null,
      created_by: ctx.actor?.userId ?? null,
      created_at: now,
      updated_at: now,
    };
    await repo.insertInvoice(trx, row);
    await this.audit.record(trx, ctx, {
      entityType: 'invoice',
      entityId: row.id,
      action: 'create',
      after: snapshot(row),
    });
    return row.id;
  }

  /**
   * An invoice a document of `entityId` may use: one registered by that entity, or one the caller
   * may see in the registry. Otherwise INVALID_REFERENCE ('invoice').
   */
  async visibleForUse(trx: Kysely<any>, ctx: RequestContext, id: string, entityId: string): Promise<Invoice> {
    const row = await repo.findInvoice(trx, id);
    if (!row) throw invalidReference('invoice');
    if (row.entity_id !== entityId) {
      const scope = ctx.access.has('invoice.view') ? await ctx.access.require('invoice.view') : null;
      if (!scope || !isInScope(scope, facts(row))) throw invalidReference('invoice');
    }
    return (await this.present(trx, [row]))[0];
  }

  /**
   * A document uses part of an invoice, inside its transaction. Under the invoice's row lock: the
   * invoice must be valid, the document may not use it already, and the active usages may not pass
   * its total (INVOICE_VOIDED, INVOICE_USED_TWICE, INVOICE_OVERUSED).
   */
  async use(
    trx: Kysely<any>,
    ctx: RequestContext,
    invoiceId: string,
    input: InvoiceUseInput,
  ): Promise<InvoiceUsage> {
    const invoice = await repo.lockInvoice(trx, invoiceId);
    if (!invoice) throw invalidReference('invoice');
    const designation = invoiceDesignation(invoice, ctx.locale);
    if (invoice.status === 'VOIDED') throw new AppError('INVOICE_VOIDED', { invoice: designation });
    const active = await repo.usagesOfInvoice(trx, invoiceId, true);
    if (active.some((u) => u.document_type === input.documentType && u.document_id === input.documentId)) {
      throw new AppError('INVOICE_USED_TWICE', {
        invoice: designation,
        document: documentText(input.documentType, input.documentLabel, ctx.locale),
      });
    }
    const used = active.reduce((sum, u) => sum + Number(u.amount), 0);
    const total = Number(invoice.total_amount);
    if (!usageFits(total, used, input.amount)) {
      throw new AppError('INVOICE_OVERUSED', {
        invoice: designation,
        total: yuan(total),
        used: yuan(used),
        amount: yuan(input.amount),
      });
    }
    const row: InvoiceUsageTable = {
      id: newId(),
      invoice_id: invoiceId,
      document_type: input.documentType,
      document_id: input.documentId,
      document_line_id: input.documentLineId ?? null,
      document_label: input.documentLabel,
      entity_id: input.entityId,
      amount: input.amount,
      status: 'ACTIVE',
      active_key: `${invoiceId}|${input.documentType}|${input.documentId}`,
      created_by: ctx.actor?.userId ?? null,
      created_at: nowInstant(),
      released_by: null,
      released_at: null,
    };
    await repo.insertUsage(trx, row);
    await this.syncUsed(trx, invoiceId);
    await this.audit.record(trx, ctx, {
      entityType: 'invoice',
      entityId: invoiceId,
      action: 'use',
      after: usageSnapshot(row),
    });
    return toUsage(row);
  }

  /** Ends a document's use of an invoice (the document checked its access); its amount is free again. */
  async release(
    trx: Kysely<any>,
    ctx: RequestContext,
    usageId: string,
    document: { documentType: string; documentId: string },
  ): Promise<InvoiceUsage> {
    const found = await repo.findUsage(trx, usageId);
    if (
      !found ||
      found.document_type !== document.documentType ||
      found.document_id !== document.documentId
    ) {
      throw notFound();
    }
    await repo.lockInvoice(trx, found.invoice_id);
    const usage = (await repo.findUsage(trx, usageId))!;
    if (usage.status !== 'ACTIVE') throw notFound();
    const now = nowInstant();
    await repo.releaseUsage(trx, usageId, ctx.actor?.userId ?? null, now);
    await this.syncUsed(trx, usage.invoice_id);
    const after = (await repo.findUsage(trx, usageId))!;
    await this.audit.record(trx, ctx, {
      entityType: 'invoice',
      entityId: usage.invoice_id,
      action: 'release',
      before: usageSnapshot(usage),
      after: usageSnapshot(after),
    });
    return toUsage(after);
  }

  /** A usage by id, or undefined (for documents resolving which of theirs it belongs to). */
  async findUsage(db: Kysely<any>, usageId: string): Promise<InvoiceUsage | undefined> {
    const row = await repo.findUsage(db, usageId);
    return row ? toUsage(row) : undefined;
  }

  /** A document's active usages with their invoices, oldest first. */
  async documentUsages(
    db: Kysely<any>,
    documentType: string,
    documentId: string,
  ): Promise<{ usage: InvoiceUsage; invoice: Invoice }[]> {
    const usages = await repo.activeUsagesOfDocument(db, documentType, documentId);
    const invoices = new Map(
      (
        await this.present(db, await repo.findInvoices(db, [...new Set(usages.map((u) => u.invoice_id))]))
      ).map((i) => [i.id, i]),
    );
    return usages.map((u) => ({ usage: toUsage(u), invoice: invoices.get(u.invoice_id)! }));
  }

  /** Per line of a document (null: the document as a whole), the invoice amounts it uses. */
  lineTotals(db: Kysely<any>, documentType: string, documentId: string) {
    return repo.documentLineTotals(db, documentType, documentId);
  }

  /**
   * Runs a document's transaction and turns a unique violation of the invoice key (two people
   * registering the same invoice at once) into INVOICE_DUPLICATE, and of the usage key into
   * INVOICE_USED_TWICE, read after the failed transaction has ended.
   */
  async translateConflicts<T>(ctx: RequestContext, run: () => Promise<T>, input?: InvoiceInput): Promise<T> {
    try {
      return await run();
    } catch (error) {
      if (repo.isUniqueViolation(error, 'invoice_unique_key') && input !== undefined) {
        const existing = await repo.findInvoiceByKey(
          this.db,
          invoiceKey(normalizeInvoice(invoiceInputSchema.parse(input))),
        );
        if (existing) throw await this.duplicateError(this.db, ctx, existing);
      }
      if (
        repo.isUniqueViolation(error, 'invoice_unique_key') ||
        repo.isUniqueViolation(error, 'invoice_usage_active_key')
      ) {
        throw new AppError('CONFLICT');
      }
      throw error;
    }
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

  private async duplicateError(
    db: Kysely<any>,
    ctx: RequestContext,
    existing: InvoiceTable,
  ): Promise<AppError> {
    const active = await repo.usagesOfInvoice(db, existing.id, true);
    const zh = ctx.locale === 'zh-CN';
    let usage: string;
    if (existing.status === 'VOIDED') usage = zh ? '该发票已作废' : 'it is voided';
    else if (active.length)
      usage = zh
        ? `已被 ${documentsText(active, ctx.locale)} 使用`
        : `used by ${documentsText(active, ctx.locale)}`;
    else usage = zh ? '尚未被任何单据使用' : 'not used by any document yet';
    return new AppError('INVOICE_DUPLICATE', { invoice: invoiceDesignation(existing, ctx.locale), usage });
  }

  private async syncUsed(trx: Kysely<any>, invoiceId: string): Promise<void> {
    await repo.updateInvoice(trx, invoiceId, {
      used_amount: await repo.activeUsageSum(trx, invoiceId),
      updated_at: nowInstant(),
    });
  }

  private async present(db: Kysely<any>, rows: InvoiceTable[]): Promise<Invoice[]> {
    if (!rows.length) return [];
    const names = await this.directory.entityNames(db, [...new Set(rows.map((r) => r.entity_id))]);
    return rows.map((row) => ({
      id: row.id,
      direction: row.direction as Invoice['direction'],
      type: row.type as InvoiceType,
      code: row.code,
      number: row.number,
      sellerTaxId: row.seller_tax_id,
      sellerName: row.seller_name,
      buyerTaxId: row.buyer_tax_id,
      buyerName: row.buyer_name,
      issueDate: String(row.issue_date),
      amountExclTax: Number(row.amount_excl_tax),
      taxAmount: Number(row.tax_amount),
      totalAmount: Number(row.total_amount),
      usedAmount: Number(row.used_amount),
      status: row.status as InvoiceStatus,
      voidReason: row.void_reason,
      entityId: row.entity_id,
      entityName: names.get(row.entity_id) ?? '',
      fileId: row.file_id,
      remarks: row.remarks,
      createdBy: row.created_by,
      createdAt: readInstant(row.created_at)!,
      updatedAt: readInstant(row.updated_at)!,
    }));
  }
}

const facts = (row: InvoiceTable) => ({ entityId: row.entity_id, ownerId: row.created_by });

/** "合同 HT-…" / "contract HT-…" */
function documentText(documentType: string, label: string, locale: Locale): string {
  const type = subjectLabels[documentType]?.[locale] ?? documentType;
  return `${type} ${label}`;
}

function documentsText(usages: InvoiceUsageTable[], locale: Locale): string {
  return usages
    .map((u) => documentText(u.document_type, u.document_label, locale))
    .join(locale === 'zh-CN' ? '、' : ', ');
}

function toUsage(row: InvoiceUsageTable): InvoiceUsage {
  return {
    id: row.id,
    invoiceId: row.invoice_id,
    documentType: row.document_type,
    documentId: row.document_id,
    documentLineId: row.document_line_id,
    documentLabel: row.document_label,
    amount: Number(row.amount),
    status: row.status as InvoiceUsage['status'],
    createdBy: row.created_by,
    createdAt: readInstant(row.created_at)!,
    releasedAt: readInstant(row.released_at),
  };
}

function snapshot(row: InvoiceTable): Record<string, unknown> {
  return {
    direction: row.direction,
    type: row.type,
    code: row.code,
    number: row.number,
    sellerTaxId: row.seller_tax_id,
    sellerName: row.seller_name,
    buyerTaxId: row.buyer_tax_id,
    buyerName: row.buyer_name,
    issueDate: String(row.issue_date),
    amountExclTax: Number(row.amount_excl_tax),
    taxAmount: Number(row.tax_amount),
    totalAmount: Number(row.total_amount),
    status: row.status,
    entityId: row.entity_id,
  };
}

function usageSnapshot(row: InvoiceUsageTable): Record<string, unknown> {
  return {
    usageId: row.id,
    documentType: row.document_type,
    documentId: row.document_id,
    documentLineId: row.document_line_id,
    documentLabel: row.document_label,
    amount: Number(row.amount),
    status: row.status,
  };
}
