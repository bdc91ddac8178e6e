import { PlusOutlined } from '@ant-design/icons';
import type { ContractLedgerRow } from '@concord/contracts';
import { useQuery } from '@tanstack/react-query';
import { Button, Typography } from 'antd';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { usePermissions } from '../../../app/auth/session';
import { EmptyState } from '../../../shared/EmptyState';
import { KeysetPager } from '../../../shared/KeysetPager';
import { LedgerPage, totalsByCurrency } from '../../../shared/LedgerPage';
import { useKeysetCursors } from '../../../shared/useKeysetCursors';
import { exportContracts } from '../contractsApi';
import { useContractImport } from '../import/useContractImport';
import { LedgerFilterBar } from './LedgerFilterBar';
import { ledgerPageQuery, ledgerTotalsQuery } from './ledgerQueries';
import { ledgerColumns } from './ledgerColumns';
import { defaultLedgerLimit, useLedgerFilters } from './useLedgerFilters';

/**
 * 合同台账: URL-driven filters, server sorting, keyset paging (next/previous through a stack of
 * cursors), totals of the filtered set (asked for apart: the rows show at once, the totals when they
 * arrive), column settings, export of the same filters, import wizard.
 */
export default function ContractLedgerPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const { can } = usePermissions();
  const { values, filterQuery, limit, update, reset } = useLedgerFilters();
  const importer = useContractImport();

  // The cursors of the pages seen so far; a change of filters, sort or size starts again at page 1.
  const pages = useKeysetCursors([filterQuery, limit]);
  const { cursor } = pages;
  const query = useMemo(() => ({ ...filterQuery, limit, cursor }), [filterQuery, limit, cursor]);
  const { data, isLoading, isFetching, error, refetch } = useQuery(ledgerPageQuery(query));
  // The totals do not depend on the sort or the page: one request per set of filters.
  const { sort: _sort, ...totalsFilters } = filterQuery;
  const totalsQuery = useQuery(ledgerTotalsQuery(totalsFilters));

  const columns = useMemo(() => ledgerColumns(t, values.sort), [t, values.sort]);
  // One totals row per currency: yuan and dollars are never added together.
  const totalsData = totalsQuery.data;
  const totals = useMemo(
    () =>
      totalsData
        ? totalsByCurrency(totalsData.count, totalsData.byCurrency, totalsData.source === 'capped')
        : totalsQuery.isError
          ? undefined
          : ('pending' as const),
    [totalsData, totalsQuery.isError],
  );
  const filtered = Object.keys(filterQuery).some((key) => filterQuery[key] !== undefined && key !== 'sort');

  return (
    <LedgerPage<ContractLedgerRow>
      ledgerId="contracts"
      title={t('contracts.ledger.title')}
      filterBar={<LedgerFilterBar values={values} update={update} reset={reset} />}
      actions={
        can('contract.create') && (
          <Button
            type="primary"
            icon={<PlusOutlined />}
            onClick={() => navigate('/contracts/new')}
            data-testid="contracts-create"
          >
            {t('contracts.ledger.create')}
          </Button>
        )
      }
      importer={can('contract.import') ? importer : undefined}
      onExport={can('contract.export') ? (onProgress) => exportContracts(filterQuery, onProgress) : undefined}
      columns={columns}
      rowKey="id"
      rows={data?.items}
      isLoading={isLoading}
      isFetching={isFetching}
      error={error}
      onRetry={() => void refetch()}
      onSortChange={(sort) => update({ sort })}
      totals={totals}
      totalsLabel={(count) => t('contracts.ledger.totals', { count: count.toLocaleString() })}
      paging={{
        mode: 'keyset',
        pager: (
          <KeysetPager
            testId="contracts"
            page={pages.page}
            hasPrevious={pages.hasPrevious}
            hasNext={Boolean(data?.nextCursor)}
            total={totalsData ? { count: totalsData.count, atLeast: totalsData.source === 'capped' } : null}
            limit={limit}
            loading={isFetching}
            onPrevious={pages.previous}
            onNext={() => pages.next(data?.nextCursor)}
            onLimit={(next) => update({ limit: next === defaultLedgerLimit ? undefined : next })}
          />
        ),
      }}
      empty={
        <EmptyState
          description={
            filtered
              ? t('contracts.ledger.emptyFiltered')
              : can('contract.import')
                ? t('contracts.ledger.empty')
                : can('contract.create')
                  ? t('contracts.ledger.emptyCreate')
                  : t('contracts.ledger.emptyView')
          }
        />
      }
      cardTitle={(row) => (
        <Typography.Link onClick={() => navigate(`/contracts/${row.id}`)} data-testid="contract-card-link">
          {row.name}
        </Typography.Link>
      )}
      cardHiddenColumns={[
        'name',
        'entityName',
        'startDate',
        'amount',
        'signedAmount',
        'signDate',
        'categoryName',
        'departmentName',
        'plannedAmount',
        'requestedAmount',
        'invoicedAmount',
        'acceptedAmount',
        'nextDueDate',
      ]}
    />
  );
}
