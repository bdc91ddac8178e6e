import { DownloadOutlined } from '@ant-design/icons';
import type { ContractOverdueItem } from '@concord/contracts';
import { App, Button, Flex, Input, InputNumber, Segmented, Select, Typography } from 'antd';
import type { TablePaginationConfig } from 'antd';
import type { ColumnType } from 'antd/es/table';
import type { SorterResult } from 'antd/es/table/interface';
import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { QueryParams } from '../../../app/api/client';
import { usePermissions } from '../../../app/auth/session';
import { AsyncContent } from '../../../shared/AsyncContent';
import { EmptyState } from '../../../shared/EmptyState';
import { errorMessage } from '../../../shared/errorMessage';
import { FilterBar, useFilterWidth } from '../../../shared/FilterBar';
import { formatMoney } from '../../../shared/format';
import { PageContainer } from '../../../shared/PageContainer';
import { ResponsiveTable } from '../../../shared/ResponsiveTable';
import { useUrlFilters } from '../../../shared/useUrlFilters';
import { useExecutionSettings } from '../exceptions/exceptionsApi';
import { exportContractOverdue, useContractOverdue } from './overdueApi';

const filterKeys = ['direction', 'q', 'entityId', 'minDaysOverdue', 'sort', 'page', 'pageSize'] as const;
const defaultPageSize = 20;
const sortable = ['dueDate', 'daysOverdue', 'overdueAmount', 'contractNumber', 'partnerName'];

/**
 * `/contracts/overdue` (逾期款项): milestones past due with money open, receivables by default and
 * payables on the other tab; filters in the URL, server paging and sorting, the total overdue of
 * the filtered set, export.
 */
