import type { PermissionGroup } from '@concord/contracts';
import type { Db, MigrationSet } from '../../db/index.js';
import type { AuditEventSet } from '../audit/index.js';
import type { FileReadGrant } from '../files/index.js';
import type { RecordType, RequestContext, RouteDefinition } from '../http/index.js';
import type { Clock, JobDefinition, JobQueue } from '../jobs/index.js';
import type { NotificationTemplate } from '../notifications/index.js';
import type { ApprovalSubject } from '../workflow/index.js';
import type { DemoStep } from './demo.js';

/**
 * What each module provides to the others, by module name. Every module adds its own entry where
 * it is defined (`declare module '…/platform/kit/index.js' { interface ModuleRegistry { … } }`), so
 * `requires` and the `deps` a module receives are checked by the compiler.
 */
// biome-ignore lint/suspicious/noEmptyInterface: filled by declaration merging in each module.
export interface ModuleRegistry {}
export type ModuleName = keyof ModuleRegistry & string;

/** Settings of the running instance that modules may read (from the environment, see config/). */
export interface PlatformSettings {
  sessionTtlHours: number;
  smtpUrl?: string;
  smtpFrom?: string;
  publicUrl?: string;
  filesDir?: string;
  cookieSecure?: boolean;
  loginAttemptsPerMinute?: number;
}

/** What every module receives, whatever it requires: the database, the clock, settings, the system's own context. */
export interface PlatformPorts {
  db: Db;
  clock: Clock;
  settings: PlatformSettings;
  /** The context of Concord itself acting (CLI, seeding, jobs): every permission, every record. */
  systemContext: (requestId?: string) => RequestContext;
}

/** A recurring job, declared at every start (the next run time is kept across restarts). */
export type ScheduleDefinition = Parameters<JobQueue['schedule']>[0];

/** What a module's `create` returns: its port for other modules and what it adds to the platform. */
export interface ModuleInstance<Provides, Services> {
  /** The port other modules use (they receive it as `deps.<name>`). */
  provides: Provides;
  /** Its use-case services by name, for the CLI, the demo seed and tests (never for other modules). */
  services: Services;
  routes?: RouteDefinition[];
  jobs?: JobDefinition[];
  schedules?: ScheduleDefinition[];
  approvalSubjects?: ApprovalSubject[];
  fileReadGrants?: FileReadGrant[];
  /** Releases what the module holds outside the database (an SMTP pool), when the app closes. */
  close?(): void | Promise<void>;
}

/**
 * One platform part or business module, as the composition root loads it: `requires` decides the
 * order of creation; `create` is plain constructor injection (no container, no base class).
 */
export interface ModuleDefinition<
  Name extends ModuleName,
  Requires extends ModuleName,
  Services = ModuleRegistry[Name],
  DemoAfter extends ModuleName = never,
  DemoServices = unknown,
> {
  name: Name;
  requires: readonly Requires[];
  migrations: MigrationSet;
  permissions?: readonly PermissionGroup[];
  /** What it writes to the audit log, with labels (writing an undeclared event fails the tests). */
  auditEvents?: AuditEventSet;
  templates?: Record<string, NotificationTemplate>;
  recordTypes?: readonly RecordType[];
  /** Its part of the demo group, seeded after the demo of every module it requires (or names in `after`). */
  demo?: DemoStep<Name, Requires | DemoAfter, DemoAfter, DemoServices>;
  create(
    platform: PlatformPorts,
    deps: Pick<ModuleRegistry, Requires>,
  ): ModuleInstance<ModuleRegistry[Name], Services>;
}

/** Identity with the types inferred: `export const orgModule = defineModule({ name: 'org', … })`. */
export function defineModule<
  Name extends ModuleName,
  Requires extends ModuleName,
  Services,
  DemoAfter extends ModuleName = never,
  DemoServices = unknown,
>(
  definition: ModuleDefinition<Name, Requires, Services, DemoAfter, DemoServices>,
): ModuleDefinition<Name, Requires, Services, DemoAfter, DemoServices> {
  return definition;
}

/** A definition of any module, as the loader holds them in one list. */
export interface AnyModuleDefinition {
  name: string;
  requires: readonly string[];
  migrations: MigrationSet;
  permissions?: readonly PermissionGroup[];
  /** What it writes to the audit log, with labels (writing an undeclared event fails the tests). */
  auditEvents?: AuditEventSet;
  templates?: Record<string, NotificationTemplate>;
  recordTypes?: readonly RecordType[];
  demo?: {
    after?: readonly string[];
    seed: (services: any, seeded: any) => Promise<unknown>;
  };
  create(platform: PlatformPorts, deps: any): ModuleInstance<unknown, object>;
}
