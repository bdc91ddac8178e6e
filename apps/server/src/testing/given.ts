import type { DataScope } from '@concord/contracts';
import type { Services } from '../app.js';
import { GivenBusiness } from './given-business.js';

let counter = 0;
const unique = (prefix: string) => `${prefix}${Date.now().toString(36)}${(counter++).toString(36)}`;

/**
 * Factories for real rows, created through the services (validated and audited like API writes):
 * the organisation's here, the business modules' (partners, contracts, their execution, invoices)
 * in `GivenBusiness`, on a company of the test's own.
 */
export class Given extends GivenBusiness {
  constructor(services: Services) {
    super(services, {
      department: (input) => this.department(input),
      role: (input) => this.role(input),
      user: (input) => this.user(input),
    });
  }

  private get ctx() {
    return this.services.systemContext('test');
  }

  async entityByCode(code: string) {
    const entities = await this.services.org.listEntities(this.ctx);
    const entity = entities.find((e) => e.code === code);
    if (!entity) throw new Error(`no entity ${code}`);
    return entity;
  }

  async departmentByCode(entityCode: string, code: string) {
    const entity = await this.entityByCode(entityCode);
    const department = (await this.services.org.listDepartments(this.ctx, entity.id)).find(
      (d) => d.code === code,
    );
    if (!department) throw new Error(`no department ${entityCode}/${code}`);
    return department;
  }

  async userByUsername(username: string) {
    const row = await this.services.users.findByUsername(username);
    if (!row) throw new Error(`no user ${username}`);
    return this.services.users.loadUser(this.services.db, row.id);
  }

  async department(input: { entityId: string; parentId?: string | null; name?: string; code?: string }) {
    return this.services.org.createDepartment(this.ctx, {
      entityId: input.entityId,
      parentId: input.parentId ?? null,
      code: input.code ?? unique('D'),
      name: input.name ?? unique('Dept '),
      headUserId: null,
      sortOrder: 0,
    });
  }

  async role(input: {
    permissions: string[];
    dataScope: DataScope;
    scopeEntityIds?: string[];
    scopeDepartmentIds?: string[];
  }) {
    return this.services.roles.create(this.ctx, {
      code: unique('role_'),
      name: unique('Role '),
      permissions: input.permissions as never,
      dataScope: input.dataScope,
      scopeEntityIds: input.scopeEntityIds ?? [],
      scopeDepartmentIds: input.scopeDepartmentIds ?? [],
    });
  }

  /** A user in a department holding the given roles in the given entity (the department's entity by default). */
  async user(input: {
    departmentId: string;
    password?: string;
    roles?: { roleId: string; entityId?: string }[];
    username?: string;
    extraDepartmentIds?: string[];
  }) {
    const department = await this.services.org.getDepartment(this.ctx, input.departmentId);
    const user = await this.services.users.create(this.ctx, {
      username: input.username ?? unique('u'),
      displayName: unique('User '),
      departmentId: input.departmentId,
      extraDepartmentIds: input.extraDepartmentIds ?? [],
      positionId: null,
      password: input.password ?? 'Passw0rd!x',
      locale: 'zh-CN',
    });
    if (input.roles?.length) {
      await this.services.userRoles.setRoles(
        this.ctx,
        user.id,
        input.roles.map((r) => ({ roleId: r.roleId, entityId: r.entityId ?? department.entityId })),
      );
    }
    return { ...user, password: input.password ?? 'Passw0rd!x' };
  }
}
