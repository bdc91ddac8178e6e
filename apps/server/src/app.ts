import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { FastifyInstance } from 'fastify';
import type { Kysely } from 'kysely';
import { type AppDatabase, createDatabase, migrateToLatest } from './db/index.js';
import { AccessControl } from './platform/access/index.js';
import { type Clock, JobQueue, JobRunner, jobsMigrations, systemClock } from './platform/jobs/index.js';
import { auditMigrations, auditRoutes, AuditService } from './platform/audit/index.js';
import {
  AppError,
  createHttpServer,
  localeOf,
  type RecordType,
  type RequestContext,
  type RouteDefinition,
  registerRoutes,
} from './platform/http/index.js';
import {
  AuthService,
  clientInfo,
  defaultAuthSettings,
  IdentityAdapter,
  iamJobs,
  iamMigrations,
  iamRecordTypes,
  iamRoutes,
  RolesService,
  roleHoldersIn,
  SESSION_COOKIE,
} from './platform/iam/index.js';
import {
  EmailSender,
  NotificationsService,
  NotificationTemplates,
  notificationJobs,
  notificationsMigrations,
  notificationsRecordTypes,
  notificationsRoutes,
  type RecipientDirectory,
  RobotsService,
} from './platform/notifications/index.js';
import {
  FilesService,
  filesMigrations,
  filesRecordTypes,
  filesRoutes,
  registerUploads,
} from './platform/files/index.js';
import {
  FormSubmissionsService,
  FormsService,
  formSubmissionsRoutes,
  formsMigrations,
  formsRecordTypes,
  formsRoutes,
} from './platform/forms/index.js';
import {
  ApprovalSubjects,
  WorkflowDefinitionsService,
  WorkflowProxiesService,
  WorkflowService,
  WorkflowViews,
  workflowJobs,
  workflowMigrations,
  workflowRecordTypes,
  workflowRoutes,
  workflowTemplates,
  participatesWithFile,
} from './platform/workflow/index.js';
import {
  OrgService,
  orgMigrations,
  orgRecordTypes,
  orgRoutes,
  UsersService,
  usersRoutes,
} from './platform/org/index.js';
import {
  NumberingService,
  numberingMigrations,
  numberingRecordTypes,
  numberingRoutes,
} from './platform/numbering/index.js';
import {
  InvoicesService,
  invoicesMigrations,
  invoicesRecordTypes,
  invoicesRoutes,
} from './platform/invoices/index.js';
import {
  ContractArchiveService,
  ContractCategoriesService,
  ContractChanges,
  ContractFiguresService,
  ContractInvoicesService,
  contractInvoiceUsage,
  contractInvoicesRoutes,
  ContractLedger,
  type ContractPorts,
  ContractPlansService,
  ContractSealsService,
  ContractPaymentsService,
  contractPaymentRecordTypes,
  contractPaymentsRoutes,
  ContractScheduleService,
  type ContractSetup,
  ContractsService,
  ContractImportService,
  ExecutionSettingsService,
  executionSettingsRoutes,
  ContractDeliveriesService,
  contractDeliveriesRoutes,
  contractDeliveryRecordTypes,
  ContractMatchingService,
  contractMatchingRoutes,
  contractImportRoutes,
  ContractVersions,
  chinaDate,
  contractApprovalSubject,
  contractArchiveRecordTypes,
  contractArchiveRoutes,
  contractCategoriesRoutes,
  contractPlansRoutes,
  contractRecordTypes,
  contractReminderJobs,
  contractReminderSchedule,
  contractReminderTemplates,
  ContractCollectionsService,
  contractCollectionJobs,
  contractCollectionSchedule,
  contractCollectionTemplates,
  contractCollectionsRoutes,
  ContractOversightService,
  contractOversightRoutes,
  contractSealsRoutes,
  contractScheduleRoutes,
  contractSetupRecordTypes,
  contractsMigrations,
  contractsRoutes,
  ContractEvaluationsService,
  ContractSettlementsService,
  contractEvaluationRoutes,
  contractSettlementRecordTypes,
  contractSettlementRoutes,
  evaluationScoresOf,
  retentionReminderJobs,
  retentionReminderSchedule,
  retentionTemplates,
} from './modules/contracts/index.js';
import {
  PartnerRecordsService,
  PartnersService,
  partnersJobs,
  partnersMigrations,
  partnersRecordTypes,
  partnersRoutes,
  partnersTemplates,
  QUALIFICATION_SCAN_JOB,
  QualificationReminders,
  PartnerRatings,
  partnerRatingRoutes,
} from './modules/partners/index.js';

