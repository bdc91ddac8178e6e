export { ContractChanges } from './changes.service.js';
export { contractApprovalSubject, type SealOutcomes } from './contracts.approval.js';
export { contractsMigrations } from './contracts.migrations.js';
export type { CategoryForContract, ContractPorts } from './contracts.ports.js';
export { contractRecordTypes } from './contracts.record-types.js';
export { contractsRoutes } from './contracts.routes.js';
export { type ContractSetup, ContractsService } from './contracts.service.js';
export { ContractLedger } from './ledger.service.js';
export { type ContractImportLookups, ContractImportService } from './import.service.js';
export { contractImportRoutes } from './import.routes.js';
export { ContractVersions } from './versions.service.js';
export { contractArchiveRecordTypes } from './archive.record-types.js';
export { contractArchiveRoutes } from './archive.routes.js';
export { ContractArchiveService, chinaDate } from './archive.service.js';
export { ContractCategoriesService } from './categories.service.js';
export { contractCategoriesRoutes } from './categories.routes.js';
export { ContractPlansService } from './plans.service.js';
export { contractPlansRoutes } from './plans.routes.js';
export { contractReminderJobs, contractReminderSchedule } from './reminders.jobs.js';
export { contractReminderTemplates } from './reminders.templates.js';
export { ContractSealsService } from './seals.service.js';
export { contractSealsRoutes } from './seals.routes.js';
export { contractSetupRecordTypes } from './setup.record-types.js';
export { ContractFiguresService, type ContractFigures, type InvoiceUsageOf } from './figures.service.js';
export {
  DEFAULT_EXECUTION_SETTINGS,
  type EffectiveExecutionSettings,
  ExecutionSettingsService,
} from './execution-settings.service.js';
export { executionSettingsRoutes } from './execution-settings.routes.js';
export { type ChangeSchedule, ContractScheduleService } from './schedule.service.js';
export { contractScheduleRoutes } from './schedule.routes.js';
export {
  ContractPaymentsService,
  type PaymentApprovalOutcome,
  type PaymentPorts,
} from './payments.service.js';
export { contractPaymentRecordTypes, contractPaymentsRoutes } from './payments.routes.js';
export { ContractSettlementsService, type SettlementPorts } from './settlements.service.js';
export { contractSettlementRecordTypes, contractSettlementRoutes } from './settlements.routes.js';
export { retentionReminderJobs, retentionReminderSchedule, retentionTemplates } from './settlements.jobs.js';
export { ContractEvaluationsService, type EvaluationPorts } from './evaluations.service.js';
export { contractEvaluationRoutes } from './evaluations.routes.js';
export { evaluationScoresOf } from './evaluations.repository.js';
export { ContractCollectionsService } from './collections.service.js';
export { contractCollectionsRoutes } from './collections.routes.js';
export {
  type CollectionSettings,
  contractCollectionJobs,
  contractCollectionSchedule,
  contractCollectionTemplates,
} from './collections.jobs.js';
export { ContractOversightService, type FlaggedPartners } from './oversight.service.js';
export { contractOversightRoutes } from './oversight.routes.js';
export { ContractDeliveriesService, type DeliveryPorts } from './deliveries.service.js';
export { contractDeliveriesRoutes, contractDeliveryRecordTypes } from './deliveries.routes.js';
export { ContractMatchingService } from './matching.service.js';
export { contractMatchingRoutes } from './matching.routes.js';
export {
  CONTRACT_DOCUMENT,
  ContractInvoicesService,
  contractInvoiceUsage,
} from './contract-invoices.service.js';
export { contractInvoicesRoutes } from './contract-invoices.routes.js';
