import type { ContractLedgerRow } from '@concord/contracts';
import { Tag, Typography } from 'antd';
import type { TFunction } from 'i18next';
import type { CSSProperties } from 'react';
import { Link } from 'react-router';
import { formatMoney } from '../../../shared/format';
import type { LedgerColumn } from '../../../shared/LedgerPage';
import { sortableBy } from '../../../shared/ledgerSort';
import { ContractStatusTag, DirectionTag, ExpiryDays } from '../shared/labels';

const money = (value: number | null, row: ContractLedgerRow) =>
  value === null ? <Typography.Text type="secondary">—</Typography.Text> : formatMoney(value, row.currency);

/** Long names are cut with "…" (the full text in the tooltip) so the amounts stay in view. */
const clipped = (maxWidth: number): CSSProperties => ({
  display: 'inline-block',
  maxWidth,
  overflow: 'hidden',
  textOverflow: 'ellipsis',
  whiteSpace: 'nowrap',
  verticalAlign: 'bottom',
});

/** The ledger's execution money columns, in order (each has a total under it). */
export const executionMoneyColumns = [
  'plannedAmount',
  'requestedAmount',
  'paidAmount',
  'receivedAmount',
  'invoicedAmount',
  'acceptedAmount',
  'outstandingAmount',
  'overdueAmount',
] as const;

/** Shown until the user chooses otherwise: who, what, how much, and where its execution stands. */
const defaultColumns = new Set([
  'number',
  'name',
  'partnerName',
  'status',
  'currentAmount',
  'endDate',
  'requestedAmount',
  'paidAmount',
  'invoicedAmount',
  'acceptedAmount',
  'outstandingAmount',
  'matchingStatus',
]);

/** Money columns with a total under them, by their amount in the ledger's totals. */
const totalled = new Set([
  'amount',
  'signedAmount',
  'currentAmount',
  'settledAmount',
  ...executionMoneyColumns,
]);

/**
 * Columns of the ledger; the sortable ones are the server's `contractLedgerSortFields`. About ten
 * are shown by default, the rest can be turned on in the column settings.
 */
export function ledgerColumns(t: TFunction, sort: string | undefined): LedgerColumn<ContractLedgerRow>[] {
  const sortable = (field: string) => sortableBy(sort, field);
  return columnsOf(t, sortable).map((column) => ({
    ...column,
    locked: column.key === 'number' || undefined,
    optional: !defaultColumns.has(column.key) || undefined,
    total: totalled.has(column.key) ? column.key : undefined,
  }));
}

function columnsOf(
  t: TFunction,
  sortable: (field: string) => ReturnType<typeof sortableBy>,
): LedgerColumn<ContractLedgerRow>[] {
  return [
    {
      key: 'number',
      dataIndex: 'number',
      width: 200,
      title: t('contracts.field.number'),
      fixed: 'left',
      ...sortable('number'),
      render: (number: string | null, row) => (
        <Link to={`/contracts/${row.id}`} data-testid="contract-row-link">
          {number ?? <Typography.Text type="secondary">{t('contracts.unnumbered')}</Typography.Text>}
        </Link>
      ),
    },
    {
      key: 'name',
      dataIndex: 'name',
      width: 272,
      title: t('contracts.field.name'),
      ...sortable('name'),
      render: (name: string, row) => (
        <Link to={`/contracts/${row.id}`} title={name} style={clipped(240)}>
          {name}
        </Link>
      ),
    },
    {
      key: 'partnerName',
      dataIndex: 'partnerName',
      width: 232,
      title: t('contracts.field.partner'),
      ...sortable('partnerName'),
      render: (name: string) => (
        <span title={name} style={clipped(200)}>
          {name}
        </span>
      ),
    },
    {
      key: 'status',
      dataIndex: 'status',
      width: 100,
      title: t('contracts.field.status'),
      ...sortable('status'),
      render: (_, row) => <ContractStatusTag status={row.status} />,
    },
    {
      key: 'currentAmount',
      dataIndex: 'currentAmount',
      width: 150,
      title: t('contracts.field.currentAmount'),
      align: 'right',
      ...sortable('currentAmount'),
      render: money,
    },
    {
      key: 'amount',
      dataIndex: 'amount',
      width: 150,
      title: t('contracts.field.amount'),
      align: 'right',
      ...sortable('amount'),
      render: money,
    },
    {
      key: 'signedAmount',
      dataIndex: 'signedAmount',
      width: 150,
      title: t('contracts.field.signedAmount'),
      align: 'right',
      render: money,
    },
    {
      key: 'signDate',
      dataIndex: 'signDate',
      width: 120,
      title: t('contracts.field.signDate'),
      ...sortable('signDate'),
    },
    {
      key: 'endDate',
      dataIndex: 'endDate',
      width: 120,
      title: t('contracts.field.endDate'),
      ...sortable('endDate'),
    },
    {
      key: 'daysToExpiry',
      dataIndex: 'daysToExpiry',
      width: 110,
      title: t('contracts.field.daysToExpiry'),
      align: 'right',
      render: (days: number | null) => <ExpiryDays days={days} />,
    },
    {
      key: 'categoryName',
      dataIndex: 'categoryName',
      width: 170,
      title: t('contracts.field.category'),
      render: (name: string, row) => (
        <span style={{ whiteSpace: 'nowrap' }}>
          {name} <DirectionTag direction={row.direction} />
        </span>
      ),
    },
    { key: 'ownerName', dataIndex: 'ownerName', width: 100, title: t('contracts.field.owner') },
    {
      key: 'departmentName',
      dataIndex: 'departmentName',
      width: 140,
      title: t('contracts.field.department'),
    },
    {
      key: 'entityName',
      dataIndex: 'entityName',
      width: 212,
      title: t('contracts.field.entity'),
      render: (name: string) => (
        <span title={name} style={clipped(180)}>
          {name}
        </span>
      ),
    },
    { key: 'startDate', dataIndex: 'startDate', width: 120, title: t('contracts.field.startDate') },
    // Execution figures (kept by the server from payments, invoices and acceptance).
    ...executionMoneyColumns.map(
      (field): LedgerColumn<ContractLedgerRow> => ({
        key: field,
        dataIndex: field,
        width: 150,
        title: t(`contractLedgerExecution.col.${field}`),
        align: 'right',
        ...sortable(field),
        render: field === 'overdueAmount' ? overdueMoney : money,
      }),
    ),
    {
      // What a settlement fixed (null before one): the amount the outstanding is counted from.
      key: 'settledAmount',
      dataIndex: 'settledAmount',
      width: 150,
      title: t('contractLedgerExecution.col.settledAmount'),
      align: 'right',
      render: money,
    },
    {
      key: 'nextDueDate',
      dataIndex: 'nextDueDate',
      width: 130,
      title: t('contractLedgerExecution.col.nextDueDate'),
      ...sortable('nextDueDate'),
      render: (date: string | null) => date ?? <Typography.Text type="secondary">—</Typography.Text>,
    },
    {
      key: 'matchingStatus',
      dataIndex: 'matchingStatus',
      width: 120,
      title: t('contractLedgerExecution.col.matchingStatus'),
      render: (status: ContractLedgerRow['matchingStatus']) => (
        <Tag color={status === 'MATCHED' ? 'green' : 'red'}>
          {t(`contractLedgerExecution.matching.${status}`)}
        </Tag>
      ),
    },
  ];
}

const overdueMoney = (value: number, row: ContractLedgerRow) =>
  value > 0 ? (
    <Typography.Text type="danger">{formatMoney(value, row.currency)}</Typography.Text>
  ) : (
    money(value, row)
  );
