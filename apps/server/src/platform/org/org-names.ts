import type { Db } from '../../db/index.js';
import * as repo from './org.repository.js';
import * as usersRepo from './users.repository.js';

/** The organisation's names as a list shows them beside every row. */
export interface OrgNames {
  entities(ids: readonly string[]): Promise<Map<string, { name: string; code: string }>>;
  departments(ids: readonly string[]): Promise<Map<string, { name: string; entityId: string }>>;
  userNames(ids: readonly string[]): Promise<Map<string, string>>;
  /** The group's root entity (the first entity without a parent), or null before the first start. */
  groupRootId(): Promise<string | null>;
}

interface EntityName {
  id: string;
  name: string;
  code: string;
  parentId: string | null;
}

/** One generation of cached names: everything read while the access stamp stood at `stamp`. */
interface Generation {
  stamp: number;
  /** Every entity, read at once: a group has tens of them, a page shows a few. */
  entities: Promise<EntityName[]> | null;
  departments: Map<string, { name: string; entityId: string }>;
  users: Map<string, string>;
}

/**
 * The names of entities, departments and users, cached in this process per access stamp. The stamp
 * is raised in the writing transaction by every write to those tables (the triggers of
 * `iam_access_stamp`) and read with the session at the start of each request, so a ledger page shows
 * its rows' names without a statement of its own, and a rename on any node is seen by every node at
 * its next request. A request that read an older stamp than the cache holds reads through (it may be
 * older than what is cached); one with a newer stamp starts a new generation.
 */
export class OrgNameCache {
  #generation: Generation = newGeneration(-1);

  constructor(
    private readonly db: Db,
    /** Departments or users kept per generation before it is started over. */
    private readonly capacity = 50_000,
  ) {}

  /** The names as of `stamp` (a request's access stamp); without one, read from the database. */
  at(stamp: number | undefined): OrgNames {
    if (stamp === undefined || stamp < 0) return readThrough(this.db);
    if (stamp > this.#generation.stamp) this.#generation = newGeneration(stamp);
    const generation = this.#generation;
    if (generation.stamp !== stamp) return readThrough(this.db);
    const entities = () => {
      // A failed read is not kept: the next request of this generation reads again.
      generation.entities ??= allEntities(this.db).catch((error: unknown) => {
        generation.entities = null;
        throw error;
      });
      return generation.entities;
    };
    return {
      entities: async (ids) => pick(await entities(), ids),
      groupRootId: async () => rootOf(await entities()),
      departments: (ids) =>
        this.filled(generation, generation.departments, ids, (missing) =>
          repo.departmentSummaries(this.db, missing),
        ),
      userNames: (ids) =>
        this.filled(generation, generation.users, ids, (missing) => usersRepo.userNames(this.db, missing)),
    };
  }

  /** The cached values of `ids`, the missing ones read in one batch and kept. */
  private async filled<T>(
    generation: Generation,
    cache: Map<string, T>,
    ids: readonly string[],
    read: (missing: string[]) => Promise<Map<string, T>>,
  ): Promise<Map<string, T>> {
    const answer = new Map<string, T>();
    const missing: string[] = [];
    for (const id of new Set(ids)) {
      const value = cache.get(id);
      if (value === undefined) missing.push(id);
      else answer.set(id, value);
    }
    if (!missing.length) return answer;
    const found = await read(missing);
    for (const [id, value] of found) answer.set(id, value);
    // A generation replaced meanwhile is not filled: its successor starts from what it reads.
    if (generation === this.#generation) {
      if (cache.size + found.size > this.capacity) cache.clear();
      for (const [id, value] of found) cache.set(id, value);
    }
    return answer;
  }
}

function newGeneration(stamp: number): Generation {
  return { stamp, entities: null, departments: new Map(), users: new Map() };
}

async function allEntities(db: Db): Promise<EntityName[]> {
  const rows = await repo.entityNames(db);
  return rows.map((r) => ({ id: r.id, name: r.name, code: r.code, parentId: r.parent_id }));
}

function pick(entities: EntityName[], ids: readonly string[]) {
  const wanted = new Set(ids);
  return new Map(entities.filter((e) => wanted.has(e.id)).map((e) => [e.id, { name: e.name, code: e.code }]));
}

/** `entityNames` reads in creation order: the first without a parent is the group's root. */
const rootOf = (entities: EntityName[]) => entities.find((e) => !e.parentId)?.id ?? null;

/** The same answers read from the database each time (a job's context, a stale request). */
function readThrough(db: Db): OrgNames {
  return {
    entities: async (ids) => pick(await allEntities(db), ids),
    groupRootId: async () => rootOf(await allEntities(db)),
    departments: (ids) => repo.departmentSummaries(db, ids),
    userNames: (ids) => usersRepo.userNames(db, ids),
  };
}
