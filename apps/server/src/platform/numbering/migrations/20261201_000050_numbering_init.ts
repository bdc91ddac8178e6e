import type { Kysely } from 'kysely';
import { columnTypes } from '../../../db/index.js';

export async function up(db: Kysely<any>): Promise<void> {
  const t = columnTypes(db);
  await db.schema
    .createTable('numbering_rule')
    .addColumn('id', t.id, (c) => c.primaryKey())
    .addColumn('code', t.sortableText, (c) => c.notNull().unique())
    .addColumn('name', t.sortableText, (c) => c.notNull())
    .addColumn('pattern', 'text', (c) => c.notNull())
    .addColumn('prefix', 'text', (c) => c.notNull())
    .addColumn('seq_width', t.int, (c) => c.notNull())
    .addColumn('reset', 'text', (c) => c.notNull())
    .addColumn('active', t.bool, (c) => c.notNull())
    .addColumn('description', 'text')
    .addColumn('created_at', t.instant, (c) => c.notNull())
    .addColumn('updated_at', t.instant, (c) => c.notNull())
    .execute();
  // One row per rule, period and entity; `next` inserts it if missing, then increments it under a
  // row lock, so concurrent documents never share or skip a number.
  await db.schema
    .createTable('numbering_counter')
    .addColumn('rule_id', t.id, (c) => c.notNull().references('numbering_rule.id'))
    .addColumn('period_key', 'text', (c) => c.notNull())
    .addColumn('entity_code', 'text', (c) => c.notNull())
    .addColumn('value', t.bigint, (c) => c.notNull())
    .addPrimaryKeyConstraint('numbering_counter_pk', ['rule_id', 'period_key', 'entity_code'])
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('numbering_counter').execute();
  await db.schema.dropTable('numbering_rule').execute();
}
