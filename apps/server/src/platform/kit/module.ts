import type { Kysely } from 'kysely';
import type { PermissionGroup } from '@concord/contracts';
import type { Database, Db, HeavyReads, MigrationSet, RollupDefinition } from '../../db/index.js';
// The kit names the types of what parts contribute from the files that define them, not through
// the parts' index.ts: each index exports its part's definition, built with the kit, and going
// through it would tie every part and the kit into one circle (type-only, but a circle to read).
import type { AuditEventSet } from '../audit/audit.events.js';
import type { FileReadGrant } from '../files/files.grants.js';
import type { RecordType, RequestContext, RouteDefinition } from '../http/index.js';
import type { Clock } from '../jobs/clock.js';
import type { JobDefinition, JobQueue } from '../jobs/job-queue.js';
import type { NotificationTemplate } from '../notifications/notifications.templates.js';
import type { ApprovalSubject } from '../workflow/workflow.subjects.js';

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
  /** Demo users must change the demo password at sign-in (Concord serves other machines). */
  demoPasswordsMustChange?: boolean;
  /** The audit chain's HMAC key (DATA_DIR/audit.key or AUDIT_KEY); a fixed development key when absent. */
  auditKey?: string;
  /** Where signed checkpoints of the audit chain's head are appended (outside the database). */
  auditCheckpointFile?: string;
}

/** What every module receives, whatever it requires: the database, the clock, settings, the system's own context. */
export interface PlatformPorts {
  db: Db;
  /** Where reads that may cover many rows run (off the event loop on SQLite), with a time budget. */
  heavyReads: HeavyReads;
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
  /** Sums per bucket its migrations create (ledger totals), checked against their sources every night. */
  rollups?: readonly RollupDefinition[];
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
  rollups?: readonly RollupDefinition[];
  demo?: {
    after?: readonly string[];
    seed: (services: any, seeded: any) => Promise<unknown>;
  };
  create(platform: PlatformPorts, deps: any): ModuleInstance<unknown, object>;
}

/** A module created by the loader: its definition and what its `create` returned. */
export interface LoadedModule {
  definition: AnyModuleDefinition;
  instance: ModuleInstance<unknown, object>;
}

// ---- demo seed steps ----

/**
 * What each module's demo step seeded, by module name, for the steps after it (entity ids by
 * code, user ids by username, ...). A module whose demo others read adds its entry where its demo
 * step is defined (`declare module '…/platform/kit/index.js' { interface DemoRegistry { … } }`).
 */
// biome-ignore lint/suspicious/noEmptyInterface: filled by declaration merging in each demo step.
export interface DemoRegistry {}

/** What a module's step leaves for later steps: its registry entry, or nothing. */
// biome-ignore lint/suspicious/noConfusingVoidType: a step that records nothing is an `async` function returning nothing.
export type DemoRecordOf<Name extends string> = Name extends keyof DemoRegistry ? DemoRegistry[Name] : void;

/**
 * The records of the modules a step comes after (only those: a step cannot read what it does not
 * wait for, so the compiler catches a step that would run before what it reads).
 */
export type DemoSeeded<After extends string> = { [Name in After & keyof DemoRegistry]: DemoRegistry[Name] };

/** What every demo step receives besides the services it names: the platform's own handles. */
export interface DemoPlatform {
  db: Kysely<Database>;
  clock: Clock;
  systemContext: (requestId?: string) => RequestContext;
  loaded: readonly LoadedModule[];
}

/** The use-case services a module definition's `create` returns, as a demo step names them. */
export type ServicesOf<Definition> = Definition extends { create(...args: any[]): { services: infer S } }
  ? S
  : never;

/**
 * A module's demo seed step. Steps run in the modules' dependency order when the demo is seeded
 * into an empty database; `after` names modules whose demo must come first although the module
 * does not require them at run time (the approvals demo acts as people whose roles IAM's demo
 * grants). `seed` writes through the services it names (validated and audited like any write),
 * reads what the steps of the modules it requires or comes after recorded, and returns its own
 * record for the steps after it. A property, not a method, so the compiler checks `seeded`
 * contravariantly: a step that reads a module it neither requires nor comes after does not compile.
 */
export interface DemoStep<Name extends string, Seen extends string, After extends ModuleName, Services> {
  after?: readonly After[];
  seed: (services: Services & DemoPlatform, seeded: DemoSeeded<NoInfer<Seen>>) => Promise<DemoRecordOf<Name>>;
}

/** Identity that keeps a step's `after` list literal (`defineDemo({ after: ['iam'], seed })`). */
export function defineDemo<
  const Step extends {
    after?: readonly ModuleName[];
    seed: (services: any, seeded: any) => Promise<unknown>;
  },
>(step: Step): Step {
  return step;
}
