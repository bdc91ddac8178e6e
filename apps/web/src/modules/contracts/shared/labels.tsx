import {
  type ContractAttachmentType,
  type ContractDirection,
  type ContractStatus,
  contractAttachmentTypeSchema,
  contractStatusSchema,
} from '@concord/contracts';
import { Tag } from 'antd';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';

/*
 * Words and colours for the register's codes. The server sends codes; the words live in the locale
 * files so both languages stay complete, and each status has one colour everywhere.
 */

export const contractStatuses = contractStatusSchema.options;
export const attachmentTypes = contractAttachmentTypeSchema.options;

export const contractStatusColors: Record<ContractStatus, string> = {
  DRAFT: 'default',
  IN_APPROVAL: 'processing',
  APPROVED: 'cyan',
  IN_FORCE: 'success',
  COMPLETED: 'geekblue',
  TERMINATED: 'warning',
  VOIDED: 'error',
};

export const statusLabel = (t: TFunction, status: ContractStatus) => t(`contracts.status.${status}`);
export const directionLabel = (t: TFunction, direction: ContractDirection) =>
  t(`contracts.direction.${direction}`);
export const attachmentTypeLabel = (t: TFunction, type: ContractAttachmentType) =>
  t(`contracts.attachmentType.${type}`);

export function ContractStatusTag({ status }: { status: ContractStatus }) {
  const { t } = useTranslation();
  return (
    <Tag color={contractStatusColors[status]} data-testid="contract-status" style={{ marginInlineEnd: 0 }}>
      {statusLabel(t, status)}
    </Tag>
  );
}

export function DirectionTag({ direction }: { direction: ContractDirection }) {
  const { t } = useTranslation();
  return (
    <Tag color={direction === 'INCOME' ? 'green' : 'volcano'} style={{ marginInlineEnd: 0 }}>
      {directionLabel(t, direction)}
    </Tag>
  );
}

/**
 * Days to the end date: red once past, orange within 30 days, plain otherwise; nothing for
 * contracts without an end date or already closed (the server sends null then).
 */
export function ExpiryDays({ days }: { days: number | null }) {
  const { t } = useTranslation();
  if (days === null) return <span style={{ color: 'rgba(0,0,0,0.25)' }}>—</span>;
  const color = days < 0 ? '#cf1322' : days <= 30 ? '#d46b08' : undefined;
  return (
    <span style={{ color, fontWeight: color ? 600 : undefined }} data-testid="contract-expiry-days">
      {days < 0 ? t('contracts.expiry.overdue', { days: -days }) : t('contracts.expiry.left', { days })}
    </span>
  );
}
