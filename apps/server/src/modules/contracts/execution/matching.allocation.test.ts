/**
 * Matching per plan item counts what is tied to no item (issue 12 §2.1), on a real database: a
 * contract with two plan items, deliveries and invoices recorded against the contract as a whole,
 * payments on the items. The untied figures are allocated to the items in plan order (due date),
 * filling each up to its planned amount, the rest on the last (`allocateUnlinked`); the contract's
 * verdict and the lines' come from the same figures, so the matching tab, the exceptions list and
 * the ledger never say MATCHED for a contract while one of its lines says MISMATCHED.
 */
import { randomUUID } from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import { newId } from '../../../db/index.js';
import { paperInvoice } from '../../invoices/invoices.testing.js';
import { type ApiClient, describeEachDialect } from '../../../testing/test-app.js';
import {
  type ContractFixture,
  creditCode,
  insertLedgerRow,
  publishContractFlows,
} from '../contracts.testing.js';
import { allocateUnlinked, contractMatchingStatus } from './execution.rules.js';

describe('allocateUnlinked (the rule for figures tied to no plan item)', () => {
  const items = [
    { dueDate: '2026-06-30', seq: 1, amount: 400_000, tied: 0 },
    { dueDate: '2026-04-30', seq: 2, amount: 600_000, tied: 100_000 },
  ];
  it('fills the items in due-date order up to their amounts, the rest on the last', () => {
    // The item due first (seq 2) takes 500,000 more to reach its 600,000, then seq 1 the rest.
    expect(allocateUnlinked(items, 700_000)).toEqual([200_000, 600_000]);
    expect(allocateUnlinked(items, 1_200_000)).toEqual([700_000, 600_000]);
    expect(allocateUnlinked(items, 0)).toEqual([0, 100_000]);
    expect(allocateUnlinked([], 500)).toEqual([]);
    // Same due date: by position.
    const sameDay = items.map((i) => ({ ...i, dueDate: '2026-05-01', tied: 0 }));
    expect(allocateUnlinked(sameDay, 500_000)).toEqual([400_000, 100_000]);
  });
  it('takes a negative rest off the last items first, down to zero, the rest off the last', () => {
    const paid = items.map((i) => ({ ...i, tied: 300_000 }));
    expect(allocateUnlinked(paid, -400_000)).toEqual([0, 200_000]);
    expect(allocateUnlinked(paid, -700_000)).toEqual([-100_000, 0]);
  });
  it('always sums to the tied figures plus the untied amount', () => {
    for (const unlinked of [-1, 1, 333_333, 999_999, 5_000_001]) {
      const out = allocateUnlinked(items, unlinked);
      expect(out.reduce((a, b) => a + b, 0)).toBe(100_000 + unlinked);
      expect(out.every(Number.isInteger)).toBe(true);
    }
  });
  it('says MATCHED for the contract only when every line agrees', () => {
    const tolerance = { amount: 0, rate: 0 };
    const total = { paid: 100, invoiced: 100, accepted: 100 };
    const lines = [
      { paid: 100, invoiced: 0, accepted: 100 },
      { paid: 0, invoiced: 100, accepted: 0 },
    ];
    expect(contractMatchingStatus(total, lines, tolerance)).toBe('MISMATCHED');
    expect(contractMatchingStatus(total, [total], tolerance)).toBe('MATCHED');
  });
});

