import { type Invoice, type InvoiceInput, type InvoiceUsage, invoiceInputSchema } from '@concord/contracts';
import { type Db, newId } from '../../db/index.js';
import { isInScope } from '../../platform/access/index.js';
import type { AuditService } from '../../platform/audit/index.js';
import type { RequestContext } from '../../platform/http/index.js';
import type { Clock } from '../../platform/jobs/index.js';
import { AppError, invalidReference, notFound } from '../../platform/http/index.js';
import {
  documentText,
  duplicateError,
  facts,
  type InvoiceDirectory,
  presentInvoices,
  snapshot,
  toUsage,
  usageSnapshot,
} from './invoices.present.js';
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

/**
 * Documents using the invoice registry (the module's port, invoices.ports.ts): a document registers
 * or finds an invoice, uses part of it up to its total (each document at most once), releases that
 * use and reads its uses. Every call runs inside the document's own transaction, after the
 * document's own access checks; the document wraps its transaction in `translateConflicts`.
 */
export class InvoiceUse {
  constructor(
    private readonly db: Db,
    private readonly audit: AuditService,
    private readonly directory: InvoiceDirectory,
    private readonly clock: Clock,
  ) {}

  /**
   * Registers an invoice inside the caller's transaction, in `entityId`, and returns its id. The
   * caller has checked its own permission. A duplicate is refused with INVOICE_DUPLICATE naming the
   * documents that use it; a concurrent duplicate surfaces as a unique violation that
   * `translateConflicts` turns into the same error.
   */
  async registerIn(trx: Db, ctx: RequestContext, input: InvoiceInput, entityId: string): Promise<string> {
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
    if (existing) throw await duplicateError(trx, ctx, existing);
    const now = this.clock.now().toISOString();
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
  async visibleForUse(trx: Db, ctx: RequestContext, id: string, entityId: string): Promise<Invoice> {
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
  async use(trx: Db, ctx: RequestContext, invoiceId: string, input: InvoiceUseInput): Promise<InvoiceUsage> {
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
    const used = active.reduce((sum, u) => sum + u.amount, 0);
    const total = invoice.total_amount;
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
      created_at: this.clock.now().toISOString(),
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
    trx: Db,
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
    const now = this.clock.now().toISOString();
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
  async findUsage(db: Db, usageId: string): Promise<InvoiceUsage | undefined> {
    const row = await repo.findUsage(db, usageId);
    return row ? toUsage(row) : undefined;
  }

  /** A document's active usages with their invoices, oldest first. */
  async documentUsages(
    db: Db,
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
  lineTotals(db: Db, documentType: string, documentId: string) {
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
        if (existing) throw await duplicateError(this.db, ctx, existing);
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

  private async syncUsed(trx: Db, invoiceId: string): Promise<void> {
    await repo.updateInvoice(trx, invoiceId, {
      used_amount: await repo.activeUsageSum(trx, invoiceId),
      updated_at: this.clock.now().toISOString(),
    });
  }

  private present(db: Db, rows: InvoiceTable[]): Promise<Invoice[]> {
    return presentInvoices(db, this.directory, rows);
  }
}
