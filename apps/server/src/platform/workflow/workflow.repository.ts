import { type Page, WF_COUNT_CAP } from '@concord/contracts';
import { type SelectQueryBuilder, sql } from 'kysely';
import { countUpTo, type Db, isPostgres, likePattern, readBool, writeJson } from '../../db/index.js';
import { applySort, fetchPage } from '../http/index.js';
import type {
  WfActionLogTable,
  WfCcTable,
  WfDefinitionTable,
  WfDefinitionVersionTable,
  WfInstanceTable,
  WfTaskTable,
  WorkflowTables,
} from './workflow.tables.js';

// ---------------------------------------------------------------- definitions
export const listDefinitions = (db: Db) =>
  db
    .selectFrom('wf_definition')
    .selectAll()
    .orderBy('business_type')
    .orderBy('priority', 'desc')
    .orderBy('key')
    .execute();

export const findDefinition = (db: Db, id: string) =>
  db.selectFrom('wf_definition').selectAll().where('id', '=', id).executeTakeFirst();

export const findDefinitionByKey = (db: Db, key: string) =>
  db.selectFrom('wf_definition').select('id').where('key', '=', key).executeTakeFirst();

/** The active, published definition with this key (a sub-process node's child flow), if any. */
export const findPublishedByKey = (db: Db, key: string) =>
  db
    .selectFrom('wf_definition')
    .selectAll()
    .where('key', '=', key)
    .where('active', '=', true)
    .where('current_version_id', 'is not', null)
    .executeTakeFirst();

export async function insertDefinition(db: Db, row: WfDefinitionTable): Promise<void> {
  await db.insertInto('wf_definition').values(row).execute();
}

export async function updateDefinition(db: Db, id: string, patch: Partial<WfDefinitionTable>): Promise<void> {
  await db.updateTable('wf_definition').set(patch).where('id', '=', id).execute();
}

export const versionsOf = (db: Db, definitionId: string) =>
  db
    .selectFrom('wf_definition_version')
    .select(['id', 'version', 'published_at', 'published_by', 'checksum'])
    .where('definition_id', '=', definitionId)
    .orderBy('version', 'desc')
    .execute();

export const findVersion = (db: Db, id: string) =>
  db.selectFrom('wf_definition_version').selectAll().where('id', '=', id).executeTakeFirst();

export async function insertVersion(db: Db, row: WfDefinitionVersionTable): Promise<void> {
  await db.insertInto('wf_definition_version').values(row).execute();
}

/** What a definition's binding is matched against. */
export interface MatchedDocument {
  businessType: string;
  entityId: string;
  amount: number | null;
  currency: string;
  category: string | null;
}

/**
 * Active, published definitions bound to a business type whose conditions the document meets,
 * best first: an entity-specific binding before a group-wide one, then by priority. An amount range
 * holds only for an amount of its own currency (ADR 0007); a definition without a range takes any.
 */
export async function matchingDefinitions(db: Db, document: MatchedDocument): Promise<WfDefinitionTable[]> {
  let query = db
    .selectFrom('wf_definition')
    .selectAll()
    .where('business_type', '=', document.businessType)
    .where('active', '=', true)
    .where('current_version_id', 'is not', null)
    .where((eb) => eb.or([eb('entity_id', 'is', null), eb('entity_id', '=', document.entityId)]))
    .where((eb) =>
      document.category
        ? eb.or([eb('category', 'is', null), eb('category', '=', document.category)])
        : eb('category', 'is', null),
    );
  if (document.amount !== null) {
    const { amount, currency } = document;
    query = query.where((eb) =>
      eb.or([
        eb.and([eb('min_amount', 'is', null), eb('max_amount', 'is', null)]),
        eb.and([
          eb('amount_currency', '=', currency),
          eb.or([eb('min_amount', 'is', null), eb('min_amount', '<=', amount)]),
          eb.or([eb('max_amount', 'is', null), eb('max_amount', '>=', amount)]),
        ]),
      ]),
    );
  }
  const rows = await query.execute();
  return rows.sort(
    (a, b) => Number(b.entity_id !== null) - Number(a.entity_id !== null) || b.priority - a.priority,
  );
}

// ---------------------------------------------------------------- instances
export async function insertInstance(db: Db, row: WfInstanceTable): Promise<void> {
  await db
    .insertInto('wf_instance')
    .values({ ...row, state: writeJson(row.state) })
    .execute();
}

/** The instance row, locked for the rest of the transaction: every action on it queues here. */
export async function lockInstance(db: Db, id: string): Promise<WfInstanceTable | undefined> {
  let query = db.selectFrom('wf_instance').selectAll().where('id', '=', id);
  if (isPostgres(db)) query = query.forUpdate();
  return query.executeTakeFirst();
}

