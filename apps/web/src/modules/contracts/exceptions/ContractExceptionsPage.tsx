import { SettingOutlined } from '@ant-design/icons';
import type { ContractDirection, ContractException } from '@concord/contracts';
import { Button, Flex, Input, Select, Typography } from 'antd';
import type { TablePaginationConfig } from 'antd';
import type { ColumnType } from 'antd/es/table';
import type { SorterResult } from 'antd/es/table/interface';
import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import type { QueryParams } from '../../../app/api/client';
import { usePermissions } from '../../../app/auth/session';
import { AsyncContent } from '../../../shared/AsyncContent';
import { EmptyState } from '../../../shared/EmptyState';
import { FilterBar, useFilterWidth } from '../../../shared/FilterBar';
import { formatMoney, formatPercentFromBasisPoints } from '../../../shared/format';
import { PageContainer } from '../../../shared/PageContainer';
import { ResponsiveTable } from '../../../shared/ResponsiveTable';
import { useUrlFilters } from '../../../shared/useUrlFilters';
import { DirectionTag } from '../shared/labels';
import { useContractExceptions, useExecutionSettings } from './exceptionsApi';

const filterKeys = ['q', 'entityId', 'direction', 'sort', 'page', 'pageSize'] as const;
const defaultPageSize = 20;
const sortable = ['maxDifference', 'paid', 'invoiced', 'accepted'];

function Diff({ fen }: { fen: number }) {
  return (
    <Typography.Text type={fen === 0 ? 'secondary' : 'danger'} style={{ fontSize: 12 }}>
      {formatMoney(fen)}
    </Typography.Text>
  );
}

/**
 * `/contracts/exceptions`: every contract in the caller's scope whose paid (received), invoiced and
 * accepted amounts disagree beyond its entity's tolerance, largest difference first; filters in the
 * URL; a row opens the contract's matching tab.
 */
