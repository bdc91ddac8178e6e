import type { FastifyInstance } from 'fastify';
import { type AppDatabase, createDatabase, migrateToLatest } from './db/index.js';
import { contractsModule } from './modules/contracts/index.js';
import { invoicesModule } from './modules/invoices/index.js';
import { partnersModule } from './modules/partners/index.js';
import { AccessControl } from './platform/access/index.js';
import { AuditEventCatalogue, auditModule } from './platform/audit/index.js';
import { filesModule, registerUploads } from './platform/files/index.js';
import { importsModule } from './platform/imports/index.js';
import { formsModule } from './platform/forms/index.js';
import {
  createHttpServer,
  localeOf,
  type RecordType,
  type RequestContext,
  type RouteDefinition,
  registerRoutes,
} from './platform/http/index.js';
import { clientInfo, iamModule, SESSION_COOKIE } from './platform/iam/index.js';
import { type Clock, jobsModule, systemClock } from './platform/jobs/index.js';
import {
  type AnyModuleDefinition,
  createModules,
  type LoadedModule,
  type ModuleRegistry,
  type PlatformSettings,
} from './platform/kit/index.js';
import { maintenanceModule } from './platform/maintenance/index.js';
import { notificationsModule } from './platform/notifications/index.js';
import { numberingModule } from './platform/numbering/index.js';
import { orgModule } from './platform/org/index.js';
import { rollupsModule } from './platform/rollups/index.js';
import { workflowModule } from './platform/workflow/index.js';

/**
 * Every platform part and business module, one line each; the loader creates them in dependency
 * order (each after the modules it requires), so the order here is only for reading.
 */
export const modules = [
  auditModule,
  orgModule,
  iamModule,
  jobsModule,
  rollupsModule,
  maintenanceModule,
  notificationsModule,
  filesModule,
  importsModule,
  formsModule,
  workflowModule,
  numberingModule,
  invoicesModule,
  partnersModule,
  contractsModule,
] as const satisfies readonly AnyModuleDefinition[];

export interface AppOptions extends PlatformSettings {
  databaseUrl: string;
  /** PostgreSQL only: run in this schema. */
  schema?: string;
  /** SQLite in memory only: start from this serialized database (tests open a template's copy). */
  sqliteBytes?: Buffer;
  logLevel: string;
  /** Readable log lines (a terminal) or JSON (the default). */
  logFormat?: 'json' | 'readable';
  webDistDir?: string;
  rateLimit: boolean;
  /** Proxies trusted for X-Forwarded-For (TRUST_PROXY); none when unset. */
  trustProxy?: string;
  /** Where the job runner takes "now" from (a manual clock in tests). */
  clock?: Clock;
  /** Modules loaded after the standard list (the kit's own test adds an example module). */
  extraModules?: readonly AnyModuleDefinition[];
  /** Called with the SQL of every statement the app runs (the statement-count test). */
  onQuery?: (sql: string, parameters: readonly unknown[]) => void;
}

/** Every migration of the platform and of each module, collected for the migrator. */
export const allMigrations = modules.map((module) => module.migrations);

/** Every kind of record that routes address by id, for the guard test. */
export const allRecordTypes: RecordType[] = modules.flatMap((module) => module.recordTypes ?? []);

type UnionToIntersection<U> = (U extends unknown ? (x: U) => void : never) extends (x: infer I) => void
  ? I
  : never;
type ModuleServices = UnionToIntersection<ReturnType<(typeof modules)[number]['create']>['services']>;

/** The services of every module by name, for the CLI, the demo seed and tests. */
export type Services = ModuleServices & {
  db: AppDatabase['db'];
  clock: Clock;
  systemContext: (requestId?: string) => RequestContext;
  /** The loaded modules with what each added (routes, schedules, ...). */
  loaded: LoadedModule[];
};