/** The titles of instances by id (the audit log's recent records name approvals by them). */
export async function instanceTitles(db: Db, ids: string[]): Promise<Map<string, string>> {
  if (!ids.length) return new Map();
  const rows = await db.selectFrom('wf_instance').select(['id', 'title']).where('id', 'in', ids).execute();
  return new Map(rows.map((r) => [r.id, r.title]));
}

export const findInstance = (db: Db, id: string) =>
  db.selectFrom('wf_instance').selectAll().where('id', '=', id).executeTakeFirst();

export async function saveInstance(
  db: Db,
  id: string,
  patch: Pick<
    WfInstanceTable,
    'status' | 'lock_version' | 'state' | 'submitted_at' | 'finished_at' | 'updated_at'
  >,
  expectedLockVersion: number,
): Promise<boolean> {
  const result = await db
    .updateTable('wf_instance')
    .set({ ...patch, state: writeJson(patch.state) })
    .where('id', '=', id)
    .where('lock_version', '=', expectedLockVersion)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

export async function upsertTasks(db: Db, rows: WfTaskTable[]): Promise<void> {
  for (const row of rows) {
    await db
      .insertInto('wf_task')
      .values(row)
      .onConflict((oc) =>
        oc.columns(['instance_id', 'task_key']).doUpdateSet({
          assignee_id: row.assignee_id,
          on_behalf_of: row.on_behalf_of,
          status: row.status,
          open: row.open,
          decided_at: row.decided_at,
        }),
      )
      .execute();
  }
}

export async function upsertCcs(db: Db, rows: WfCcTable[]): Promise<void> {
  for (const row of rows) {
    await db
      .insertInto('wf_cc')
      .values(row)
      .onConflict((oc) => oc.columns(['instance_id', 'cc_key']).doNothing())
      .execute();
  }
}

export async function markCcRead(db: Db, instanceId: string, userId: string, at: string): Promise<void> {
  await db
    .updateTable('wf_cc')
    .set({ read_at: at })
    .where('instance_id', '=', instanceId)
    .where('user_id', '=', userId)
    .where('read_at', 'is', null)
    .execute();
}

export async function appendLog(db: Db, rows: WfActionLogTable[]): Promise<void> {
  if (rows.length)
    await db
      .insertInto('wf_action_log')
      .values(rows.map((r) => ({ ...r, detail: writeJson(r.detail) })))
      .execute();
}

export const findRequest = (db: Db, requestId: string) =>
  db.selectFrom('wf_request').selectAll().where('request_id', '=', requestId).executeTakeFirst();

export async function insertRequest(db: Db, row: WorkflowTables['wf_request']): Promise<void> {
  await db.insertInto('wf_request').values(row).execute();
}

export async function isParticipant(db: Db, instanceId: string, userId: string): Promise<boolean> {
  const task = await db
    .selectFrom('wf_task')
    .select('task_key')
    .where('instance_id', '=', instanceId)
    .where((eb) => eb.or([eb('assignee_id', '=', userId), eb('on_behalf_of', '=', userId)]))
    .executeTakeFirst();
  if (task) return true;
  const cc = await db
    .selectFrom('wf_cc')
    .select('cc_key')
    .where('instance_id', '=', instanceId)
    .where('user_id', '=', userId)
    .executeTakeFirst();
  return !!cc;
}

// ---------------------------------------------------------------- the approval centre
export type CentreRow = {
  instance_id: string;
  task_key: string | null;
  title: string;
  business_type: string;
  initiator_id: string;
  status: string;
  node_name: string | null;
  task_status: string | null;
  submitted_at: string | null;
  at: string;
  read_at: string | null;
};

export interface CentreFilter {
  q?: string;
  status?: string;
  businessType?: string;
}

/**
 * One page of an approval-centre tab. todo: my open tasks; done: tasks I decided; initiated: my
 * instances; cc: copies sent to me. Each tab is its own typed query; the filter applies to the
 * instance before the tab joins its rows. Counted and paged up to WF_COUNT_CAP rows, like the tab
 * counts: a tab holds a person's whole history (the group GM's done tab at tier L: 221,196 tasks).
 */
export function centrePage(
  db: Db,
  tab: 'todo' | 'done' | 'initiated' | 'cc',
  userId: string,
  filter: CentreFilter,
  paging: { page: number; pageSize: number },
): Promise<Page<CentreRow>> {
  let base = db.selectFrom('wf_instance as i');
  if (filter.q)
    base = base.where(sql`lower(i.title)`, 'like', sql`${likePattern(filter.q.toLowerCase())} escape '\\'`);
  if (filter.status) base = base.where('i.status', '=', filter.status);
  if (filter.businessType) base = base.where('i.business_type', '=', filter.businessType);
  const page = <DB, TB extends keyof DB, O extends CentreRow>(query: SelectQueryBuilder<DB, TB, O>) =>
    fetchPage(
      applySort(query, undefined, {}, { column: 'at', direction: 'desc' }, 'instance_id'),
      paging,
      (row): CentreRow => row,
      { countCap: { db, cap: WF_COUNT_CAP } },
    );
  if (tab === 'todo' || tab === 'done') {
    return page(
      base
        .innerJoin('wf_task as t', 't.instance_id', 'i.id')
        .where('t.assignee_id', '=', userId)
        .where('t.open', '=', tab === 'todo')
        .$if(tab === 'done', (q) =>
          q.where('t.status', 'not in', ['CANCELED', 'TRANSFERRED', 'SKIPPED', 'WAIT']),
        )
        .select([
          'i.id as instance_id',
          't.task_key as task_key',
          'i.title',
          'i.business_type',
          'i.initiator_id',
          'i.status',
          't.node_name as node_name',
          't.status as task_status',
          'i.submitted_at',
          sql<null>`null`.as('read_at'),
        ])
        .select(sql<string>`${sql.ref(tab === 'todo' ? 't.created_at' : 't.decided_at')}`.as('at')),
    );
  }
  if (tab === 'initiated') {
    return page(
      base
        .where('i.initiator_id', '=', userId)
        .select([
          'i.id as instance_id',
          sql<null>`null`.as('task_key'),
          'i.title',
          'i.business_type',
          'i.initiator_id',
          'i.status',
          sql<null>`null`.as('node_name'),
          sql<null>`null`.as('task_status'),
          'i.submitted_at',
          'i.created_at as at',
          sql<null>`null`.as('read_at'),
        ]),
    );
  }
  return page(
    base
      .innerJoin('wf_cc as c', 'c.instance_id', 'i.id')
      .where('c.user_id', '=', userId)
      .select([
        'i.id as instance_id',
        sql<null>`null`.as('task_key'),
        'i.title',
        'i.business_type',
        'i.initiator_id',
        'i.status',
        sql<null>`null`.as('node_name'),
        sql<null>`null`.as('task_status'),
        'i.submitted_at',
        'c.created_at as at',
        'c.read_at as read_at',
      ]),
  );
}

/**
 * The four tab counts, each stopped at WF_COUNT_CAP + 1 (`countUpTo`): a request reads at most that
 * many index entries per count however long the user's history is.
 */
export async function centreCounts(db: Db, userId: string) {
  const upToCap = (rows: Parameters<typeof countUpTo>[1]) => countUpTo(db, rows, WF_COUNT_CAP);
  const [todo, done, initiated, cc] = await Promise.all([
    upToCap(db.selectFrom('wf_task').where('assignee_id', '=', userId).where('open', '=', true)),
    upToCap(
      db
        .selectFrom('wf_task')
        .where('assignee_id', '=', userId)
        .where('open', '=', false)
        .where('status', 'not in', ['CANCELED', 'TRANSFERRED', 'SKIPPED', 'WAIT']),
    ),
    upToCap(db.selectFrom('wf_instance').where('initiator_id', '=', userId)),
    upToCap(db.selectFrom('wf_cc').where('user_id', '=', userId).where('read_at', 'is', null)),
  ]);
  return { todo, done, initiated, cc };
}

export const readActive = (v: unknown) => readBool(v);

/**
 * Whether the user takes part in (initiated, has a task on, or is copied on) an approval whose form
 * or action history mentions the file: then they may read it. The participant filter comes first so
 * the text search only runs over the user's own approvals.
 */
export async function participatesWithFile(db: Db, userId: string, fileId: string): Promise<boolean> {
  const mention = `%${fileId}%`;
  const row = await db
    .selectFrom('wf_instance as i')
    .select('i.id')
    .where((eb) =>
      eb.or([
        eb('i.initiator_id', '=', userId),
        eb('i.id', 'in', eb.selectFrom('wf_task').select('instance_id').where('assignee_id', '=', userId)),
        eb('i.id', 'in', eb.selectFrom('wf_cc').select('instance_id').where('user_id', '=', userId)),
      ]),
    )
    .where((eb) =>
      eb.or([
        eb(sql`cast(i.state as text)`, 'like', mention),
        eb(
          'i.id',
          'in',
          eb
            .selectFrom('wf_action_log')
            .select('instance_id')
            .where(sql`cast(detail as text)`, 'like', mention),
        ),
      ]),
    )
    .limit(1)
    .executeTakeFirst();
  return !!row;
}
