import type { MigrationSet } from '../../db/index.js';
import * as init from './migrations/20261202_000050_invoices_init.js';

export const invoicesMigrations: MigrationSet = {
  '20261202_000050_invoices_init': init,
};