export interface AppOptions {
  databaseUrl: string;
  /** PostgreSQL only: run in this schema. */
  schema?: string;
  /** SQLite in memory only: start from this serialized database (tests open a template's copy). */
  sqliteBytes?: Buffer;
  logLevel: string;
  webDistDir?: string;
  rateLimit: boolean;
  cookieSecure: boolean;
  sessionTtlHours: number;
  loginAttemptsPerMinute?: number;
  /** Where the job runner takes "now" from (a manual clock in tests). */
  clock?: Clock;
  /** SMTP server for e-mail notifications (`smtp://user:pass@host:587`); without it no e-mail is sent. */
  smtpUrl?: string;
  /** The From address of notification e-mail. */
  smtpFrom?: string;
  /** The address users open Concord at, for links in e-mail and group chats. */
  publicUrl?: string;
  /** Where attachments are stored (DATA_DIR/files); a fresh temporary directory when absent (tests). */
  filesDir?: string;
}

/** Every migration of the platform and of each module, collected for the migrator. */
export const allMigrations = [
  orgMigrations,
  iamMigrations,
  auditMigrations,
  jobsMigrations,
  notificationsMigrations,
  filesMigrations,
  formsMigrations,
  workflowMigrations,
  numberingMigrations,
  invoicesMigrations,
  partnersMigrations,
  contractsMigrations,
];

/** Every kind of record that routes address by id, for the guard test. */
export const allRecordTypes: RecordType[] = [
  ...orgRecordTypes,
  ...iamRecordTypes,
  ...notificationsRecordTypes,
  ...filesRecordTypes,
  ...formsRecordTypes,
  ...workflowRecordTypes,
  ...numberingRecordTypes,
  ...invoicesRecordTypes,
  ...partnersRecordTypes,
  ...contractSetupRecordTypes,
  ...contractRecordTypes,
  ...contractArchiveRecordTypes,
  ...contractDeliveryRecordTypes,
  ...contractPaymentRecordTypes,
  ...contractSettlementRecordTypes,
];

