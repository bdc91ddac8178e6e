/**
 * One invoice split across several plan items of its contract (issue 12 §2.2), on a real database:
 * the contract uses the invoice once in the registry, its parts count on the plan items (the rest on
 * the contract as a whole), each item at most once and never invoiced past its planned amount, the
 * parts at most the amount used; refused with problem+json in zh-CN and en-US; audited; released
 * as a whole.
 */
import { beforeAll, expect, it } from 'vitest';
import { newId } from '../../../db/index.js';
import { paperInvoice } from '../../invoices/invoices.testing.js';
import { type ApiClient, describeEachDialect } from '../../../testing/test-app.js';
import {
  type ContractFixture,
  creditCode,
  expectProblem,
  insertLedgerRow,
  publishContractFlows,
} from '../contracts.testing.js';
import { userWith } from '../archive/archive.testing.js';

describeEachDialect('an invoice split across plan items', (t) => {
  let f: ContractFixture;
  let sunli: ApiClient;
  const db = () => t().services.db;
  beforeAll(async () => {
    f = await publishContractFlows(t());
    sunli = await t().login('sun.li');
  });

  /** A CONS expense contract of ¥11,300.00 in force: 第1期 ¥6,780.00 (April), 第2期 ¥4,520.00 (May). */
  async function contractInForce() {
    const code = creditCode();
    const id = await insertLedgerRow(t(), {
      name: '发票分摊测试合同',
      number: `HT-SPL-${Math.floor(Math.random() * 1e8)}`,
      categoryId: f.category.id,
      entityId: f.cons.entityId,
      departmentId: f.cons.eng1,
      ownerId: f.users.fengBo,
      partnerId: f.partners.cons,
      partnerName: f.partners.consName,
      status: 'IN_FORCE',
      amount: 1_130_000,
    });
    await db().updateTable('contract').set({ partner_credit_code: code }).where('id', '=', id).execute();
    const items: string[] = [];
    for (const [seq, amount] of [
      [1, 678_000],
      [2, 452_000],
    ]) {
      const itemId = newId();
      await db()
        .insertInto('contract_plan_item')
        .values({
          id: itemId,
          contract_id: id,
          seq,
          name: `第${seq}期`,
          due_date: `2026-0${seq + 3}-30`,
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

  const invoiceOf = (code: string, total = 1_130_000) =>
    paperInvoice({ sellerTaxId: code, totalAmount: total, amountExclTax: total, taxAmount: 0 });

  const figures = async (contractId: string) => {
    const contract = await db()
      .selectFrom('contract')
      .select(['invoiced_amount'])
      .where('id', '=', contractId)
      .executeTakeFirstOrThrow();
    const items = await db()
      .selectFrom('contract_plan_item')
      .select(['invoiced_amount', 'matched_invoiced_amount'])
      .where('contract_id', '=', contractId)
      .orderBy('seq')
      .execute();
    return {
      contract: contract.invoiced_amount,
      items: items.map((i) => i.invoiced_amount),
      matched: items.map((i) => i.matched_invoiced_amount),
    };
  };

  it('splits one invoice across two plan items up to its total, audited, and releases it as a whole', async () => {
    const c = await contractInForce();
    const res = await sunli.post(`/api/v1/contracts/${c.id}/invoices`, {
      invoice: invoiceOf(c.code),
      amount: 1_130_000,
      allocations: [
        { planItemId: c.items[0], amount: 678_000 },
        { planItemId: c.items[1], amount: 300_000 },
      ],
    });
    expect(res.statusCode, res.body).toBe(201);
    const link = res.json();
    expect(link).toMatchObject({
      planItemId: null,
      amount: 1_130_000,
      allocations: [
        { planItemId: c.items[0], amount: 678_000 },
        { planItemId: c.items[1], amount: 300_000 },
      ],
      invoice: { usedAmount: 1_130_000 },
    });
    // The parts count on their items; the rest (¥1,520.00) on the contract as a whole, which
    // matching allocates to the item with room (第2期).
    expect(await figures(c.id)).toEqual({
      contract: 1_130_000,
      items: [678_000, 300_000],
      matched: [678_000, 452_000],
    });
    const list = (await sunli.get(`/api/v1/contracts/${c.id}/invoices`)).json();
    expect(list.total).toBe(1_130_000);
    expect(list.items[0].allocations).toEqual(link.allocations);
    const audit = await db()
      .selectFrom('audit_log')
      .select(['changes'])
      .where('entity_type', '=', 'contract')
      .where('entity_id', '=', c.id)
      .where('action', '=', 'invoice.link')
      .executeTakeFirstOrThrow();
    expect(JSON.stringify(audit.changes)).toContain('allocations');
    expect(JSON.stringify(audit.changes)).toContain(c.items[1]);

    const released = await sunli.delete(`/api/v1/contract-invoices/${link.usageId}`);
    expect(released.statusCode, released.body).toBe(200);
    expect(await figures(c.id)).toEqual({ contract: 0, items: [0, 0], matched: [0, 0] });
    expect((await sunli.get(`/api/v1/invoices/${link.invoice.id}`)).json().usedAmount).toBe(0);
    const releaseAudit = await db()
      .selectFrom('audit_log')
      .select(['changes'])
      .where('entity_type', '=', 'contract')
      .where('entity_id', '=', c.id)
      .where('action', '=', 'invoice.release')
      .executeTakeFirstOrThrow();
    expect(JSON.stringify(releaseAudit.changes)).toContain('allocations');
    // Linked again (a split of one part), the invoice is whole again.
    const again = await sunli.post(`/api/v1/contracts/${c.id}/invoices`, {
      invoiceId: link.invoice.id,
      amount: 500_000,
      allocations: [{ planItemId: c.items[1], amount: 452_000 }],
    });
    expect(again.statusCode, again.body).toBe(201);
    expect(await figures(c.id)).toMatchObject({ contract: 500_000, items: [0, 452_000] });
  });

  it('refuses a split beyond the amount, a plan item twice, both forms at once and a foreign item', async () => {
    const c = await contractInForce();
    const other = await contractInForce();
    const post = (body: Record<string, unknown>) =>
      sunli.post(`/api/v1/contracts/${c.id}/invoices`, { invoice: invoiceOf(c.code), ...body });
    const over = expectProblem(
      await post({
        amount: 900_000,
        allocations: [
          { planItemId: c.items[0], amount: 600_000 },
          { planItemId: c.items[1], amount: 300_001 },
        ],
      }),
      400,
      'CONTRACT_INVOICE_SPLIT_OVER',
    );
    expect(over.detail).toBe('分摊到计划节点的金额合计 ¥9,000.01 超过本合同使用的发票金额 ¥9,000.00');
    expect(over.errors?.[0]?.path).toBe('allocations');
    // In English for a user whose language is en-US.
    const english = await userWith(t(), {
      entity: 'CONS',
      department: 'ENG-1',
      permissions: ['contract.view', 'contract.invoice'],
    });
    expect((await english.client.put('/api/v1/auth/locale', { locale: 'en-US' })).statusCode).toBe(200);
    const overEn = expectProblem(
      await english.client.post(`/api/v1/contracts/${c.id}/invoices`, {
        invoice: invoiceOf(c.code),
        amount: 900_000,
        allocations: [
          { planItemId: c.items[0], amount: 600_000 },
          { planItemId: c.items[1], amount: 300_001 },
        ],
      }),
      400,
      'CONTRACT_INVOICE_SPLIT_OVER',
    );
    expect(overEn.detail).toBe(
      'The parts split across plan items add up to ¥9,000.01, more than the ¥9,000.00 this contract uses of the invoice',
    );
    const twice = expectProblem(
      await post({
        amount: 900_000,
        allocations: [
          { planItemId: c.items[0], amount: 100_000 },
          { planItemId: c.items[0], amount: 100_000 },
        ],
      }),
      400,
      'CONTRACT_INVOICE_SPLIT_REPEATED',
    );
    expect(twice.detail).toBe('计划节点「第1期」在分摊中出现了不止一次');
    expect(twice.errors?.[0]?.path).toBe('allocations.1.planItemId');
    expectProblem(
      await post({
        amount: 900_000,
        planItemId: c.items[0],
        allocations: [{ planItemId: c.items[1], amount: 100_000 }],
      }),
      400,
      'CONTRACT_INVOICE_SPLIT_WITH_ITEM',
    );
    expectProblem(
      await post({ amount: 900_000, allocations: [{ planItemId: other.items[0], amount: 100_000 }] }),
      400,
      'INVALID_REFERENCE',
    );
    // The shape is the zod schema's: a part of zero is refused before any rule.
    expectProblem(
      await post({ amount: 900_000, allocations: [{ planItemId: c.items[0], amount: 0 }] }),
      400,
      'VALIDATION_FAILED',
    );
    // Nothing was registered or used by the refused attempts.
    expect(await figures(c.id)).toEqual({ contract: 0, items: [0, 0], matched: [0, 0] });
    expect(
      await db().selectFrom('invoice').select('id').where('seller_tax_id', '=', c.code).execute(),
    ).toHaveLength(0);
  });

  it('never invoices a plan item past its planned amount, nor the invoice past its total', async () => {
    const c = await contractInForce();
    const first = await sunli.post(`/api/v1/contracts/${c.id}/invoices`, {
      invoice: invoiceOf(c.code, 500_000),
      amount: 500_000,
      allocations: [
        { planItemId: c.items[0], amount: 200_000 },
        { planItemId: c.items[1], amount: 300_000 },
      ],
    });
    expect(first.statusCode, first.body).toBe(201);
    // 第2期 is ¥4,520.00 with ¥3,000.00 invoiced: ¥1,520.00 still fits.
    const line = expectProblem(
      await sunli.post(`/api/v1/contracts/${c.id}/invoices`, {
        invoice: invoiceOf(c.code, 400_000),
        amount: 400_000,
        allocations: [
          { planItemId: c.items[0], amount: 200_000 },
          { planItemId: c.items[1], amount: 152_001 },
        ],
      }),
      409,
      'CONTRACT_PLAN_ITEM_OVER_INVOICED',
    );
    expect(line.detail).toBe(
      '计划节点「第2期」金额 ¥4,520.00，已开票 ¥3,000.00，再开 ¥1,520.01 将超出节点金额（最多还可 ¥1,520.00）',
    );
    expect(line.errors?.[0]?.path).toBe('allocations.1.amount');
    // The same holds for an invoice on one plan item.
    expectProblem(
      await sunli.post(`/api/v1/contracts/${c.id}/invoices`, {
        invoice: invoiceOf(c.code, 400_000),
        amount: 152_001,
        planItemId: c.items[1],
      }),
      409,
      'CONTRACT_PLAN_ITEM_OVER_INVOICED',
    );
    // The parts may not take the invoice past its total (the registry's rule).
    const invoice = (await sunli.post('/api/v1/invoices', invoiceOf(c.code, 100_000))).json();
    expectProblem(
      await sunli.post(`/api/v1/contracts/${c.id}/invoices`, {
        invoiceId: invoice.id,
        amount: 100_001,
        allocations: [{ planItemId: c.items[0], amount: 100_001 }],
      }),
      409,
      'INVOICE_OVERUSED',
    );
    expect(await figures(c.id)).toMatchObject({ contract: 500_000, items: [200_000, 300_000] });
    const fits = await sunli.post(`/api/v1/contracts/${c.id}/invoices`, {
      invoiceId: invoice.id,
      amount: 100_000,
      allocations: [
        { planItemId: c.items[0], amount: 48_000 },
        { planItemId: c.items[1], amount: 52_000 },
      ],
    });
    expect(fits.statusCode, fits.body).toBe(201);
    expect(await figures(c.id)).toMatchObject({ contract: 600_000, items: [248_000, 352_000] });
  });
});
