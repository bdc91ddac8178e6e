import { invoicesPermissionGroups } from '@concord/contracts';
import { defineModule } from '../../platform/kit/index.js';
import { invoicesMigrations } from './invoices.migrations.js';
import type { InvoiceUsePort } from './invoices.ports.js';
import { invoicesRecordTypes } from './invoices.record-types.js';
import { invoicesRoutes } from './invoices.routes.js';
import type { InvoiceDirectory } from './invoices.present.js';
import { InvoicesService } from './invoices.service.js';
import { InvoiceUse } from './invoices.use.js';
import { invoicesAuditEvents } from './invoices.audit-events.js';
import { invoicesDemo } from './invoices.demo.js';

declare module '../../platform/kit/module.js' {
  interface ModuleRegistry {
    invoices: InvoiceUsePort;
  }
}

/** The group-wide invoice registry: each invoice registered once, used by documents up to its total. */
export const invoicesModule = defineModule({
  name: 'invoices',
  requires: ['audit', 'org', 'files'],
  migrations: invoicesMigrations,
  permissions: invoicesPermissionGroups,
  auditEvents: invoicesAuditEvents,
  recordTypes: invoicesRecordTypes,
  demo: invoicesDemo,
  create({ db, clock }, { audit, org, files }) {
    const directory: InvoiceDirectory = {
      entityNames: async (trx, ids) =>
        new Map((await org.org.entitySummaries(ids, trx)).map((e) => [e.id, e.name])),
      visibleFileIds: (trx, ctx, ids) => files.visibleIds(trx, ctx, ids),
    };
    // Documents use invoices through the port; the registry's own API registers through it too.
    const invoiceUse = new InvoiceUse(db, audit, directory, clock);
    const invoices = new InvoicesService(db, audit, directory, invoiceUse, clock);
    return { provides: invoiceUse, services: { invoices, invoiceUse }, routes: invoicesRoutes(invoices) };
  },
});
