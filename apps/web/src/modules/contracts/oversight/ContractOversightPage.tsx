import { DownloadOutlined } from '@ant-design/icons';
import {
  type ContractOversightItem,
  type ContractOversightKind,
  contractOversightKindSchema,
} from '@concord/contracts';
import { App, Button, Flex, Segmented, Select, Tag, Typography } from 'antd';
import type { TablePaginationConfig } from 'antd';
import type { ColumnType } from 'antd/es/table';
import type { SorterResult } from 'antd/es/table/interface';
import { useMemo, useState } from 'react';
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
import { exportContractOversight, useContractOversight } from '../overdue/overdueApi';

const filterKeys = ['kind', 'entityId', 'sort', 'page', 'pageSize'] as const;
const defaultPageSize = 20;
const sortable = ['date', 'amount', 'kind', 'contractNumber'];
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

/**
 * `/contracts/oversight` (集团监督): rule breaches across the subsidiaries in the caller's scope, a
 * segmented filter per kind with its count, the entity filter, server paging and sorting, export.
 */
export default function ContractOversightPage() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const width = useFilterWidth();
  const { can } = usePermissions();
  const { values, update, reset } = useUrlFilters(filterKeys);
  const [exporting, setExporting] = useState(false);
  const entities = useExecutionSettings();
  const kind = kinds.includes(values.kind as ContractOversightKind)
    ? (values.kind as ContractOversightKind)
    : undefined;

  const filterQuery = useMemo<QueryParams>(
    () => ({
      kind,
      entityId: values.entityId,
      sort: values.sort && sortable.includes(values.sort.replace(/^-/, '')) ? values.sort : undefined,
    }),
    [kind, values.entityId, values.sort],
  );
  const query = useMemo<QueryParams>(
    () => ({
      ...filterQuery,
      page: Number(values.page ?? 1),
      pageSize: Number(values.pageSize ?? defaultPageSize),
    }),
    [filterQuery, values.page, values.pageSize],
  );
  const { data, isLoading, isFetching, error, refetch } = useContractOversight(query);

  const onExport = async () => {
    setExporting(true);
    try {
      await exportContractOversight(filterQuery);
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
      : null;
  const link = (row: ContractOversightItem) => `/contracts/${row.contractId}?tab=${tabOf[row.kind]}`;
  const columns: ColumnType<Row>[] = [
    {
      key: 'kind',
      title: t('contractOversight.col.kind'),
      sorter: true,
      sortOrder: sortOrder('kind'),
      render: (_, row) => <Tag color={kindColors[row.kind]}>{t(`contractOversight.kind.${row.kind}`)}</Tag>,
    },
    {
      key: 'contractNumber',
      title: t('contractOversight.col.contract'),
      sorter: true,
      sortOrder: sortOrder('contractNumber'),
      render: (_, row) => (
        <Flex vertical>
          <Link to={link(row)} data-testid="oversight-contract-link">
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
      sorter: true,
      sortOrder: sortOrder('amount'),
      render: (_, row) => formatMoney(row.amount),
    },
    {
      key: 'date',
      dataIndex: 'date',
      title: t('contractOversight.col.date'),
      sorter: true,
      sortOrder: sortOrder('date'),
    },
    {
      key: 'detail',
      title: t('contractOversight.col.detail'),
      render: (_, row) => row.detail ?? <Typography.Text type="secondary">—</Typography.Text>,
    },
  ];

  const onTableChange = (pagination: TablePaginationConfig, _filters: unknown, sorter: unknown) => {
    const single = (Array.isArray(sorter) ? sorter[0] : sorter) as SorterResult<Row> | undefined;
    const field =
      single?.order && sortable.includes(String(single.columnKey)) ? String(single.columnKey) : undefined;
    const sort = field ? (single?.order === 'descend' ? `-${field}` : field) : undefined;
    update({
      sort,
      page: sort !== values.sort || pagination.current === 1 ? undefined : pagination.current,
      pageSize: pagination.pageSize === defaultPageSize ? undefined : pagination.pageSize,
    });
  };

  const counts = data?.counts;
  // A contract may breach two rules at once: the kind makes the row key unique.
  const rows = useMemo(
    () => data?.items.map((item) => ({ ...item, rowKey: `${item.kind}:${item.recordId}` })),
    [data],
  );
  const allCount = counts ? Object.values(counts).reduce((sum, n) => sum + n, 0) : undefined;
  const label = (text: string, count: number | undefined) =>
    count === undefined ? text : `${text} ${count}`;

  return (
    <PageContainer
      title={t('contractOversight.title')}
      extra={
        can('contract.export') && (
          <Button
            icon={<DownloadOutlined />}
            loading={exporting}
            onClick={onExport}
            data-testid="oversight-export"
          >
            {t('common.export')}
          </Button>
        )
      }
    >
      <Typography.Paragraph type="secondary">{t('contractOversight.description')}</Typography.Paragraph>
      <div style={{ overflowX: 'auto', marginBottom: 12 }}>
        <Segmented
          value={kind ?? 'ALL'}
          onChange={(value) => update({ kind: value === 'ALL' ? undefined : String(value), page: undefined })}
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
          onChange={(value?: string) => update({ entityId: value, page: undefined })}
          loading={entities.isLoading}
          options={(entities.data ?? []).map((e) => ({ value: e.entityId, label: e.entityName }))}
          style={width(220)}
          data-testid="oversight-entity"
        />
      </FilterBar>
      <AsyncContent isLoading={isLoading} error={data ? null : error} onRetry={() => void refetch()}>
        <ResponsiveTable<Row>
          rowKey="rowKey"
          size="middle"
          data-testid="oversight-table"
          columns={columns}
          dataSource={rows}
          loading={isFetching}
          onChange={onTableChange}
          empty={<EmptyState description={t('contractOversight.empty')} />}
          pagination={{
            current: query.page as number,
            pageSize: query.pageSize as number,
            total: data?.total ?? 0,
            showSizeChanger: true,
            showTotal: (total) => t('common.total', { total }),
          }}
          cardTitle={(row) => (
            <Flex gap={6} align="center" wrap>
              <Tag color={kindColors[row.kind]}>{t(`contractOversight.kind.${row.kind}`)}</Tag>
              <Link to={link(row)} data-testid="oversight-card-link">
                {row.contractName}
              </Link>
            </Flex>
          )}
          cardHiddenColumns={['kind', 'contractNumber']}
        />
      </AsyncContent>
    </PageContainer>
  );
}
