import { type ExpressionBuilder, sql } from 'kysely';
import { type Db, likePattern } from '../../db/index.js';
import { type Scope, scopeCondition } from '../access/index.js';
import type { FormDefinitionTable } from './forms.tables.js';

/** Group-wide forms (no entity) are visible to everyone who may view forms at all. */
export function visibleDefinitions(
  db: Db,
  scope: Scope,
  filter: { q?: string; entityId?: string; active?: boolean },
) {
  let query = db
    .selectFrom('form_definition as f')
    .selectAll('f')
    .where((eb) =>
      eb.or([
        eb('f.entity_id', 'is', null),
        scopeCondition(eb as never, scope, { entity: 'f.entity_id', department: null, owner: null }),
      ]),
    );
  if (filter.entityId) query = query.where('f.entity_id', '=', filter.entityId);
  if (filter.active !== undefined) query = query.where('f.active', '=', filter.active);
  if (filter.q) {
    query = query.where((eb) => matches(eb as never, filter.q!));
  }
  return query;
}

/** Active forms offered in one entity: the group's and the entity's own. */
export function availableDefinitions(db: Db, entityId: string, q?: string) {
  let query = db
    .selectFrom('form_definition as f')
    .selectAll('f')
    .where('f.active', '=', true)
    .where((eb) => eb.or([eb('f.entity_id', 'is', null), eb('f.entity_id', '=', entityId)]));
  if (q) {
    query = query.where((eb) => matches(eb as never, q));
  }
  return query;
}

export function findDefinition(db: Db, id: string): Promise<FormDefinitionTable | undefined> {
  return db.selectFrom('form_definition').selectAll().where('id', '=', id).executeTakeFirst();
}

export function findDefinitionByCode(db: Db, code: string): Promise<FormDefinitionTable | undefined> {
  return db.selectFrom('form_definition').selectAll().where('code', '=', code).executeTakeFirst();
}

export async function insertDefinition(db: Db, row: FormDefinitionTable): Promise<void> {
  await db.insertInto('form_definition').values(row).execute();
}

export async function updateDefinition(
  db: Db,
  id: string,
  patch: Partial<FormDefinitionTable>,
): Promise<void> {
  await db.updateTable('form_definition').set(patch).where('id', '=', id).execute();
}

export async function deleteDefinition(db: Db, id: string): Promise<void> {
  await db.deleteFrom('form_definition').where('id', '=', id).execute();
}

function matches<DB, TB extends keyof DB>(eb: ExpressionBuilder<DB, TB>, q: string) {
  const pattern = sql`${likePattern(q.toLowerCase())} escape '\\'`;
  return eb.or([eb(sql`lower(f.name)`, 'like', pattern), eb(sql`lower(f.code)`, 'like', pattern)]);
}
