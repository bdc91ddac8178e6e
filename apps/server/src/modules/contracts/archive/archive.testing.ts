/**
 * Test helpers of the archive, seal and reminder tests: contracts in a chosen status written
 * straight into the register's tables, so each test states exactly the contract it needs.
 */
import { randomUUID } from 'node:crypto';
import { newId, writeJson } from '../../../db/index.js';
import type { TestApp } from '../../../testing/test-app.js';

/** A contract category of its own with these reminder days (the tests must not depend on demo categories). */
export async function testCategory(
  app: TestApp,
  expiryReminderDays = 30,
): Promise<{ id: string; code: string }> {
  const db = app.services.db;
  const now = app.services.clock.now().toISOString();
  const id = newId();
  const code = `H4T-${randomUUID().slice(0, 8)}`;
  await db
    .insertInto('contract_category')
    .values({
      id,
      code,
      name: `测试类别 ${code}`,
      parent_id: null,
      direction: 'EXPENSE',
      direction_inherited: false,
      number_rule_id: null,
      flow_key: null,
      required_attachment_types: writeJson([]),
      fields: writeJson([]),
      expiry_reminder_days: expiryReminderDays,
      active: true,
      sort_order: 0,
      description: null,
      created_at: now,
      updated_at: now,
    })
    .execute();
  return { id, code };
}

export interface TestContractInput {
  entity: string;
  department: string;
  owner: string;
  status: string;
  categoryId: string;
  version?: number;
  endDate?: string | null;
  amount?: number;
  name?: string;
}

export async function testContract(app: TestApp, input: TestContractInput): Promise<string> {
  const db = app.services.db;
  const department = await app.given.departmentByCode(input.entity, input.department);
  const owner = await app.given.userByUsername(input.owner);
  const id = newId();
  const now = app.services.clock.now().toISOString();
  const amount = input.amount ?? 12_000_000;
  await db
    .insertInto('contract')
    .values({
      id,
      number: input.status === 'DRAFT' ? null : `H4-${randomUUID().slice(0, 8)}`,
      name: input.name ?? `测试合同 ${id.slice(-6)}`,
      category_id: input.categoryId,
      direction: 'EXPENSE',
      partner_id: newId(),
      partner_name: '上海测试供应商有限公司',
      partner_credit_code: null,
      partner_bank: null,
      entity_id: department.entityId,
      department_id: department.id,
      owner_id: owner.id,
      amount,
      tax_rate: 1300,
      tax_amount: 1_380_531,
      signed_amount: ['IN_FORCE', 'COMPLETED', 'TERMINATED'].includes(input.status) ? amount : null,
      current_amount: amount,
      currency: 'CNY',
      sign_date: '2026-01-10',
      start_date: '2026-01-10',
      end_date: input.endDate === undefined ? '2026-12-31' : input.endDate,
      plan_line_id: null,
      project_ref: null,
      budget_ref: null,
      body: '第一条 测试条款',
      attachments: writeJson([]),
      custom_data: writeJson({}),
      status: input.status,
      version: input.version ?? (input.status === 'DRAFT' ? 0 : 1),
      instance_id: null,
      pending_change_id: null,
      status_reason: null,
      imported: false,
      lock_version: 0,
      created_by: owner.id,
      created_at: now,
      updated_at: now,
    })
    .execute();
  return id;
}

/** Sets a contract's columns directly (a status reached elsewhere, a new version, a new end date). */
export async function patchContract(app: TestApp, id: string, patch: Record<string, unknown>): Promise<void> {
  await app.services.db.updateTable('contract').set(patch).where('id', '=', id).execute();
}

/** A user holding a role with these permissions over one entity (entity data scope). */
export async function userWith(
  app: TestApp,
  input: { entity: string; department: string; permissions: string[]; dataScope?: 'entity' | 'self' },
) {
  const role = await app.given.role({
    permissions: input.permissions,
    dataScope: input.dataScope ?? 'entity',
  });
  const department = await app.given.departmentByCode(input.entity, input.department);
  const user = await app.given.user({ departmentId: department.id, roles: [{ roleId: role.id }] });
  return { ...user, client: await app.login(user.username, user.password) };
}