export function createServices(
  database: AppDatabase,
  options: Pick<AppOptions, 'sessionTtlHours' | 'clock' | 'smtpUrl' | 'smtpFrom' | 'publicUrl' | 'filesDir'>,
) {
  const { db } = database;
  let org: OrgService | undefined;
  const audit = new AuditService(db, (ids) => org!.userNames(ids));
  org = new OrgService(db, audit);
  const identity = new IdentityAdapter((trx, ids) => org!.entitySummaries(ids, trx));
  const users = new UsersService(db, audit, identity);
  const roles = new RolesService(db, audit, org);
  const auth = new AuthService(db, org, users, audit, {
    ...defaultAuthSettings,
    sessionTtlHours: options.sessionTtlHours,
  });
  /** The context of Concord itself acting (CLI, seeding, jobs): every permission, every record. */
  const systemContext = (requestId = 'system'): RequestContext => ({
    requestId,
    ip: null,
    locale: 'zh-CN',
    actor: null,
    access: new AccessControl('system', { userId: '', departmentIds: [] }, org!),
  });
  const clock = options.clock ?? systemClock;
  const email = options.smtpUrl
    ? new EmailSender(options.smtpUrl, options.smtpFrom ?? 'Concord <no-reply@concord.local>')
    : null;
  const jobs = new JobQueue(db, [...iamJobs(auth), ...notificationJobs(email)], clock);
  const templates = new NotificationTemplates();
  const directory: RecipientDirectory = {
    recipients: async (trx, ids) => {
      // A removed user is simply not found.
      return (await users.loadMany(trx, ids)).map((user) => ({
        id: user.id,
        email: user.email,
        locale: user.locale,
        active: user.active,
      }));
    },
  };
  const notifications = new NotificationsService(db, audit, jobs, templates, directory, {
    emailConfigured: !!email,
    publicUrl: options.publicUrl,
  });
  const robots = new RobotsService(db, audit, templates);
  const files = new FilesService(
    db,
    audit,
    options.filesDir ?? fs.mkdtempSync(path.join(os.tmpdir(), 'concord-files-')),
  );
  const forms = new FormsService(db, audit, {
    activeUserIds: async (trx, ids) => {
      return new Set((await users.loadMany(trx, ids)).filter((user) => user.active).map((user) => user.id));
    },
    departmentIds: (trx, ids) => org!.existingDepartmentIds(ids, trx),
    entityExists: async (trx, id) => (await org!.entitySummaries([id], trx)).length > 0,
    visibleFileIds: (trx, ctx, ids) => files.visibleIds(trx, ctx, ids),
  });
  const approvals = createApprovals(db, {
    audit,
    org,
    users,
    forms,
    files,
    notifications,
    jobs,
    clock,
    templates,
    systemContext,
  });
  const numbering = new NumberingService(
    db,
    audit,
    {
      entityCode: async (trx, entityId) => (await org!.entitySummaries([entityId], trx))[0]?.code ?? null,
    },
    clock,
  );
  // Contract set-up: the category tree and yearly plan lines of the contract register.
  const contractCategories = new ContractCategoriesService(db, audit, {
    numberRuleExists: async (trx, id) => (await numbering.findById(trx, id))?.active === true,
    flowKeyExists: (trx, key) =>
      approvals.workflowDefinitions.resolveByKey(trx, key).then(
        () => true,
        (error: unknown) => {
          if (error instanceof AppError && error.code === 'WF_NO_FLOW') return false;
          throw error;
        },
      ),
    groupEntityId: async () =>
      (await org!.listEntities(systemContext())).find((entity) => entity.parentId === null)?.id ?? null,
  });
  const contractPlans = new ContractPlansService(db, audit, contractCategories);
  // The partner library: customers and suppliers shared within the group.
  const partners = new PartnersService(db, audit, {
    entityNames: async (trx, ids) =>
      new Map((await org!.entitySummaries(ids, trx)).map((e) => [e.id, e.name])),
    userNames: (trx, ids) => org!.userNames(ids, trx),
    homeOf: async (trx, userId) => {
      const user = await users.loadUser(trx, userId).catch(() => null);
      return user ? { entityId: user.entityId, departmentId: user.departmentId } : null;
    },
    visibleFileIds: (trx, ctx, ids) => files.visibleIds(trx, ctx, ids),
    fileNames: (trx, ids) => files.namesOf(trx, ids),
  });
  const partnerServices = createPartners(db, partners, {
    audit,
    roles,
    files,
    jobs,
    notifications,
    templates,
    systemContext,
  });
  // The invoice registry, shared by contracts (and later expenses and funds).
  const invoices = new InvoicesService(db, audit, {
    entityNames: async (trx, ids) =>
      new Map((await org!.entitySummaries(ids, trx)).map((e) => [e.id, e.name])),
    visibleFileIds: (trx, ctx, ids) => files.visibleIds(trx, ctx, ids),
  });
  const contractRegister = createContractRegister(db, {
    invoices,
    audit,
    org: org!,
    users,
    files,
    numbering,
    partners,
    categories: contractCategories,
    plans: contractPlans,
    jobs,
    notifications,
    templates,
    clock,
    systemContext,
    approvals,
  });
  const contractCollections = createContractCollections(db, {
    org: org!,
    roles,
    partners,
    jobs,
    notifications,
    templates,
    clock,
    systemContext,
    executionSettings: contractRegister.executionSettings,
  });
  const jobRunner = new JobRunner(db, jobs, clock, {
    onError: (error, job) =>
      console.error(
        `Job ${job.type} ${job.id} failed: ${error instanceof Error ? error.message : String(error)}`,
      ),
  });
  return {
    db,
    audit,
    org,
    users,
    roles,
    auth,
    jobs,
    jobRunner,
    clock,
    systemContext,
    notifications,
    robots,
    files,
    forms,
    templates,
    email,
    numbering,
    invoices,
    contractCategories,
    contractPlans,
    partners,
    ...partnerServices,
    ...contractRegister,
    ...contractCollections,
    ...approvals,
  };
}