export default function ContractOverduePage() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const width = useFilterWidth();
  const { can } = usePermissions();
  const { values, update, reset } = useUrlFilters(filterKeys);
  const [search, setSearch] = useState(values.q ?? '');
  useEffect(() => setSearch(values.q ?? ''), [values.q]);
  const [exporting, setExporting] = useState(false);
  const entities = useExecutionSettings();
  const direction = values.direction === 'EXPENSE' ? 'EXPENSE' : 'INCOME';
  const minDays = Number(values.minDaysOverdue);

  const filterQuery = useMemo<QueryParams>(
    () => ({
      direction,
      q: values.q,
      entityId: values.entityId,
      minDaysOverdue: Number.isInteger(minDays) && minDays > 0 && minDays <= 3650 ? minDays : undefined,
      sort: values.sort && sortable.includes(values.sort.replace(/^-/, '')) ? values.sort : undefined,
    }),
    [direction, values.q, values.entityId, minDays, values.sort],
  );
  const query = useMemo<QueryParams>(
    () => ({
      ...filterQuery,
      page: Number(values.page ?? 1),
      pageSize: Number(values.pageSize ?? defaultPageSize),
    }),
    [filterQuery, values.page, values.pageSize],
  );
  const { data, isLoading, isFetching, error, refetch } = useContractOverdue(query);

  const onExport = async () => {
    setExporting(true);
    try {
      await exportContractOverdue(filterQuery);
      message.success(t('common.exported'));
    } catch (err) {
      message.error(errorMessage(err, t));
    } finally {
      setExporting(false);
    }
  };

  const sortOrder = (key: string) =>
    values.sort?.replace(/^-/, '') === key
      ? values.sort.startsWith('-')
        ? ('descend' as const)
        : ('ascend' as const)
      : !values.sort && key === 'dueDate'
        ? ('ascend' as const)
        : null;
  const columns: ColumnType<ContractOverdueItem>[] = [
    {
      key: 'contractNumber',
      title: t('contractOverdue.col.contract'),
      sorter: true,
      sortOrder: sortOrder('contractNumber'),
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
    {
      key: 'item',
      title: t('contractOverdue.col.item'),
      render: (_, row) => `${row.seq}. ${row.itemName}`,
    },
    {
      key: 'dueDate',
      dataIndex: 'dueDate',
      title: t('contractOverdue.col.dueDate'),
      sorter: true,
      sortOrder: sortOrder('dueDate'),
    },
    {
      key: 'daysOverdue',
      title: t('contractOverdue.col.daysOverdue'),
      align: 'right',
      sorter: true,
      sortOrder: sortOrder('daysOverdue'),
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
      render: (_, row) => formatMoney(row.amount),
    },
    {
      key: 'paidAmount',
      title: t('contractOverdue.col.paidAmount'),
      align: 'right',
      render: (_, row) => formatMoney(row.paidAmount),
    },
    {
      key: 'overdueAmount',
      title: t('contractOverdue.col.overdueAmount'),
      align: 'right',
      sorter: true,
      sortOrder: sortOrder('overdueAmount'),
      render: (_, row) => <Typography.Text strong>{formatMoney(row.overdueAmount)}</Typography.Text>,
    },
    { key: 'owner', dataIndex: 'ownerName', title: t('contractOverdue.col.owner') },
    { key: 'entity', dataIndex: 'entityName', title: t('contractOverdue.col.entity') },
  ];

  const onTableChange = (pagination: TablePaginationConfig, _filters: unknown, sorter: unknown) => {
    const single = (Array.isArray(sorter) ? sorter[0] : sorter) as
      | SorterResult<ContractOverdueItem>
      | undefined;
    const field =
      single?.order && sortable.includes(String(single.columnKey)) ? String(single.columnKey) : undefined;
    const sort = field ? (single?.order === 'descend' ? `-${field}` : field) : undefined;
    update({
      sort,
      page: sort !== values.sort || pagination.current === 1 ? undefined : pagination.current,
      pageSize: pagination.pageSize === defaultPageSize ? undefined : pagination.pageSize,
    });
  };

  return (
    <PageContainer
      title={t('contractOverdue.title')}
      extra={
        can('contract.export') && (
          <Button
            icon={<DownloadOutlined />}
            loading={exporting}
            onClick={onExport}
            data-testid="overdue-export"
          >
            {t('common.export')}
          </Button>
        )
      }
    >
      <Typography.Paragraph type="secondary">{t('contractOverdue.description')}</Typography.Paragraph>
      <Segmented
        value={direction}
        onChange={(value) =>
          update({ direction: value === 'INCOME' ? undefined : String(value), page: undefined })
        }
        options={[
          { value: 'INCOME', label: t('contractOverdue.receivables') },
          { value: 'EXPENSE', label: t('contractOverdue.payables') },
        ]}
        style={{ marginBottom: 12 }}
        data-testid="overdue-direction"
      />
      <FilterBar
        onReset={() => {
          setSearch('');
          reset();
        }}
      >
        <Input.Search
          allowClear
          value={search}
          onChange={(event) => setSearch(event.target.value)}
          onSearch={(value) => update({ q: value.trim() || undefined, page: undefined })}
          placeholder={t('contractOverdue.search')}
          maxLength={100}
          style={width(280)}
          data-testid="overdue-search"
        />
        <Select
          allowClear
          placeholder={t('contractOverdue.entity')}
          value={values.entityId}
          onChange={(value?: string) => update({ entityId: value, page: undefined })}
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
          value={Number.isInteger(minDays) && minDays > 0 ? minDays : null}
          onChange={(value) => update({ minDaysOverdue: value ? String(value) : undefined, page: undefined })}
          style={width(140)}
          data-testid="overdue-min-days"
        />
      </FilterBar>
      <AsyncContent isLoading={isLoading} error={data ? null : error} onRetry={() => void refetch()}>
        {data && data.total > 0 && (
          <Typography.Paragraph data-testid="overdue-total">
            {t('contractOverdue.totalOverdue')}：
            {/* One amount per currency: yuan and dollars are never added together. */}
            {data.overdueByCurrency.map((row, index) => (
              <Typography.Text strong type="danger" key={row.currency}>
                {index > 0 && ' / '}
                {formatMoney(row.overdueAmount, row.currency)}
              </Typography.Text>
            ))}
            <Typography.Text type="secondary">（{t('common.total', { total: data.total })}）</Typography.Text>
          </Typography.Paragraph>
        )}
        <ResponsiveTable<ContractOverdueItem>
          rowKey="itemId"
          size="middle"
          data-testid="overdue-table"
          columns={columns}
          dataSource={data?.items}
          loading={isFetching}
          onChange={onTableChange}
          empty={<EmptyState description={t('contractOverdue.empty')} />}
          pagination={{
            current: query.page as number,
            pageSize: query.pageSize as number,
            total: data?.total ?? 0,
            showSizeChanger: true,
            showTotal: (total) => t('common.total', { total }),
          }}
          cardTitle={(row) => (
            <Link to={`/contracts/${row.contractId}?tab=schedule`} data-testid="overdue-card-link">
              {row.contractName}
            </Link>
          )}
          cardHiddenColumns={['contractNumber']}
        />
      </AsyncContent>
    </PageContainer>
  );
}