export default function ContractExceptionsPage() {
  const { t } = useTranslation();
  const width = useFilterWidth();
  const navigate = useNavigate();
  const { can } = usePermissions();
  const { values, update, reset } = useUrlFilters(filterKeys);
  const [search, setSearch] = useState(values.q ?? '');
  useEffect(() => setSearch(values.q ?? ''), [values.q]);
  const entities = useExecutionSettings();

  const query = useMemo<QueryParams>(
    () => ({
      q: values.q,
      entityId: values.entityId,
      direction: values.direction,
      sort: values.sort,
      page: Number(values.page ?? 1),
      pageSize: Number(values.pageSize ?? defaultPageSize),
    }),
    [values],
  );
  const { data, isLoading, isFetching, error, refetch } = useContractExceptions(query);
  const openMatching = (row: ContractException) => navigate(`/contracts/${row.contractId}?tab=matching`);

  const sortOrder = (key: string) =>
    values.sort?.replace(/^-/, '') === key
      ? values.sort.startsWith('-')
        ? ('descend' as const)
        : ('ascend' as const)
      : !values.sort && key === 'maxDifference'
        ? ('descend' as const)
        : null;
  const columns: ColumnType<ContractException>[] = [
    {
      key: 'contract',
      title: t('contractExceptions.col.contract'),
      render: (_, row) => (
        <Flex vertical>
          <Flex gap={6} align="center">
            <Link to={`/contracts/${row.contractId}?tab=matching`} data-testid="exception-contract-link">
              {row.name}
            </Link>
            <DirectionTag direction={row.direction} />
          </Flex>
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {[row.number, row.partnerName].filter(Boolean).join(' · ')}
          </Typography.Text>
        </Flex>
      ),
    },
    { key: 'entity', title: t('contractExceptions.col.entity'), dataIndex: 'entityName' },
    {
      key: 'executable',
      title: t('contractExceptions.col.executable'),
      align: 'right',
      render: (_, row) => formatMoney(row.executableAmount),
    },
    ...(['paid', 'invoiced', 'accepted'] as const).map(
      (key): ColumnType<ContractException> => ({
        key,
        title: t(`contractExceptions.col.${key}`),
        align: 'right',
        sorter: true,
        sortOrder: sortOrder(key),
        render: (_, row) => formatMoney(row[key]),
      }),
    ),
    {
      key: 'differences',
      title: t('contractExceptions.col.differences'),
      render: (_, row) => (
        <Flex vertical style={{ fontSize: 12 }}>
          {(['paidVsInvoiced', 'paidVsAccepted', 'invoicedVsAccepted'] as const).map((key) => (
            <span key={key} style={{ whiteSpace: 'nowrap' }}>
              <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                {t(`contractMatching.col.${key}`)}{' '}
              </Typography.Text>
              <Diff fen={row[key]} />
            </span>
          ))}
        </Flex>
      ),
    },
    {
      key: 'maxDifference',
      title: t('contractExceptions.col.maxDifference'),
      align: 'right',
      sorter: true,
      sortOrder: sortOrder('maxDifference'),
      render: (_, row) => <Typography.Text strong>{formatMoney(row.maxDifference)}</Typography.Text>,
    },
    {
      key: 'tolerance',
      title: t('contractExceptions.col.tolerance'),
      render: (_, row) =>
        `${formatMoney(row.toleranceAmount)} / ${formatPercentFromBasisPoints(row.toleranceRate)}`,
    },
  ];

  const onTableChange = (pagination: TablePaginationConfig, _filters: unknown, sorter: unknown) => {
    const single = (Array.isArray(sorter) ? sorter[0] : sorter) as
      | SorterResult<ContractException>
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
      title={t('contractExceptions.title')}
      extra={
        can('contract.settings') && (
          <Button
            icon={<SettingOutlined />}
            onClick={() => navigate('/contracts/settings')}
            data-testid="exceptions-settings"
          >
            {t('contractExceptions.settings')}
          </Button>
        )
      }
    >
      <Typography.Paragraph type="secondary">{t('contractExceptions.description')}</Typography.Paragraph>
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
          onSearch={(value) => update({ q: value.trim() || undefined })}
          placeholder={t('contractExceptions.search')}
          maxLength={100}
          style={width(280)}
          data-testid="exceptions-search"
        />
        <Select
          allowClear
          placeholder={t('contractExceptions.entity')}
          value={values.entityId}
          onChange={(value?: string) => update({ entityId: value })}
          loading={entities.isLoading}
          options={(entities.data ?? []).map((e) => ({ value: e.entityId, label: e.entityName }))}
          style={width(220)}
          data-testid="exceptions-entity"
        />
        <Select<ContractDirection>
          allowClear
          placeholder={t('contractExceptions.direction')}
          value={values.direction as ContractDirection | undefined}
          onChange={(value?: ContractDirection) => update({ direction: value })}
          options={(['EXPENSE', 'INCOME'] as const).map((value) => ({
            value,
            label: t(`contracts.direction.${value}`),
          }))}
          style={width(140)}
          data-testid="exceptions-direction"
        />
      </FilterBar>
      <AsyncContent isLoading={isLoading} error={data ? null : error} onRetry={() => void refetch()}>
        <ResponsiveTable<ContractException>
          rowKey="contractId"
          size="middle"
          data-testid="exceptions-table"
          columns={columns}
          dataSource={data?.items}
          loading={isFetching}
          onChange={onTableChange}
          onRow={(row) => ({ onDoubleClick: () => openMatching(row) })}
          empty={<EmptyState description={t('contractExceptions.empty')} />}
          pagination={{
            current: query.page as number,
            pageSize: query.pageSize as number,
            total: data?.total ?? 0,
            showSizeChanger: true,
            showTotal: (total) => t('common.total', { total }),
          }}
          cardTitle={(row) => (
            <Flex gap={6} align="center" wrap>
              <Link to={`/contracts/${row.contractId}?tab=matching`}>{row.name}</Link>
              <DirectionTag direction={row.direction} />
            </Flex>
          )}
          cardActions={(row) => [
            <Button key="open" type="link" onClick={() => openMatching(row)} data-testid="exception-open">
              {t('contractExceptions.open')}
            </Button>,
          ]}
          cardHiddenColumns={['contract']}
        />
      </AsyncContent>
    </PageContainer>
  );
}
