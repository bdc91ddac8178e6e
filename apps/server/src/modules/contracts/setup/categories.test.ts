import type { ContractCategory } from '@concord/contracts';
import { describe, expect, it } from 'vitest';
import { AppError } from '../../../platform/http/index.js';
import { describeEachDialect } from '../../../testing/test-app.js';
import { effectiveDirections, validateCustomData } from './categories.rules.js';

const API = '/api/v1/contract-categories';

describeEachDialect('contract categories', (t) => {
  const byCode = async (code: string): Promise<ContractCategory> => {
    const admin = await t().login('admin');
    const items: ContractCategory[] = (await admin.get(API)).json().items;
    const found = items.find((c) => c.code === code);
    if (!found) throw new Error(`no category ${code}`);
    return found;
  };

  it('lists the demo tree with parents before children and inherited directions', async () => {
    const staff = await t().login('wu.min');
    const response = await staff.get(API);
    expect(response.statusCode).toBe(200);
    const items: ContractCategory[] = response.json().items;
    const codes = items.map((c) => c.code);
    expect(codes).toEqual([
      'SALES',
      'SALES-PRODUCT',
      'SALES-SERVICE',
      'PURCHASE',
      'PURCHASE-EQUIP',
      'PURCHASE-MATERIAL',
      'ENGINEERING',
      'ENG-SUBCONTRACT',
      'LEASE',
      'OTHER',
    ]);
    const equipment = items.find((c) => c.code === 'PURCHASE-EQUIP')!;
    expect(equipment).toMatchObject({
      name: '设备采购',
      parentId: items.find((c) => c.code === 'PURCHASE')!.id,
      direction: 'EXPENSE',
      directionInherited: true,
      requiredAttachmentTypes: ['SIGNED_SCAN', 'QUOTATION', 'TECHNICAL'],
      expiryReminderDays: 30,
      active: true,
    });
    expect(equipment.fields.map((f) => [f.key, f.label, f.required])).toEqual([
      ['deliveryPlace', '交货地点', true],
      ['warrantyMonths', '质保期（月）', false],
    ]);
    expect(items.find((c) => c.code === 'SALES-PRODUCT')).toMatchObject({
      direction: 'INCOME',
      directionInherited: true,
    });
    expect(items.find((c) => c.code === 'SALES')).toMatchObject({
      direction: 'INCOME',
      directionInherited: false,
    });

    const filtered: ContractCategory[] = (
      await staff.get(`${API}?direction=INCOME&q=%E6%9C%8D%E5%8A%A1`)
    ).json().items;
    expect(filtered.map((c) => c.code)).toEqual(['SALES-SERVICE']);
  });

  it('creates categories: a top-level one needs a direction, a child inherits, codes are unique', async () => {
    const legal = await t().login('wang.fang');
    const noDirection = await legal.post(API, { code: 'T-ROOT-1', name: '无方向类别' });
    expect(noDirection.statusCode).toBe(400);
    expect(noDirection.json().code).toBe('VALIDATION_FAILED');
    expect(noDirection.json().errors).toEqual([{ path: 'direction', message: expect.any(String) }]);

    const root = await legal.post(API, { code: 'T-ROOT-1', name: '咨询服务合同', direction: 'EXPENSE' });
    expect(root.statusCode).toBe(201);
    const child = await legal.post(API, {
      code: 'T-CHILD-1',
      name: '管理咨询',
      parentId: root.json().id,
      requiredAttachmentTypes: ['QUOTATION', 'ANNEX', 'QUOTATION'],
      expiryReminderDays: 45,
    });
    expect(child.statusCode).toBe(201);
    expect(child.json()).toMatchObject({
      code: 'T-CHILD-1',
      parentId: root.json().id,
      direction: 'EXPENSE',
      directionInherited: true,
      requiredAttachmentTypes: ['ANNEX', 'QUOTATION'],
      expiryReminderDays: 45,
      numberRuleId: null,
      flowKey: null,
    });

    const again = await legal.post(API, { code: 'T-CHILD-1', name: '重复', direction: 'INCOME' });
    expect(again.statusCode).toBe(409);
    expect(again.json().code).toBe('DUPLICATE');

    const orphan = await legal.post(API, {
      code: 'T-ORPHAN',
      name: '孤儿',
      parentId: '00000000-0000-4000-8000-000000000000',
    });
    expect(orphan.statusCode).toBe(400);
    expect(orphan.json().code).toBe('INVALID_REFERENCE');

    const audit = await t().login('admin');
    const trail = await audit.get(`/api/v1/audit?entityType=contract_category&entityId=${child.json().id}`);
    expect(trail.statusCode).toBe(200);
    expect(trail.json().items.map((e: { action: string }) => e.action)).toEqual(['create']);
  });

  it('refuses custom field definitions the forms tool would refuse, and unknown rules and flows', async () => {
    const legal = await t().login('wang.fang');
    const badFields = await legal.post(API, {
      code: 'T-BAD-FIELDS',
      name: '字段有误',
      direction: 'INCOME',
      fields: [
        { key: 'grade', label: '等级', type: 'select' },
        { key: 'grade', label: '重复', type: 'text' },
      ],
    });
    expect(badFields.statusCode).toBe(400);
    expect(
      badFields
        .json()
        .errors.map((e: { path: string }) => e.path)
        .sort(),
    ).toEqual(['fields.0.options', 'fields.1.key']);

    const rule = await legal.post(API, {
      code: 'T-BAD-RULE',
      name: '规则无效',
      direction: 'INCOME',
      numberRuleId: '00000000-0000-4000-8000-000000000000',
    });
    expect(rule.statusCode).toBe(400);
    expect(rule.json()).toMatchObject({ code: 'INVALID_REFERENCE' });
    expect(rule.json().detail).toContain('编号规则');

    const flow = await legal.post(API, {
      code: 'T-BAD-FLOW',
      name: '流程无效',
      direction: 'INCOME',
      flowKey: 'no-such-flow',
    });
    expect(flow.statusCode).toBe(400);
    expect(flow.json().detail).toContain('审批流程');
  });

  it('accepts an active numbering rule and refuses an inactive one', async () => {
    const { services } = t();
    const rule = await services.numbering.create(services.systemContext('test'), {
      code: 'T-CATEGORY-RULE',
      name: '测试合同编号',
      pattern: '{prefix}-{entity}-{yyyy}-{seq}',
      prefix: 'CS',
      seqWidth: 4,
      reset: 'YEAR',
      active: true,
      description: null,
    });
    const legal = await t().login('wang.fang');
    const created = await legal.post(API, {
      code: 'T-WITH-RULE',
      name: '带编号规则',
      direction: 'INCOME',
      numberRuleId: rule.id,
    });
    expect(created.statusCode).toBe(201);
    expect(created.json().numberRuleId).toBe(rule.id);

    const inactive = await services.numbering.create(services.systemContext('test'), {
      code: 'T-CATEGORY-RULE-OFF',
      name: '停用的编号规则',
      pattern: '{prefix}-{yyyy}-{seq}',
      prefix: 'OFF',
      seqWidth: 4,
      reset: 'YEAR',
      active: false,
      description: null,
    });
    const refused = await legal.patch(`${API}/${created.json().id}`, { numberRuleId: inactive.id });
    expect(refused.statusCode).toBe(400);
    expect(refused.json().code).toBe('INVALID_REFERENCE');
  });

  it('moves categories: refuses cycles and re-derives inherited directions below the moved one', async () => {
    const legal = await t().login('wang.fang');
    const top = (await legal.post(API, { code: 'T-MOVE-A', name: '甲', direction: 'EXPENSE' })).json();
    const middle = (await legal.post(API, { code: 'T-MOVE-B', name: '乙', parentId: top.id })).json();
    const leaf = (await legal.post(API, { code: 'T-MOVE-C', name: '丙', parentId: middle.id })).json();
    const fixed = (
      await legal.post(API, { code: 'T-MOVE-D', name: '丁', parentId: middle.id, direction: 'EXPENSE' })
    ).json();

    for (const target of [top.id, middle.id, leaf.id]) {
      const cycle = await legal.patch(`${API}/${top.id}`, { parentId: target });
      expect(cycle.statusCode).toBe(409);
      expect(cycle.json().code).toBe('TREE_CYCLE');
    }

    const sales = await byCode('SALES');
    const moved = await legal.patch(`${API}/${middle.id}`, { parentId: sales.id });
    expect(moved.statusCode).toBe(200);
    expect(moved.json()).toMatchObject({ parentId: sales.id, direction: 'INCOME', directionInherited: true });
    expect((await legal.get(`${API}/${leaf.id}`)).json()).toMatchObject({
      direction: 'INCOME',
      directionInherited: true,
    });
    expect((await legal.get(`${API}/${fixed.id}`)).json()).toMatchObject({
      direction: 'EXPENSE',
      directionInherited: false,
    });

    // Setting a direction of its own, then clearing it again.
    const own = await legal.patch(`${API}/${middle.id}`, { direction: 'EXPENSE' });
    expect(own.json()).toMatchObject({ direction: 'EXPENSE', directionInherited: false });
    expect((await legal.get(`${API}/${leaf.id}`)).json().direction).toBe('EXPENSE');
    const cleared = await legal.patch(`${API}/${middle.id}`, { direction: null });
    expect(cleared.json()).toMatchObject({ direction: 'INCOME', directionInherited: true });
    expect((await legal.get(`${API}/${leaf.id}`)).json().direction).toBe('INCOME');

    // A top-level category cannot lose its direction, nor can a child be made top-level without one.
    expect((await legal.patch(`${API}/${top.id}`, { direction: null })).statusCode).toBe(400);
    expect((await legal.patch(`${API}/${middle.id}`, { parentId: null })).statusCode).toBe(400);
    const promoted = await legal.patch(`${API}/${middle.id}`, { parentId: null, direction: 'INCOME' });
    expect(promoted.json()).toMatchObject({ parentId: null, direction: 'INCOME', directionInherited: false });
  });

  it('deletes only leaves that no plan line or contract uses', async () => {
    const legal = await t().login('wang.fang');
    const parent = (await legal.post(API, { code: 'T-DEL-A', name: '删甲', direction: 'INCOME' })).json();
    const child = (await legal.post(API, { code: 'T-DEL-B', name: '删乙', parentId: parent.id })).json();
    const withChildren = await legal.delete(`${API}/${parent.id}`);
    expect(withChildren.statusCode).toBe(409);
    expect(withChildren.json().code).toBe('HAS_CHILDREN');

    const used = (await legal.post(API, { code: 'T-DEL-USED', name: '已用', direction: 'EXPENSE' })).json();
    const department = await t().given.departmentByCode('GRP', 'LEGAL');
    const line = await legal.post('/api/v1/contract-plans', {
      year: 2026,
      departmentId: department.id,
      categoryId: used.id,
      name: '引用类别的规划',
      plannedAmount: 100,
    });
    expect(line.statusCode).toBe(201);
    const inUse = await legal.delete(`${API}/${used.id}`);
    expect(inUse.statusCode).toBe(409);
    expect(inUse.json().code).toBe('CONTRACT_SETUP_IN_USE');
    expect(inUse.json().detail).toBe('该合同类别已被 1 条合同或合同规划引用，不能删除');

    expect((await legal.delete(`${API}/${child.id}`)).statusCode).toBe(204);
    expect((await legal.delete(`${API}/${parent.id}`)).statusCode).toBe(204);
    expect((await legal.get(`${API}/${parent.id}`)).statusCode).toBe(404);
  });

  it('lets only managers whose scope reaches the group change the group-wide tree', async () => {
    const body = { code: 'T-PERM', name: '权限', direction: 'INCOME' };
    const staff = await t().login('wu.min');
    expect((await staff.post(API, body)).statusCode).toBe(403);
    // A subsidiary's administrator holds contract.category.manage, but only over the subsidiary.
    const subsidiaryAdmin = await t().login('zheng.hao');
    expect((await subsidiaryAdmin.post(API, body)).statusCode).toBe(403);
    const sales = await byCode('SALES');
    expect((await subsidiaryAdmin.patch(`${API}/${sales.id}`, { name: '改名' })).statusCode).toBe(403);
    // The group's administrator may.
    const groupAdmin = await t().login('yang.xue');
    expect((await groupAdmin.post(API, body)).statusCode).toBe(201);
    // A user without contract.category.view sees nothing.
    const { given } = t();
    const role = await given.role({ permissions: ['org.user.view'], dataScope: 'entity' });
    const department = await given.departmentByCode('CONS', 'ENG');
    const outsider = await given.user({ departmentId: department.id, roles: [{ roleId: role.id }] });
    const client = await t().login(outsider.username, outsider.password);
    expect((await client.get(API)).statusCode).toBe(403);
  });

  it('answers the register: forContract, namesOf and custom data validation', async () => {
    const { services } = t();
    const equipment = await byCode('PURCHASE-EQUIP');
    const lease = await byCode('LEASE');
    const category = await services.db
      .transaction()
      .execute((trx) => services.contractCategories.forContract(trx, equipment.id));
    expect(category).toEqual({
      id: equipment.id,
      code: 'PURCHASE-EQUIP',
      name: '设备采购',
      direction: 'EXPENSE',
      numberRuleId: null,
      flowKey: null,
      requiredAttachmentTypes: ['SIGNED_SCAN', 'QUOTATION', 'TECHNICAL'],
      fields: equipment.fields,
      expiryReminderDays: 30,
      active: true,
    });
    await expect(
      services.contractCategories.forContract(services.db, '00000000-0000-4000-8000-000000000000'),
    ).rejects.toMatchObject({ code: 'INVALID_REFERENCE', params: { what: 'contract category' } });

    const names = await services.contractCategories.namesOf(services.db, [
      equipment.id,
      lease.id,
      equipment.id,
    ]);
    expect([...names.entries()].sort()).toEqual(
      [
        [equipment.id, '设备采购'],
        [lease.id, '租赁合同'],
      ].sort(),
    );

    expect(
      services.contractCategories.validateCustomData(category, {
        deliveryPlace: '  上海浦东仓库 ',
        warrantyMonths: 24,
      }),
    ).toEqual({ deliveryPlace: '上海浦东仓库', warrantyMonths: 24 });
    let error: unknown;
    try {
      services.contractCategories.validateCustomData(
        category,
        { warrantyMonths: 200, colour: 'red' },
        'en-US',
      );
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(AppError);
    expect((error as AppError).code).toBe('VALIDATION_FAILED');
    expect((error as AppError).fieldErrors).toEqual([
      { path: 'customData.colour', message: 'is not a field of this form' },
      { path: 'customData.deliveryPlace', message: 'is required' },
      { path: 'customData.warrantyMonths', message: 'must not be above 120' },
    ]);
  });
});

describe('category rules', () => {
  it('derives effective directions from the nearest ancestor that sets one', () => {
    const directions = effectiveDirections([
      { id: 'c', parentId: 'b', own: null },
      { id: 'a', parentId: null, own: 'INCOME' },
      { id: 'b', parentId: 'a', own: null },
      { id: 'd', parentId: 'b', own: 'EXPENSE' },
      { id: 'e', parentId: 'd', own: null },
      { id: 'x', parentId: null, own: null },
    ]);
    expect(Object.fromEntries(directions)).toEqual({
      a: 'INCOME',
      b: 'INCOME',
      c: 'INCOME',
      d: 'EXPENSE',
      e: 'EXPENSE',
      x: null,
    });
  });

  it('validates custom data without fields as empty', () => {
    expect(validateCustomData({ fields: [] }, undefined)).toEqual({});
    expect(() => validateCustomData({ fields: [] }, { extra: 1 })).toThrow(AppError);
  });
});