/** The approval engine: definitions, the runtime, its views and the registry of approval subjects. */
function createApprovals(
  db: AppDatabase['db'],
  deps: {
    audit: AuditService;
    org: OrgService;
    users: UsersService;
    forms: FormsService;
    files: FilesService;
    notifications: NotificationsService;
    jobs: JobQueue;
    clock: Clock;
    templates: NotificationTemplates;
    systemContext: (requestId?: string) => RequestContext;
  },
) {
  for (const [key, template] of Object.entries(workflowTemplates)) deps.templates.register(key, template);
  const approvalSubjects = new ApprovalSubjects();
  const workflowDefinitions = new WorkflowDefinitionsService(db, deps.audit, (trx, businessType) =>
    deps.forms.fieldKeysFor(trx, businessType),
  );
  const workflow = new WorkflowService(db, {
    audit: deps.audit,
    definitions: workflowDefinitions,
    notifications: deps.notifications,
    jobs: deps.jobs,
    clock: deps.clock,
    subjects: approvalSubjects,
    orgSource: {
      orgChart: (trx) => deps.org.orgChart(trx),
      roleHoldersIn: (trx, entityId) => roleHoldersIn(trx, entityId),
    },
    userNames: (trx, ids) => deps.org.userNames(ids, trx),
    visibleFileIds: (trx, ctx, ids) => deps.files.visibleIds(trx, ctx, ids),
  });
  const workflowViews = new WorkflowViews(db, workflow, workflowDefinitions, approvalSubjects, {
    names: (trx, ids) => deps.org.userNames(ids, trx),
    departmentName: async (trx, userId) =>
      (await deps.users.loadUser(trx, userId).catch(() => null))?.departmentName ?? null,
    fileNames: (trx, ids) => deps.files.namesOf(trx, ids),
  });
  const workflowProxies = new WorkflowProxiesService(db, {
    audit: deps.audit,
    people: async (trx, ids) => {
      const users = await deps.users.loadMany(trx, ids);
      return new Map(
        users.map((user) => [
          user.id,
          {
            name: user.displayName,
            active: user.active,
            entityId: user.entityId,
            departmentId: user.departmentId,
          },
        ]),
      );
    },
  });
  deps.jobs.declare(workflowJobs(workflow, () => deps.systemContext('workflow-timer')));
  // Whoever takes part in an approval may read the files attached to its form or its comments.
  deps.files.grantReadsVia(async (trx, ctx, fileId) =>
    ctx.actor ? participatesWithFile(trx, ctx.actor.userId, fileId) : false,
  );

  // Ad-hoc forms are the first kind of document approved through the engine.
  const formSubmissions = new FormSubmissionsService(db, deps.forms, deps.audit, (trx, ctx, input) =>
    workflow.start(trx, ctx, input),
  );
  approvalSubjects.register({
    type: 'form',
    onApproved: (trx, ctx, id) => formSubmissions.setStatus(trx, ctx, id, 'APPROVED'),
    onRejected: (trx, ctx, id) => formSubmissions.setStatus(trx, ctx, id, 'REJECTED'),
    onWithdrawn: (trx, ctx, id) => formSubmissions.setStatus(trx, ctx, id, 'WITHDRAWN'),
    fields: (trx, id) => formSubmissions.fieldsOf(trx, id),
  });
  return { approvalSubjects, workflowDefinitions, workflow, workflowViews, workflowProxies, formSubmissions };
}

/**
 * The contract register: contracts, versions, change orders, the ledger, archive and seal use,
 * wired to the partner library, numbering rules, the organisation, files and the approval engine.
 */
