import type { Grants, Scope } from '../access/index.js';
import type { AccessSubject } from '../org/index.js';

/** What a request's access context is built from, for one user acting in one entity. */
export interface CachedAccess {
  /** The access stamp it was read at: good while the database's stamp is the same. */
  stamp: number;
  user: AccessSubject;
  grants: Grants;
  /** Scopes resolved so far, by permission, shared by every request of this user and entity. */
  scopes: Map<string, Promise<Scope>>;
}

/**
 * Access contexts by (user, acting entity), kept in this process. An entry is used only while its
 * stamp equals the database's access stamp (read with the session, in the same statement), so a
 * change of roles, grants or the organisation on any node is seen by every node at its next request.
 * Bounded: the least recently used entry goes first.
 */
export class AccessCache {
  readonly #entries = new Map<string, CachedAccess>();

  constructor(private readonly capacity = 5_000) {}

  get(userId: string, entityId: string, stamp: number): CachedAccess | undefined {
    const key = `${userId}|${entityId}`;
    const entry = this.#entries.get(key);
    if (!entry) return undefined;
    this.#entries.delete(key);
    if (entry.stamp !== stamp) return undefined;
    // Re-inserted last: a Map iterates in insertion order, so the first key is the least recent.
    this.#entries.set(key, entry);
    return entry;
  }

  set(userId: string, entityId: string, entry: CachedAccess): void {
    const key = `${userId}|${entityId}`;
    this.#entries.delete(key);
    this.#entries.set(key, entry);
    if (this.#entries.size > this.capacity) {
      const oldest = this.#entries.keys().next().value;
      if (oldest !== undefined) this.#entries.delete(oldest);
    }
  }

  get size(): number {
    return this.#entries.size;
  }
}
