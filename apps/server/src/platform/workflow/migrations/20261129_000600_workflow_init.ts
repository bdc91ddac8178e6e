import type { Kysely } from 'kysely';
import { columnTypes } from '../../../db/index.js';

export async function up(db: Kysely<any>): Promise<void> {
  const t = columnTypes(db);
  await db.schema
    .createTable('wf_definition')
    .addColumn('id', t.id, (c) => c.primaryKey())
    .addColumn('key', t.sortableText, (c) => c.notNull().unique())
    .addColumn('name', t.sortableText, (c) => c.notNull())
    .addColumn('business_type', 'text', (c) => c.notNull())
    .addColumn('entity_id', t.id, (c) => c.references('org_entity.id'))
    .addColumn('category', 'text')
    .addColumn('min_amount', t.money)
    .addColumn('max_amount', t.money)
    .addColumn('priority', 'integer', (c) => c.notNull())
    .addColumn('active', t.bool, (c) => c.notNull())
    .addColumn('draft_flow', t.json)
    .addColumn('current_version_id', t.id)
    .addColumn('created_at', t.instant, (c) => c.notNull())
    .addColumn('updated_at', t.instant, (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('wf_definition_binding')
    .on('wf_definition')
    .columns(['business_type', 'active'])
    .execute();

  // Immutable once published: running instances keep the version they started on.
  await db.schema
    .createTable('wf_definition_version')
    .addColumn('id', t.id, (c) => c.primaryKey())
    .addColumn('definition_id', t.id, (c) => c.notNull().references('wf_definition.id'))
    .addColumn('version', 'integer', (c) => c.notNull())
    .addColumn('flow', t.json, (c) => c.notNull())
    .addColumn('checksum', 'text', (c) => c.notNull())
    .addColumn('published_at', t.instant, (c) => c.notNull())
    .addColumn('published_by', t.id)
    .addUniqueConstraint('wf_definition_version_number', ['definition_id', 'version'])
    .execute();

  // The instance row is the lock every action takes; `state` holds the engine state (see ADR 0004),
  // the tables below are its queryable projections.
  await db.schema
    .createTable('wf_instance')
    .addColumn('id', t.id, (c) => c.primaryKey())
    .addColumn('definition_id', t.id, (c) => c.notNull().references('wf_definition.id'))
    .addColumn('version_id', t.id, (c) => c.notNull().references('wf_definition_version.id'))
    .addColumn('business_type', 'text', (c) => c.notNull())
    .addColumn('subject_id', 'text', (c) => c.notNull())
    .addColumn('entity_id', t.id, (c) => c.notNull().references('org_entity.id'))
    .addColumn('department_id', t.id)
    .addColumn('title', t.sortableText, (c) => c.notNull())
    .addColumn('initiator_id', t.id, (c) => c.notNull().references('org_user.id'))
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('lock_version', 'integer', (c) => c.notNull())
    .addColumn('state', t.json, (c) => c.notNull())
    .addColumn('submitted_at', t.instant)
    .addColumn('finished_at', t.instant)
    .addColumn('created_at', t.instant, (c) => c.notNull())
    .addColumn('updated_at', t.instant, (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('wf_instance_initiator')
    .on('wf_instance')
    .columns(['initiator_id', 'created_at'])
    .execute();
  await db.schema
    .createIndex('wf_instance_subject')
    .on('wf_instance')
    .columns(['business_type', 'subject_id'])
    .execute();

  await db.schema
    .createTable('wf_task')
    .addColumn('instance_id', t.id, (c) => c.notNull().references('wf_instance.id'))
    .addColumn('task_key', 'text', (c) => c.notNull())
    .addColumn('node_id', 'text', (c) => c.notNull())
    .addColumn('node_name', 'text', (c) => c.notNull())
    .addColumn('assignee_id', t.id, (c) => c.notNull())
    .addColumn('on_behalf_of', t.id)
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('open', t.bool, (c) => c.notNull())
    .addColumn('created_at', t.instant, (c) => c.notNull())
    .addColumn('decided_at', t.instant)
    .addPrimaryKeyConstraint('wf_task_pk', ['instance_id', 'task_key'])
    .execute();
  await db.schema
    .createIndex('wf_task_assignee')
    .on('wf_task')
    .columns(['assignee_id', 'open', 'created_at'])
    .execute();

  await db.schema
    .createTable('wf_cc')
    .addColumn('instance_id', t.id, (c) => c.notNull().references('wf_instance.id'))
    .addColumn('cc_key', 'text', (c) => c.notNull())
    .addColumn('user_id', t.id, (c) => c.notNull())
    .addColumn('created_at', t.instant, (c) => c.notNull())
    .addColumn('read_at', t.instant)
    .addPrimaryKeyConstraint('wf_cc_pk', ['instance_id', 'cc_key'])
    .execute();
  await db.schema.createIndex('wf_cc_user').on('wf_cc').columns(['user_id', 'created_at']).execute();

  await db.schema
    .createTable('wf_action_log')
    .addColumn('instance_id', t.id, (c) => c.notNull().references('wf_instance.id'))
    .addColumn('seq', 'integer', (c) => c.notNull())
    .addColumn('at', t.instant, (c) => c.notNull())
    .addColumn('action', 'text', (c) => c.notNull())
    .addColumn('reason_code', 'text', (c) => c.notNull())
    .addColumn('actor_id', 'text', (c) => c.notNull())
    .addColumn('on_behalf_of', t.id)
    .addColumn('node_id', 'text')
    .addColumn('task_key', 'text')
    .addColumn('comment', 'text')
    .addColumn('detail', t.json)
    .addColumn('request_id', 'text')
    .addPrimaryKeyConstraint('wf_action_log_pk', ['instance_id', 'seq'])
    .execute();

  // Idempotency: the answer to a request id is kept, so a retry gets the same answer and no second effect.
  await db.schema
    .createTable('wf_request')
    .addColumn('request_id', 'text', (c) => c.primaryKey())
    .addColumn('instance_id', t.id, (c) => c.notNull())
    .addColumn('actor_id', t.id, (c) => c.notNull())
    .addColumn('body_hash', 'text', (c) => c.notNull())
    .addColumn('created_at', t.instant, (c) => c.notNull())
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const table of [
    'wf_request',
    'wf_action_log',
    'wf_cc',
    'wf_task',
    'wf_instance',
    'wf_definition_version',
    'wf_definition',
  ]) {
    await db.schema.dropTable(table).execute();
  }
}
