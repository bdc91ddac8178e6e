import { businessDate } from '@concord/contracts';
import { defineDemo } from '../../../platform/kit/index.js';
import { advancePastDueDay } from '../execution/past-due.js';
import { seedContractArchive } from './archive.demo.js';
import { seedContractClosing } from './closing.demo.js';
import { seedContractDeliveries } from './deliveries.demo.js';
import type { ContractsDemoServices } from './demo-services.js';
import { seedContractInvoices } from './invoices.demo.js';
import { seedContractPayments } from './payments.demo.js';
import { seedDemoContracts } from './register.demo.js';
import { seedContractSchedule } from './schedule.demo.js';
import { seedContractSetup } from './setup.demo.js';

/** The contracts' demo, one step per sub-domain in the order a contract's life runs. */
export const contractsDemo = defineDemo({
  seed: async (services: ContractsDemoServices): Promise<void> => {
    // Numbering rules, contract categories and 2026 plan lines (the register's demo contracts use them).
    await seedContractSetup(services);
    // The contract register: its flows, contracts in every status, their archive and seal use.
    const contractIds = await seedDemoContracts(services);
    await seedContractArchive(services, contractIds);
    // Execution: payment/receipt plans first, then payments, invoices, deliveries.
    await seedContractSchedule(services);
    await seedContractPayments(services);
    await seedContractInvoices(services);
    await seedContractDeliveries(services);
    // Closing last: settlements (with retention) once the money is in place.
    await seedContractClosing(services);
    // The overdue amounts as of today, so the ledger's totals come from its rollup from the start.
    await advancePastDueDay(services.db, businessDate(services.clock.now()));
  },
});
