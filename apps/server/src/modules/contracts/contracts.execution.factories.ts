/**
 * Factories of a contract's execution rows for tests and for the demo seed: its payment or
 * receipt plan, payment requests (approved and paid when asked), receipts and invoices, created
 * through the services (schema-checked, validated and audited like API writes).
 */
import { randomUUID } from 'node:crypto';
import {
  type ContractInvoice,
  type ContractPayment,
  type ContractPaymentPay,
  type ContractSchedule,
  type ContractScheduleItemInput,
  contractInvoiceLinkSchema,
  contractPaymentCreateSchema,
  contractPaymentPaySchema,
  contractReceiptCreateSchema,
  contractScheduleReplaceSchema,
  type InvoiceInput,
} from '@concord/contracts';
import type { RequestContext } from '../../platform/http/index.js';
import { invoiceFactories } from '../invoices/index.js';
import type { ContractInvoicesService } from './execution/contract-invoices.service.js';
import type { ContractsService } from './register/contracts.service.js';
import type { ContractScheduleService } from './execution/schedule.service.js';
import type { ContractPaymentExecution } from './payments/payments.execution.js';
import type { ContractPaymentRequests } from './payments/payments.requests.js';
import type { ContractPaymentsService } from './payments/payments.service.js';

/** The services the execution factories write through (the app's `Services` has them all). */
export interface ExecutionFactoryServices {
  contracts: ContractsService;
  contractSchedule: ContractScheduleService;
  contractPayments: ContractPaymentsService;
  contractPaymentRequests: ContractPaymentRequests;
  contractPaymentExecution: ContractPaymentExecution;
  contractInvoices: ContractInvoicesService;
}

/** Plan items as given, or computed from the amount the plan must sum to. */
export type PlanItemsInput =
  | Partial<ContractScheduleItemInput>[]
  | ((executableAmount: number) => ContractScheduleItemInput[]);

/**
 * Replaces a contract's payment (or receipt) plan. By default one item of the whole amount due
 * today; partial items share what the others leave (the last takes the remainder), named 第 N 期
 * and due today unless told otherwise.
 */
export async function planItems(
  services: Pick<ExecutionFactoryServices, 'contractSchedule'>,
  ctx: RequestContext,
  contractId: string,
  items: PlanItemsInput = [{}],
): Promise<ContractSchedule> {
  const current = await services.contractSchedule.get(ctx, contractId);
  const amount = current.executableAmount;
  let resolved: ContractScheduleItemInput[];
  if (typeof items === 'function') {
    resolved = items(amount);
  } else {
    const fixed = items.reduce((sum, item) => sum + (item.amount ?? 0), 0);
    const openCount = items.filter((item) => item.amount === undefined).length;
    const share = openCount ? Math.floor((amount - fixed) / openCount) : 0;
    let openSeen = 0;
    resolved = items.map((item, index) => {
      let itemAmount = item.amount;
      if (itemAmount === undefined) {
        openSeen += 1;
        itemAmount = openSeen === openCount ? amount - fixed - share * (openCount - 1) : share;
      }
      return { name: `第 ${index + 1} 期`, dueDate: current.today, ...item, amount: itemAmount };
    });
  }
  return services.contractSchedule.replace(
    ctx,
    contractId,
    contractScheduleReplaceSchema.parse({ lockVersion: current.lockVersion, items: resolved }),
  );
}

/** Which plan item and how much: the first item with room and all of its room by default. */
async function itemAndAmount(
  services: Pick<ExecutionFactoryServices, 'contractPayments'>,
  ctx: RequestContext,
  contractId: string,
  input: { planItemId?: string; amount?: number },
): Promise<{ planItemId: string; amount: number }> {
  if (input.planItemId && input.amount) return { planItemId: input.planItemId, amount: input.amount };
  const position = await services.contractPayments.position(ctx, contractId);
  const item = input.planItemId
    ? position.items.find((i) => i.id === input.planItemId)
    : position.items.find((i) => i.room > 0);
  if (!item) throw new Error(`contract ${contractId} has no plan item with room left`);
  return { planItemId: item.id, amount: input.amount ?? item.room };
}

