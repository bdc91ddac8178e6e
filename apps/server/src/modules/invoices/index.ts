export { invoicesModule } from './invoices.module.js';
export type { InvoiceUsePort } from './invoices.ports.js';
/** Factories of real invoice rows (tests and the demo seed build their rows with them). */
export { invoiceFactories } from './invoices.factories.js';
