import { partnersPermissionGroups } from '@concord/contracts';
import { roleHoldersIn } from '../../platform/iam/index.js';
import { defineModule } from '../../platform/kit/index.js';
import { PartnerRecordsService } from './partner-records.service.js';
import { partnersMigrations } from './partners.migrations.js';
import { PartnerRatings, partnerRatingRoutes } from './partners.rating.js';
import { partnersRecordTypes } from './partners.record-types.js';
import { partnerQualificationSchedule, partnersJobs, QualificationReminders } from './partners.reminders.js';
import { partnersRoutes } from './partners.routes.js';
import { PartnersService } from './partners.service.js';
import { partnersTemplates } from './partners.templates.js';
import { partnersAuditEvents } from './partners.audit-events.js';
import { partnersDemo } from './partners.demo.js';

/**
 * What other modules use of the partner library (contracts: a partner for a contract, flags,
 * ratings, the counterparties an import creates).
 */
export interface PartnersPort {
  forContract: PartnersService['forContract'];
  createIn: PartnersService['createIn'];
  prepareCreate: PartnersService['prepareCreate'];
  list: PartnersService['list'];
  flaggedIds: PartnersService['flaggedIds'];
  ratings: Pick<PartnerRatings, 'recompute' | 'addScoreSource'>;
}

declare module '../../platform/kit/module.js' {
  interface ModuleRegistry {
    partners: PartnersPort;
  }
}

/** The partner library: customers and suppliers shared within the group, with their ratings. */
export const partnersModule = defineModule({
  name: 'partners',
  requires: ['audit', 'org', 'iam', 'files', 'jobs', 'notifications'],
  migrations: partnersMigrations,
  permissions: partnersPermissionGroups,
  auditEvents: partnersAuditEvents,
  templates: partnersTemplates,
  recordTypes: partnersRecordTypes,
  demo: partnersDemo,
  create({ db, clock, systemContext }, { audit, org, iam, files, jobs, notifications }) {
    const partners = new PartnersService(
      db,
      audit,
      {
        entityNames: async (trx, ids) =>
          new Map((await org.org.entitySummaries(ids, trx)).map((e) => [e.id, e.name])),
        userNames: (trx, ids) => org.org.userNames(ids, trx),
        homeOf: async (trx, userId) => {
          const user = await org.users.loadUser(trx, userId).catch(() => null);
          return user ? { entityId: user.entityId, departmentId: user.departmentId } : null;
        },
        visibleFileIds: (trx, ctx, ids) => files.visibleIds(trx, ctx, ids),
        fileNames: (trx, ids) => files.namesOf(trx, ids),
      },
      clock,
    );
    const partnerRecords = new PartnerRecordsService(
      db,
      audit,
      {
        visibleFileIds: (trx, ctx, ids) => files.visibleIds(trx, ctx, ids),
        fileNames: (trx, ids) => files.namesOf(trx, ids),
      },
      clock,
    );
    // Holders of partner.manage in the partner's entity hear of its expiring qualifications too.
    const managers = async (entityId: string) => {
      const holders = await roleHoldersIn(db, entityId);
      const roles = await iam.roles.list(systemContext('partner-reminders'));
      return roles
        .filter((role) => role.permissions.includes('partner.manage'))
        .flatMap((role) => holders[role.code] ?? []);
    };
    const qualificationReminders = new QualificationReminders(
      db,
      jobs.jobs,
      notifications.notifications,
      managers,
      () => systemContext('partner-reminders'),
    );
    const partnerRatings = new PartnerRatings(db, partners, clock);
    return {
      provides: {
        forContract: (trx, ctx, id, entityId) => partners.forContract(trx, ctx, id, entityId),
        createIn: (trx, ctx, input) => partners.createIn(trx, ctx, input),
        prepareCreate: (ctx) => partners.prepareCreate(ctx),
        list: (ctx, query) => partners.list(ctx, query),
        flaggedIds: (trx, today) => partners.flaggedIds(trx, today),
        ratings: partnerRatings,
      },
      services: { partners, partnerRecords, qualificationReminders, partnerRatings },
      routes: [...partnersRoutes(partners, partnerRecords), ...partnerRatingRoutes(partnerRatings)],
      jobs: partnersJobs(qualificationReminders),
      schedules: [partnerQualificationSchedule],
      // Whoever may see a partner may read the files attached to its qualifications.
      fileReadGrants: [(trx, ctx, fileId) => partners.canReadFile(trx, ctx, fileId)],
    };
  },
});
