import { contractsPermissionGroups } from '@concord/contracts';
import { roleHoldersIn } from '../../platform/iam/index.js';
import { defineModule } from '../../platform/kit/index.js';
import { contractArchiveRecordTypes } from './archive/archive.record-types.js';
import { contractArchiveRoutes } from './archive/archive.routes.js';
import { contractCategoriesRoutes } from './setup/categories.routes.js';
import { ContractChanges } from './versions/changes.service.js';
import {
  contractCollectionJobs,
  contractCollectionSchedule,
  contractCollectionTemplates,
} from './collections/collections.jobs.js';
import { contractCollectionsRoutes } from './collections/collections.routes.js';
import { ContractCollectionsService } from './collections/collections.service.js';
import { contractInvoicesRoutes } from './execution/contract-invoices.routes.js';
import { contractApprovalSubject } from './register/contracts.approval.js';
import { createContractExecution } from './contracts.execution.wiring.js';
import { contractsMigrations } from './contracts.migrations.js';
import { contractRecordTypes } from './register/contracts.record-types.js';
import { contractPorts, createContractRegister } from './contracts.register.wiring.js';
import { contractsRoutes } from './register/contracts.routes.js';
import { contractDeliveriesRoutes, contractDeliveryRecordTypes } from './execution/deliveries.routes.js';
import { contractEvaluationRoutes } from './evaluation/evaluations.routes.js';
import { executionSettingsRoutes } from './execution/execution-settings.routes.js';
import { pastDueJobs, pastDueSchedule } from './execution/past-due.js';
import { pastDueCheckJobs, pastDueCheckSchedule } from './execution/past-due.check.js';
import { ContractImportJobs } from './ledger/import.job.js';
import { contractImportRoutes } from './ledger/import.routes.js';
import { ContractLedgerExports } from './ledger/ledger.export.job.js';
import { contractLedgerRollup } from './ledger/ledger.rollup.js';
import { contractMatchingRoutes } from './execution/matching.routes.js';
import { contractOversightRoutes } from './collections/oversight.routes.js';
import { ContractOversightService } from './collections/oversight.service.js';
import { contractPaymentRecordTypes, contractPaymentsRoutes } from './payments/payments.routes.js';
import { contractPlansRoutes } from './setup/plans.routes.js';
import { contractReminderJobs, contractReminderSchedule } from './collections/reminders.jobs.js';
import { contractReminderTemplates } from './collections/reminders.templates.js';
import { contractScheduleRoutes } from './execution/schedule.routes.js';
import { contractSealsRoutes } from './archive/seals.routes.js';
import { contractSettlementRecordTypes, contractSettlementRoutes } from './settlement/settlements.routes.js';
import {
  retentionReminderJobs,
  retentionReminderSchedule,
  retentionTemplates,
} from './settlement/settlements.jobs.js';
import { contractSetupRecordTypes } from './setup/setup.record-types.js';
import { contractsAuditEvents } from './contracts.audit-events.js';
import { contractTitles } from './register/contracts.repository.js';
import { contractsDemo } from './demo/contracts.demo.js';
import type { JobRequester } from '../../platform/jobs/index.js';

declare module '../../platform/kit/module.js' {
  interface ModuleRegistry {
    /** No other module uses contracts yet (CRM's handover and reports will). */
    contracts: Record<string, never>;
  }
}

