export { invoicesMigrations } from './invoices.migrations.js';
export { invoicesRecordTypes } from './invoices.record-types.js';
export { invoicesRoutes } from './invoices.routes.js';
export { type InvoiceDirectory, InvoicesService, type InvoiceUseInput } from './invoices.service.js';
export { invoiceDesignation, invoiceKey, yuan } from './invoices.rules.js';
