import { type ContractBorrow, contractBorrowSortFields } from '@concord/contracts';
import { Button, Segmented, Tag } from 'antd';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { usePermissions } from '../../../app/auth/session';
import { EmptyState } from '../../../shared/EmptyState';
import { FilterBar } from '../../../shared/FilterBar';
import { formatDateTime } from '../../../shared/format';
import { type LedgerColumn, LedgerPage, ledgerQueryState } from '../../../shared/LedgerPage';
import { sortableBy } from '../../../shared/ledgerSort';
import { SearchFilter } from '../../../shared/SearchFilter';
import { useUrlLedger } from '../../../shared/useUrlFilters';
import { exportBorrows, useBorrowSearch } from './archiveApi';
import { borrowColumns, borrowStateOf } from './borrowColumns';
import { ReturnModal } from './ReturnModal';

const filterKeys = ['q', 'state'] as const;
const states = ['all', 'open', 'overdue', 'returned'] as const;
type BorrowState = (typeof states)[number];
const sortable = new Set<string>(contractBorrowSortFields);

/**
 * `/contracts/borrows`: every borrow of a contract original in the archivist's scope, the overdue
 * ones first to chase; filters in the URL, server paging and sorting, column settings; return
 * straight from the list.
 */
export default function BorrowsPage() {
  const { t } = useTranslation();
  const ledger = useUrlLedger(filterKeys, { sortFields: contractBorrowSortFields });
  const { values, update, reset } = ledger;
  const [returning, setReturning] = useState<ContractBorrow | null>(null);
  const state = (states as readonly string[]).includes(values.state ?? '')
    ? (values.state as BorrowState)
    : 'open';

  const query = useMemo(
    () => ({
      q: values.q,
      open: state === 'open' ? true : state === 'returned' ? false : undefined,
      overdue: state === 'overdue' ? true : undefined,
      sort: ledger.sort,
      page: ledger.page,
      pageSize: ledger.pageSize,
    }),
    [values.q, state, ledger.sort, ledger.page, ledger.pageSize],
  );
  const list = useBorrowSearch(query);
  const { can } = usePermissions();
  // The export takes the same filters and sort, every row.
  const exportQuery = { q: query.q, open: query.open, overdue: query.overdue, sort: query.sort };
  const { data } = list;

  const columns = useMemo((): LedgerColumn<ContractBorrow>[] => {
    const withSort = borrowColumns(t, { withContract: true, canReturn: true, onReturn: setReturning }).map(
      (column) => (sortable.has(column.key) ? { ...column, ...sortableBy(ledger.sort, column.key) } : column),
    );
    const createdAt: LedgerColumn<ContractBorrow> = {
      key: 'createdAt',
      title: t('common.createdAt'),
      optional: true,
      ...sortableBy(ledger.sort, 'createdAt'),
      render: (_, borrow) => formatDateTime(borrow.createdAt),
    };
    // The row actions stay last.
    return [...withSort.slice(0, -1), createdAt, ...withSort.slice(-1)];
  }, [t, ledger.sort]);

  const filterBar = (
    <FilterBar onReset={reset}>
      <Segmented<BorrowState>
        value={state}
        onChange={(value) => update({ state: value === 'open' ? undefined : value })}
        options={states.map((value) => ({ value, label: t(`contractArchive.borrows.${value}`) }))}
        data-testid="borrows-filter-state"
      />
      <SearchFilter
        value={values.q}
        onSearch={(q) => update({ q })}
        placeholder={t('contractArchive.borrows.search')}
        testId="borrows-search"
      />
    </FilterBar>
  );

  return (
    <LedgerPage<ContractBorrow>
      ledgerId="borrows"
      title={t('contractArchive.borrows.title')}
      filterBar={filterBar}
      onExport={
        can('contract.export')
          ? (onProgress) => exportBorrows(exportQuery, t('contractArchive.borrows.exportFile'), onProgress)
          : undefined
      }
      columns={columns}
      rowKey="id"
      rows={data?.items}
      {...ledgerQueryState(list)}
      onSortChange={(sort) => update({ sort })}
      onRow={(borrow) => (borrow.overdue ? { style: { background: '#fff1f0' } } : {})}
      paging={ledger.paging(data?.total)}
      empty={<EmptyState description={t('contractArchive.borrows.empty')} />}
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
      cardHiddenColumns={['contract', 'state', 'actions', 'createdAt']}
    >
      <ReturnModal borrow={returning} onClose={() => setReturning(null)} />
    </LedgerPage>
  );
}