function createContractRegister(
  db: AppDatabase['db'],
  deps: {
    audit: AuditService;
    org: OrgService;
    users: UsersService;
    files: FilesService;
    numbering: NumberingService;
    partners: PartnersService;
    categories: ContractCategoriesService;
    plans: ContractPlansService;
    jobs: JobQueue;
    notifications: NotificationsService;
    templates: NotificationTemplates;
    clock: Clock;
    systemContext: (requestId?: string) => RequestContext;
    approvals: ReturnType<typeof createApprovals>;
    invoices: InvoicesService;
  },
) {
  const { org, files, approvals } = deps;
  const activeUserIds = async (trx: Kysely<any>, ids: string[]) =>
    new Set((await deps.users.loadMany(trx, ids)).filter((u) => u.active).map((u) => u.id));
  const ports: ContractPorts = {
    partners: { forContract: (trx, ctx, id, entityId) => deps.partners.forContract(trx, ctx, id, entityId) },
    numbering: {
      next: (trx, ruleId, at) => deps.numbering.next(trx, ruleId, at),
      ruleIdByCode: async (trx, code) => (await deps.numbering.findByCode(trx, code))?.id ?? null,
    },
    org: {
      entities: async (trx, ids) =>
        new Map((await org.entitySummaries(ids, trx)).map((e) => [e.id, { name: e.name, code: e.code }])),
      departments: (trx, ids) => org.departmentSummaries(ids, trx),
      userNames: (trx, ids) => org.userNames(ids, trx),
      activeUserIds,
    },
    files: {
      visibleIds: (trx, ctx, ids) => files.visibleIds(trx, ctx, ids),
      namesOf: (trx, ids) => files.namesOf(trx, ids),
    },
    startApproval: (trx, ctx, input) => approvals.workflow.start(trx, ctx, input),
    today: () => chinaDate(deps.clock.now()),
  };
  const setup: ContractSetup = {
    category: (trx, id) => deps.categories.forContract(trx, id),
    categoryNames: (trx, ids) => deps.categories.namesOf(trx, ids),
    validateCustomData: (category, data, ctx) =>
      deps.categories.validateCustomData(category, data, ctx.locale),
    planLine: async (trx, ctx, id, input) => {
      await deps.plans.lineForContract(trx, ctx, id, input);
    },
  };
  const contractVersions = new ContractVersions(db, ports);
  const contracts = new ContractsService(db, deps.audit, ports, setup, contractVersions);
  // Payment/receipt plans; change orders of the amount carry a new plan (figures refreshed on every write).
  const contractSchedule = new ContractScheduleService(
    db,
    deps.audit,
    { refresh: (trx, id) => contractFigures.refresh(trx, id) },
    ports.today,
  );
  const contractChanges = new ContractChanges(
    db,
    deps.audit,
    ports,
    setup,
    contracts,
    contractVersions,
    contractSchedule,
  );
  const contractLedger = new ContractLedger(db, ports, setup);
  // Execution figures (paid, invoiced, accepted, ...) kept on the contract for the ledger.
  // Invoice usage comes from the invoice registry (document type `contract`, line = plan item).
  const contractFigures = new ContractFiguresService(contractInvoiceUsage(deps.invoices));
  const contractInvoices = new ContractInvoicesService(db, deps.audit, deps.invoices, contractFigures);
  // Matching tolerance and collection days per entity (the group's row, else defaults, where none).
  const executionSettings = new ExecutionSettingsService(db, deps.audit);
  // Deliveries and acceptance (交付/验收), and matching 款票物 with the exceptions list.
  const contractDeliveries = new ContractDeliveriesService(db, deps.audit, contractFigures, {
    visibleFileIds: (trx, ctx, ids) => files.visibleIds(trx, ctx, ids),
    fileNames: (trx, ids) => files.namesOf(trx, ids),
    userNames: (trx, ids) => org.userNames(ids, trx),
  });
  files.grantReadsVia((trx, ctx, fileId) => contractDeliveries.mayReadFile(trx, ctx, fileId));
  const contractMatching = new ContractMatchingService(db, executionSettings);
  // Imports resolve codes through the directory once per distinct value; the register's own checks
  // (scope, partner use by the entity, blacklist) run with the importing user's context.
  const contractImport = new ContractImportService(
    db,
    deps.audit,
    ports,
    {
      entityIdsByCode: async () =>
        new Map((await org.listEntities(deps.systemContext())).map((e) => [e.code.toUpperCase(), e.id])),
      departments: async (entityIds) =>
        (await Promise.all(entityIds.map((id) => org.listDepartments(deps.systemContext(), id)))).flat(),
      users: async (usernames) => {
        const found = await Promise.all(usernames.map((u) => deps.users.findByUsername(u)));
        return new Map(
          found.flatMap((u) =>
            u ? [[u.username, { id: u.id, active: u.active === true || u.active === 1 }]] : [],
          ),
        );
      },
      partners: async ({ creditCodes, names }) => {
        const search = async (
          q: string,
          exact: (p: { name: string; creditCode: string | null }) => boolean,
        ) =>
          (await deps.partners.list(deps.systemContext(), { page: 1, pageSize: 200, q })).items.filter(exact);
        const found = await Promise.all([
          ...creditCodes.map((code) => search(code, (p) => p.creditCode === code)),
          ...names.map((name) => search(name, (p) => p.name === name)),
        ]);
        return [...new Map(found.flat().map((p) => [p.id, p])).values()];
      },
    },
    contractVersions,
  );
  files.grantReadsVia((trx, ctx, fileId) => contracts.mayReadFile(trx, ctx, fileId));
  const contractSeals = new ContractSealsService(
    db,
    deps.audit,
    (trx, ctx, input) => approvals.workflow.start(trx, ctx, input),
    (trx, ids) => org.userNames(ids, trx),
    deps.clock,
  );
  const contractArchive = new ContractArchiveService(
    db,
    deps.audit,
    { userNames: (trx, ids) => org.userNames(ids, trx), activeUserIds },
    deps.clock,
  );
  // Payment requests, payments, receipts and refunds (the guard, idempotency, the override flag).
  const contractPayments = new ContractPaymentsService(db, deps.audit, contractFigures, {
    startApproval: (trx, ctx, input) => approvals.workflow.start(trx, ctx, input),
    userNames: (trx, ids) => org.userNames(ids, trx),
    tolerance: async (trx, entityId) => (await executionSettings.forEntity(trx, entityId)).tolerance,
    today: ports.today,
  });
  // Closing: settlement with retention (approved through the engine) and the evaluation that rates the partner.
  const contractSettlements = new ContractSettlementsService(
    db,
    deps.audit,
    {
      startApproval: (trx, ctx, input) => approvals.workflow.start(trx, ctx, input),
      userNames: (trx, ids) => org.userNames(ids, trx),
      today: ports.today,
    },
    contractFigures,
  );
  const partnerRatings = new PartnerRatings(db, deps.partners, evaluationScoresOf, deps.clock);
  const contractEvaluations = new ContractEvaluationsService(
    db,
    deps.audit,
    {
      userNames: (trx, ids) => org.userNames(ids, trx),
      recomputeRating: (trx, ctx, partnerId, source) => partnerRatings.recompute(trx, ctx, partnerId, source),
    },
    deps.clock,
  );
  for (const [key, template] of Object.entries(retentionTemplates)) deps.templates.register(key, template);
  deps.jobs.declare(
    retentionReminderJobs({
      jobs: deps.jobs,
      notifications: deps.notifications,
      systemContext: deps.systemContext,
    }),
  );
  approvals.approvalSubjects.register(
    contractApprovalSubject({
      contracts,
      changes: contractChanges,
      setup,
      payments: {
        onApprovalOutcome: (trx, ctx, id, outcome) =>
          contractPayments.onApprovalOutcome(trx, ctx, id, outcome),
        fields: (trx, id) => contractPayments.fieldsOf(trx, id),
      },
      settlements: {
        onApprovalOutcome: (trx, ctx, id, outcome) =>
          contractSettlements.approvalEnded(trx, ctx, id, outcome),
        fields: (trx, id) => contractSettlements.fieldsOf(trx, id),
      },
      seals: {
        onApprovalOutcome: (trx, ctx, id, outcome) => contractSeals.onApprovalOutcome(trx, ctx, id, outcome),
        fields: (trx, id) => contractSeals.fieldsOf(trx, id),
      },
    }),
  );
  for (const [key, template] of Object.entries(contractReminderTemplates))
    deps.templates.register(key, template);
  deps.jobs.declare(
    contractReminderJobs({
      jobs: deps.jobs,
      notifications: deps.notifications,
      systemContext: deps.systemContext,
      userNames: (trx, ids) => org.userNames(ids, trx),
      departmentHead: (departmentId) => org.headOfDepartment(departmentId),
    }),
  );
  return {
    contracts,
    contractVersions,
    contractChanges,
    contractLedger,
    contractSeals,
    contractPayments,
    contractArchive,
    contractImport,
    contractFigures,
    contractInvoices,
    executionSettings,
    contractDeliveries,
    contractMatching,
    contractSchedule,
    contractSettlements,
    contractEvaluations,
    partnerRatings,
  };
}

