import { describe, expect, it } from 'vitest';
import { describeEachDialect } from '../../testing/test-app.js';
import type { AppError, RequestContext } from '../../platform/http/index.js';
import { invoiceIssues, invoiceKey, normalizeInvoice, usageFits, yuan } from './invoices.rules.js';
import { digitalInvoice, freshNumber, paperInvoice } from './invoices.testing.js';

/** A problem+json answer with this status and code; returns its body. */
function expectProblem(res: { statusCode: number; body: string; json(): any }, status: number, code: string) {
  expect(res.statusCode, res.body).toBe(status);
  const body = res.json();
  expect(body.code).toBe(code);
  return body as { code: string; detail: string; errors?: { path: string; message: string }[] };
}

describe('invoice rules', () => {
  it('keys paper invoices by code, number and seller, digital ones by number', () => {
    expect(
      invoiceKey({ type: 'VAT_SPECIAL', code: '3200211130', number: '12345678', sellerTaxId: 'S1' }),
    ).toBe('P|3200211130|12345678|S1');
    expect(
      invoiceKey({ type: 'DIGITAL_ORDINARY', code: null, number: '26320000000012345678', sellerTaxId: 'S1' }),
    ).toBe('D|26320000000012345678');
  });

  it('checks shapes per type and that the total is the amount plus tax', () => {
    const ok = normalizeInvoice({ ...(paperInvoice() as any), sellerTaxId: ' 91320500ma1n8yxu16 ' });
    expect(ok.sellerTaxId).toBe('91320500MA1N8YXU16');
    expect(invoiceIssues(ok)).toEqual([]);
    const paths = (input: any) => invoiceIssues(normalizeInvoice(input)).map((i) => i.path);
    expect(paths(paperInvoice({ code: null }))).toEqual(['code']);
    expect(paths(paperInvoice({ code: '123456789' }))).toEqual(['code']);
    expect(paths(paperInvoice({ number: '1234567' }))).toEqual(['number']);
    expect(paths(digitalInvoice({ code: '3200211130' }))).toEqual(['code']);
    expect(paths(digitalInvoice({ number: '12345678' }))).toEqual(['number']);
    expect(paths(paperInvoice({ buyerTaxId: 'abc-123' }))).toEqual(['buyerTaxId']);
    expect(paths(paperInvoice({ totalAmount: 113_001 }))).toEqual(['totalAmount']);
  });

  it('fits usages up to the total and formats yuan', () => {
    expect(usageFits(10_000, 6_000, 4_000)).toBe(true);
    expect(usageFits(10_000, 6_000, 4_001)).toBe(false);
    expect(usageFits(10_000, 0, 0)).toBe(false);
    expect(yuan(123_456_789)).toBe('¥1,234,567.89');
    expect(yuan(-5)).toBe('-¥0.05');
  });
});

