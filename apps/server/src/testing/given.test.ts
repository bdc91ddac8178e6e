import { describe, expect, it } from 'vitest';
import { describeEachDialect } from './test-app.js';

/** The audit actions recorded on a row, oldest first (every factory writes through audited services). */
async function auditActions(db: any, entityType: string, entityId: string): Promise<string[]> {
  const rows = await db
    .selectFrom('audit_log')
    .select(['action'])
    .where('entity_type', '=', entityType)
    .where('entity_id', '=', entityId)
    .orderBy('seq')
    .execute();
  return rows.map((row: { action: string }) => row.action);
}

// An empty database (no demo): the factories build everything they need in a company of their own.
describeEachDialect(
  'given: factories of real rows',
  (t) => {
    describe('the world', () => {
      it('is one company of its own per test app, with a registrar and an approver', async () => {
        const { given, services } = t();
        const world = await given.world();
        expect(await given.world()).toBe(world);
        const entity = await services.org.getEntity(services.systemContext('test'), world.entityId);
        expect(entity.code).toMatch(/^G/);
        expect(world.registrar.ctx.actor?.actingEntityId).toBe(world.entityId);
        expect(world.approver.id).not.toBe(world.registrar.id);
      });
    });

    describe('partners', () => {
      it('creates a supplier with a valid credit code, audited', async () => {
        const { given, services } = t();
        const partner = await given.partner();
        expect(partner).toMatchObject({ kinds: ['supplier'], type: 'enterprise', blacklisted: false });
        expect(partner.creditCode).toMatch(/^91310000\d{9}[0-9A-Z]$/);
        expect(await auditActions(services.db, 'partner', partner.id)).toContain('create');
      });

      it('adds a bank account, a contact and qualifications, and blacklists when asked', async () => {
        const { given, services } = t();
        const partner = await given.partner({
          name: '工厂测试伙伴有限公司',
          bank: { bankName: '测试银行', accountNumber: '6222 0000 1111' },
          contact: { name: '王五', phone: '138 0000 0000' },
          qualifications: [{ type: '营业执照', validTo: '2030-12-31' }],
          blacklist: '测试：提供虚假资质',
        });
        expect(partner.name).toBe('工厂测试伙伴有限公司');
        expect(partner.blacklisted).toBe(true);
        expect(partner.bankAccounts).toMatchObject([
          { bankName: '测试银行', accountName: '工厂测试伙伴有限公司', isDefault: true },
        ]);
        expect(partner.contacts.map((c) => c.name)).toEqual(['王五']);
        expect(partner.qualifications.map((q) => q.validTo)).toEqual(['2030-12-31']);
        expect(await auditActions(services.db, 'partner', partner.id)).toEqual(
          expect.arrayContaining(['create', 'blacklist']),
        );
      });
    });

    describe('the contract register', () => {
      it('creates a category and a plan line, audited', async () => {
        const { given, services } = t();
        const category = await given.contractCategory({ direction: 'INCOME' });
        expect(category).toMatchObject({ direction: 'INCOME', active: true });
        expect(await auditActions(services.db, 'contract_category', category.id)).not.toEqual([]);
        const line = await given.planLine({ plannedAmount: 5_000_000 });
        expect(line).toMatchObject({
          year: 2026,
          plannedAmount: 5_000_000,
          entityId: (await given.world()).entityId,
        });
        expect(await auditActions(services.db, 'contract_plan_line', line.id)).not.toEqual([]);
      });

      it('creates a draft with sensible defaults, overridable, audited', async () => {
        const { given, services } = t();
        const draft = await given.contract({ name: '工厂测试合同', amount: 2_260_000 });
        expect(draft).toMatchObject({
          name: '工厂测试合同',
          status: 'DRAFT',
          amount: 2_260_000,
          currency: 'CNY',
        });
        expect(draft.number).toBeNull();
        expect(await auditActions(services.db, 'contract', draft.id)).toContain('create');
      });

      it('uploads the attachments a category requires before submission', async () => {
        const { given } = t();
        const world = await given.world();
        const category = await given.contractCategory({
          requiredAttachmentTypes: ['SIGNED_SCAN', 'QUOTATION'],
          direction: 'EXPENSE',
        });
        const submitted = await given.submittedContract({
          categoryId: category.id,
          entityId: world.entityId,
        });
        expect(submitted.status).toBe('IN_APPROVAL');
        expect(submitted.attachments.map((a) => a.type)).toEqual(['QUOTATION']);
      });

      it('reaches approved and in force through the engine, numbered and signed', async () => {
        const { given, services } = t();
        const approved = await given.approvedContract();
        expect(approved.status).toBe('APPROVED');
        expect(approved.number).toMatch(/^GV-G/);
        const active = await given.activeContract({ signDate: '2026-02-01' });
        expect(active).toMatchObject({ status: 'IN_FORCE', signDate: '2026-02-01' });
        expect(active.attachments.map((a) => a.type)).toContain('SIGNED_SCAN');
        expect(await auditActions(services.db, 'contract', active.id)).toEqual(
          expect.arrayContaining(['create', 'submit', 'sign']),
        );
      });
    });

    describe('execution', () => {
      it('plans a contract in force, requests, approves and pays, audited', async () => {
        const { given, services } = t();
        const active = await given.activeContract({ amount: 1_000_000 });
        const schedule = await given.planItems(active.id, [{ amount: 300_000 }, {}]);
        expect(schedule.items.map((i) => i.amount)).toEqual([300_000, 700_000]);
        // Nothing is invoiced and accepted yet: paying first takes an override reason (the registrar may give one).
        const requested = await given.paymentRequest(active.id, { overrideReason: '预付款' });
        expect(requested).toMatchObject({ status: 'IN_APPROVAL', amount: 300_000 });
        const paid = await given.paidPayment(active.id, { amount: 200_000, overrideReason: '进度款' });
        expect(paid).toMatchObject({ status: 'PAID', amount: 200_000 });
        expect(await auditActions(services.db, 'contract_payment', paid.id)).not.toEqual([]);
      });

      it('receives on an income contract, audited', async () => {
        const { given, services } = t();
        const active = await given.activeContract({ income: true, amount: 500_000 });
        await given.planItems(active.id);
        const received = await given.receipt(active.id, { amount: 100_000 });
        expect(received).toMatchObject({ kind: 'RECEIPT', status: 'RECEIVED', amount: 100_000 });
        expect(await auditActions(services.db, 'contract_payment', received.id)).not.toEqual([]);
      });

      it('registers invoices, on their own and linked to a contract, audited', async () => {
        const { given, services } = t();
        const invoice = await given.invoice({ totalAmount: 113_000 });
        expect(invoice).toMatchObject({ totalAmount: 113_000, amountExclTax: 100_000, taxAmount: 13_000 });
        expect(await auditActions(services.db, 'invoice', invoice.id)).not.toEqual([]);
        const active = await given.activeContract();
        const linked = await given.contractInvoice(active.id, { invoice: { totalAmount: 50_000 } });
        expect(linked).toMatchObject({ contractId: active.id, amount: 50_000 });
        // Registered in the registry and its use by the contract recorded, each audited.
        expect(linked.invoice).toMatchObject({
          direction: 'RECEIVED',
          sellerTaxId: active.partnerCreditCode,
        });
        expect(await auditActions(services.db, 'invoice', linked.invoice.id)).not.toEqual([]);
        expect(await auditActions(services.db, 'contract', active.id)).toContain('invoice.link');
      });

      it('changes a contract in force through an approved change order, audited', async () => {
        const { given, services } = t();
        const active = await given.activeContract({ amount: 500_000 });
        const change = await given.changeOrder(active.id, { proposed: { amount: 600_000 } });
        expect(change).toMatchObject({ contractId: active.id, status: 'IN_APPROVAL' });
        const after = await services.contracts.get(services.systemContext('test'), active.id);
        expect(after).toMatchObject({ currentAmount: 600_000, version: active.version + 1 });
        expect(await auditActions(services.db, 'contract_change', change.id)).not.toEqual([]);
      });

      it('delivers and accepts, settles and evaluates a contract in force, audited', async () => {
        const { given, services } = t();
        const active = await given.activeContract({ amount: 500_000 });
        const delivered = await given.delivery(active.id, { deliveredAmount: 200_000 });
        expect(delivered).toMatchObject({ status: 'DELIVERED', deliveredAmount: 200_000 });
        const accepted = await given.acceptance(delivered, { acceptedAmount: 150_000 });
        expect(accepted).toMatchObject({ status: 'ACCEPTED', acceptedAmount: 150_000 });
        expect(await auditActions(services.db, 'contract_delivery', delivered.id)).toEqual([
          'create',
          'accept',
        ]);
        const settlement = await given.settlement(active.id);
        expect(settlement).toMatchObject({ status: 'IN_APPROVAL', finalAmount: active.currentAmount });
        expect(await auditActions(services.db, 'contract_settlement', settlement.id)).not.toEqual([]);
        const evaluation = await given.evaluation(active.id, { comment: '按期交付' });
        expect(evaluation.scores.every((s) => s.score === 90)).toBe(true);
        expect(await auditActions(services.db, 'contract_evaluation', evaluation.id)).toEqual(['create']);
      });

      it('archives a signed contract, lends its original and asks for its seal, audited', async () => {
        const { given, services } = t();
        const active = await given.activeContract();
        const archived = await given.archiveRecord(active.id);
        expect(archived).toMatchObject({ contractId: active.id, copies: 2 });
        const borrowed = await given.borrow(active.id);
        expect(borrowed).toMatchObject({ contractId: active.id, returnedDate: null });
        expect(await auditActions(services.db, 'contract_borrow', borrowed.id)).not.toEqual([]);
        const seal = await given.sealRequest(active.id);
        expect(seal).toMatchObject({ status: 'IN_APPROVAL', sealType: 'CONTRACT_SEAL', copies: 2 });
        expect(await auditActions(services.db, 'contract_seal_request', seal.id)).not.toEqual([]);
      });
    });
  },
  { demo: false },
);
