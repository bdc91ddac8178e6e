import type { Locale, User } from '@concord/contracts';
import { type Db, readBool, readInstant } from '../../db/index.js';
import { notFound } from '../http/index.js';
import * as usersRepo from './users.repository.js';
import type { AccessSubject, IdentityPort } from './users.ports.js';

/**
 * The reads of users that other parts of the platform make (sign-in, the access context, names and
 * addresses for approvals and notifications), inside their own transactions: no access check,
 * unknown ids left out or answered 404. User administration (users.service.ts) builds on them.
 */
export class UserReads {
  constructor(protected readonly identity: IdentityPort) {}

  /** Internal read for sign-in and session building: no access check. */
  async loadUser(db: Db, id: string): Promise<User> {
    const row = await usersRepo.findUser(db, id);
    if (!row) throw notFound();
    return (await this.toUsers(db, [row]))[0];
  }

  /** Internal read of what an access context is built from (one statement). No access check. */
  async accessSubject(db: Db, id: string): Promise<AccessSubject> {
    const rows = await usersRepo.accessSubjectRows(db, id);
    const [row] = rows;
    if (!row) throw notFound();
    return {
      id: row.id,
      username: row.username,
      displayName: row.display_name,
      locale: row.locale as Locale,
      departmentId: row.department_id,
      extraDepartmentIds: rows.flatMap((r) => (r.extra_department_id ? [r.extra_department_id] : [])),
      active: readBool(row.active),
    };
  }

  /** Internal batch read (one query for the rows): unknown ids are left out. No access check. */
  async loadMany(db: Db, ids: string[]): Promise<User[]> {
    const unique = [...new Set(ids)];
    if (unique.length === 0) return [];
    const rows = await usersRepo.userQuery(db).where('u.id', 'in', unique).execute();
    return this.toUsers(db, rows);
  }

  /**
   * How to reach these users (address, language, whether active): what a notification needs, in
   * one read. loadMany would also read their roles, lockouts, entities and departments, four
   * statements more in every approval's transaction.
   */
  async contacts(
    db: Db,
    ids: string[],
  ): Promise<{ id: string; email: string | null; locale: User['locale']; active: boolean }[]> {
    const unique = [...new Set(ids)];
    if (unique.length === 0) return [];
    return (await usersRepo.userContacts(db, unique)).map((row) => ({
      id: row.id,
      email: row.email,
      locale: row.locale === 'en-US' ? 'en-US' : 'zh-CN',
      active: readBool(row.active),
    }));
  }

  protected async toUsers(db: Db, rows: usersRepo.UserRow[]): Promise<User[]> {
    const ids = rows.map((r) => r.id);
    const [extras, identities] = await Promise.all([
      usersRepo.extraDepartments(db, ids),
      this.identity.identityOf(db, ids),
    ]);
    return rows.map((row) => ({
      id: row.id,
      username: row.username,
      displayName: row.display_name,
      email: row.email,
      phone: row.phone,
      entityId: row.entity_id,
      entityName: row.entity_name,
      departmentId: row.department_id,
      departmentName: row.department_name,
      extraDepartmentIds: extras.get(row.id) ?? [],
      positionId: row.position_id,
      positionName: row.position_name ?? null,
      active: readBool(row.active),
      locale: row.locale === 'en-US' ? 'en-US' : 'zh-CN',
      lockedUntil: identities.get(row.id)?.lockedUntil ?? null,
      lastLoginAt: readInstant(row.last_login_at),
      createdAt: readInstant(row.created_at)!,
      roles: identities.get(row.id)?.roles ?? [],
    }));
  }
}
