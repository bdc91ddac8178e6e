import {
  type ContractOversightItem,
  type ContractOversightKind,
  contractOversightKindSchema,
} from '@concord/contracts';
import { Flex, Segmented, Select, Tag, Typography } from 'antd';
import type { TFunction } from 'i18next';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { QueryParams } from '../../../app/api/client';
import { usePermissions } from '../../../app/auth/session';
import { EmptyState } from '../../../shared/EmptyState';
import { FilterBar, useFilterWidth } from '../../../shared/FilterBar';
import { formatMoney } from '../../../shared/format';
import { type LedgerColumn, LedgerPage, ledgerQueryState } from '../../../shared/LedgerPage';
import { sortableBy } from '../../../shared/ledgerSort';
import { useUrlLedger } from '../../../shared/useUrlFilters';
import { useExecutionSettings } from '../exceptions/exceptionsApi';
import { exportContractOversight, useContractOversight } from '../overdue/overdueApi';

const filterKeys = ['kind', 'entityId'] as const;
/** The sorts the server's oversight list offers (oversight.repository.ts). */
const sortFields = ['date', 'amount', 'kind', 'contractNumber'] as const;
const kinds = contractOversightKindSchema.options;
type Row = ContractOversightItem & { rowKey: string };
const kindColors: Record<ContractOversightKind, string> = {
  OVERRIDE_PAYMENT: 'orange',
  PAST_END: 'gold',
  OVERDUE_COLLECTION: 'volcano',
  BLACKLISTED_PARTNER: 'red',
  UNQUALIFIED_PARTNER: 'magenta',
};

/** The tab a breach opens on the contract's detail page. */
const tabOf: Record<ContractOversightKind, string> = {
  OVERRIDE_PAYMENT: 'payments',
  PAST_END: 'overview',
  OVERDUE_COLLECTION: 'schedule',
  BLACKLISTED_PARTNER: 'overview',
  UNQUALIFIED_PARTNER: 'overview',
};
const linkOf = (row: ContractOversightItem) => `/contracts/${row.contractId}?tab=${tabOf[row.kind]}`;

function oversightColumns(t: TFunction, sort: string | undefined): LedgerColumn<Row>[] {
  return [
    {
      key: 'kind',
      title: t('contractOversight.col.kind'),
      ...sortableBy(sort, 'kind'),
      render: (_, row) => <Tag color={kindColors[row.kind]}>{t(`contractOversight.kind.${row.kind}`)}</Tag>,
    },
    {
      key: 'contractNumber',
      title: t('contractOversight.col.contract'),
      locked: true,
      ...sortableBy(sort, 'contractNumber'),
      render: (_, row) => (
        <Flex vertical>
          <Link to={linkOf(row)} data-testid="oversight-contract-link">
            {row.contractName}
          </Link>
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {[row.contractNumber, row.partnerName].filter(Boolean).join(' · ')}
          </Typography.Text>
        </Flex>
      ),
    },
    { key: 'entity', dataIndex: 'entityName', title: t('contractOversight.col.entity') },
    { key: 'owner', dataIndex: 'ownerName', title: t('contractOversight.col.owner') },
    {
      key: 'amount',
      title: t('contractOversight.col.amount'),
      align: 'right',
      ...sortableBy(sort, 'amount'),
      render: (_, row) => formatMoney(row.amount, row.currency),
    },
    { key: 'date', dataIndex: 'date', title: t('contractOversight.col.date'), ...sortableBy(sort, 'date') },
    {
      key: 'detail',
      title: t('contractOversight.col.detail'),
      render: (_, row) => row.detail ?? <Typography.Text type="secondary">—</Typography.Text>,
    },
    {
      key: 'partnerName',
      dataIndex: 'partnerName',
      title: t('contractOversight.col.partner'),
      optional: true,
    },
    {
      key: 'department',
      dataIndex: 'departmentName',
      title: t('contractOversight.col.department'),
      optional: true,
    },
  ];
}

/**
 * `/contracts/oversight` (集团监督): rule breaches across the subsidiaries in the caller's scope, a
 * segmented filter per kind with its count, the entity filter, server paging and sorting, export.
 */
export default function ContractOversightPage() {
  const { t } = useTranslation();
  const width = useFilterWidth();
  const { can } = usePermissions();
  const ledger = useUrlLedger(filterKeys, { sortFields });
  const { values, update, reset } = ledger;
  const entities = useExecutionSettings();
  const kind = kinds.includes(values.kind as ContractOversightKind)
    ? (values.kind as ContractOversightKind)
    : undefined;

  const filterQuery = useMemo<QueryParams>(
    () => ({ kind, entityId: values.entityId, sort: ledger.sort }),
    [kind, values.entityId, ledger.sort],
  );
  const query = useMemo(
    () => ({ ...filterQuery, page: ledger.page, pageSize: ledger.pageSize }),
    [filterQuery, ledger.page, ledger.pageSize],
  );
  const list = useContractOversight(query);
  const { data } = list;
  const columns = useMemo(() => oversightColumns(t, ledger.sort), [t, ledger.sort]);

  const counts = data?.counts;
  // A contract may breach two rules at once: the kind makes the row key unique.
  const rows = useMemo(
    () => data?.items.map((item) => ({ ...item, rowKey: `${item.kind}:${item.recordId}` })),
    [data],
  );
  const allCount = counts ? Object.values(counts).reduce((sum, n) => sum + n, 0) : undefined;
  const label = (text: string, count: number | undefined) =>
    count === undefined ? text : `${text} ${count}`;

  const filterBar = (
    <>
      <Typography.Paragraph type="secondary">{t('contractOversight.description')}</Typography.Paragraph>
      <div style={{ overflowX: 'auto', marginBottom: 12 }}>
        <Segmented
          value={kind ?? 'ALL'}
          onChange={(value) => update({ kind: value === 'ALL' ? undefined : String(value) })}
          options={[
            { value: 'ALL', label: label(t('contractOversight.all'), allCount) },
            ...kinds.map((k) => ({ value: k, label: label(t(`contractOversight.kind.${k}`), counts?.[k]) })),
          ]}
          data-testid="oversight-kind"
        />
      </div>
      <FilterBar onReset={reset}>
        <Select
          allowClear
          placeholder={t('contractOversight.entity')}
          value={values.entityId}
          onChange={(value?: string) => update({ entityId: value })}
          loading={entities.isLoading}
          options={(entities.data ?? []).map((e) => ({ value: e.entityId, label: e.entityName }))}
          style={width(220)}
          data-testid="oversight-entity"
        />
      </FilterBar>
    </>
  );

  return (
    <LedgerPage<Row>
      ledgerId="oversight"
      title={t('contractOversight.title')}
      filterBar={filterBar}
      onExport={
        can('contract.export')
          ? (onProgress) =>
              exportContractOversight(filterQuery, t('contractOversight.exportFile'), onProgress)
          : undefined
      }
      columns={columns}
      rowKey="rowKey"
      rows={rows}
      {...ledgerQueryState(list)}
      onSortChange={(sort) => update({ sort })}
      paging={ledger.paging(data?.total)}
      empty={<EmptyState description={t('contractOversight.empty')} />}
      cardTitle={(row) => (
        <Flex gap={6} align="center" wrap>
          <Tag color={kindColors[row.kind]}>{t(`contractOversight.kind.${row.kind}`)}</Tag>
          <Link to={linkOf(row)} data-testid="oversight-card-link">
            {row.contractName}
          </Link>
        </Flex>
      )}
      cardHiddenColumns={['kind', 'contractNumber']}
    />
  );
}
