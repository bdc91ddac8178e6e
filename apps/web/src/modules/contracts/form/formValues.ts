import type { Contract, ContractCreate, Currency, PartnerBank, TaxExemption } from '@concord/contracts';
import type { AttachmentValue } from '../shared/AttachmentsEditor';
import { basisPointsToPercent, percentToBasisPoints } from '../shared/money';

/** The contract form's values: the amount in 分 (MoneyInput), the tax rate in percent, dates `YYYY-MM-DD`. */
export interface ContractFormValues {
  name: string;
  categoryId?: string;
  partnerId?: string;
  /** Key of the chosen bank account (see `bankKey`), or undefined for none. */
  partnerBank?: string;
  entityId: string;
  departmentId?: string;
  ownerId?: string;
  amount?: number | null;
  taxRate?: number;
  /** With a rate of 0 only: 免税, 不征税 or 零税率; none for a plain 0%. */
  taxExemption?: TaxExemption | null;
  currency: Currency;
  signDate?: string | null;
  startDate?: string | null;
  endDate?: string | null;
  planLineId?: string | null;
  projectRef?: string;
  budgetRef?: string;
  body?: string;
  attachments?: AttachmentValue[];
}

export const DEFAULT_TAX_PERCENT = 13;

/** Bank accounts are copied onto the contract; the three fields together identify one. */
export const bankKey = (bank: PartnerBank) =>
  JSON.stringify([bank.bankName, bank.accountName, bank.accountNumber]);
export function bankOfKey(key: string | undefined): PartnerBank | null {
  if (!key) return null;
  const [bankName, accountName, accountNumber] = JSON.parse(key) as string[];
  return { bankName, accountName, accountNumber };
}

const ref = (value: string | undefined) => (value?.trim() ? value.trim() : null);

export function valuesOf(contract: Contract): ContractFormValues {
  return {
    name: contract.name,
    categoryId: contract.categoryId,
    partnerId: contract.partnerId,
    partnerBank: contract.partnerBank ? bankKey(contract.partnerBank) : undefined,
    entityId: contract.entityId,
    departmentId: contract.departmentId,
    ownerId: contract.ownerId,
    amount: contract.amount,
    taxRate: basisPointsToPercent(contract.taxRate),
    taxExemption: contract.taxExemption,
    currency: contract.currency,
    signDate: contract.signDate,
    startDate: contract.startDate,
    endDate: contract.endDate,
    planLineId: contract.planLineId,
    projectRef: contract.projectRef ?? undefined,
    budgetRef: contract.budgetRef ?? undefined,
    body: contract.body,
    attachments: contract.attachments.map((a) => ({ fileId: a.fileId, type: a.type, name: a.name })),
  };
}

/** The request body (create shape; the update adds `lockVersion`). */
export function bodyOf(values: ContractFormValues, customData: Record<string, unknown>): ContractCreate {
  return {
    name: values.name.trim(),
    categoryId: values.categoryId ?? '',
    partnerId: values.partnerId ?? '',
    entityId: values.entityId,
    departmentId: values.departmentId ?? '',
    ownerId: values.ownerId ?? '',
    amount: values.amount ?? 0,
    taxRate: percentToBasisPoints(values.taxRate) ?? 0,
    // The exemption is a kind of 0%: a rate typed after choosing it leaves it behind.
    taxExemption: percentToBasisPoints(values.taxRate) === 0 ? (values.taxExemption ?? null) : null,
    currency: values.currency,
    signDate: values.signDate ?? null,
    startDate: values.startDate ?? null,
    endDate: values.endDate ?? null,
    planLineId: values.planLineId ?? null,
    projectRef: ref(values.projectRef),
    budgetRef: ref(values.budgetRef),
    partnerBank: bankOfKey(values.partnerBank),
    body: values.body ?? '',
    attachments: (values.attachments ?? []).map((a) => ({ fileId: a.fileId, type: a.type })),
    customData,
  };
}
