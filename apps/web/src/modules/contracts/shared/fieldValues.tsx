import type { ContractAttachment, PartnerBank } from '@concord/contracts';
import { Typography } from 'antd';
import type { TFunction } from 'i18next';
import type { ReactNode } from 'react';
import { formatMoney, formatPercentFromBasisPoints } from '../../../shared/format';
import { attachmentTypeLabel, contractStatuses, statusLabel } from './labels';

/*
 * Contract field values as they appear in version snapshots, compares, change orders and the audit
 * log: keys are the API's field names; each gets its label and a readable value.
 */

const labelled = [
  'number',
  'name',
  'categoryId',
  'categoryName',
  'direction',
  'partnerId',
  'partnerName',
  'partnerCreditCode',
  'partnerBank',
  'entityId',
  'entityName',
  'departmentId',
  'departmentName',
  'ownerId',
  'ownerName',
  'amount',
  'taxRate',
  'taxAmount',
  'amountExclTax',
  'signedAmount',
  'currentAmount',
  'currency',
  'signDate',
  'startDate',
  'endDate',
  'planLineId',
  'projectRef',
  'budgetRef',
  'body',
  'attachments',
  'customData',
  'status',
  'statusReason',
  'version',
] as const;
type LabelledField = (typeof labelled)[number];
const labelledSet = new Set<string>(labelled);
const moneyFields = new Set(['amount', 'taxAmount', 'amountExclTax', 'signedAmount', 'currentAmount']);

export function fieldLabel(t: TFunction, field: string): string {
  return labelledSet.has(field) ? t(`contracts.field.${field as LabelledField}`) : field;
}

const isBank = (value: unknown): value is PartnerBank =>
  typeof value === 'object' && value !== null && 'accountNumber' in value && 'bankName' in value;

export function bankText(bank: PartnerBank | null | undefined): string {
  return bank ? `${bank.bankName} · ${bank.accountName} · ${bank.accountNumber}` : '';
}

/** A value for reading; `currency` formats money fields (CNY unless told). */
export function fieldValue(t: TFunction, field: string, value: unknown, currency = 'CNY'): ReactNode {
  if (value === null || value === undefined || value === '')
    return <Typography.Text type="secondary">—</Typography.Text>;
  if (moneyFields.has(field) && typeof value === 'number') return formatMoney(value, currency);
  if (field === 'taxRate' && typeof value === 'number') return formatPercentFromBasisPoints(value);
  if (
    field === 'status' &&
    typeof value === 'string' &&
    (contractStatuses as readonly string[]).includes(value)
  )
    return statusLabel(t, value as (typeof contractStatuses)[number]);
  if (field === 'direction' && (value === 'INCOME' || value === 'EXPENSE'))
    return t(`contracts.direction.${value}`);
  if (field === 'partnerBank' && isBank(value)) return bankText(value);
  if (field === 'attachments' && Array.isArray(value)) {
    return (value as Partial<ContractAttachment>[])
      .map((a) =>
        `${a.type ? attachmentTypeLabel(t, a.type) : ''} ${a.name ?? a.fileId?.slice(0, 8) ?? ''}`.trim(),
      )
      .join('、');
  }
  // A change order's new payment plan: one line per item, "name · due date · amount".
  if (field === 'schedule' && Array.isArray(value)) {
    return (
      <span style={{ whiteSpace: 'pre-wrap' }}>
        {(value as { name?: string; dueDate?: string; amount?: number }[])
          .map((item) =>
            [
              item.name,
              item.dueDate,
              typeof item.amount === 'number' ? formatMoney(item.amount, currency) : '',
            ]
              .filter(Boolean)
              .join(' · '),
          )
          .join('\n')}
      </span>
    );
  }
  if (field === 'body' && typeof value === 'string') {
    return (
      <span style={{ whiteSpace: 'pre-wrap' }}>{value.length > 300 ? `${value.slice(0, 300)}…` : value}</span>
    );
  }
  if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean')
    return String(value);
  return <span style={{ wordBreak: 'break-all' }}>{JSON.stringify(value)}</span>;
}
