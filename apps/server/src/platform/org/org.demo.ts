import { type DemoPlatform, defineDemo } from '../kit/index.js';
import { DEMO_PASSWORD, demoEntities, demoPositions, demoUsers } from './org.demo-data.js';
import type { OrgService } from './org.service.js';
import type { PositionsService } from './positions.service.js';
import type { UsersService } from './users.service.js';

/** What the organisation's demo leaves for the steps after it: ids by the demo data's codes. */
export interface OrgDemo {
  /** Legal entity ids by entity code (`GRP`, `CONS`, ...). */
  entityIds: ReadonlyMap<string, string>;
  /** The group (the root entity) id. */
  groupId: string;
  /** Department ids by `<entity code>/<department code>`. */
  departmentIds: ReadonlyMap<string, string>;
  /** Position ids by `<entity code>/<position code>`. */
  positionIds: ReadonlyMap<string, string>;
  /** User ids by username. */
  userIds: ReadonlyMap<string, string>;
  /** The demo users of each entity (by entity id), in the demo data's order. */
  usersByEntity: ReadonlyMap<string, readonly string[]>;
  /**
   * The built-in role codes each demo user is to hold in their home entity, in the demo data's
   * order: IAM's demo grants them (the roles are IAM's; who holds what is the demo group's data).
   */
  roleGrants: readonly { userId: string; entityId: string; roles: readonly string[] }[];
}

declare module '../kit/module.js' {
  interface DemoRegistry {
    org: OrgDemo;
  }
}

/** The demo group's companies, departments, positions and people (their roles are IAM's step). */
export const orgDemo = defineDemo({
  seed: async (
    services: {
      org: OrgService;
      users: UsersService;
      positions: PositionsService;
    } & DemoPlatform,
  ): Promise<OrgDemo> => {
    const ctx = services.systemContext('seed-demo');
    const { org, users } = services;
    const entityIds = new Map<string, string>();
    const departmentIds = new Map<string, string>();
    const positionIds = new Map<string, string>();
    for (const [index, entity] of demoEntities.entries()) {
      const fields = {
        code: entity.code,
        name: entity.name,
        shortName: entity.shortName,
        creditCode: entity.creditCode,
      };
      const entityId =
        entity.parent === null
          ? (await org.createRootEntity(ctx, fields)).id
          : (
              await org.createEntity(ctx, {
                ...fields,
                parentId: entityIds.get(entity.parent)!,
                sortOrder: index,
              })
            ).id;
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

    const userIds = new Map<string, string>();
    const usersByEntity = new Map<string, string[]>();
    const roleGrants: OrgDemo['roleGrants'][number][] = [];
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
      userIds.set(user.username, created.id);
      const entityId = entityIds.get(user.entity)!;
      usersByEntity.set(entityId, [...(usersByEntity.get(entityId) ?? []), created.id]);
      roleGrants.push({ userId: created.id, entityId, roles: user.roles });
      for (const also of user.alsoIn ?? [])
        roleGrants.push({ userId: created.id, entityId: entityIds.get(also.entity)!, roles: also.roles });
      if (user.head) await org.updateDepartment(ctx, departmentId, { headUserId: created.id });
    }
    const groupId = entityIds.get(demoEntities[0].code)!;
    return { entityIds, groupId, departmentIds, positionIds, userIds, usersByEntity, roleGrants };
  },
});
