export { invoicesModule } from './invoices.module.js';
export type { InvoiceUsePort } from './invoices.ports.js';