describeEachDialect('invoice registry', (t) => {
  const system = (): RequestContext => t().services.systemContext('invoice-test');
  const use = async (invoiceId: string, documentId: string, amount: number, label = 'HT-TEST') => {
    // Resolved before the transaction: SQLite has one connection.
    const grp = await t().given.entityByCode('GRP');
    return t()
      .services.db.transaction()
      .execute((trx) =>
        t().services.invoiceUse.use(trx, system(), invoiceId, {
          documentType: 'contract',
          documentId,
          documentLabel: label,
          entityId: grp.id,
          amount,
        }),
      );
  };
  const newDocumentId = () => crypto.randomUUID();

  it('registers an invoice and refuses the same paper triple again, anywhere in the group', async () => {
    const lina = await t().login('li.na');
    const input = paperInvoice();
    const res = await lina.post('/api/v1/invoices', input);
    expect(res.statusCode, res.body).toBe(201);
    const invoice = res.json();
    expect(invoice).toMatchObject({
      number: input.number,
      code: '3200211130',
      totalAmount: 113_000,
      usedAmount: 0,
      status: 'VALID',
      entityName: '协和控股集团有限公司',
    });
    // Another entity's finance registers the very same invoice: refused, and told it is unused.
    const sunli = await t().login('sun.li');
    const again = expectProblem(await sunli.post('/api/v1/invoices', input), 409, 'INVOICE_DUPLICATE');
    expect(again.detail).toContain(input.number);
    expect(again.detail).toContain('尚未被任何单据使用');
    // The same number from another seller, or with another code, is another invoice.
    const otherSeller = await lina.post('/api/v1/invoices', { ...input, sellerTaxId: '91310000MA1FL2EF3Y' });
    expect(otherSeller.statusCode, otherSeller.body).toBe(201);
    const otherCode = await lina.post('/api/v1/invoices', { ...input, code: '320021113099' });
    expect(otherCode.statusCode, otherCode.body).toBe(201);
  });

  it('keys fully digital invoices by number alone and checks their shape', async () => {
    const lina = await t().login('li.na');
    const input = digitalInvoice();
    expect((await lina.post('/api/v1/invoices', input)).statusCode).toBe(201);
    const dup = expectProblem(
      await lina.post('/api/v1/invoices', {
        ...input,
        sellerTaxId: '91310000MA1FL2EF3Y',
        sellerName: '别家',
      }),
      409,
      'INVOICE_DUPLICATE',
    );
    expect(dup.detail).toContain(input.number);
    const bad = expectProblem(
      await lina.post('/api/v1/invoices', digitalInvoice({ code: '3200211130' })),
      400,
      'INVOICE_INVALID',
    );
    expect(bad.errors?.map((e) => e.path)).toEqual(['code']);
    const total = expectProblem(
      await lina.post('/api/v1/invoices', paperInvoice({ totalAmount: 113_100 })),
      400,
      'INVOICE_INVALID',
    );
    expect(total.errors?.map((e) => e.path)).toEqual(['totalAmount']);
  });

  it('lets exactly one of concurrent registrations of the same invoice win', async () => {
    const lina = await t().login('li.na');
    const input = paperInvoice();
    const answers = await Promise.all(Array.from({ length: 6 }, () => lina.post('/api/v1/invoices', input)));
    const codes = answers.map((a) => a.statusCode).sort();
    expect(codes).toEqual([201, 409, 409, 409, 409, 409]);
    for (const a of answers.filter((r) => r.statusCode === 409))
      expect(a.json().code).toBe('INVOICE_DUPLICATE');
    const db = t().services.db;
    const rows = await db.selectFrom('invoice').select('id').where('number', '=', input.number).execute();
    expect(rows).toHaveLength(1);
  });

  it('splits an invoice across documents up to its total, once per document', async () => {
    const lina = await t().login('li.na');
    const invoice = (await lina.post('/api/v1/invoices', paperInvoice())).json();
    const [a, b, c] = [newDocumentId(), newDocumentId(), newDocumentId()];
    await use(invoice.id, a, 60_000, 'HT-A');
    await use(invoice.id, b, 53_000, 'HT-B');
    await expect(use(invoice.id, c, 1)).rejects.toMatchObject({ code: 'INVOICE_OVERUSED' });
    await expect(use(invoice.id, a, 1, 'HT-A')).rejects.toMatchObject({ code: 'INVOICE_USED_TWICE' });
    expect((await lina.get(`/api/v1/invoices/${invoice.id}`)).json().usedAmount).toBe(113_000);
    const usages = (await lina.get(`/api/v1/invoices/${invoice.id}/usages`)).json().items;
    expect(usages.map((u: any) => [u.documentLabel, u.amount, u.status])).toEqual([
      ['HT-A', 60_000, 'ACTIVE'],
      ['HT-B', 53_000, 'ACTIVE'],
    ]);
    // Releasing one frees its amount for another document.
    await t()
      .services.db.transaction()
      .execute((trx) =>
        t().services.invoiceUse.release(trx, system(), usages[1].id, {
          documentType: 'contract',
          documentId: b,
        }),
      );
    await use(invoice.id, c, 53_000, 'HT-C');
    expect((await lina.get(`/api/v1/invoices/${invoice.id}`)).json().usedAmount).toBe(113_000);
  });

  it('never lets concurrent uses of one invoice pass its total', async () => {
    const lina = await t().login('li.na');
    const invoice = (await lina.post('/api/v1/invoices', paperInvoice())).json();
    const results = await Promise.allSettled(
      Array.from({ length: 12 }, () => use(invoice.id, newDocumentId(), 20_000)),
    );
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(5);
    for (const r of results.filter((r) => r.status === 'rejected'))
      expect((r as PromiseRejectedResult).reason.code).toBe('INVOICE_OVERUSED');
    expect((await lina.get(`/api/v1/invoices/${invoice.id}`)).json().usedAmount).toBe(100_000);
  });

  it('names the documents using an invoice when it is registered again', async () => {
    const lina = await t().login('li.na');
    const input = paperInvoice();
    const invoice = (await lina.post('/api/v1/invoices', input)).json();
    await use(invoice.id, newDocumentId(), 50_000, 'HT-GRP-202603-0007');
    await use(invoice.id, newDocumentId(), 10_000, 'HT-GRP-202603-0008');
    const dup = expectProblem(await lina.post('/api/v1/invoices', input), 409, 'INVOICE_DUPLICATE');
    expect(dup.detail).toContain('已被 合同 HT-GRP-202603-0007、合同 HT-GRP-202603-0008 使用');
    const grp = await t().given.entityByCode('GRP');
    const en = await t()
      .services.invoices.register({ ...system(), locale: 'en-US' }, { ...input, entityId: grp.id })
      .catch((error: AppError) => error);
    expect(en, String(en)).toHaveProperty('code', 'INVOICE_DUPLICATE');
    expect((en as AppError).messageFor('en-US')).toMatch(
      /already registered in the group .*; used by contract HT-GRP-202603-0007, contract HT-GRP-202603-0008$/,
    );
  });

  it('refuses to void a used invoice, voids an unused one with an audit record, then refuses its use', async () => {
    const lina = await t().login('li.na');
    const invoice = (await lina.post('/api/v1/invoices', paperInvoice())).json();
    const doc = newDocumentId();
    const usage = await use(invoice.id, doc, 10_000, 'HT-VOID');
    const inUse = expectProblem(
      await lina.post(`/api/v1/invoices/${invoice.id}/void`, { reason: '开票有误' }),
      409,
      'INVOICE_IN_USE',
    );
    expect(inUse.detail).toContain('合同 HT-VOID');
    await t()
      .services.db.transaction()
      .execute((trx) =>
        t().services.invoiceUse.release(trx, system(), usage.id, {
          documentType: 'contract',
          documentId: doc,
        }),
      );
    const voided = await lina.post(`/api/v1/invoices/${invoice.id}/void`, { reason: '开票有误' });
    expect(voided.statusCode, voided.body).toBe(200);
    expect(voided.json()).toMatchObject({ status: 'VOIDED', voidReason: '开票有误', usedAmount: 0 });
    await expect(use(invoice.id, newDocumentId(), 1)).rejects.toMatchObject({ code: 'INVOICE_VOIDED' });
    expectProblem(
      await lina.post(`/api/v1/invoices/${invoice.id}/void`, { reason: '再次作废' }),
      409,
      'INVOICE_VOIDED',
    );
    const db = t().services.db;
    const audit = await db
      .selectFrom('audit_log')
      .select(['action'])
      .where('entity_type', '=', 'invoice')
      .where('entity_id', '=', invoice.id)
      .orderBy('seq')
      .execute();
    expect(audit.map((a) => a.action)).toEqual(['create', 'use', 'release', 'void']);
  });

  it('lists and exports within the scope, with filters', async () => {
    const lina = await t().login('li.na');
    const sunli = await t().login('sun.li');
    const seller = `过滤测试供应商${freshNumber()}`;
    const grpInvoice = (
      await lina.post('/api/v1/invoices', paperInvoice({ sellerName: seller, issueDate: '2026-04-02' }))
    ).json();
    const consInvoice = (
      await sunli.post('/api/v1/invoices', digitalInvoice({ sellerName: seller, issueDate: '2026-04-20' }))
    ).json();
    expect(consInvoice.entityName).toBe('协和建设工程有限公司');
    // CONS finance sees CONS invoices only; the group's GM sees both.
    const consView = (await sunli.get(`/api/v1/invoices?seller=${encodeURIComponent(seller)}`)).json();
    expect(consView.items.map((i: any) => i.id)).toEqual([consInvoice.id]);
    expectProblem(await sunli.get(`/api/v1/invoices/${grpInvoice.id}`), 404, 'NOT_FOUND');
    const gm = await t().login('zhang.wei');
    const all = (await gm.get(`/api/v1/invoices?seller=${encodeURIComponent(seller)}&sort=issueDate`)).json();
    expect(all.items.map((i: any) => i.id)).toEqual([grpInvoice.id, consInvoice.id]);
    expect(all.total).toBe(2);
    const filtered = (
      await gm.get(
        `/api/v1/invoices?seller=${encodeURIComponent(seller)}&type=DIGITAL_SPECIAL&issuedFrom=2026-04-10&issuedTo=2026-04-30`,
      )
    ).json();
    expect(filtered.items.map((i: any) => i.id)).toEqual([consInvoice.id]);
    const byQ = (await gm.get(`/api/v1/invoices?q=${grpInvoice.number}`)).json();
    expect(byQ.items.map((i: any) => i.id)).toEqual([grpInvoice.id]);
    const exported = await gm.get(`/api/v1/invoices/export?seller=${encodeURIComponent(seller)}`);
    expect(exported.statusCode).toBe(200);
    expect(exported.headers['content-type']).toContain('spreadsheetml');
    // Registering into an entity outside the caller's scope is refused.
    const tech = await t().given.entityByCode('TECH');
    expectProblem(
      await sunli.post('/api/v1/invoices', { ...paperInvoice(), entityId: tech.id }),
      403,
      'FORBIDDEN',
    );
  });
});
