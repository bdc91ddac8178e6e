/**
 * Deliveries and acceptance (交付/验收) on a real database: recording against the contract and a
 * plan item, the delivered total capped at the contract's executable amount, partial acceptance with
 * acceptance documents, rejection, state rules, the figures refreshed in the same transaction, the
 * audit trail, and scope (a sibling subsidiary and users without contract.delivery are refused).
 */
import { beforeAll, expect, it } from 'vitest';
import { newId } from '../../../db/index.js';
import { type ApiClient, describeEachDialect } from '../../../testing/test-app.js';
import {
  type ContractFixture,
  expectProblem,
  insertLedgerRow,
  publishContractFlows,
  uploadFile,
} from '../contracts.testing.js';

describeEachDialect('contract deliveries and acceptance', (t) => {
  let f: ContractFixture;
  let fengBo: ApiClient; // CONS ENG-1 head: contract.delivery over his department
  let contractId: string;
  let itemId: string;
  const db = () => t().services.db;

  const contractRow = async (id: string) =>
    (await db()
      .selectFrom('contract')
      .select(['delivered_amount', 'accepted_amount'])
      .where('id', '=', id)
      .executeTakeFirstOrThrow()) as { delivered_amount: number; accepted_amount: number };

  beforeAll(async () => {
    f = await publishContractFlows(t());
    fengBo = await t().login('feng.bo');
    contractId = await insertLedgerRow(t(), {
      name: '交付测试合同',
      categoryId: f.category.id,
      entityId: f.cons.entityId,
      departmentId: f.cons.eng1,
      ownerId: f.users.fengBo,
      partnerId: f.partners.cons,
      partnerName: f.partners.consName,
      status: 'IN_FORCE',
      number: `DLV-${Date.now()}`,
      amount: 1_000_000,
    });
    itemId = newId();
    await db()
      .insertInto('contract_plan_item')
      .values({
        id: itemId,
        contract_id: contractId,
        seq: 1,
        name: '到货款',
        due_date: '2026-06-30',
        amount: 1_000_000,
        percentage: 10000,
        condition_text: null,
        created_at: t().services.clock.now().toISOString(),
        updated_at: t().services.clock.now().toISOString(),
      })
      .execute();
  });

  it('records a delivery against a plan item, with its documents, and refreshes the figures', async () => {
    const waybill = await uploadFile(t(), fengBo, '送货单.pdf');
    const res = await fengBo.post(`/api/v1/contracts/${contractId}/deliveries`, {
      planItemId: itemId,
      description: '螺纹钢 HRB400 第一批',
      quantity: '40.5',
      unit: '吨',
      deliveredAmount: 600_000,
      deliveredOn: '2026-03-10',
      fileIds: [waybill],
    });
    expect(res.statusCode, res.body).toBe(201);
    const delivery = res.json();
    expect(delivery).toMatchObject({
      contractId,
      planItemId: itemId,
      planItemName: '到货款',
      quantity: '40.5',
      unit: '吨',
      deliveredAmount: 600_000,
      deliveredOn: '2026-03-10',
      status: 'DELIVERED',
      acceptedAmount: 0,
      acceptedOn: null,
      deliveryFiles: [{ id: waybill, name: '送货单.pdf' }],
      acceptanceFiles: [],
    });
    expect(delivery.createdByName).toBe('冯波');
    expect(await contractRow(contractId)).toMatchObject({ delivered_amount: 600_000, accepted_amount: 0 });

    const audit = await db()
      .selectFrom('audit_log')
      .select(['action', 'entity_type'])
      .where('entity_id', '=', delivery.id)
      .execute();
    expect(audit).toEqual([{ action: 'create', entity_type: 'contract_delivery' }]);
  });

  it('refuses deliveries beyond the executable amount; a rejected delivery frees its amount', async () => {
    const over = await fengBo.post(`/api/v1/contracts/${contractId}/deliveries`, {
      description: '第二批（超量）',
      deliveredAmount: 400_001,
      deliveredOn: '2026-03-12',
    });
    const body = expectProblem(over, 409, 'CONTRACT_OVER_DELIVERY');
    expect(body.detail).toContain('¥4,000.01');
    expect(body.detail).toContain('¥4,000.00');

    const second = await fengBo.post(`/api/v1/contracts/${contractId}/deliveries`, {
      description: '第二批',
      deliveredAmount: 400_000,
      deliveredOn: '2026-03-12',
    });
    expect(second.statusCode, second.body).toBe(201);
    expect(second.json().planItemId).toBeNull();
    const full = await fengBo.post(`/api/v1/contracts/${contractId}/deliveries`, {
      description: '第三批',
      deliveredAmount: 1,
      deliveredOn: '2026-03-13',
    });
    expectProblem(full, 409, 'CONTRACT_OVER_DELIVERY');

    const rejected = await fengBo.post(`/api/v1/contract-deliveries/${second.json().id}/reject`, {
      note: '规格不符，退回',
    });
    expect(rejected.statusCode, rejected.body).toBe(200);
    expect(rejected.json()).toMatchObject({
      status: 'REJECTED',
      acceptanceNote: '规格不符，退回',
      acceptedAmount: 0,
    });
    expect((await contractRow(contractId)).delivered_amount).toBe(600_000);

    const summary = await fengBo.get(`/api/v1/contracts/${contractId}/delivery-summary`);
    expect(summary.json()).toEqual({
      contractId,
      executableAmount: 1_000_000,
      delivered: 600_000,
      accepted: 0,
      remaining: 400_000,
      canDeliver: true,
    });
    // Rejected is final.
    const again = await fengBo.post(`/api/v1/contract-deliveries/${second.json().id}/accept`, {
      acceptedAmount: 1,
      acceptedOn: '2026-03-20',
    });
    expectProblem(again, 409, 'CONTRACT_DELIVERY_STATE');
  });

  it('accepts in part with acceptance documents, never more than delivered nor before delivery', async () => {
    const list = await fengBo.get(`/api/v1/contracts/${contractId}/deliveries?status=DELIVERED`);
    expect(list.json().total).toBe(1);
    const delivery = list.json().items[0];

    const tooMuch = await fengBo.post(`/api/v1/contract-deliveries/${delivery.id}/accept`, {
      acceptedAmount: 600_001,
      acceptedOn: '2026-03-15',
    });
    expect(expectProblem(tooMuch, 400, 'VALIDATION_FAILED').errors?.[0]?.path).toBe('acceptedAmount');
    const early = await fengBo.post(`/api/v1/contract-deliveries/${delivery.id}/accept`, {
      acceptedAmount: 500_000,
      acceptedOn: '2026-03-09',
    });
    expect(expectProblem(early, 400, 'VALIDATION_FAILED').errors?.[0]?.path).toBe('acceptedOn');
    const zero = await fengBo.post(`/api/v1/contract-deliveries/${delivery.id}/accept`, {
      acceptedAmount: 0,
      acceptedOn: '2026-03-15',
    });
    expectProblem(zero, 400, 'VALIDATION_FAILED');

    const report = await uploadFile(t(), fengBo, '验收单.pdf');
    const accepted = await fengBo.post(`/api/v1/contract-deliveries/${delivery.id}/accept`, {
      acceptedAmount: 550_000,
      acceptedOn: '2026-03-15',
      note: '5 吨锈蚀，扣减',
      fileIds: [report],
    });
    expect(accepted.statusCode, accepted.body).toBe(200);
    expect(accepted.json()).toMatchObject({
      status: 'ACCEPTED',
      acceptedAmount: 550_000,
      acceptedOn: '2026-03-15',
      acceptedByName: '冯波',
      acceptanceNote: '5 吨锈蚀，扣减',
      deliveryFiles: [{ name: '送货单.pdf' }],
      acceptanceFiles: [{ id: report, name: '验收单.pdf' }],
    });
    expect(await contractRow(contractId)).toMatchObject({
      delivered_amount: 600_000,
      accepted_amount: 550_000,
    });
    const item = await db()
      .selectFrom('contract_plan_item')
      .select('accepted_amount')
      .where('id', '=', itemId)
      .executeTakeFirstOrThrow();
    expect(item.accepted_amount).toBe(550_000);

    const twice = await fengBo.post(`/api/v1/contract-deliveries/${delivery.id}/accept`, {
      acceptedAmount: 1,
      acceptedOn: '2026-03-16',
    });
    expectProblem(twice, 409, 'CONTRACT_DELIVERY_STATE');
    const audit = await db()
      .selectFrom('audit_log')
      .select('action')
      .where('entity_id', '=', delivery.id)
      .orderBy('seq')
      .execute();
    expect(audit.map((a) => a.action)).toEqual(['create', 'accept']);
  });

  it('refuses a plan item of another contract, unknown files and contracts not in force', async () => {
    const other = await insertLedgerRow(t(), {
      name: '未生效合同',
      categoryId: f.category.id,
      entityId: f.cons.entityId,
      departmentId: f.cons.eng1,
      ownerId: f.users.fengBo,
      partnerId: f.partners.cons,
      partnerName: f.partners.consName,
      status: 'APPROVED',
    });
    const body = { description: '货物', deliveredAmount: 100, deliveredOn: '2026-03-10' };
    expectProblem(
      await fengBo.post(`/api/v1/contracts/${other}/deliveries`, { ...body, planItemId: itemId }),
      409,
      'CONTRACT_DELIVERY_STATE',
    );
    await db().updateTable('contract').set({ status: 'IN_FORCE' }).where('id', '=', other).execute();
    expectProblem(
      await fengBo.post(`/api/v1/contracts/${other}/deliveries`, { ...body, planItemId: itemId }),
      400,
      'INVALID_REFERENCE',
    );
    expectProblem(
      await fengBo.post(`/api/v1/contracts/${other}/deliveries`, { ...body, fileIds: [newId()] }),
      400,
      'INVALID_REFERENCE',
    );
  });

  it('keeps deliveries within scope: other subsidiaries see nothing, staff may only read', async () => {
    const list = await fengBo.get(`/api/v1/contracts/${contractId}/deliveries`);
    const anyId = list.json().items[0].id;
    const techUser = await t().login('he.jun');
    expect([403, 404]).toContain((await techUser.get(`/api/v1/contract-deliveries/${anyId}`)).statusCode);
    expect([403, 404]).toContain(
      (
        await techUser.post(`/api/v1/contracts/${contractId}/deliveries`, {
          description: 'x',
          deliveredAmount: 1,
          deliveredOn: '2026-03-10',
        })
      ).statusCode,
    );
    // 吴敏 (staff, self scope) holds contract.view only over his own records and no contract.delivery.
    const wuMin = await t().login('wu.min');
    expectProblem(
      await wuMin.post(`/api/v1/contracts/${contractId}/deliveries`, {
        description: 'x',
        deliveredAmount: 1,
        deliveredOn: '2026-03-10',
      }),
      403,
      'FORBIDDEN',
    );
    // The GRP general manager sees them (entity and below) but may not record any.
    const zhangWei = await t().login('zhang.wei');
    const seen = await zhangWei.get(`/api/v1/contracts/${contractId}/deliveries`);
    expect(seen.statusCode, seen.body).toBe(200);
    expect(seen.json().total).toBe(2);
    expect((await zhangWei.get(`/api/v1/contracts/${contractId}/delivery-summary`)).json().canDeliver).toBe(
      false,
    );
  });
});
