import { beforeAll, expect, it } from 'vitest';
import { newId } from '../../../db/index.js';
import { digitalInvoice, paperInvoice } from '../../invoices/invoices.testing.js';
import { describeEachDialect } from '../../../testing/test-app.js';
import {
  type ContractFixture,
  creditCode,
  expectProblem,
  insertLedgerRow,
  publishContractFlows,
} from '../contracts.testing.js';

describeEachDialect('contract invoices', (t) => {
  let f: ContractFixture;
  const db = () => t().services.db;
  beforeAll(async () => {
    f = await publishContractFlows(t());
  });

  /** A CONS contract in force with two plan items (60% / 40% of ¥11,300.00), its partner's credit code set. */
  async function contractInForce(
    options: { direction?: 'INCOME' | 'EXPENSE'; creditCode?: string | null } = {},
  ) {
    const code = options.creditCode === undefined ? creditCode() : options.creditCode;
    const number = `HT-INV-${Math.floor(Math.random() * 1e8)}`;
    const id = await insertLedgerRow(t(), {
      name: '发票关联测试合同',
      number,
      categoryId: f.category.id,
      entityId: f.cons.entityId,
      departmentId: f.cons.eng1,
      ownerId: f.users.fengBo,
      partnerId: f.partners.cons,
      partnerName: f.partners.consName,
      status: 'IN_FORCE',
      direction: options.direction ?? 'EXPENSE',
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
          requested_amount: 0,
          paid_amount: 0,
          invoiced_amount: 0,
          accepted_amount: 0,
          created_at: t().services.clock.now().toISOString(),
          updated_at: t().services.clock.now().toISOString(),
        })
        .execute();
      items.push(itemId);
    }
    return { id, number, creditCode: code, items };
  }

  const figures = async (contractId: string) => {
    const contract = await db()
      .selectFrom('contract')
      .select(['invoiced_amount'])
      .where('id', '=', contractId)
      .executeTakeFirstOrThrow();
    const items = await db()
      .selectFrom('contract_plan_item')
      .select(['invoiced_amount'])
      .where('contract_id', '=', contractId)
      .orderBy('seq')
      .execute();
    return { contract: contract.invoiced_amount, items: items.map((i) => i.invoiced_amount) };
  };

  it('registers an invoice inline, links it to a plan item and refreshes the invoiced figures', async () => {
    const c = await contractInForce();
    const sunli = await t().login('sun.li');
    const invoice = paperInvoice({
      sellerTaxId: c.creditCode!,
      totalAmount: 678_000,
      amountExclTax: 600_000,
      taxAmount: 78_000,
    });
    const res = await sunli.post(`/api/v1/contracts/${c.id}/invoices`, {
      invoice,
      planItemId: c.items[0],
      amount: 678_000,
    });
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json()).toMatchObject({
      contractId: c.id,
      planItemId: c.items[0],
      amount: 678_000,
      invoice: { number: invoice.number, usedAmount: 678_000, entityName: '协和建设工程有限公司' },
    });
    expect(await figures(c.id)).toEqual({ contract: 678_000, items: [678_000, 0] });
    // A second one for the contract as a whole (no plan item).
    const whole = await sunli.post(`/api/v1/contracts/${c.id}/invoices`, {
      invoice: digitalInvoice({ sellerTaxId: c.creditCode! }),
      amount: 50_000,
    });
    expect(whole.statusCode, whole.body).toBe(201);
    expect(await figures(c.id)).toEqual({ contract: 728_000, items: [678_000, 0] });
    const list = (await sunli.get(`/api/v1/contracts/${c.id}/invoices`)).json();
    expect(list.total).toBe(728_000);
    expect(list.items.map((i: any) => [i.planItemId, i.amount])).toEqual([
      [c.items[0], 678_000],
      [null, 50_000],
    ]);
  });

  it('splits an existing invoice across contracts up to its total, once per contract', async () => {
    const code = creditCode();
    const a = await contractInForce({ creditCode: code });
    const b = await contractInForce({ creditCode: code });
    const sunli = await t().login('sun.li');
    const invoice = (await sunli.post('/api/v1/invoices', paperInvoice({ sellerTaxId: code }))).json();
    const link = (contractId: string, amount: number) =>
      sunli.post(`/api/v1/contracts/${contractId}/invoices`, { invoiceId: invoice.id, amount });
    expect((await link(a.id, 80_000)).statusCode).toBe(201);
    const twice = expectProblem(await link(a.id, 1_000), 409, 'INVOICE_USED_TWICE');
    expect(twice.detail).toContain(a.number);
    const over = expectProblem(await link(b.id, 33_001), 409, 'INVOICE_OVERUSED');
    expect(over.detail).toContain('¥1,130.00');
    expect(over.detail).toContain('¥800.00');
    expect((await link(b.id, 33_000)).statusCode).toBe(201);
    expect((await figures(a.id)).contract).toBe(80_000);
    expect((await figures(b.id)).contract).toBe(33_000);
    // Registering it again names both contracts that use it.
    const dup = expectProblem(
      await sunli.post(`/api/v1/contracts/${a.id}/invoices`, {
        invoice: paperInvoice({ sellerTaxId: code, code: invoice.code, number: invoice.number }),
        amount: 1,
      }),
      409,
      'INVOICE_DUPLICATE',
    );
    expect(dup.detail).toContain(`合同 ${a.number}`);
    expect(dup.detail).toContain(`合同 ${b.number}`);
  });

  it('releases a link: the figures drop and the invoice is free again', async () => {
    const c = await contractInForce();
    const sunli = await t().login('sun.li');
    const linked = (
      await sunli.post(`/api/v1/contracts/${c.id}/invoices`, {
        invoice: paperInvoice({ sellerTaxId: c.creditCode! }),
        planItemId: c.items[1],
        amount: 113_000,
      })
    ).json();
    expect(await figures(c.id)).toEqual({ contract: 113_000, items: [0, 113_000] });
    const released = await sunli.delete(`/api/v1/contract-invoices/${linked.usageId}`);
    expect(released.statusCode, released.body).toBe(200);
    expect(released.json()).toEqual({ items: [], total: 0 });
    expect(await figures(c.id)).toEqual({ contract: 0, items: [0, 0] });
    expect((await sunli.get(`/api/v1/invoices/${linked.invoice.id}`)).json().usedAmount).toBe(0);
    expectProblem(await sunli.delete(`/api/v1/contract-invoices/${linked.usageId}`), 404, 'NOT_FOUND');
  });

  it('refuses invoices of the wrong direction or of another party', async () => {
    const expense = await contractInForce();
    const income = await contractInForce({ direction: 'INCOME' });
    const noCode = await contractInForce({ creditCode: null });
    const sunli = await t().login('sun.li');
    const wrongWay = expectProblem(
      await sunli.post(`/api/v1/contracts/${expense.id}/invoices`, {
        invoice: paperInvoice({ direction: 'ISSUED', sellerTaxId: expense.creditCode! }),
        amount: 1_000,
      }),
      400,
      'INVOICE_DIRECTION_MISMATCH',
    );
    expect(wrongWay.detail).toBe('支出类合同只能关联收到的发票（进项），该发票为开出的发票（销项）');
    const other = expectProblem(
      await sunli.post(`/api/v1/contracts/${expense.id}/invoices`, {
        invoice: paperInvoice(),
        amount: 1_000,
      }),
      400,
      'INVOICE_PARTY_MISMATCH',
    );
    expect(other.detail).toContain(expense.creditCode!);
    expect(other.detail).toContain(f.partners.consName);
    // Income contracts take issued invoices whose buyer is the counterparty.
    const issued = await sunli.post(`/api/v1/contracts/${income.id}/invoices`, {
      invoice: paperInvoice({ direction: 'ISSUED', buyerTaxId: income.creditCode! }),
      amount: 1_000,
    });
    expect(issued.statusCode, issued.body).toBe(201);
    // Without a credit code on the partner, the tax id cannot be compared and is accepted.
    const unchecked = await sunli.post(`/api/v1/contracts/${noCode.id}/invoices`, {
      invoice: paperInvoice(),
      amount: 1_000,
    });
    expect(unchecked.statusCode, unchecked.body).toBe(201);
    // Nothing was registered by the refused attempts.
    const refused = await db()
      .selectFrom('invoice')
      .select('id')
      .where('direction', '=', 'ISSUED')
      .where('seller_tax_id', '=', expense.creditCode!)
      .execute();
    expect(refused).toHaveLength(0);
  });

  it('keeps contracts of other entities, drafts and foreign plan items out of reach', async () => {
    const c = await contractInForce();
    const other = await contractInForce();
    const tangmei = await t().login('tang.mei');
    expectProblem(
      await tangmei.post(`/api/v1/contracts/${c.id}/invoices`, { invoice: paperInvoice(), amount: 1_000 }),
      404,
      'NOT_FOUND',
    );
    expectProblem(await tangmei.get(`/api/v1/contracts/${c.id}/invoices`), 404, 'NOT_FOUND');
    const sunli = await t().login('sun.li');
    expectProblem(
      await sunli.post(`/api/v1/contracts/${c.id}/invoices`, {
        invoice: paperInvoice({ sellerTaxId: c.creditCode! }),
        planItemId: other.items[0],
        amount: 1_000,
      }),
      400,
      'INVALID_REFERENCE',
    );
    expectProblem(
      await sunli.post(`/api/v1/contracts/${c.id}/invoices`, { amount: 1_000 }),
      400,
      'VALIDATION_FAILED',
    );
    await db().updateTable('contract').set({ status: 'DRAFT' }).where('id', '=', c.id).execute();
    expectProblem(
      await sunli.post(`/api/v1/contracts/${c.id}/invoices`, {
        invoice: paperInvoice({ sellerTaxId: c.creditCode! }),
        amount: 1_000,
      }),
      409,
      'CONTRACT_ILLEGAL_TRANSITION',
    );
  });
});
