import { allPermissionCodes } from '@concord/contracts';
import type { Services } from '../app.js';
import type { RequestContext } from '../platform/http/index.js';
import { contractFactories } from '../modules/contracts/index.js';
import { partnerFactories } from '../modules/partners/index.js';
import { publishOneStepFlow } from './flows.js';

/**
 * A company of a test's own, built on first use by `given`: an entity under the group (the group
 * itself on an empty database), a department, a registrar who may do everything the business
 * modules offer within the entity, an approver, a numbering rule and one-step flows of the
 * entity's own (they win over the demo's group-wide flows). Rows built in it never meet the demo's.
 */
/** Someone of the world: acts through `ctx`, or signs in through the API with `username`/`password`. */
export interface GivenPerson {
  id: string;
  username: string;
  password: string;
  ctx: RequestContext;
}

export interface GivenWorld {
  entityId: string;
  departmentId: string;
  registrar: GivenPerson;
  approver: GivenPerson;
  /** An expense and an income category on the world's numbering rule, requiring the signed scan to sign. */
  expenseCategoryId: string;
  incomeCategoryId: string;
  /** The numbering rule of the world's categories (and of `given.contractCategory`'s by default). */
  numberRuleId: string;
}

/** The business types the world gives a flow of its own: everything a contract goes through. */
const businessTypes = [
  'contract.sign',
  'contract.change',
  'contract.payment',
  'contract.seal',
  'contract.settlement',
];

/** What the registrar holds: every permission of the business modules and what they refer to. */
const registrarPermissions = allPermissionCodes.filter(
  (code) =>
    /^(partner|contract|invoice)\./.test(code) ||
    ['file.view', 'numbering.rule.view', 'org.user.view', 'org.department.view', 'org.entity.view'].includes(
      code,
    ),
);

export async function buildWorld(
  services: Services,
  org: {
    department(input: { entityId: string }): Promise<{ id: string }>;
    role(input: { permissions: string[]; dataScope: 'entity' }): Promise<{ id: string }>;
    user(input: {
      departmentId: string;
      roles: { roleId: string }[];
    }): Promise<{ id: string; username: string; password: string }>;
  },
  tag: string,
): Promise<GivenWorld> {
  const system = services.systemContext('given');
  const root = (await services.org.listEntities(system)).find((entity) => entity.parentId === null);
  const identity = {
    code: `G${tag}`,
    name: `测试公司${tag}有限公司`,
    creditCode: partnerFactories.randomCreditCode(),
  };
  const entity = root
    ? await services.org.createEntity(system, { ...identity, parentId: root.id, sortOrder: 0 })
    : await services.org.createRootEntity(system, identity);
  const department = await org.department({ entityId: entity.id });
  const role = await org.role({ permissions: registrarPermissions, dataScope: 'entity' });
  const person = async (): Promise<GivenPerson> => {
    const user = await org.user({ departmentId: department.id, roles: [{ roleId: role.id }] });
    const ctx = await services.auth.contextForUser(user.id, entity.id, 'given');
    return { id: user.id, username: user.username, password: user.password, ctx };
  };
  const registrar = await person();
  const approver = await person();
  for (const businessType of businessTypes) {
    await publishOneStepFlow(services, {
      key: `given-${businessType.replace('.', '-')}-${tag.toLowerCase()}`,
      name: `${businessType}（测试 ${tag}）`,
      businessType,
      entityId: entity.id,
      approverId: approver.id,
    });
  }
  const rule = await services.numbering.create(system, {
    code: `given-${tag.toLowerCase()}`,
    name: `测试编号 ${tag}`,
    pattern: '{prefix}-{entity}-{yyyy}{mm}-{seq}',
    prefix: 'GV',
    seqWidth: 4,
    reset: 'YEAR',
    active: true,
    description: null,
  });
  const category = async (direction: 'EXPENSE' | 'INCOME') =>
    (
      await contractFactories.contractCategory(services, system, {
        code: `G${direction[0]}-${tag}`,
        direction,
        numberRuleId: rule.id,
        requiredAttachmentTypes: ['SIGNED_SCAN'],
      })
    ).id;
  return {
    entityId: entity.id,
    departmentId: department.id,
    registrar,
    approver,
    expenseCategoryId: await category('EXPENSE'),
    incomeCategoryId: await category('INCOME'),
    numberRuleId: rule.id,
  };
}
