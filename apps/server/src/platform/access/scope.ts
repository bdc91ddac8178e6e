import type { DataScope } from '@concord/contracts';
import { type ExpressionBuilder, type SelectQueryBuilder, type SqlBool, sql } from 'kysely';

/** One role's contribution to what a user may see for one permission. */
export interface ScopeSpec {
  dataScope: DataScope;
  /** The entity in which the role is held: the anchor of `entity` and `entity_and_below`. */
  entityId: string;
  customEntityIds: string[];
  customDepartmentIds: string[];
}

/**
 * The resolved set of records a user may touch for one permission: a record is in scope when its
 * entity, its department or its owner is listed (or when `all` is set).
 */
export interface Scope {
  all: boolean;
  entityIds: ReadonlySet<string>;
  departmentIds: ReadonlySet<string>;
  userIds: ReadonlySet<string>;
}

/** Where a table keeps the three facts a scope is judged on. Unknown facts are `null`. */
export interface ScopeColumns {
  entity: string | null;
  department: string | null;
  owner: string | null;
  /**
   * Further departments a record belongs to, kept in a link table (a user's extra departments): the
   * record is in scope when one of them is. `record` is the record's id column in the query.
   */
  extraDepartments?: { record: string; table: string; recordColumn: string; departmentColumn: string };
}

/** What the scope resolver needs from the organisation; the org service implements it. */
export interface OrgTree {
  entityWithDescendants(entityIds: string[]): Promise<string[]>;
  departmentWithDescendants(departmentIds: string[]): Promise<string[]>;
}

export interface ScopeSubject {
  userId: string;
  departmentIds: string[];
}

export async function resolveScope(specs: ScopeSpec[], subject: ScopeSubject, tree: OrgTree): Promise<Scope> {
  const entityIds = new Set<string>();
  const departmentIds = new Set<string>();
  const userIds = new Set<string>();
  const entityRoots: string[] = [];
  const departmentRoots: string[] = [];
  for (const spec of specs) {
    switch (spec.dataScope) {
      case 'all':
        return { all: true, entityIds, departmentIds, userIds };
      case 'self':
        userIds.add(subject.userId);
        break;
      case 'department':
        for (const id of subject.departmentIds) departmentIds.add(id);
        break;
      case 'department_and_below':
        departmentRoots.push(...subject.departmentIds);
        break;
      case 'entity':
        entityIds.add(spec.entityId);
        break;
      case 'entity_and_below':
        entityRoots.push(spec.entityId);
        break;
      case 'custom':
        for (const id of spec.customEntityIds) entityIds.add(id);
        for (const id of spec.customDepartmentIds) departmentIds.add(id);
        break;
    }
  }
  if (entityRoots.length) for (const id of await tree.entityWithDescendants(entityRoots)) entityIds.add(id);
  if (departmentRoots.length) {
    for (const id of await tree.departmentWithDescendants(departmentRoots)) departmentIds.add(id);
  }
  return { all: false, entityIds, departmentIds, userIds };
}

/** The SQL condition for a scope: every repository list and lookup goes through this. */
export function scopeCondition(eb: ExpressionBuilder<any, any>, scope: Scope, columns: ScopeColumns) {
  if (scope.all) return sql<SqlBool>`1 = 1`;
  const alternatives = [];
  if (columns.entity && scope.entityIds.size)
    alternatives.push(eb(columns.entity, 'in', [...scope.entityIds]));
  if (columns.department && scope.departmentIds.size) {
    alternatives.push(eb(columns.department, 'in', [...scope.departmentIds]));
  }
  if (columns.owner && scope.userIds.size) alternatives.push(eb(columns.owner, 'in', [...scope.userIds]));
  const extra = columns.extraDepartments;
  if (extra && scope.departmentIds.size) {
    alternatives.push(
      eb(
        extra.record,
        'in',
        eb
          .selectFrom(extra.table)
          .select(extra.recordColumn)
          .where(extra.departmentColumn, 'in', [...scope.departmentIds]),
      ),
    );
  }
  return alternatives.length ? eb.or(alternatives) : sql<SqlBool>`1 = 0`;
}

export function withScope<DB, TB extends keyof DB, O>(
  query: SelectQueryBuilder<DB, TB, O>,
  scope: Scope,
  columns: ScopeColumns,
): SelectQueryBuilder<DB, TB, O> {
  return query.where((eb) => scopeCondition(eb as ExpressionBuilder<any, any>, scope, columns));
}

/** The same judgement for a record already in memory (e.g. the target of a create). */
export function isInScope(scope: Scope, record: ScopedRecord): boolean {
  if (scope.all) return true;
  return Boolean(
    (record.entityId && scope.entityIds.has(record.entityId)) ||
      (record.departmentId && scope.departmentIds.has(record.departmentId)) ||
      record.extraDepartmentIds?.some((id) => scope.departmentIds.has(id)) ||
      (record.ownerId && scope.userIds.has(record.ownerId)),
  );
}

/** The facts a scope judges a record on. */
export interface ScopedRecord {
  entityId?: string | null;
  departmentId?: string | null;
  extraDepartmentIds?: string[];
  ownerId?: string | null;
}