describeEachDialect('matching allocates what no plan item is tied to', (t) => {
  let f: ContractFixture;
  let sunli: ApiClient; // CONS finance: links invoices
  let fengBo: ApiClient; // CONS ENG-1 head: records and accepts deliveries
  let admin: ApiClient;
  const tag = `MA${randomUUID().slice(0, 6)}`;
  const db = () => t().services.db;

  beforeAll(async () => {
    f = await publishContractFlows(t());
    sunli = await t().login('sun.li');
    fengBo = await t().login('feng.bo');
    admin = await t().login('admin');
    // Exact matching for CONS (no tolerance), so every cent counts.
    const settings = await admin.put(`/api/v1/contract-settings/${f.cons.entityId}`, {
      toleranceAmount: 0,
      toleranceRate: 0,
      remindBeforeDays: [7, 1],
      ownerAfterDays: 0,
      headAfterDays: 7,
      financeAfterDays: 15,
    });
    expect(settings.statusCode, settings.body).toBe(200);
  });

  /** A CONS expense contract of ¥10,000.00 in force: 第1期 ¥6,000.00 due in April, 第2期 ¥4,000.00 in June. */
  async function contract(name: string) {
    const code = creditCode();
    const id = await insertLedgerRow(t(), {
      name: `${tag} ${name}`,
      number: `${tag}-${Math.floor(Math.random() * 1e8)}`,
      categoryId: f.category.id,
      entityId: f.cons.entityId,
      departmentId: f.cons.eng1,
      ownerId: f.users.fengBo,
      partnerId: f.partners.cons,
      partnerName: f.partners.consName,
      status: 'IN_FORCE',
      amount: 1_000_000,
    });
    await db().updateTable('contract').set({ partner_credit_code: code }).where('id', '=', id).execute();
    const items: string[] = [];
    for (const [seq, amount, due] of [
      [1, 600_000, '2026-04-30'],
      [2, 400_000, '2026-06-30'],
    ] as const) {
      const itemId = newId();
      await db()
        .insertInto('contract_plan_item')
        .values({
          id: itemId,
          contract_id: id,
          seq,
          name: `第${seq}期`,
          due_date: due,
          amount,
          percentage: null,
          condition_text: null,
          created_at: t().services.clock.now().toISOString(),
          updated_at: t().services.clock.now().toISOString(),
        })
        .execute();
      items.push(itemId);
    }
    return { id, code, items };
  }

  /** Money paid on a plan item, written as a PAID row, the figures refreshed as a payment does. */
  async function paid(contractId: string, planItemId: string | null, amount: number) {
    const c = await db()
      .selectFrom('contract')
      .selectAll()
      .where('id', '=', contractId)
      .executeTakeFirstOrThrow();
    const now = t().services.clock.now().toISOString();
    await db()
      .transaction()
      .execute(async (trx) => {
        await trx
          .insertInto('contract_payment')
          .values({
            id: newId(),
            contract_id: contractId,
            plan_item_id: planItemId,
            kind: 'PAYMENT',
            number: `MA-${newId().slice(-12)}`,
            amount,
            status: 'PAID',
            refund_of_id: null,
            purpose: '进度款',
            entity_id: c.entity_id,
            department_id: c.department_id,
            requested_by: c.owner_id,
            instance_id: null,
            paid_on: '2026-03-20',
            bank_account: null,
            method: 'TRANSFER',
            reference: null,
            override_reason: null,
            override_by: null,
            idempotency_key: null,
            request_hash: null,
            created_at: now,
            updated_at: now,
          })
          .execute();
        await t().services.contractFigures.refresh(trx, contractId);
      });
  }

  async function accepted(contractId: string, amount: number, planItemId: string | null = null) {
    const delivery = await fengBo.post(`/api/v1/contracts/${contractId}/deliveries`, {
      planItemId,
      description: '整批交付',
      deliveredAmount: amount,
      deliveredOn: '2026-03-10',
    });
    expect(delivery.statusCode, delivery.body).toBe(201);
    const accept = await fengBo.post(`/api/v1/contract-deliveries/${delivery.json().id}/accept`, {
      acceptedAmount: amount,
      acceptedOn: '2026-03-12',
    });
    expect(accept.statusCode, accept.body).toBe(200);
  }

  async function invoiced(c: { id: string; code: string }, amount: number, planItemId: string | null = null) {
    const res = await sunli.post(`/api/v1/contracts/${c.id}/invoices`, {
      invoice: paperInvoice({
        sellerTaxId: c.code,
        totalAmount: amount,
        amountExclTax: amount,
        taxAmount: 0,
      }),
      planItemId,
      amount,
    });
    expect(res.statusCode, res.body).toBe(201);
  }

  const matching = async (id: string) => {
    const res = await admin.get(`/api/v1/contracts/${id}/matching`);
    expect(res.statusCode, res.body).toBe(200);
    return res.json();
  };
  const figuresOf = (
    lines: { planItemId: string | null; paid: number; invoiced: number; accepted: number; status: string }[],
  ) => lines.map((l) => [l.planItemId, l.paid, l.invoiced, l.accepted, l.status]);
  const exceptionIds = async () =>
    (await admin.get(`/api/v1/contract-exceptions?q=${encodeURIComponent(tag)}&pageSize=100`))
      .json()
      .items.map((i: { contractId: string }) => i.contractId);
  const ledgerStatus = async (id: string) => {
    const page = (await admin.get(`/api/v1/contracts?limit=100&q=${encodeURIComponent(tag)}`)).json();
    return page.items.find((r: { id: string }) => r.id === id)?.matchingStatus;
  };

  it('counts deliveries and invoices tied to no item on the items, so the lines match as the contract does', async () => {
    const c = await contract('整单交付');
    await paid(c.id, c.items[0]!, 600_000);
    await paid(c.id, c.items[1]!, 400_000);
    await accepted(c.id, 1_000_000);
    await invoiced(c, 1_000_000);
    const m = await matching(c.id);
    expect(m.total).toMatchObject({
      paid: 1_000_000,
      invoiced: 1_000_000,
      accepted: 1_000_000,
      status: 'MATCHED',
    });
    // Before: 第1期 600,000 / 0 / 0 and 第2期 400,000 / 0 / 0, both MISMATCHED, and an untied line.
    expect(figuresOf(m.lines)).toEqual([
      [c.items[0], 600_000, 600_000, 600_000, 'MATCHED'],
      [c.items[1], 400_000, 400_000, 400_000, 'MATCHED'],
    ]);
    expect(await exceptionIds()).not.toContain(c.id);
    expect(await ledgerStatus(c.id)).toBe('MATCHED');
  });

  it('fills the item due first, then the next, the rest on the last', async () => {
    const c = await contract('部分交付');
    await paid(c.id, c.items[0]!, 600_000);
    await accepted(c.id, 700_000);
    await invoiced(c, 600_000);
    const m = await matching(c.id);
    expect(figuresOf(m.lines)).toEqual([
      [c.items[0], 600_000, 600_000, 600_000, 'MATCHED'],
      [c.items[1], 0, 0, 100_000, 'MISMATCHED'],
    ]);
    expect(m.total.status).toBe('MISMATCHED');
    // More than the plan: the excess stays on the last item.
    await invoiced(c, 500_000);
    expect(figuresOf((await matching(c.id)).lines)[1]).toEqual([
      c.items[1],
      0,
      500_000,
      100_000,
      'MISMATCHED',
    ]);
  });

  it('never says MATCHED for the contract while a line says MISMATCHED', async () => {
    // Money on 第1期, invoices on 第2期, goods on the contract: the totals agree, the lines do not.
    const c = await contract('错位');
    await paid(c.id, c.items[0]!, 400_000);
    await invoiced(c, 400_000, c.items[1]!);
    await accepted(c.id, 400_000);
    const m = await matching(c.id);
    expect(m.total).toMatchObject({ paid: 400_000, invoiced: 400_000, accepted: 400_000 });
    expect(figuresOf(m.lines)).toEqual([
      [c.items[0], 400_000, 0, 400_000, 'MISMATCHED'],
      [c.items[1], 0, 400_000, 0, 'MISMATCHED'],
    ]);
    // Before: the contract said MATCHED here, on the tab, in the exceptions list and in the ledger.
    expect(m.total.status).toBe('MISMATCHED');
    expect(await exceptionIds()).toContain(c.id);
    const row = (await admin.get(`/api/v1/contract-exceptions?q=${encodeURIComponent(tag)}&pageSize=100`))
      .json()
      .items.find((i: { contractId: string }) => i.contractId === c.id);
    expect(row).toMatchObject({ paidVsInvoiced: 0, maxDifference: 400_000 });
    expect(await ledgerStatus(c.id)).toBe('MISMATCHED');
    const filtered = (
      await admin.get(`/api/v1/contracts?limit=100&matchingStatus=MATCHED&q=${encodeURIComponent(tag)}`)
    ).json();
    expect(filtered.items.map((r: { id: string }) => r.id)).not.toContain(c.id);
  });
});
