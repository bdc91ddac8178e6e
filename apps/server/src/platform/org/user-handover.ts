import type { HandoverTarget } from '@concord/contracts';
import type { Db } from '../../db/index.js';
import { AppError, type RequestContext } from '../http/index.js';

/**
 * Work a person holds that others must take over when they leave (离职交接): pending approvals now,
 * customers and collection duties once CRM exists. Each module that keeps such work registers one
 * kind; disabling a user lists it and hands it over in the same transaction, so nothing is left
 * waiting on someone who can no longer sign in. The organisation does not import the modules: they
 * register here when they are created.
 */
/**
 * Who takes over (the contracts' `handoverTargetSchema`): `supervisor` is the leaver's first
 * supervisor, else each item's own fallback (a flow's administrators); `admin` the administrators of
 * each item; `user` one named person.
 */
export type { HandoverTarget };

export interface OpenWorkItem {
  id: string;
  title: string;
  /** Where the item is seen in the web app. */
  link: string;
  detail: string | null;
}

export interface OpenWorkKind {
  /** Stable name, e.g. `approvalTasks`; the web app labels it. */
  kind: string;
  /** How many items the user holds and the first few (for the dialog before disabling). */
  openWork(db: Db, userId: string, limit: number): Promise<{ count: number; items: OpenWorkItem[] }>;
  /** Moves every item to the target, notifying the new holders; returns how many moved. */
  handOver(trx: Db, ctx: RequestContext, fromUserId: string, target: HandoverTarget): Promise<number>;
}

export class UserHandover {
  readonly #kinds: OpenWorkKind[] = [];

  register(kind: OpenWorkKind): void {
    if (this.#kinds.some((k) => k.kind === kind.kind))
      throw new Error(`open work ${kind.kind} registered twice`);
    this.#kinds.push(kind);
  }

  async openWork(db: Db, userId: string, limit = 20) {
    const found = [];
    for (const kind of this.#kinds) {
      const work = await kind.openWork(db, userId, limit);
      if (work.count > 0) found.push({ kind: kind.kind, ...work });
    }
    return found;
  }

  /**
   * Disabling a user: nothing to do when they hold nothing; refused (USER_HAS_OPEN_WORK) when they
   * hold work and no successor is named; else everything handed over. Returns what moved, by kind.
   */
  async beforeDisabling(
    trx: Db,
    ctx: RequestContext,
    userId: string,
    target: HandoverTarget | undefined,
    isActiveUser: (id: string) => Promise<boolean>,
  ) {
    const open = await this.openWork(trx, userId, 1);
    if (open.length === 0) return [];
    if (!target) {
      const detail = open.map((work) => `${work.kind}: ${work.count}`).join(', ');
      throw new AppError('USER_HAS_OPEN_WORK', { detail });
    }
    if (target.to === 'user' && (target.userId === userId || !(await isActiveUser(target.userId))))
      throw new AppError('HANDOVER_TARGET_INVALID');
    return this.handOver(trx, ctx, userId, target);
  }

  async handOver(trx: Db, ctx: RequestContext, fromUserId: string, target: HandoverTarget) {
    const moved: { kind: string; count: number }[] = [];
    for (const kind of this.#kinds) {
      const count = await kind.handOver(trx, ctx, fromUserId, target);
      if (count > 0) moved.push({ kind: kind.kind, count });
    }
    return moved;
  }
}