/** A payment request (付款申请) on an expense contract's plan item; its approval starts. */
export async function paymentRequest(
  services: Pick<ExecutionFactoryServices, 'contractPayments' | 'contractPaymentRequests'>,
  ctx: RequestContext,
  contractId: string,
  input: Partial<Parameters<ContractPaymentRequests['request']>[2]> = {},
): Promise<ContractPayment> {
  const target = await itemAndAmount(services, ctx, contractId, input);
  return services.contractPaymentRequests.request(
    ctx,
    contractId,
    contractPaymentCreateSchema.parse({
      purpose: '测试付款',
      idempotencyKey: randomUUID(),
      ...input,
      ...target,
    }),
  );
}

/** A payment request approved through the engine and paid by finance (`payer`). */
export async function paidPayment(
  services: ExecutionFactoryServices,
  ctx: RequestContext,
  contractId: string,
  input: Partial<Parameters<ContractPaymentRequests['request']>[2]> & { pay?: Partial<ContractPaymentPay> },
  progress: { approve(instanceId: string): Promise<void>; payer: RequestContext },
): Promise<ContractPayment> {
  const { pay, ...request } = input;
  const requested = await paymentRequest(services, ctx, contractId, request);
  if (requested.instanceId) await progress.approve(requested.instanceId);
  const paidOn = pay?.paidOn ?? (await services.contractSchedule.get(ctx, contractId)).today;
  return services.contractPaymentExecution.pay(
    progress.payer,
    requested.id,
    contractPaymentPaySchema.parse({ paidOn, bankAccount: '测试银行 0000 0000', method: 'TRANSFER', ...pay }),
  );
}

/** A receipt (收款登记) on an income contract's plan item, received today by default. */
export async function receipt(
  services: Pick<
    ExecutionFactoryServices,
    'contractPayments' | 'contractPaymentExecution' | 'contractSchedule'
  >,
  ctx: RequestContext,
  contractId: string,
  input: Partial<Parameters<ContractPaymentExecution['receive']>[2]> = {},
): Promise<ContractPayment> {
  const target = await itemAndAmount(services, ctx, contractId, input);
  const receivedOn = input.receivedOn ?? (await services.contractSchedule.get(ctx, contractId)).today;
  return services.contractPaymentExecution.receive(
    ctx,
    contractId,
    contractReceiptCreateSchema.parse({
      bankAccount: '测试银行 0000 0000',
      method: 'TRANSFER',
      idempotencyKey: randomUUID(),
      ...input,
      ...target,
      receivedOn,
    }),
  );
}

/**
 * An invoice registered and linked to the contract (and a plan item when given), for its whole
 * total unless `amount` says otherwise. By default it goes the contract's way (received on an
 * expense contract) and names the counterparty by its credit code, as the link requires.
 */
export async function contractInvoice(
  services: Pick<ExecutionFactoryServices, 'contracts' | 'contractInvoices'>,
  ctx: RequestContext,
  contractId: string,
  input: {
    invoice?: Partial<InvoiceInput> & { taxRateBp?: number };
    planItemId?: string | null;
    amount?: number;
    /** Split across plan items (the parts sum to at most the amount). */
    allocations?: { planItemId: string; amount: number }[];
  } = {},
): Promise<ContractInvoice> {
  const contract = await services.contracts.get(ctx, contractId);
  const received = contract.direction === 'EXPENSE';
  const counterparty = contract.partnerCreditCode
    ? { name: contract.partnerName, taxId: contract.partnerCreditCode }
    : { name: contract.partnerName, taxId: '91000000MA00000001' };
  const invoice = invoiceFactories.invoiceInput({
    direction: received ? 'RECEIVED' : 'ISSUED',
    ...(received
      ? { sellerName: counterparty.name, sellerTaxId: counterparty.taxId }
      : { buyerName: counterparty.name, buyerTaxId: counterparty.taxId }),
    ...input.invoice,
  });
  return services.contractInvoices.link(
    ctx,
    contractId,
    contractInvoiceLinkSchema.parse({
      invoice,
      planItemId: input.planItemId ?? null,
      amount: input.amount ?? invoice.totalAmount,
      ...(input.allocations ? { allocations: input.allocations } : {}),
    }),
  );
}

/** The execution factories, as the module's index exports them. */
export const executionFactories = { planItems, paymentRequest, paidPayment, receipt, contractInvoice };