export function createServices(
  database: AppDatabase,
  options: PlatformSettings & { clock?: Clock; extraModules?: readonly AnyModuleDefinition[] },
): Services {
  const { db } = database;
  const clock = options.clock ?? systemClock;
  let provided: Partial<ModuleRegistry> = {};
  const systemContext = (requestId = 'system'): RequestContext => ({
    requestId,
    ip: null,
    locale: 'zh-CN',
    actor: null,
    // The organisation exists by the time anything acts (it is created first).
    access: new AccessControl('system', { userId: '', departmentIds: [] }, provided.org!.org),
  });
  const created = createModules([...modules, ...(options.extraModules ?? [])], {
    db,
    heavyReads: database.heavyReads,
    clock,
    settings: options,
    systemContext,
  });
  provided = created.provided as Partial<ModuleRegistry>;
  const { audit, jobs, notifications, workflow, files, rollups } = provided as ModuleRegistry;
  // The test suite refuses undeclared audit events, so none reaches the viewer as a raw code.
  audit.describeEventsWith(
    new AuditEventCatalogue(created.loaded.map(({ definition }) => definition.auditEvents ?? {})),
    {
      refuseUndeclared: process.env.VITEST === 'true',
    },
  );
  // What each module adds to the platform's registries: job types, templates, approval subjects, file reads, rollups.
  for (const { definition, instance } of created.loaded) {
    jobs.jobs.declare(instance.jobs ?? []);
    for (const [key, template] of Object.entries(definition.templates ?? {})) {
      notifications.templates.register(key, template);
    }
    for (const subject of instance.approvalSubjects ?? []) workflow.approvalSubjects.register(subject);
    for (const grant of instance.fileReadGrants ?? []) files.grantReadsVia(grant);
    rollups.register(definition.rollups ?? []);
  }
  const services = Object.assign({}, ...created.loaded.map(({ instance }) => instance.services));
  return { ...services, db, clock, systemContext, loaded: created.loaded };
}

/** Recurring jobs, declared at every start (the next run time is kept across restarts). */
export async function scheduleRecurringJobs(services: Services): Promise<void> {
  for (const { instance } of services.loaded) {
    for (const schedule of instance.schedules ?? []) await services.jobs.schedule(schedule);
  }
}

/** The composition root: the only place that wires the platform and the modules together. */
export async function buildApp(
  options: AppOptions,
): Promise<{ app: FastifyInstance; database: AppDatabase; services: Services; routes: RouteDefinition[] }> {
  const database = createDatabase(options.databaseUrl, {
    schema: options.schema,
    sqliteBytes: options.sqliteBytes,
    onQuery: options.onQuery,
  });
  const migrations = [...allMigrations, ...(options.extraModules ?? []).map((module) => module.migrations)];
  await migrateToLatest(database.db, migrations, { schema: options.schema });
  const services = createServices(database, options);
  // Refuses to start on another key than the one the audit chain was written with.
  await services.audit.bindKey();
  const { auth } = services;

  const app = await createHttpServer({
    logLevel: options.logLevel,
    logFormat: options.logFormat,
    webDistDir: options.webDistDir,
    rateLimit: options.rateLimit,
    trustProxy: options.trustProxy,
    // The test suite checks the hot lists' answers against their schemas (routes.ts responseAsBuilt).
    checkBuiltResponses: process.env.VITEST === 'true',
    anonymous: (request) => auth.systemlessContext(clientInfo(request), null),
    authenticate: (request, { checkCsrf }) =>
      auth.authenticate(
        { ...clientInfo(request), locale: localeOf(request) },
        request.cookies[SESSION_COOKIE],
        { checkCsrf, csrfHeader: request.headers['x-csrf-token'] as string | undefined },
      ),
  });
  const routes = services.loaded.flatMap(({ instance }) => instance.routes ?? []);
  await registerUploads(app);
  registerRoutes(app, routes);
  await scheduleRecurringJobs(services);
  app.addHook('onClose', async () => {
    await services.jobRunner.stop();
    for (const { instance } of services.loaded) await instance.close?.();
    await database.close();
  });
  await app.ready();
  return { app, database, services, routes };
}
