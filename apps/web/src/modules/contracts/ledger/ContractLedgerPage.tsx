import { DownloadOutlined, PlusOutlined, UploadOutlined } from '@ant-design/icons';
import type { ContractLedgerRow } from '@concord/contracts';
import { App, Button, Card, Descriptions, Table, Typography } from 'antd';
import type { SorterResult } from 'antd/es/table/interface';
import { type ReactNode, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { usePermissions } from '../../../app/auth/session';
import { AsyncContent } from '../../../shared/AsyncContent';
import { EmptyState } from '../../../shared/EmptyState';
import { errorMessage } from '../../../shared/errorMessage';
import { formatMoney } from '../../../shared/format';
import { PageContainer } from '../../../shared/PageContainer';
import { ResponsiveTable } from '../../../shared/ResponsiveTable';
import { useIsPhone } from '../../../shared/useIsPhone';
import { exportContracts, useContractLedger } from '../contractsApi';
import { ImportWizard } from '../import/ImportWizard';
import { KeysetPager } from './KeysetPager';
import { LedgerFilterBar } from './LedgerFilterBar';
import { ledgerColumns } from './ledgerColumns';
import { defaultLedgerLimit, useLedgerFilters } from './useLedgerFilters';

/** Money columns that get a total under them (the totals are of the whole filtered set). */
const totalColumns = {
  amount: 'amount',
  signedAmount: 'signedAmount',
  currentAmount: 'currentAmount',
  plannedAmount: 'plannedAmount',
  requestedAmount: 'requestedAmount',
  paidAmount: 'paidAmount',
  receivedAmount: 'receivedAmount',
  invoicedAmount: 'invoicedAmount',
  acceptedAmount: 'acceptedAmount',
  outstandingAmount: 'outstandingAmount',
  overdueAmount: 'overdueAmount',
} as const;

/**
 * 合同台账: URL-driven filters, server sorting, keyset paging (next/previous through a stack of
 * cursors), totals of the filtered set, export of the same filters, import wizard.
 */
export default function ContractLedgerPage() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const isPhone = useIsPhone();
  const { can } = usePermissions();
  const { values, filterQuery, limit, update, reset } = useLedgerFilters();
  const [exporting, setExporting] = useState(false);
  const [importing, setImporting] = useState(false);

  // The cursors of the pages seen so far; a change of filters, sort or size starts again at page 1.
  const viewKey = JSON.stringify([filterQuery, limit]);
  const [paging, setPaging] = useState<{ key: string; cursors: (string | undefined)[] }>({
    key: viewKey,
    cursors: [undefined],
  });
  const cursors = paging.key === viewKey ? paging.cursors : [undefined];
  const cursor = cursors[cursors.length - 1];
  const query = useMemo(() => ({ ...filterQuery, limit, cursor }), [filterQuery, limit, cursor]);
  const { data, isLoading, isFetching, error, refetch } = useContractLedger(query);

  const goNext = () => {
    if (data?.nextCursor) setPaging({ key: viewKey, cursors: [...cursors, data.nextCursor] });
  };
  const goPrevious = () => setPaging({ key: viewKey, cursors: cursors.slice(0, -1) });

  const onExport = async () => {
    setExporting(true);
    try {
      await exportContracts(filterQuery);
      message.success(t('common.exported'));
    } catch (err) {
      message.error(errorMessage(err, t));
    } finally {
      setExporting(false);
    }
  };

  const onTableChange = (_pagination: unknown, _filters: unknown, sorter: unknown) => {
    const single = (Array.isArray(sorter) ? sorter[0] : sorter) as
      | SorterResult<ContractLedgerRow>
      | undefined;
    const field = single?.order ? String(single.columnKey) : undefined;
    update({ sort: field ? (single?.order === 'descend' ? `-${field}` : field) : undefined });
  };

  const columns = ledgerColumns(t, values.sort);
  const totals = data?.totals;
  const summary = () =>
    totals ? (
      <Table.Summary fixed>
        <Table.Summary.Row data-testid="contracts-totals">
          {columns.map((column, index) => {
            const key = String(column.key) as keyof typeof totalColumns;
            let content: ReactNode = null;
            if (index === 0)
              content = <strong>{t('contracts.ledger.totals', { count: totals.count })}</strong>;
            else if (key in totalColumns) content = <strong>{formatMoney(totals[totalColumns[key]])}</strong>;
            return (
              <Table.Summary.Cell
                key={String(column.key)}
                index={index}
                align={key in totalColumns ? 'right' : undefined}
              >
                {content}
              </Table.Summary.Cell>
            );
          })}
        </Table.Summary.Row>
      </Table.Summary>
    ) : null;

  const toolbar = (
    <>
      {can('contract.import') && (
        <Button icon={<UploadOutlined />} onClick={() => setImporting(true)} data-testid="contracts-import">
          {t('contracts.ledger.import')}
        </Button>
      )}
      {can('contract.export') && (
        <Button
          icon={<DownloadOutlined />}
          loading={exporting}
          onClick={onExport}
          data-testid="contracts-export"
        >
          {t('common.export')}
        </Button>
      )}
      {can('contract.create') && (
        <Button
          type="primary"
          icon={<PlusOutlined />}
          onClick={() => navigate('/contracts/new')}
          data-testid="contracts-create"
        >
          {t('contracts.ledger.create')}
        </Button>
      )}
    </>
  );

  return (
    <PageContainer title={t('contracts.ledger.title')} extra={toolbar}>
      <LedgerFilterBar values={values} update={update} reset={reset} />
      <AsyncContent isLoading={isLoading} error={data ? null : error} onRetry={() => void refetch()}>
        {isPhone && totals && totals.count > 0 && (
          <Card size="small" style={{ marginBottom: 8 }} data-testid="contracts-totals">
            <Descriptions
              size="small"
              column={1}
              items={[
                { key: 'count', label: t('contracts.ledger.count'), children: totals.count },
                { key: 'amount', label: t('contracts.field.amount'), children: formatMoney(totals.amount) },
                {
                  key: 'signed',
                  label: t('contracts.field.signedAmount'),
                  children: formatMoney(totals.signedAmount),
                },
                {
                  key: 'current',
                  label: t('contracts.field.currentAmount'),
                  children: formatMoney(totals.currentAmount),
                },
                ...(['paidAmount', 'receivedAmount', 'outstandingAmount', 'overdueAmount'] as const).map(
                  (key) => ({
                    key,
                    label: t(`contractLedgerExecution.col.${key}`),
                    children: formatMoney(totals[key]),
                  }),
                ),
              ]}
            />
          </Card>
        )}
        <ResponsiveTable<ContractLedgerRow>
          rowKey="id"
          data-testid="contracts-table"
          columns={columns}
          dataSource={data?.items}
          loading={isFetching}
          onChange={onTableChange}
          size="middle"
          pagination={false}
          summary={data?.items.length ? summary : undefined}
          sticky
          empty={
            <EmptyState
              description={
                Object.keys(filterQuery).some((key) => filterQuery[key] !== undefined && key !== 'sort')
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
            <Typography.Link
              onClick={() => navigate(`/contracts/${row.id}`)}
              data-testid="contract-card-link"
            >
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
        <KeysetPager
          page={cursors.length}
          hasPrevious={cursors.length > 1}
          hasNext={Boolean(data?.nextCursor)}
          total={totals?.count ?? 0}
          limit={limit}
          loading={isFetching}
          onPrevious={goPrevious}
          onNext={goNext}
          onLimit={(next) => update({ limit: next === defaultLedgerLimit ? undefined : next })}
        />
      </AsyncContent>
      <ImportWizard open={importing} onClose={() => setImporting(false)} />
    </PageContainer>
  );
}
