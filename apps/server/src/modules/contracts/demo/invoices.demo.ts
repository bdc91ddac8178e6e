import type { InvoiceInput } from '@concord/contracts';
import type { ContractsDemoServices as Services } from './demo-services.js';
import { executionFactories } from '../contracts.execution.factories.js';
import { invoiceFactories } from '../../invoices/index.js';
import type { RequestContext } from '../../../platform/http/index.js';

/**
 * The invoice registry's demo: for a contract in force in each company, the invoice of its first
 * plan item, registered and linked by the company's finance (so the contract's invoices tab, the
 * ledger's invoiced column and the registry all show something); plus an unused invoice and a
 * voided one in the registry.
 */
interface DemoContractInvoice {
  contract: string;
  /** Finance of the contract's company. */
  by: string;
  type: InvoiceInput['type'];
  code: string | null;
  number: string;
  taxRateBp: number;
  issueDate: string;
}

const linked: DemoContractInvoice[] = [
  {
    contract: '常年法律顾问服务合同',
    by: 'li.na',
    type: 'VAT_SPECIAL',
    code: '1100252130',
    number: '04817362',
    taxRateBp: 600,
    issueDate: '2026-01-20',
  },
  {
    contract: '城东产业园一期主体结构劳务分包合同',
    by: 'sun.li',
    type: 'DIGITAL_SPECIAL',
    code: null,
    number: '26322000000154870391',
    taxRateBp: 900,
    issueDate: '2026-03-05',
  },
  {
    contract: '智慧园区平台销售合同',
    by: 'tang.mei',
    type: 'E_VAT_SPECIAL',
    code: '044032600111',
    number: '10938475',
    taxRateBp: 1300,
    issueDate: '2026-06-10',
  },
];

export async function seedContractInvoices(services: Services): Promise<void> {
  const system = services.systemContext('seed-demo');
  const as = async (username: string): Promise<RequestContext> => {
    const user = await services.users.findByUsername(username);
    if (!user) throw new Error(`demo user ${username} missing`);
    return services.auth.contextForUser(user.id, user.entity_id, 'seed-demo');
  };
  const entities = await services.org.listEntities(system);
  const entityOf = (id: string) => entities.find((e) => e.id === id);

  for (const demo of linked) {
    const row = (await services.contractLedger.list(system, { q: demo.contract, limit: 20 })).items.find(
      (r) => r.name === demo.contract && r.status === 'IN_FORCE',
    );
    if (!row) continue;
    const contract = await services.contracts.get(system, row.id);
    const schedule = await services.contractSchedule.get(system, contract.id);
    const item = schedule.items[0];
    const total = item ? item.amount : Math.round(contract.currentAmount / 10);
    const ours = entityOf(contract.entityId);
    if (!ours) continue;
    const partner = { name: contract.partnerName, taxId: contract.partnerCreditCode ?? '91000000MA00000001' };
    const us = { name: ours.name, taxId: ours.creditCode ?? '91000000MA00000002' };
    const received = contract.direction === 'EXPENSE';
    const [seller, buyer] = received ? [partner, us] : [us, partner];
    await executionFactories.contractInvoice(services, await as(demo.by), contract.id, {
      invoice: {
        direction: received ? 'RECEIVED' : 'ISSUED',
        type: demo.type,
        code: demo.code,
        number: demo.number,
        sellerTaxId: seller.taxId,
        sellerName: seller.name,
        buyerTaxId: buyer.taxId,
        buyerName: buyer.name,
        issueDate: demo.issueDate,
        ...invoiceFactories.splitTax(total, demo.taxRateBp),
        totalAmount: total,
        remarks: item ? `${contract.number ?? contract.name} ${item.name}` : null,
      },
      planItemId: item?.id ?? null,
      amount: total,
    });
  }
}
