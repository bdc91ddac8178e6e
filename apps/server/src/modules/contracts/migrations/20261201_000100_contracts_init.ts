import type { Kysely } from 'kysely';
import { columnTypes } from '../../../db/index.js';

export async function up(db: Kysely<any>): Promise<void> {
  const t = columnTypes(db);
  // One row per contract: the register and the ledger read it; the counterparty's name and credit
  // code are copied in, so the ledger lists and filters without reaching into the partners module.
  await db.schema
    .createTable('contract')
    .addColumn('id', t.id, (c) => c.primaryKey())
    .addColumn('number', t.sortableText, (c) => c.unique())
    .addColumn('name', t.sortableText, (c) => c.notNull())
    .addColumn('category_id', t.id, (c) => c.notNull().references('contract_category.id'))
    .addColumn('direction', 'text', (c) => c.notNull())
    .addColumn('partner_id', t.id, (c) => c.notNull())
    .addColumn('partner_name', t.sortableText, (c) => c.notNull())
    .addColumn('partner_credit_code', 'text')
    .addColumn('partner_bank', t.json)
    .addColumn('entity_id', t.id, (c) => c.notNull().references('org_entity.id'))
    .addColumn('department_id', t.id, (c) => c.notNull().references('org_department.id'))
    .addColumn('owner_id', t.id, (c) => c.notNull().references('org_user.id'))
    .addColumn('amount', t.money, (c) => c.notNull())
    .addColumn('tax_rate', t.int, (c) => c.notNull())
    .addColumn('tax_amount', t.money, (c) => c.notNull())
    .addColumn('signed_amount', t.money)
    .addColumn('current_amount', t.money, (c) => c.notNull())
    .addColumn('currency', 'text', (c) => c.notNull())
    .addColumn('sign_date', t.date)
    .addColumn('start_date', t.date)
    .addColumn('end_date', t.date)
    .addColumn('plan_line_id', t.id, (c) => c.references('contract_plan_line.id'))
    .addColumn('project_ref', 'text')
    .addColumn('budget_ref', 'text')
    .addColumn('body', 'text', (c) => c.notNull())
    .addColumn('attachments', t.json, (c) => c.notNull())
    .addColumn('custom_data', t.json, (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('version', t.int, (c) => c.notNull())
    .addColumn('instance_id', t.id)
    .addColumn('pending_change_id', t.id)
    .addColumn('status_reason', 'text')
    .addColumn('imported', t.bool, (c) => c.notNull())
    .addColumn('lock_version', t.int, (c) => c.notNull())
    .addColumn('created_by', t.id)
    .addColumn('created_at', t.instant, (c) => c.notNull())
    .addColumn('updated_at', t.instant, (c) => c.notNull())
    .execute();
  // Behind the ledger's filters and the scope condition (entity, department, owner).
  for (const [name, columns] of [
    ['contract_by_entity_status', ['entity_id', 'status']],
    ['contract_by_department', ['department_id']],
    ['contract_by_owner', ['owner_id']],
    ['contract_by_partner', ['partner_id']],
    ['contract_by_category', ['category_id']],
    ['contract_by_plan_line', ['plan_line_id']],
    ['contract_by_sign_date', ['sign_date']],
    ['contract_by_status_end', ['status', 'end_date']],
    ['contract_by_created', ['created_at', 'id']],
  ] as const) {
    await db.schema
      .createIndex(name)
      .on('contract')
      .columns([...columns])
      .execute();
  }

  // What the contract said at each submission, approval edit and change: never updated.
  await db.schema
    .createTable('contract_version')
    .addColumn('id', t.id, (c) => c.primaryKey())
    .addColumn('contract_id', t.id, (c) => c.notNull().references('contract.id'))
    .addColumn('version', t.int, (c) => c.notNull())
    .addColumn('reason', 'text', (c) => c.notNull())
    .addColumn('change_id', t.id)
    .addColumn('note', 'text')
    .addColumn('fields', t.json, (c) => c.notNull())
    .addColumn('body', 'text', (c) => c.notNull())
    .addColumn('attachments', t.json, (c) => c.notNull())
    .addColumn('created_by', t.id)
    .addColumn('created_at', t.instant, (c) => c.notNull())
    .addUniqueConstraint('contract_version_number', ['contract_id', 'version'])
    .execute();

  // Change orders (变更/补充协议): proposed values, approved through the engine.
  await db.schema
    .createTable('contract_change')
    .addColumn('id', t.id, (c) => c.primaryKey())
    .addColumn('contract_id', t.id, (c) => c.notNull().references('contract.id'))
    .addColumn('number', t.sortableText, (c) => c.notNull().unique())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('reason', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('proposed', t.json, (c) => c.notNull())
    .addColumn('before', t.json, (c) => c.notNull())
    .addColumn('instance_id', t.id)
    .addColumn('resulting_version', t.int)
    .addColumn('created_by', t.id, (c) => c.notNull().references('org_user.id'))
    .addColumn('created_at', t.instant, (c) => c.notNull())
    .addColumn('decided_at', t.instant)
    .execute();
  await db.schema
    .createIndex('contract_change_contract')
    .on('contract_change')
    .columns(['contract_id', 'created_at'])
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('contract_change').execute();
  await db.schema.dropTable('contract_version').execute();
  await db.schema.dropTable('contract').execute();
}
