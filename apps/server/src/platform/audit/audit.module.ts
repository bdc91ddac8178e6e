import { auditPermissionGroups } from '@concord/contracts';
import { defineModule } from '../kit/index.js';
import { auditMigrations } from './audit.migrations.js';
import { auditRoutes } from './audit.routes.js';
import { AuditService } from './audit.service.js';

declare module '../kit/module.js' {
  interface ModuleRegistry {
    audit: AuditService;
  }
}

/** The append-only, hash-chained audit log every write records into. */
export const auditModule = defineModule({
  name: 'audit',
  requires: [],
  migrations: auditMigrations,
  permissions: auditPermissionGroups,
  create({ db, clock }) {
    const audit = new AuditService(db, clock);
    return { provides: audit, services: { audit }, routes: auditRoutes(audit) };
  },
});
