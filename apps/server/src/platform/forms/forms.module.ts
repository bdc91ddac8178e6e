import { formsPermissionGroups } from '@concord/contracts';
import { defineModule } from '../kit/index.js';
import { formsMigrations } from './forms.migrations.js';
import { formsRecordTypes } from './forms.record-types.js';
import { formsRoutes } from './forms.routes.js';
import { FormsService } from './forms.service.js';
import { formsAuditEvents } from './forms.audit-events.js';
import { formsDemo } from './forms.demo.js';

declare module '../kit/module.js' {
  interface ModuleRegistry {
    forms: FormsService;
  }
}

/** Form definitions (custom fields of any business type) and the validation of submitted data. */
export const formsModule = defineModule({
  name: 'forms',
  requires: ['audit', 'org', 'files'],
  migrations: formsMigrations,
  permissions: formsPermissionGroups,
  auditEvents: formsAuditEvents,
  recordTypes: formsRecordTypes,
  demo: formsDemo,
  create({ db, clock }, { audit, org, files }) {
    const forms = new FormsService(
      db,
      audit,
      {
        activeUserIds: async (trx, ids) =>
          new Set((await org.users.loadMany(trx, ids)).filter((user) => user.active).map((user) => user.id)),
        departmentIds: (trx, ids) => org.org.existingDepartmentIds(ids, trx),
        entityExists: async (trx, id) => (await org.org.entitySummaries([id], trx)).length > 0,
        visibleFileIds: (trx, ctx, ids) => files.visibleIds(trx, ctx, ids),
      },
      clock,
    );
    return { provides: forms, services: { forms }, routes: formsRoutes(forms) };
  },
});
