import type { Kysely } from 'kysely';
import { columnTypes } from '../../../db/index.js';

export async function up(db: Kysely<any>): Promise<void> {
  const t = columnTypes(db);
  // The group-wide category tree (合同类别). `direction` is the effective one (a child without its
  // own inherits the parent's, kept up to date on every write), so readers need no tree walk.
  await db.schema
    .createTable('contract_category')
    .addColumn('id', t.id, (c) => c.primaryKey())
    .addColumn('code', t.sortableText, (c) => c.notNull().unique())
    .addColumn('name', t.sortableText, (c) => c.notNull())
    .addColumn('parent_id', t.id, (c) => c.references('contract_category.id'))
    .addColumn('direction', 'text', (c) => c.notNull())
    .addColumn('direction_inherited', t.bool, (c) => c.notNull())
    // A rule of the platform's numbering service; checked through its service, not a foreign key.
    .addColumn('number_rule_id', t.id)
    .addColumn('flow_key', 'text')
    .addColumn('required_attachment_types', t.json, (c) => c.notNull())
    .addColumn('fields', t.json, (c) => c.notNull())
    .addColumn('expiry_reminder_days', t.int, (c) => c.notNull())
    .addColumn('active', t.bool, (c) => c.notNull())
    .addColumn('sort_order', t.int, (c) => c.notNull())
    .addColumn('description', 'text')
    .addColumn('created_at', t.instant, (c) => c.notNull())
    .addColumn('updated_at', t.instant, (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('contract_category_parent')
    .on('contract_category')
    .column('parent_id')
    .execute();

  // Yearly plan lines (合同规划) that contracts are signed against.
  await db.schema
    .createTable('contract_plan_line')
    .addColumn('id', t.id, (c) => c.primaryKey())
    .addColumn('year', t.int, (c) => c.notNull())
    .addColumn('entity_id', t.id, (c) => c.notNull().references('org_entity.id'))
    .addColumn('department_id', t.id, (c) => c.notNull().references('org_department.id'))
    .addColumn('project_ref', 'text')
    .addColumn('category_id', t.id, (c) => c.references('contract_category.id'))
    .addColumn('direction', 'text', (c) => c.notNull())
    .addColumn('name', t.sortableText, (c) => c.notNull())
    .addColumn('planned_amount', t.money, (c) => c.notNull())
    .addColumn('currency', 'text', (c) => c.notNull())
    .addColumn('note', 'text')
    .addColumn('lock_version', t.int, (c) => c.notNull())
    .addColumn('created_by', t.id)
    .addColumn('created_at', t.instant, (c) => c.notNull())
    .addColumn('updated_at', t.instant, (c) => c.notNull())
    .execute();
  // Behind the list's and the report's filters (year with entity or department, category) and scope.
  for (const [name, columns] of [
    ['contract_plan_line_entity_year', ['entity_id', 'year']],
    ['contract_plan_line_department_year', ['department_id', 'year']],
    ['contract_plan_line_year_name', ['year', 'name']],
    ['contract_plan_line_category', ['category_id']],
  ] as const) {
    await db.schema
      .createIndex(name)
      .on('contract_plan_line')
      .columns([...columns])
      .execute();
  }
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('contract_plan_line').execute();
  await db.schema.dropTable('contract_category').execute();
}