/**
 * Collections (催收 reminders and the overdue list) and group oversight, read across the contract
 * register, its execution settings and the partner library.
 */
function createContractCollections(
  db: AppDatabase['db'],
  deps: {
    org: OrgService;
    roles: RolesService;
    partners: PartnersService;
    jobs: JobQueue;
    notifications: NotificationsService;
    templates: NotificationTemplates;
    clock: Clock;
    systemContext: (requestId?: string) => RequestContext;
    executionSettings: ExecutionSettingsService;
  },
) {
  const { org } = deps;
  const ports = {
    org: {
      entities: async (trx: Kysely<any>, ids: string[]) =>
        new Map((await org.entitySummaries(ids, trx)).map((e) => [e.id, { name: e.name, code: e.code }])),
      departments: (trx: Kysely<any>, ids: string[]) => org.departmentSummaries(ids, trx),
      userNames: (trx: Kysely<any>, ids: string[]) => org.userNames(ids, trx),
      activeUserIds: async () => new Set<string>(),
    },
    today: () => chinaDate(deps.clock.now()),
  };
  for (const [key, template] of Object.entries(contractCollectionTemplates))
    deps.templates.register(key, template);
  deps.jobs.declare(
    contractCollectionJobs({
      jobs: deps.jobs,
      notifications: deps.notifications,
      systemContext: deps.systemContext,
      settingsFor: (trx, entityId) => deps.executionSettings.forEntity(trx, entityId),
      userNames: (trx, ids) => org.userNames(ids, trx),
      departmentHead: (departmentId) => org.headOfDepartment(departmentId),
      // Finance of the entity: holders there of a role that may execute payments.
      financeOf: async (entityId) => {
        const holders = await roleHoldersIn(db, entityId);
        const roles = await deps.roles.list(deps.systemContext('contract-collections'));
        return [
          ...new Set(
            roles
              .filter((role) => role.permissions.includes('contract.pay'))
              .flatMap((role) => holders[role.code] ?? []),
          ),
        ];
      },
    }),
  );
  return {
    contractCollections: new ContractCollectionsService(db, ports),
    contractOversight: new ContractOversightService(db, ports, (trx, today) =>
      deps.partners.flaggedIds(trx, today),
    ),
  };
}

