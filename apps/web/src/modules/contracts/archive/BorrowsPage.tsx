import type { ContractBorrow } from '@concord/contracts';
import { Button, Input, Segmented, Tag } from 'antd';
import type { TablePaginationConfig } from 'antd';
import type { SorterResult } from 'antd/es/table/interface';
import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { QueryParams } from '../../../app/api/client';
import { AsyncContent } from '../../../shared/AsyncContent';
import { EmptyState } from '../../../shared/EmptyState';
import { FilterBar, useFilterWidth } from '../../../shared/FilterBar';
import { PageContainer } from '../../../shared/PageContainer';
import { ResponsiveTable } from '../../../shared/ResponsiveTable';
import { useUrlFilters } from '../../../shared/useUrlFilters';
import { useBorrowSearch } from './archiveApi';
import { borrowColumns, borrowStateOf } from './borrowColumns';
import { ReturnModal } from './ReturnModal';

const filterKeys = ['q', 'state', 'sort', 'page', 'pageSize'] as const;
const states = ['all', 'open', 'overdue', 'returned'] as const;
type BorrowState = (typeof states)[number];
const defaultPageSize = 20;

/**
 * `/contracts/borrows`: every borrow of a contract original in the archivist's scope, the overdue
 * ones first to chase; filters in the URL; return straight from the list.
 */
export default function BorrowsPage() {
  const { t } = useTranslation();
  const width = useFilterWidth();
  const { values, update, reset } = useUrlFilters(filterKeys);
  const [search, setSearch] = useState(values.q ?? '');
  useEffect(() => setSearch(values.q ?? ''), [values.q]);
  const [returning, setReturning] = useState<ContractBorrow | null>(null);
  const state = (states as readonly string[]).includes(values.state ?? '')
    ? (values.state as BorrowState)
    : 'open';

  const query = useMemo<QueryParams>(
    () => ({
      q: values.q,
      open: state === 'open' ? true : state === 'returned' ? false : undefined,
      overdue: state === 'overdue' ? true : undefined,
      sort: values.sort,
      page: Number(values.page ?? 1),
      pageSize: Number(values.pageSize ?? defaultPageSize),
    }),
    [values, state],
  );
  const { data, isLoading, isFetching, error, refetch } = useBorrowSearch(query);

  const columns = borrowColumns(t, { withContract: true, canReturn: true, onReturn: setReturning }).map(
    (column) =>
      column.key === values.sort?.replace(/^-/, '')
        ? { ...column, sortOrder: values.sort?.startsWith('-') ? ('descend' as const) : ('ascend' as const) }
        : column,
  );

  const onTableChange = (pagination: TablePaginationConfig, _filters: unknown, sorter: unknown) => {
    const single = (Array.isArray(sorter) ? sorter[0] : sorter) as SorterResult<ContractBorrow> | undefined;
    const field = single?.order ? String(single.columnKey) : undefined;
    const sort = field ? (single?.order === 'descend' ? `-${field}` : field) : undefined;
    update({
      sort,
      page: sort !== values.sort || pagination.current === 1 ? undefined : pagination.current,
      pageSize: pagination.pageSize === defaultPageSize ? undefined : pagination.pageSize,
    });
  };

  return (
    <PageContainer title={t('contractArchive.borrows.title')}>
      <FilterBar
        onReset={() => {
          setSearch('');
          reset();
        }}
      >
        <Segmented<BorrowState>
          value={state}
          onChange={(value) => update({ state: value === 'open' ? undefined : value })}
          options={states.map((value) => ({ value, label: t(`contractArchive.borrows.${value}`) }))}
          data-testid="borrows-filter-state"
        />
        <Input.Search
          allowClear
          value={search}
          onChange={(event) => setSearch(event.target.value)}
          onSearch={(value) => update({ q: value.trim() || undefined })}
          placeholder={t('contractArchive.borrows.search')}
          maxLength={100}
          style={width(280)}
          data-testid="borrows-search"
        />
      </FilterBar>
      <AsyncContent isLoading={isLoading} error={data ? null : error} onRetry={() => void refetch()}>
        <ResponsiveTable<ContractBorrow>
          rowKey="id"
          size="middle"
          data-testid="borrows-table"
          columns={columns}
          dataSource={data?.items}
          loading={isFetching}
          onChange={onTableChange}
          onRow={(borrow) => (borrow.overdue ? { style: { background: '#fff1f0' } } : {})}
          empty={<EmptyState description={t('contractArchive.borrows.empty')} />}
          pagination={{
            current: query.page as number,
            pageSize: query.pageSize as number,
            total: data?.total ?? 0,
            showSizeChanger: true,
            showTotal: (total) => t('common.total', { total }),
          }}
          cardTitle={(borrow) => {
            const borrowState = borrowStateOf(borrow);
            return (
              <span>
                <Link to={`/contracts/${borrow.contractId}?tab=archive`}>
                  {borrow.contractNumber ?? borrow.contractName}
                </Link>{' '}
                <Tag color={borrowState.color}>{t(borrowState.key)}</Tag>
              </span>
            );
          }}
          cardActions={(borrow) =>
            borrow.returnedDate
              ? []
              : [
                  <Button
                    key="return"
                    type="link"
                    onClick={() => setReturning(borrow)}
                    data-testid="borrow-return"
                  >
                    {t('contractArchive.borrow.return')}
                  </Button>,
                ]
          }
          cardHiddenColumns={['contract', 'state', 'actions']}
        />
      </AsyncContent>
      <ReturnModal borrow={returning} onClose={() => setReturning(null)} />
    </PageContainer>
  );
}
