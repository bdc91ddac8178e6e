import type { Contract, ContractChangeProposal } from '@concord/contracts';
import { bankKey, bankOfKey } from '../form/formValues';
import type { AttachmentValue } from '../shared/AttachmentsEditor';
import { basisPointsToPercent, percentToBasisPoints } from '../shared/money';

/** The change dialog's values: the contract's own (amount in 分, dates `YYYY-MM-DD`), editable. */
export interface ChangeFormValues {
  kind: 'CHANGE' | 'SUPPLEMENT';
  reason: string;
  name: string;
  amount?: number | null;
  /** Percent, as typed (the body carries basis points). */
  taxRate?: number;
  startDate?: string | null;
  endDate?: string | null;
  partnerBank?: string;
  body?: string;
  attachments?: AttachmentValue[];
}

export function initialOf(contract: Contract): ChangeFormValues {
  return {
    kind: 'CHANGE',
    reason: '',
    name: contract.name,
    amount: contract.amount,
    taxRate: basisPointsToPercent(contract.taxRate),
    startDate: contract.startDate,
    endDate: contract.endDate,
    partnerBank: contract.partnerBank ? bankKey(contract.partnerBank) : undefined,
    body: contract.body,
    attachments: contract.attachments.map((a) => ({ fileId: a.fileId, type: a.type, name: a.name })),
  };
}

const sameAttachments = (a: { fileId: string; type: string }[], b: { fileId: string; type: string }[]) =>
  a.length === b.length && a.every((item, i) => item.fileId === b[i].fileId && item.type === b[i].type);

/** Only the values that differ from the contract go into the proposal ("absent = unchanged"). */
export function proposalOf(contract: Contract, values: Partial<ChangeFormValues>): ContractChangeProposal {
  const proposal: ContractChangeProposal = {};
  const name = values.name?.trim();
  if (name && name !== contract.name) proposal.name = name;
  if (typeof values.amount === 'number' && values.amount !== contract.amount) proposal.amount = values.amount;
  const taxRate = percentToBasisPoints(values.taxRate);
  if (taxRate !== null && taxRate !== contract.taxRate) proposal.taxRate = taxRate;
  if (values.startDate !== undefined && (values.startDate ?? null) !== contract.startDate)
    proposal.startDate = values.startDate ?? null;
  if (values.endDate !== undefined && (values.endDate ?? null) !== contract.endDate)
    proposal.endDate = values.endDate ?? null;
  const bank = bankOfKey(values.partnerBank);
  const currentBank = contract.partnerBank ? bankKey(contract.partnerBank) : undefined;
  if ((values.partnerBank ?? undefined) !== currentBank) proposal.partnerBank = bank;
  if (values.body !== undefined && values.body !== contract.body) proposal.body = values.body;
  const attachments = (values.attachments ?? []).map((a) => ({ fileId: a.fileId, type: a.type }));
  if (values.attachments && !sameAttachments(attachments, contract.attachments))
    proposal.attachments = attachments;
  return proposal;
}