/** Contracts from register to settlement and evaluation, with reminders, collections and oversight. */
export const contractsModule = defineModule({
  name: 'contracts',
  requires: [
    'audit',
    'org',
    'iam',
    'files',
    'imports',
    'numbering',
    'partners',
    'jobs',
    'notifications',
    'workflow',
    'invoices',
  ],
  migrations: contractsMigrations,
  permissions: contractsPermissionGroups,
  auditEvents: contractsAuditEvents,
  templates: { ...contractReminderTemplates, ...retentionTemplates, ...contractCollectionTemplates },
  recordTypes: [
    ...contractSetupRecordTypes,
    ...contractRecordTypes,
    ...contractArchiveRecordTypes,
    ...contractDeliveryRecordTypes,
    ...contractPaymentRecordTypes,
    ...contractSettlementRecordTypes,
  ],
  rollups: [contractLedgerRollup],
  demo: contractsDemo,
  create(platform, deps) {
    const { db, systemContext } = platform;
    const { org } = deps.org;
    const ports = contractPorts(platform, deps);
    const register = createContractRegister(platform, deps, ports);
    const execution = createContractExecution(platform, deps, ports);
    const { setup, contracts, contractVersions } = register;
    // Most of a contract's entries (submitted, approved, signed) record no name: recent records ask.
    deps.audit.titleRecordsWith('contract', (ids) => contractTitles(db, ids));
    const contractChanges = new ContractChanges(
      db,
      deps.audit,
      ports,
      setup,
      contracts,
      contractVersions,
      platform.clock,
      execution.contractSchedule,
    );
    // Collections (催收) and group oversight read across the register, its settings and the partners.
    const contractCollections = new ContractCollectionsService(db, ports, platform.heavyReads);
    const contractOversight = new ContractOversightService(
      db,
      ports,
      (trx, today) => deps.partners.flaggedIds(trx, today),
      platform.clock,
      platform.heavyReads,
    );
    const noticeDeps = {
      jobs: deps.jobs.jobs,
      notifications: deps.notifications.notifications,
      systemContext,
      userNames: ports.org.userNames,
      departmentHead: (departmentId: string) => org.headOfDepartment(departmentId),
    };
    // Finance of the entity: holders there of a role that may execute payments.
    const financeOf = async (entityId: string) => {
      const holders = await roleHoldersIn(db, entityId);
      const roles = await deps.iam.roles.list(systemContext('contract-collections'));
      return [
        ...new Set(
          roles
            .filter((role) => role.permissions.includes('contract.pay'))
            .flatMap((role) => holders[role.code] ?? []),
        ),
      ];
    };
    // The ledger's export above the direct-download size and the import: jobs acting as their requester.
    const backgroundJobs = {
      db,
      audit: deps.audit,
      jobs: deps.jobs.jobs,
      files: deps.files,
      contextFor: (requester: JobRequester, requestId: string) =>
        deps.iam.auth.contextForUser(requester.userId, requester.entityId, requestId),
    };
    const contractLedgerExports = new ContractLedgerExports(register.contractLedger, backgroundJobs);
    const contractImportJobs = new ContractImportJobs(register.contractImport, {
      ...backgroundJobs,
      mappings: deps.imports.mappings,
    });
    const { setup: _setup, ...registerServices } = register;
    const services = {
      ...registerServices,
      ...execution,
      contractChanges,
      contractCollections,
      contractOversight,
      contractLedgerExports,
      contractImportJobs,
    };
    return {
      provides: {},
      services,
      routes: [
        ...contractCategoriesRoutes(register.contractCategories),
        ...contractPlansRoutes(register.contractPlans),
        ...contractsRoutes({
          contracts,
          lifecycle: register.contractLifecycle,
          ledger: register.contractLedger,
          exports: contractLedgerExports,
          versions: contractVersions,
          changes: contractChanges,
        }),
        ...contractArchiveRoutes({ archive: register.contractArchive, borrows: register.contractBorrows }),
        ...contractSealsRoutes(register.contractSeals),
        ...contractSettlementRoutes({
          settlements: execution.contractSettlements,
          retention: execution.contractRetention,
        }),
        ...contractEvaluationRoutes(execution.contractEvaluations),
        ...contractPaymentsRoutes({
          payments: execution.contractPayments,
          requests: execution.contractPaymentRequests,
          execution: execution.contractPaymentExecution,
        }),
        ...contractInvoicesRoutes(execution.contractInvoices),
        ...contractImportRoutes(register.contractImport, contractImportJobs),
        ...contractScheduleRoutes(execution.contractSchedule),
        ...executionSettingsRoutes(execution.executionSettings),
        ...contractDeliveriesRoutes({
          deliveries: execution.contractDeliveries,
          acceptance: execution.contractDeliveryAcceptance,
        }),
        ...contractMatchingRoutes(execution.contractMatching),
        ...contractCollectionsRoutes(contractCollections),
        ...contractOversightRoutes(contractOversight),
      ],
      jobs: [
        contractLedgerExports.job(),
        contractImportJobs.job(),
        ...pastDueJobs(),
        ...pastDueCheckJobs({ audit: deps.audit, heavyReads: platform.heavyReads, systemContext }),
        ...retentionReminderJobs(noticeDeps),
        ...contractReminderJobs(noticeDeps),
        ...contractCollectionJobs({
          ...noticeDeps,
          settingsFor: (trx, entityId) => execution.executionSettings.forEntity(trx, entityId),
          financeOf,
        }),
      ],
      schedules: [
        contractReminderSchedule,
        retentionReminderSchedule,
        contractCollectionSchedule,
        pastDueSchedule,
        pastDueCheckSchedule,
      ],
      approvalSubjects: [
        contractApprovalSubject({
          lifecycle: register.contractLifecycle,
          changes: contractChanges,
          setup,
          payments: {
            onApprovalOutcome: (trx, ctx, id, outcome) =>
              execution.contractPaymentRequests.onApprovalOutcome(trx, ctx, id, outcome),
            fields: (trx, id) => execution.contractPaymentRequests.fieldsOf(trx, id),
            contractOf: (trx, id) => execution.contractPaymentRequests.contractOf(trx, id),
          },
          settlements: {
            onApprovalOutcome: (trx, ctx, id, outcome) =>
              execution.contractSettlements.approvalEnded(trx, ctx, id, outcome),
            fields: (trx, id) => execution.contractSettlements.fieldsOf(trx, id),
            contractOf: (trx, id) => execution.contractSettlements.contractOf(trx, id),
          },
          seals: {
            onApprovalOutcome: (trx, ctx, id, outcome) =>
              register.contractSeals.onApprovalOutcome(trx, ctx, id, outcome),
            fields: (trx, id) => register.contractSeals.fieldsOf(trx, id),
            contractOf: (trx, id) => register.contractSeals.contractOf(trx, id),
          },
        }),
      ],
      fileReadGrants: [
        (trx, ctx, fileId) => execution.contractDeliveries.mayReadFile(trx, ctx, fileId),
        (trx, ctx, fileId) => contracts.mayReadFile(trx, ctx, fileId),
      ],
    };
  },
});
