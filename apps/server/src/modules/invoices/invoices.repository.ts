import type { InvoiceListQuery } from '@concord/contracts';
import { sql } from 'kysely';
import { type Db, isPostgres, likePattern } from '../../db/index.js';
import { type Scope, withScope } from '../../platform/access/index.js';
import type { InvoiceTable, InvoiceUsageTable } from './invoices.tables.js';

/** Where an invoice keeps the facts a data scope judges: the registering entity and the registrant. */
export const invoiceScope = { entity: 'i.entity_id', department: null, owner: 'i.created_by' };

export async function insertInvoice(db: Db, row: InvoiceTable): Promise<void> {
  await db.insertInto('invoice').values(row).execute();
}

export async function updateInvoice(db: Db, id: string, patch: Partial<InvoiceTable>): Promise<void> {
  await db.updateTable('invoice').set(patch).where('id', '=', id).execute();
}

export const findInvoice = (db: Db, id: string): Promise<InvoiceTable | undefined> =>
  db.selectFrom('invoice').selectAll().where('id', '=', id).executeTakeFirst();

export const findInvoiceByKey = (db: Db, key: string): Promise<InvoiceTable | undefined> =>
  db.selectFrom('invoice').selectAll().where('unique_key', '=', key).executeTakeFirst();

export const findInvoices = (db: Db, ids: string[]): Promise<InvoiceTable[]> =>
  ids.length ? db.selectFrom('invoice').selectAll().where('id', 'in', ids).execute() : Promise.resolve([]);

/** Reads an invoice for a use, release or void and serialises such writers on it (row lock on PostgreSQL). */
export async function lockInvoice(db: Db, id: string): Promise<InvoiceTable | undefined> {
  const query = db.selectFrom('invoice').selectAll().where('id', '=', id);
  return (isPostgres(db) ? query.forUpdate() : query).executeTakeFirst();
}

/** The registry list: scope and filters, in SQL. */
export function filteredInvoices(db: Db, scope: Scope, query: Omit<InvoiceListQuery, 'page' | 'pageSize'>) {
  let q = withScope(db.selectFrom('invoice as i').selectAll('i'), scope, invoiceScope);
  if (query.q) {
    const pattern = likePattern(query.q);
    q = q.where((eb) =>
      eb.or([
        eb('i.number', 'like', pattern),
        eb('i.code', 'like', pattern),
        eb('i.seller_name', 'like', pattern),
        eb('i.seller_tax_id', 'like', pattern),
        eb('i.buyer_name', 'like', pattern),
        eb('i.buyer_tax_id', 'like', pattern),
      ]),
    );
  }
  if (query.seller) {
    const pattern = likePattern(query.seller);
    q = q.where((eb) =>
      eb.or([eb('i.seller_name', 'like', pattern), eb('i.seller_tax_id', 'like', pattern)]),
    );
  }
  if (query.direction) q = q.where('i.direction', '=', query.direction);
  if (query.type) q = q.where('i.type', '=', query.type);
  if (query.status) q = q.where('i.status', '=', query.status);
  if (query.issuedFrom) q = q.where('i.issue_date', '>=', query.issuedFrom);
  if (query.issuedTo) q = q.where('i.issue_date', '<=', query.issuedTo);
  if (query.entityId) q = q.where('i.entity_id', '=', query.entityId);
  return q;
}

export async function insertUsage(db: Db, row: InvoiceUsageTable): Promise<void> {
  await db.insertInto('invoice_usage').values(row).execute();
}

export const findUsage = (db: Db, id: string): Promise<InvoiceUsageTable | undefined> =>
  db.selectFrom('invoice_usage').selectAll().where('id', '=', id).executeTakeFirst();

export async function releaseUsage(db: Db, id: string, by: string | null, at: string): Promise<void> {
  await db
    .updateTable('invoice_usage')
    .set({ status: 'RELEASED', active_key: null, released_by: by, released_at: at })
    .where('id', '=', id)
    .execute();
}

export const usagesOfInvoice = (db: Db, invoiceId: string, onlyActive = false) => {
  let q = db.selectFrom('invoice_usage').selectAll().where('invoice_id', '=', invoiceId);
  if (onlyActive) q = q.where('status', '=', 'ACTIVE');
  return q.orderBy('created_at').orderBy('id').execute();
};

export const activeUsagesOfDocument = (db: Db, documentType: string, documentId: string) =>
  db
    .selectFrom('invoice_usage')
    .selectAll()
    .where('document_type', '=', documentType)
    .where('document_id', '=', documentId)
    .where('status', '=', 'ACTIVE')
    .orderBy('created_at')
    .orderBy('id')
    .execute();

/** The sum of an invoice's active usages (read under its row lock). */
export async function activeUsageSum(db: Db, invoiceId: string): Promise<number> {
  const row = await db
    .selectFrom('invoice_usage')
    .select(sql<number>`coalesce(sum(amount), 0)`.as('used'))
    .where('invoice_id', '=', invoiceId)
    .where('status', '=', 'ACTIVE')
    .executeTakeFirstOrThrow();
  return row.used;
}

/** Per document line: the invoice amounts a document uses (for its figures). */
export async function documentLineTotals(db: Db, documentType: string, documentId: string) {
  const rows = await db
    .selectFrom('invoice_usage')
    .select(['document_line_id', sql<number>`coalesce(sum(amount), 0)`.as('amount')])
    .where('document_type', '=', documentType)
    .where('document_id', '=', documentId)
    .where('status', '=', 'ACTIVE')
    .groupBy('document_line_id')
    .execute();
  return rows.map((r) => ({ lineId: r.document_line_id ?? null, amount: r.amount }));
}

/** True when the error is a unique violation of the named index (both dialects). */
export function isUniqueViolation(
  error: unknown,
  index: 'invoice_unique_key' | 'invoice_usage_active_key',
): boolean {
  if (!error || typeof error !== 'object') return false;
  const e = error as { code?: string; constraint?: string; message?: string };
  if (e.code === '23505') return e.constraint === index;
  const column = index === 'invoice_unique_key' ? 'invoice.unique_key' : 'invoice_usage.active_key';
  return e.code === 'SQLITE_CONSTRAINT_UNIQUE' && !!e.message?.includes(column);
}
