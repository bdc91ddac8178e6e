import { type ContractOverdueItem, contractOverdueSortFields } from '@concord/contracts';
import { Flex, InputNumber, Segmented, Select, Typography } from 'antd';
import type { TFunction } from 'i18next';
import { type CSSProperties, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { QueryParams } from '../../../app/api/client';
import { usePermissions } from '../../../app/auth/session';
import { EmptyState } from '../../../shared/EmptyState';
import { FilterBar, useFilterWidth } from '../../../shared/FilterBar';
import { formatMoney } from '../../../shared/format';
import { defaultKeysetLimit, KeysetPager } from '../../../shared/KeysetPager';
import {
  type LedgerColumn,
  LedgerPage,
  ledgerQueryState,
  totalsByCurrency,
} from '../../../shared/LedgerPage';
import { sortableBy } from '../../../shared/ledgerSort';
import { SearchFilter } from '../../../shared/SearchFilter';
import { useKeysetCursors } from '../../../shared/useKeysetCursors';
import { type UrlFilterValues, useUrlFilters } from '../../../shared/useUrlFilters';
import { useExecutionSettings } from '../exceptions/exceptionsApi';
import { PeopleFilters } from '../pickers/PeopleFilters';
import { exportContractOverdue, useContractOverdue, useContractOverdueTotals } from './overdueApi';

const urlKeys = [
  'direction',
  'q',
  'entityId',
  'departmentId',
  'ownerId',
  // The owner's name, kept beside the id so the picker shows who after a reload.
  'ownerName',
  'partnerId',
  'minDaysOverdue',
  'sort',
  'limit',
] as const;
type OverdueUrlKey = (typeof urlKeys)[number];

/**
 * The API filters, sort and page size of the URL's values. What the server would refuse (a
 * hand-edited sort field, a limit of 0) is dropped here instead of answered with a 400.
 */
function overdueQueryOf(values: UrlFilterValues<OverdueUrlKey>) {
  const direction = values.direction === 'EXPENSE' ? 'EXPENSE' : 'INCOME';
  const minDays = Number(values.minDaysOverdue);
  const minDaysOverdue = Number.isInteger(minDays) && minDays > 0 && minDays <= 3650 ? minDays : undefined;
  const sort =
    values.sort && (contractOverdueSortFields as readonly string[]).includes(values.sort.replace(/^-/, ''))
      ? values.sort
      : undefined;
  const parsed = Number(values.limit);
  const limit = Number.isInteger(parsed) && parsed >= 1 && parsed <= 200 ? parsed : defaultKeysetLimit;
  return { direction, minDaysOverdue, sort, limit } as const;
}

/**
 * One line, cut with an ellipsis: a page of 50 or more rows is a virtual table of fixed row height,
 * where a column without a width gets 160 px (too narrow for a contract's name and number). The
 * other columns keep their content's width, so a page of 20 fits a 1366 px screen.
 */
const clipped: CSSProperties = {
  display: 'block',
  maxWidth: 256,
  overflow: 'hidden',
  textOverflow: 'ellipsis',
  whiteSpace: 'nowrap',
};

function overdueColumns(t: TFunction, sort: string | undefined): LedgerColumn<ContractOverdueItem>[] {
  // Without a sort in the URL the server lists the earliest due date first.
  const by = (field: string) => sortableBy(sort ?? 'dueDate', field);
  return [
    {
      key: 'contractNumber',
      title: t('contractOverdue.col.contract'),
      width: 280,
      locked: true,
      ...by('contractNumber'),
      render: (_, row) => (
        <Flex vertical>
          <Link
            to={`/contracts/${row.contractId}?tab=schedule`}
            title={row.contractName}
            style={clipped}
            data-testid="overdue-contract-link"
          >
            {row.contractName}
          </Link>
          <Typography.Text type="secondary" style={{ ...clipped, fontSize: 12 }}>
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
 * payables on the other tab; a ledger like the contract ledger: filters in the URL, server sorting,
 * keyset paging (next/previous through a stack of cursors), the count and overdue total of the
 * filtered set per currency asked for apart (the rows show at once, the totals when they arrive),
 * export.
 */
export default function ContractOverduePage() {
  const { t } = useTranslation();
  const width = useFilterWidth();
  const { can } = usePermissions();
  const { values, update, reset } = useUrlFilters(urlKeys);
  const entities = useExecutionSettings();
  const { direction, minDaysOverdue, sort, limit } = useMemo(() => overdueQueryOf(values), [values]);

  // The totals' filters; the export takes them and the sort, the page also the limit and cursor.
  const filters = useMemo<QueryParams>(
    () => ({
      direction,
      q: values.q,
      entityId: values.entityId,
      departmentId: values.departmentId,
      ownerId: values.ownerId,
      partnerId: values.partnerId,
      minDaysOverdue,
    }),
    [
      direction,
      values.q,
      values.entityId,
      values.departmentId,
      values.ownerId,
      values.partnerId,
      minDaysOverdue,
    ],
  );
  const filterQuery = useMemo<QueryParams>(() => ({ ...filters, sort }), [filters, sort]);
  // The cursors of the pages seen so far; a change of filters, sort or size starts again at page 1.
  const pages = useKeysetCursors([filterQuery, limit]);
  const { cursor } = pages;
  const query = useMemo(() => ({ ...filterQuery, limit, cursor }), [filterQuery, limit, cursor]);
  const list = useContractOverdue(query);
  const { data } = list;
  // The totals do not depend on the sort or the page: one request per set of filters.
  const totalsQuery = useContractOverdueTotals(filters);
  const totalsData = totalsQuery.data;
  const columns = useMemo(() => overdueColumns(t, sort), [t, sort]);
  // One totals row per currency: yuan and dollars are never added together.
  const totals = useMemo(
    () =>
      totalsData
        ? totalsByCurrency(totalsData.count, totalsData.byCurrency, totalsData.source === 'capped')
        : totalsQuery.isError
          ? undefined
          : ('pending' as const),
    [totalsData, totalsQuery.isError],
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
          aria-label={t('contractOverdue.entity')}
          value={values.entityId}
          // Departments belong to one entity, so a department filter cannot survive an entity change.
          onChange={(value?: string) => update({ entityId: value, departmentId: undefined })}
          loading={entities.isLoading}
          options={(entities.data ?? []).map((e) => ({ value: e.entityId, label: e.entityName }))}
          style={width(220)}
          data-testid="overdue-entity"
        />
        <PeopleFilters values={values} update={update} testIdPrefix="overdue" />
        <InputNumber
          min={1}
          max={3650}
          precision={0}
          placeholder={t('contractOverdue.minDays')}
          value={minDaysOverdue ?? null}
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
      onSortChange={(next) => update({ sort: next })}
      totals={totals}
      totalsLabel={(count) => t('contractOverdue.totals', { count: count.toLocaleString() })}
      paging={{
        mode: 'keyset',
        // No pager under an empty first page: "0 items, page 1" beside the empty state says nothing.
        pager:
          data?.items.length === 0 && !pages.hasPrevious ? null : (
            <KeysetPager
              testId="overdue"
              page={pages.page}
              hasPrevious={pages.hasPrevious}
              hasNext={Boolean(data?.nextCursor)}
              total={totalsData ? { count: totalsData.count, atLeast: totalsData.source === 'capped' } : null}
              limit={limit}
              loading={list.isFetching}
              onPrevious={pages.previous}
              onNext={() => pages.next(data?.nextCursor)}
              onLimit={(next) => update({ limit: next === defaultKeysetLimit ? undefined : next })}
            />
          ),
      }}
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
