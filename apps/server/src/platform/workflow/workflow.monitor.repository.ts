import { WF_COUNT_CAP } from '@concord/contracts';
import { sql } from 'kysely';
import { type Db, likePattern } from '../../db/index.js';
import { type Scope, withScope } from '../access/index.js';
import { applySort, fetchPage } from '../http/index.js';

/*
 * The administrator's view of waiting tasks (the approval monitor) and a leaver's tasks (the
 * handover when a user is disabled): the queries over tasks by assignee rather than by instance.
 */

/**
 * A user's tasks that still wait on them (their turn now, or later in a sequence) in running
 * approvals, newest first: what they hand over when they leave.
 */
function heldTasks(db: Db, userId: string) {
  return db
    .selectFrom('wf_task as t')
    .innerJoin('wf_instance as i', 'i.id', 't.instance_id')
    .where('t.assignee_id', '=', userId)
    .where('t.status', 'in', ['PENDING', 'WAIT'])
    .where('i.status', '=', 'RUNNING');
}

export async function heldTaskCount(db: Db, userId: string): Promise<number> {
  const row = await heldTasks(db, userId)
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirst();
  return Number(row?.n ?? 0);
}

export function heldTaskPage(db: Db, userId: string, limit: number) {
  return heldTasks(db, userId)
    .select(['t.task_key', 'i.id as instance_id', 'i.title', 't.node_name'])
    .orderBy('t.created_at', 'desc')
    .limit(limit)
    .execute();
}

/** The running approvals in which the user holds a task. */
export async function instancesWithHeldTasks(db: Db, userId: string): Promise<string[]> {
  const rows = await heldTasks(db, userId).select('i.id').distinct().execute();
  return rows.map((r) => r.id);
}

const pendingSortColumns = { createdAt: 't.created_at', title: 'i.title' };

/** Tasks waiting on someone in running approvals within the administrator's scope, paged in SQL. */
export function pendingTaskPage(
  db: Db,
  scope: Scope,
  filter: {
    q?: string;
    /** Only tasks of these users (one person, or the disabled ones). */
    assigneeIds?: string[];
    businessType?: string;
    sort?: string;
  },
  paging: { page: number; pageSize: number },
) {
  let query = db
    .selectFrom('wf_task as t')
    .innerJoin('wf_instance as i', 'i.id', 't.instance_id')
    .where('t.status', 'in', ['PENDING', 'WAIT'])
    .where('i.status', '=', 'RUNNING');
  query = withScope(query, scope, {
    entity: 'i.entity_id',
    department: 'i.department_id',
    owner: 'i.initiator_id',
  });
  if (filter.q)
    query = query.where(sql`lower(i.title)`, 'like', sql`${likePattern(filter.q.toLowerCase())} escape '\\'`);
  if (filter.assigneeIds) {
    if (filter.assigneeIds.length === 0) query = query.where(sql<boolean>`1 = 0`);
    else query = query.where('t.assignee_id', 'in', filter.assigneeIds);
  }
  if (filter.businessType) query = query.where('i.business_type', '=', filter.businessType);
  return fetchPage(
    applySort(
      query.select([
        'i.id as instance_id',
        't.task_key',
        'i.title',
        'i.business_type',
        't.node_name',
        't.assignee_id',
        't.status',
        't.created_at',
      ]),
      filter.sort,
      pendingSortColumns,
      { column: 't.created_at', direction: 'asc' },
      't.task_key',
    ),
    paging,
    (row) => row,
    { countCap: { db, cap: WF_COUNT_CAP } },
  );
}
