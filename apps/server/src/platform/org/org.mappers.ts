import type { Department, Entity, Position } from '@concord/contracts';
import { readBool, readInstant } from '../../db/index.js';
import type { DepartmentRow } from './org.repository.js';
import type { OrgEntityTable, OrgPositionTable } from './org.tables.js';

export const toEntity = (row: OrgEntityTable): Entity => ({
  id: row.id,
  parentId: row.parent_id,
  code: row.code,
  name: row.name,
  shortName: row.short_name,
  creditCode: row.credit_code,
  active: readBool(row.active),
  sortOrder: row.sort_order,
  createdAt: readInstant(row.created_at)!,
});

export const toDepartment = (row: DepartmentRow): Department => ({
  id: row.id,
  entityId: row.entity_id,
  parentId: row.parent_id,
  code: row.code,
  name: row.name,
  headUserId: row.head_user_id,
  headName: row.head_name ?? null,
  sortOrder: row.sort_order,
  memberCount: row.member_count ?? 0,
  createdAt: readInstant(row.created_at)!,
});

export const toPosition = (row: OrgPositionTable): Position => ({
  id: row.id,
  entityId: row.entity_id,
  code: row.code,
  name: row.name,
  createdAt: readInstant(row.created_at)!,
});

/** The audited snapshot of a row: the columns as stored, without bookkeeping timestamps. */
export function auditSnapshot<T extends object>(row: T): Record<string, unknown> {
  const { updated_at: _u, created_at: _c, ...rest } = row as Record<string, unknown>;
  for (const key of Object.keys(rest)) {
    if (key === 'active') rest[key] = readBool(rest[key]);
  }
  return rest;
}
