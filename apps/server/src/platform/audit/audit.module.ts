import { auditPermissionGroups } from '@concord/contracts';
import { z } from 'zod';
import { defineModule } from '../kit/index.js';
import { auditKeyOf } from './audit.key.js';
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
  create({ db, clock, settings }) {
    const audit = new AuditService(db, clock, {
      key: settings.auditKey ? auditKeyOf(settings.auditKey) : undefined,
      checkpointFile: settings.auditCheckpointFile,
    });
    return {
      provides: audit,
      services: { audit },
      routes: auditRoutes(audit),
      // Declared as a plain object: the jobs part records into the audit log, so the audit log
      // does not import it back.
      jobs: [
        {
          type: 'audit.checkpoint',
          payload: z.object({}),
          handler: async () => {
            await audit.writeCheckpoint();
          },
        },
      ],
      // A signed checkpoint of the head every hour, outside the database (docs/security.md).
      schedules: [{ name: 'audit-checkpoint', type: 'audit.checkpoint', payload: {}, everySeconds: 3600 }],
    };
  },
});
