import type { OrgService } from '../../platform/org/index.js';
import { type DemoPlatform, type DemoSeeded, defineDemo } from '../../platform/kit/index.js';
import { invoiceFactories } from './invoices.factories.js';
import type { InvoicesService } from './invoices.service.js';

/**
 * The invoice registry's own demo: invoices no document uses yet, and one voided after a wrong
 * issue (the contracts' demo registers and links the invoices of their plan items). Registered by
 * each company's finance, whose role IAM's demo grants, hence `after: ['iam']`.
 */
export const invoicesDemo = defineDemo({
  after: ['iam'],
  seed: async (
    services: { invoices: InvoicesService; org: OrgService } & DemoPlatform,
    { iam }: DemoSeeded<'iam'>,
  ): Promise<void> => {
    const as = (username: string) => iam.as(username);
    const entities = await services.org.listEntities(services.systemContext('seed-demo'));
    const grp = entities.find((e) => e.parentId === null);
    const cons = entities.find((e) => e.code === 'CONS');
    if (grp) {
      await invoiceFactories.invoice(services, await as('li.na'), {
        direction: 'RECEIVED',
        type: 'DIGITAL_ORDINARY',
        code: null,
        number: '26112000000087216405',
        sellerTaxId: '91110105MA00G7XK2P',
        sellerName: '北京京东世纪信息技术有限公司',
        buyerTaxId: grp.creditCode ?? '91110000MA01ABCD1X',
        buyerName: grp.name,
        issueDate: '2026-02-14',
        amountExclTax: 884_956,
        taxAmount: 115_044,
        totalAmount: 1_000_000,
        remarks: '办公电脑采购（待报销关联）',
      });
    }
    if (cons) {
      const ctx = await as('sun.li');
      const wrong = await invoiceFactories.invoice(services, ctx, {
        direction: 'RECEIVED',
        type: 'VAT_ORDINARY',
        code: '3100243320',
        number: '00715524',
        sellerTaxId: '91310115MA1H7PQ83C',
        sellerName: '上海浦东办公用品有限公司',
        buyerTaxId: cons.creditCode ?? '91310000MA1FL2EF3Y',
        buyerName: cons.name,
        issueDate: '2026-03-18',
        amountExclTax: 26_549,
        taxAmount: 3_451,
        totalAmount: 30_000,
        remarks: null,
      });
      await services.invoices.void(ctx, wrong.id, '购买方名称有误，已由销售方作废重开');
    }
  },
});
