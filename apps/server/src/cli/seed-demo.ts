import { Readable } from 'node:stream';
import { builtInRoles, declaredPermissionGroups } from '../platform/iam/index.js';
import type { Services } from '../app.js';
import { seedDemoApprovals } from './demo-approvals.js';
import { seedContractArchive } from './demo-contract-archive.js';
import { seedContractInvoices } from './demo-invoices.js';
import { seedContractClosing } from './demo-contract-closing.js';
import { seedContractDeliveries } from './demo-contract-deliveries.js';
import { seedContractPayments } from './demo-contract-payments.js';
import { seedContractSchedule } from './demo-contract-schedule.js';
import { seedContractSetup } from './demo-contract-setup.js';
import { seedDemoContracts } from './demo-contracts.js';
import { seedDemoPartners } from './demo-partners.js';
import { DEMO_PASSWORD } from './demo-data.js';
import { demoForms } from './demo-forms.js';
import { demoEntities, demoPositions, demoUsers } from './demo-org.js';

/** True when the database has no organisation yet (a first start). */
export async function isEmpty(services: Services): Promise<boolean> {
  return services.org.isEmpty();
}

/**
 * Creates the demo group through the same services the API uses, so every row is validated and
 * audited like any other write.
 */
export async function seedDemo(services: Services): Promise<void> {
  const ctx = services.systemContext('seed-demo');
  const { org, users, roles, db } = services;

  const roleIds = new Map<string, string>();
  await db.transaction().execute(async (trx) => {
    for (const role of builtInRoles(declaredPermissionGroups(services.loaded)))
      roleIds.set(role.code, await roles.ensureBuiltIn(trx, ctx, role));
  });

  const entityIds = new Map<string, string>();
  const departmentIds = new Map<string, string>();
  const positionIds = new Map<string, string>();
  for (const [index, entity] of demoEntities.entries()) {
    let entityId: string;
    if (entity.parent === null) {
      entityId = (
        await org.createRootEntity(ctx, {
          code: entity.code,
          name: entity.name,
          shortName: entity.shortName,
          creditCode: entity.creditCode,
        })
      ).id;
    } else {
      entityId = (
        await org.createEntity(ctx, {
          parentId: entityIds.get(entity.parent)!,
          code: entity.code,
          name: entity.name,
          shortName: entity.shortName,
          creditCode: entity.creditCode,
          sortOrder: index,
        })
      ).id;
    }
    entityIds.set(entity.code, entityId);
    for (const [order, department] of entity.departments.entries()) {
      const created = await org.createDepartment(ctx, {
        entityId,
        parentId: department.parent ? departmentIds.get(`${entity.code}/${department.parent}`)! : null,
        code: department.code,
        name: department.name,
        headUserId: null,
        sortOrder: order,
      });
      departmentIds.set(`${entity.code}/${department.code}`, created.id);
    }
    for (const position of demoPositions) {
      const created = await services.positions.create(ctx, {
        entityId,
        code: position.code,
        name: position.name,
      });
      positionIds.set(`${entity.code}/${position.code}`, created.id);
    }
  }

  const usersByEntity = new Map<string, string[]>();
  for (const user of demoUsers) {
    const departmentId = departmentIds.get(`${user.entity}/${user.department}`)!;
    const created = await users.create(ctx, {
      username: user.username,
      displayName: user.displayName,
      email: `${user.username}@concord.example`,
      departmentId,
      extraDepartmentIds: [],
      positionId: positionIds.get(`${user.entity}/${user.position}`) ?? null,
      password: DEMO_PASSWORD,
      locale: user.locale ?? 'zh-CN',
    });
    const entityId = entityIds.get(user.entity)!;
    usersByEntity.set(entityId, [...(usersByEntity.get(entityId) ?? []), created.id]);
    await services.userRoles.setRoles(
      ctx,
      created.id,
      user.roles.map((code) => ({ roleId: roleIds.get(code)!, entityId })),
    );
    if (user.head) await org.updateDepartment(ctx, departmentId, { headUserId: created.id });
  }
  // The group's administrator also administers each subsidiary, to show the entity switcher.
  const admin = await users.findByUsername('admin');
  if (admin) {
    await services.userRoles.setRoles(
      ctx,
      admin.id,
      [...entityIds.values()].map((entityId) => ({ roleId: roleIds.get('admin')!, entityId })),
    );
  }

  // A group robot to show the settings page; switched off, since its URL is a placeholder.
  await services.robots.create(ctx, {
    entityId: entityIds.get(demoEntities[0].code)!,
    name: '集团管理群（示例）',
    kind: 'dingtalk',
    webhookUrl: 'https://oapi.dingtalk.com/robot/send?access_token=replace-with-your-token',
    secret: null,
    locale: 'zh-CN',
    enabled: false,
  });
  // Ad-hoc forms: two for the whole group, one for a subsidiary only.
  for (const { entity, ...form } of demoForms) {
    await services.forms.create(ctx, { ...form, entityId: entity ? entityIds.get(entity)! : null });
  }
  // An attachment of the group: the seal rules that the 用印申请 form refers to.
  await services.files.upload(
    ctx,
    {
      name: '用印管理办法（示例）.txt',
      contentType: 'text/plain',
      stream: Readable.from([
        Buffer.from('用印管理办法（示例）\n一、用印须经审批。\n二、合同章由法务部保管。\n'),
      ]),
    },
    entityIds.get(demoEntities[0].code)!,
  );
  // Numbering rules of contracts and the partner library (contracts pick their counterparties there).
  await seedDemoPartners(services);
  // Contract categories and 2026 plan lines (the register's demo contracts use the categories).
  await seedContractSetup(services);
  await seedDemoApprovals(services);
  // The contract register: its flows, contracts in every status, their archive and seal use.
  const contractIds = await seedDemoContracts(services);
  await seedContractArchive(services, contractIds);
  // Contract execution: payment/receipt plans first, then payments, invoices, deliveries, settlement.
  await seedContractSchedule(services);
  await seedContractPayments(services);
  await seedContractInvoices(services);
  await seedContractDeliveries(services);
  // Closing last: settlements (with retention) once the money is in place.
  await seedContractClosing(services);
  // Welcome messages, so that the bell and the notification centre are not empty on first sign-in.
  await db.transaction().execute(async (trx) => {
    for (const [entityId, recipients] of usersByEntity) {
      await services.notifications.notify(trx, ctx, {
        recipients,
        template: 'system.welcome',
        link: '/account/profile',
        entityId,
        robots: false,
      });
    }
  });
}

export { DEMO_PASSWORD };