/** The partner library's child records, its expiry reminders and the file reads it vouches for. */
function createPartners(
  db: AppDatabase['db'],
  partners: PartnersService,
  deps: {
    audit: AuditService;
    roles: RolesService;
    files: FilesService;
    jobs: JobQueue;
    notifications: NotificationsService;
    templates: NotificationTemplates;
    systemContext: (requestId?: string) => RequestContext;
  },
) {
  const partnerRecords = new PartnerRecordsService(db, deps.audit, {
    visibleFileIds: (trx, ctx, ids) => deps.files.visibleIds(trx, ctx, ids),
    fileNames: (trx, ids) => deps.files.namesOf(trx, ids),
  });
  for (const [key, template] of Object.entries(partnersTemplates)) deps.templates.register(key, template);
  // Holders of partner.manage in the partner's entity hear of its expiring qualifications too.
  const managers = async (entityId: string) => {
    const holders = await roleHoldersIn(db, entityId);
    const roles = await deps.roles.list(deps.systemContext('partner-reminders'));
    return roles
      .filter((role) => role.permissions.includes('partner.manage'))
      .flatMap((role) => holders[role.code] ?? []);
  };
  const qualificationReminders = new QualificationReminders(db, deps.jobs, deps.notifications, managers, () =>
    deps.systemContext('partner-reminders'),
  );
  deps.jobs.declare(partnersJobs(qualificationReminders));
  // Whoever may see a partner may read the files attached to its qualifications.
  deps.files.grantReadsVia((trx, ctx, fileId) => partners.canReadFile(trx, ctx, fileId));
  return { partnerRecords, qualificationReminders };
}

