import { numberingPermissionGroups } from '@concord/contracts';
import { defineModule } from '../kit/index.js';
import { numberingMigrations } from './numbering.migrations.js';
import { numberingRecordTypes } from './numbering.record-types.js';
import { numberingRoutes } from './numbering.routes.js';
import { NumberingService } from './numbering.service.js';
import { numberingAuditEvents } from './numbering.audit-events.js';

declare module '../kit/module.js' {
  interface ModuleRegistry {
    numbering: NumberingService;
  }
}

/** Numbering rules: document numbers from patterns, with counters inside the caller's transaction. */
export const numberingModule = defineModule({
  name: 'numbering',
  requires: ['audit', 'org'],
  migrations: numberingMigrations,
  permissions: numberingPermissionGroups,
  auditEvents: numberingAuditEvents,
  recordTypes: numberingRecordTypes,
  create({ db, clock }, { audit, org }) {
    const numbering = new NumberingService(
      db,
      audit,
      {
        entityCode: async (trx, entityId) =>
          (await org.org.entitySummaries([entityId], trx))[0]?.code ?? null,
      },
      clock,
    );
    return { provides: numbering, services: { numbering }, routes: numberingRoutes(numbering) };
  },
});
