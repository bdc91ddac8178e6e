import type { Kysely } from 'kysely';
import type { Database } from '../../db/index.js';
import type { RequestContext } from '../http/index.js';
import type { Clock } from '../jobs/index.js';
import type { LoadedModule } from './load-modules.js';
import type { ModuleName } from './module.js';

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