/** Recurring jobs, declared at every start (the next run time is kept across restarts). */
export async function scheduleRecurringJobs(services: Services): Promise<void> {
  await services.jobs.schedule({
    name: 'purge-expired-sessions',
    type: 'iam.purgeSessions',
    payload: {},
    everySeconds: 3600,
  });
  await services.jobs.schedule({
    name: 'partner-qualification-expiry',
    type: QUALIFICATION_SCAN_JOB,
    payload: {},
    everySeconds: 86400,
  });
  await services.jobs.schedule(contractReminderSchedule);
  await services.jobs.schedule(retentionReminderSchedule);
  await services.jobs.schedule(contractCollectionSchedule);
}
export type Services = ReturnType<typeof createServices>;

/** The composition root: the only place that wires the platform and the modules together. */
export async function buildApp(
  options: AppOptions,
): Promise<{ app: FastifyInstance; database: AppDatabase; services: Services; routes: RouteDefinition[] }> {
  const database = createDatabase(options.databaseUrl, {
    schema: options.schema,
    sqliteBytes: options.sqliteBytes,
  });
  await migrateToLatest(database.db, allMigrations, { schema: options.schema });
  const services = createServices(database, options);
  const { auth } = services;

  const app = await createHttpServer({
    logLevel: options.logLevel,
    webDistDir: options.webDistDir,
    rateLimit: options.rateLimit,
    anonymous: (request) => auth.systemlessContext(clientInfo(request), null),
    authenticate: (request, { checkCsrf }) =>
      auth.authenticate(
        { ...clientInfo(request), locale: localeOf(request) },
        request.cookies[SESSION_COOKIE],
        { checkCsrf, csrfHeader: request.headers['x-csrf-token'] as string | undefined },
      ),
  });

  const routes: RouteDefinition[] = [
    ...iamRoutes(auth, services.roles, services.users, {
      secure: options.cookieSecure,
      loginPerMinute: options.loginAttemptsPerMinute ?? 20,
    }),
    ...orgRoutes(services.org),
    ...usersRoutes(services.users),
    ...auditRoutes(services.audit),
    ...notificationsRoutes(services.notifications, services.robots),
    ...filesRoutes(services.files),
    ...formsRoutes(services.forms),
    ...workflowRoutes(
      services.workflowDefinitions,
      services.workflow,
      services.workflowViews,
      services.workflowProxies,
    ),
    ...formSubmissionsRoutes(services.formSubmissions),
    ...numberingRoutes(services.numbering),
    ...invoicesRoutes(services.invoices),
    ...partnersRoutes(services.partners, services.partnerRecords),
    ...contractCategoriesRoutes(services.contractCategories),
    ...contractPlansRoutes(services.contractPlans),
    ...contractsRoutes({
      contracts: services.contracts,
      ledger: services.contractLedger,
      versions: services.contractVersions,
      changes: services.contractChanges,
    }),
    ...contractArchiveRoutes(services.contractArchive),
    ...contractSealsRoutes(services.contractSeals),
    ...contractSettlementRoutes(services.contractSettlements),
    ...contractEvaluationRoutes(services.contractEvaluations),
    ...partnerRatingRoutes(services.partnerRatings),
    ...contractPaymentsRoutes(services.contractPayments),
    ...contractInvoicesRoutes(services.contractInvoices),
    ...contractImportRoutes(services.contractImport),
    ...contractScheduleRoutes(services.contractSchedule),
    ...executionSettingsRoutes(services.executionSettings),
    ...contractDeliveriesRoutes(services.contractDeliveries),
    ...contractMatchingRoutes(services.contractMatching),
    ...contractCollectionsRoutes(services.contractCollections),
    ...contractOversightRoutes(services.contractOversight),
  ];
  await registerUploads(app);
  registerRoutes(app, routes);
  await scheduleRecurringJobs(services);
  app.addHook('onClose', async () => {
    await services.jobRunner.stop();
    services.email?.close();
    await database.close();
  });
  await app.ready();
  return { app, database, services, routes };
}
