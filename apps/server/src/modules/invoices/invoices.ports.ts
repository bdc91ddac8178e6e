import type { InvoiceUse } from './invoices.use.js';

/**
 * What a business document (a contract today; expense claims and fund payments later) needs of the
 * group-wide invoice registry: register or find an invoice, use part of it on a document line,
 * release that use, and read a document's uses. Every call takes the caller's transaction.
 */
export type InvoiceUsePort = Pick<
  InvoiceUse,
  | 'registerIn'
  | 'visibleForUse'
  | 'use'
  | 'release'
  | 'findUsage'
  | 'documentUsages'
  | 'lineTotals'
  | 'translateConflicts'
>;
