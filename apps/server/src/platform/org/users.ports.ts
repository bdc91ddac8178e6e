import type { DataScope, Locale, RoleAssignment, User } from '@concord/contracts';
import type { Expression, SqlBool } from 'kysely';
import type { Db } from '../../db/index.js';

type UserRoles = User['roles'];

/**
 * What user administration needs from identity and rights. The IAM part of the platform implements
 * it; the organisation does not import IAM, so the dependency points one way.
 */
export interface IdentityPort {
  setPassword(trx: Db, userId: string, password: string): Promise<void>;
  endSessions(trx: Db, userId: string): Promise<void>;
  /** Lifts the sign-in blocks on a name (an administrator's password reset). */
  liftSignInBlocks(trx: Db, username: string): Promise<void>;
  /** Lifts the blocks and the account's lockout without changing the password (an administrator's unlock). */
  unlockSignIn(trx: Db, userId: string, username: string): Promise<void>;
  /** Roles held and a sign-in lockout, per user. */
  identityOf(
    db: Db,
    userIds: string[],
  ): Promise<Map<string, { roles: UserRoles; lockedUntil: string | null }>>;
  replaceRoles(trx: Db, userId: string, assignments: RoleAssignment[]): Promise<void>;
  /** `u.id IN (members of the role)`, to filter the user list by role. */
  roleMemberCondition(roleId: string): Expression<SqlBool>;
  /** What each role grants, so that nobody hands out more than they hold. Unknown ids are left out. */
  roleGrants(db: Db, roleIds: string[]): Promise<Map<string, RoleGrant>>;
}

export interface RoleGrant {
  permissions: string[];
  dataScope: DataScope;
  /** The targets of a `custom` scope. */
  entityIds: string[];
  departmentIds: string[];
}

/** What a request's access context is built from, of the user acting. */
export interface AccessSubject {
  id: string;
  username: string;
  displayName: string;
  locale: Locale;
  departmentId: string;
  extraDepartmentIds: string[];
  active: boolean;
}
