import { type ContractOverdueItem, contractOverdueSortFields } from '@concord/contracts';
import { Flex, InputNumber, Segmented, Select, Typography } from 'antd';
import type { TFunction } from 'i18next';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { QueryParams } from '../../../app/api/client';
import { usePermissions } from '../../../app/auth/session';
import { EmptyState } from '../../../shared/EmptyState';
import { FilterBar, useFilterWidth } from '../../../shared/FilterBar';
import { formatMoney } from '../../../shared/format';
import {
  type LedgerColumn,
  LedgerPage,
  ledgerQueryState,
  totalsByCurrency,
} from '../../../shared/LedgerPage';
import { sortableBy } from '../../../shared/ledgerSort';
import { SearchFilter } from '../../../shared/SearchFilter';
import { useUrlLedger } from '../../../shared/useUrlFilters';
import { useExecutionSettings } from '../exceptions/exceptionsApi';
import { exportContractOverdue, useContractOverdue } from './overdueApi';

const filterKeys = ['direction', 'q', 'entityId', 'minDaysOverdue'] as const;

function overdueColumns(t: TFunction, sort: string | undefined): LedgerColumn<ContractOverdueItem>[] {
  // Without a sort in the URL the server lists the earliest due date first.
  const by = (field: string) => sortableBy(sort ?? 'dueDate', field);
  return [
    {
      key: 'contractNumber',
      title: t('contractOverdue.col.contract'),
      locked: true,
      ...by('contractNumber'),
      render: (_, row) => (
        <Flex vertical>
          <Link to={`/contracts/${row.contractId}?tab=schedule`} data-testid="overdue-contract-link">
            {row.contractName}
          </Link>
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {[row.contractNumber, row.partnerName].filter(Boolean).join(' · ')}
          </Typography.Text>
        </Flex>
      ),
    },
    { key: 'item', title: t('contractOverdue.col.item'), render: (_, row) => `${row.seq}. ${row.itemName}` },
    { key: 'dueDate', dataIndex: 'dueDate', title: t('contractOverdue.col.dueDate'), ...by('dueDate') },
    {
      key: 'daysOverdue',
      title: t('contractOverdue.col.daysOverdue'),
      align: 'right',
      ...by('daysOverdue'),
      render: (_, row) => (
        <Typography.Text type={row.daysOverdue > 30 ? 'danger' : 'warning'}>
          {t('contractOverdue.days', { days: row.daysOverdue })}
        </Typography.Text>
      ),
    },
    {
      key: 'amount',
      title: t('contractOverdue.col.amount'),
      align: 'right',
      render: (_, row) => formatMoney(row.amount, row.currency),
    },
    {
      key: 'paidAmount',
      title: t('contractOverdue.col.paidAmount'),
      align: 'right',
      render: (_, row) => formatMoney(row.paidAmount, row.currency),
    },
    {
      key: 'overdueAmount',
      title: t('contractOverdue.col.overdueAmount'),
      align: 'right',
      total: 'overdueAmount',
      ...by('overdueAmount'),
      render: (_, row) => (
        <Typography.Text strong>{formatMoney(row.overdueAmount, row.currency)}</Typography.Text>
      ),
    },
    { key: 'owner', dataIndex: 'ownerName', title: t('contractOverdue.col.owner') },
    { key: 'entity', dataIndex: 'entityName', title: t('contractOverdue.col.entity') },
    {
      key: 'partnerName',
      dataIndex: 'partnerName',
      title: t('contractOverdue.col.partner'),
      optional: true,
      ...by('partnerName'),
    },
    {
      key: 'department',
      dataIndex: 'departmentName',
      title: t('contractOverdue.col.department'),
      optional: true,
    },
  ];
}

/**
 * `/contracts/overdue` (逾期款项): milestones past due with money open, receivables by default and
 * payables on the other tab; filters in the URL, server paging and sorting, the overdue total of
 * the filtered set per currency, export.
 */
export default function ContractOverduePage() {
  const { t } = useTranslation();
  const width = useFilterWidth();
  const { can } = usePermissions();
  const ledger = useUrlLedger(filterKeys, { sortFields: contractOverdueSortFields });
  const { values, update, reset } = ledger;
  const entities = useExecutionSettings();
  const direction = values.direction === 'EXPENSE' ? 'EXPENSE' : 'INCOME';
  const minDays = Number(values.minDaysOverdue);
  const validMinDays = Number.isInteger(minDays) && minDays > 0 && minDays <= 3650 ? minDays : undefined;

  const filterQuery = useMemo<QueryParams>(
    () => ({
      direction,
      q: values.q,
      entityId: values.entityId,
      minDaysOverdue: validMinDays,
      sort: ledger.sort,
    }),
    [direction, values.q, values.entityId, validMinDays, ledger.sort],
  );
  const query = useMemo(
    () => ({ ...filterQuery, page: ledger.page, pageSize: ledger.pageSize }),
    [filterQuery, ledger.page, ledger.pageSize],
  );
  const list = useContractOverdue(query);
  const { data } = list;
  const columns = useMemo(() => overdueColumns(t, ledger.sort), [t, ledger.sort]);
  // One totals row per currency: yuan and dollars are never added together.
  const totals = useMemo(
    () => (data ? totalsByCurrency(data.total, data.overdueByCurrency) : undefined),
    [data],
  );

  const filterBar = (
    <>
      <Typography.Paragraph type="secondary">{t('contractOverdue.description')}</Typography.Paragraph>
      <Segmented
        value={direction}
        onChange={(value) => update({ direction: value === 'INCOME' ? undefined : String(value) })}
        options={[
          { value: 'INCOME', label: t('contractOverdue.receivables') },
          { value: 'EXPENSE', label: t('contractOverdue.payables') },
        ]}
        style={{ marginBottom: 12 }}
        data-testid="overdue-direction"
      />
      <FilterBar onReset={reset}>
        <SearchFilter
          value={values.q}
          onSearch={(q) => update({ q })}
          placeholder={t('contractOverdue.search')}
          testId="overdue-search"
        />
        <Select
          allowClear
          placeholder={t('contractOverdue.entity')}
          value={values.entityId}
          onChange={(value?: string) => update({ entityId: value })}
          loading={entities.isLoading}
          options={(entities.data ?? []).map((e) => ({ value: e.entityId, label: e.entityName }))}
          style={width(220)}
          data-testid="overdue-entity"
        />
        <InputNumber
          min={1}
          max={3650}
          precision={0}
          placeholder={t('contractOverdue.minDays')}
          value={validMinDays ?? null}
          onChange={(value) => update({ minDaysOverdue: value ? String(value) : undefined })}
          style={width(140)}
          data-testid="overdue-min-days"
        />
      </FilterBar>
    </>
  );

  return (
    <LedgerPage<ContractOverdueItem>
      ledgerId="overdue"
      title={t('contractOverdue.title')}
      filterBar={filterBar}
      onExport={
        can('contract.export')
          ? (onProgress) => exportContractOverdue(filterQuery, t('contractOverdue.exportFile'), onProgress)
          : undefined
      }
      columns={columns}
      rowKey="itemId"
      rows={data?.items}
      {...ledgerQueryState(list)}
      onSortChange={(sort) => update({ sort })}
      paging={ledger.paging(data?.total)}
      totals={totals}
      empty={<EmptyState description={t('contractOverdue.empty')} />}
      cardTitle={(row) => (
        <Link to={`/contracts/${row.contractId}?tab=schedule`} data-testid="overdue-card-link">
          {row.contractName}
        </Link>
      )}
      cardHiddenColumns={['contractNumber']}
    />
  );
}
