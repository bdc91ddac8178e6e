import type { User } from '@concord/contracts';
import type { Db } from '../../db/index.js';
import { isInScope, type Scope } from '../access/index.js';
import { invalidReference } from '../http/index.js';
import * as repo from './org.repository.js';

/*
 * The checks user administration makes of what a user refers to (department, extra departments,
 * position: each within the caller's scope and the user's entity), and the user as the audit log
 * records it.
 */

/** The department, when it exists and lies in the scope (else 400 invalid reference). */
export async function departmentInScope(db: Db, scope: Scope, departmentId: string) {
  const department = await repo.findDepartment(db, departmentId);
  if (!department || !isInScope(scope, { entityId: department.entity_id, departmentId: department.id })) {
    throw invalidReference('department');
  }
  return department;
}

export async function assertExtraDepartments(db: Db, scope: Scope, ids: string[]) {
  const found = await repo.departmentsExist(db, [...new Set(ids)]);
  if (found.length !== new Set(ids).size) throw invalidReference('extra department');
  for (const d of found) {
    if (!isInScope(scope, { entityId: d.entity_id, departmentId: d.id }))
      throw invalidReference('extra department');
  }
}

export async function assertPosition(db: Db, positionId: string, entityId: string) {
  const position = await repo.findPosition(db, positionId);
  if (!position || position.entity_id !== entityId) throw invalidReference('position');
}

/** The user as the audit log records it: without the names and times the user's row does not hold. */
export function userSnapshot(user: User): Record<string, unknown> {
  const {
    roles: _r,
    entityName: _e,
    departmentName: _d,
    positionName: _p,
    lastLoginAt: _l,
    createdAt: _c,
    lockedUntil: _k,
    ...rest
  } = user;
  return rest;
}
