import type { PermissionCode } from '@concord/contracts';
import { AppError } from '../http/errors.js';
import {
  isInScope,
  type OrgTree,
  resolveScope,
  type Scope,
  type ScopedRecord,
  type ScopeSpec,
  type ScopeSubject,
} from './scope.js';

/** Permission code → the scopes of every role (held in the acting entity) that grants it. */
export type Grants = Map<string, ScopeSpec[]>;

/**
 * The access check every service method starts with: `require` refuses a missing permission with
 * 403 and otherwise returns the data scope to apply to the method's queries.
 */
export class AccessControl {
  readonly #resolved: Map<string, Promise<Scope>>;

  /**
   * `resolved` holds the scopes resolved so far by permission: a fresh map per request by default,
   * or one shared by every request of a cached access context (resolved once per access stamp).
   */
  constructor(
    private readonly grants: Grants | 'system',
    private readonly subject: ScopeSubject,
    private readonly tree: OrgTree,
    resolved: Map<string, Promise<Scope>> = new Map(),
  ) {
    this.#resolved = resolved;
  }

  permissions(): string[] {
    return this.grants === 'system' ? [] : [...this.grants.keys()].sort();
  }

  has(permission: PermissionCode | string): boolean {
    return this.grants === 'system' || this.grants.has(permission);
  }

  async require(permission: PermissionCode | string): Promise<Scope> {
    if (this.grants === 'system') return ALL_SCOPE;
    const specs = this.grants.get(permission);
    if (!specs) throw new AppError('FORBIDDEN');
    let scope = this.#resolved.get(permission);
    if (!scope) {
      scope = resolveScope(specs, this.subject, this.tree);
      this.#resolved.set(permission, scope);
      // A failed resolution (the database was away) is not kept for the next request.
      scope.catch(() => this.#resolved.delete(permission));
    }
    return scope;
  }

  /** Refuses with 404 (not 403) so that out-of-scope records are indistinguishable from missing ones. */
  static assertVisible(scope: Scope, record: ScopedRecord): void {
    if (!isInScope(scope, record)) throw new AppError('NOT_FOUND');
  }
}

export const ALL_SCOPE: Scope = {
  all: true,
  entityIds: new Set(),
  departmentIds: new Set(),
  userIds: new Set(),
};
