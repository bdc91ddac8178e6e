import {
  type ContractOversightItem,
  type ContractOversightKind,
  type ContractOversightKindCount,
  contractOversightKindSchema,
  contractOversightSortFields,
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
import { defaultKeysetLimit, KeysetPager } from '../../../shared/KeysetPager';
import { type LedgerColumn, LedgerPage, ledgerQueryState } from '../../../shared/LedgerPage';
import { sortableBy } from '../../../shared/ledgerSort';
import { useKeysetCursors } from '../../../shared/useKeysetCursors';
import { type UrlFilterValues, useUrlFilters } from '../../../shared/useUrlFilters';
import { useExecutionSettings } from '../exceptions/exceptionsApi';
import {
  exportContractOversight,
  useContractOversight,
  useContractOversightCounts,
} from '../overdue/overdueApi';

const urlKeys = ['kind', 'entityId', 'sort', 'limit'] as const;
type OversightUrlKey = (typeof urlKeys)[number];
const kinds = contractOversightKindSchema.options;

/**
 * The API's kind, sort and page size of the URL's values. What the server would refuse (an unknown
 * kind, a sort it does not offer, such as the amount an old link may carry, a limit of 0) is dropped
 * here instead of answered with a 400.
 */
function oversightQueryOf(values: UrlFilterValues<OversightUrlKey>) {
  const kind = kinds.includes(values.kind as ContractOversightKind)
    ? (values.kind as ContractOversightKind)
    : undefined;
  const sort =
    values.sort && (contractOversightSortFields as readonly string[]).includes(values.sort.replace(/^-/, ''))
      ? values.sort
      : undefined;
  const parsed = Number(values.limit);
  const limit = Number.isInteger(parsed) && parsed >= 1 && parsed <= 200 ? parsed : defaultKeysetLimit;
  return { kind, sort, limit } as const;
}

/** The breaches of some kinds together: a lower bound when any of them was capped. */
function sumOf(counts: ContractOversightKindCount[]): ContractOversightKindCount {
  return {
    count: counts.reduce((sum, counted) => sum + counted.count, 0),
    capped: counts.some((counted) => counted.capped),
  };
}
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
 * segmented filter per kind with its count, the entity filter, server sorting (by date or kind),
 * keyset paging (next/previous through a stack of cursors), export. A ledger like the overdue list:
 * the page shows at once and the counts per kind when they arrive (asked for apart, each counted up
 * to a cap: "10,000+" past it).
 */
export default function ContractOversightPage() {
  const { t } = useTranslation();
  const width = useFilterWidth();
  const { can } = usePermissions();
  const { values, update, reset } = useUrlFilters(urlKeys);
  const entities = useExecutionSettings();
  const { kind, sort, limit } = useMemo(() => oversightQueryOf(values), [values]);

  // The counts' filter; the export takes it, the kind and the sort, the page also the limit and cursor.
  const countsFilter = useMemo<QueryParams>(() => ({ entityId: values.entityId }), [values.entityId]);
  const filterQuery = useMemo<QueryParams>(
    () => ({ ...countsFilter, kind, sort }),
    [countsFilter, kind, sort],
  );
  // The cursors of the pages seen so far; a change of filters, sort or size starts again at page 1.
  const pages = useKeysetCursors([filterQuery, limit]);
  const { cursor } = pages;
  const query = useMemo(() => ({ ...filterQuery, limit, cursor }), [filterQuery, limit, cursor]);
  const list = useContractOversight(query);
  const { data } = list;
  // The counts do not depend on the kind shown, the sort or the page: one request per entity filter.
  const byKind = useContractOversightCounts(countsFilter).data?.byKind;
  const columns = useMemo(() => oversightColumns(t, sort), [t, sort]);

  // A contract may breach two rules at once: the kind makes the row key unique.
  const rows = useMemo(
    () => data?.items.map((item) => ({ ...item, rowKey: `${item.kind}:${item.recordId}` })),
    [data],
  );
  const allCount = byKind ? sumOf(Object.values(byKind)) : undefined;
  const shownCount = byKind ? (kind ? byKind[kind] : allCount) : undefined;
  const label = (text: string, counted: ContractOversightKindCount | undefined) =>
    counted === undefined ? (
      text
    ) : (
      <span title={counted.capped ? t('contractOversight.cappedHint') : undefined}>
        {`${text} ${counted.count.toLocaleString()}${counted.capped ? '+' : ''}`}
      </span>
    );

  const filterBar = (
    <>
      <Typography.Paragraph type="secondary">{t('contractOversight.description')}</Typography.Paragraph>
      <div style={{ overflowX: 'auto', marginBottom: 12 }}>
        <Segmented
          value={kind ?? 'ALL'}
          onChange={(value) => update({ kind: value === 'ALL' ? undefined : String(value) })}
          options={[
            { value: 'ALL', label: label(t('contractOversight.all'), allCount) },
            ...kinds.map((k) => ({ value: k, label: label(t(`contractOversight.kind.${k}`), byKind?.[k]) })),
          ]}
          data-testid="oversight-kind"
        />
      </div>
      <FilterBar onReset={reset}>
        <Select
          allowClear
          placeholder={t('contractOversight.entity')}
          aria-label={t('contractOversight.entity')}
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
      onSortChange={(next) => update({ sort: next })}
      paging={{
        mode: 'keyset',
        // No pager under an empty first page: "0 items, page 1" beside the empty state says nothing.
        pager:
          data?.items.length === 0 && !pages.hasPrevious ? null : (
            <KeysetPager
              testId="oversight"
              page={pages.page}
              hasPrevious={pages.hasPrevious}
              hasNext={Boolean(data?.nextCursor)}
              total={shownCount ? { count: shownCount.count, atLeast: shownCount.capped } : null}
              limit={limit}
              loading={list.isFetching}
              onPrevious={pages.previous}
              onNext={() => pages.next(data?.nextCursor)}
              onLimit={(next) => update({ limit: next === defaultKeysetLimit ? undefined : next })}
            />
          ),
      }}
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
