import type { ContractPlanReport, ContractPlanReportRow, ContractPlanReportTotals } from '@concord/contracts';
import { Descriptions, Progress, Table, Typography } from 'antd';
import type { TablePaginationConfig } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import type { SortOrder } from 'antd/es/table/interface';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import { EmptyState } from '../../../shared/EmptyState';
import { formatMoney, formatPercentFromBasisPoints } from '../../../shared/format';
import { ResponsiveTable } from '../../../shared/ResponsiveTable';
import { useIsPhone } from '../../../shared/useIsPhone';
import { directionLabel } from '../shared/labels';

const sortOrderOf = (sort: string | undefined, field: string): SortOrder =>
  sort === field ? 'ascend' : sort === `-${field}` ? 'descend' : null;

/** Execution as a bar: green when done, red when signed beyond the plan. */
export function ExecutionBar({ rate }: { rate: number | null }) {
  const { t } = useTranslation();
  if (rate === null) return <Typography.Text type="secondary">—</Typography.Text>;
  const percent = rate / 100;
  return (
    <div style={{ minWidth: 120 }} title={rate > 10000 ? t('contractSetup.plans.overPlan') : undefined}>
      <Progress
        percent={Math.min(percent, 100)}
        size="small"
        status={rate > 10000 ? 'exception' : rate >= 10000 ? 'success' : 'active'}
        format={() => formatPercentFromBasisPoints(rate)}
      />
    </div>
  );
}

const remaining = (row: { remainingAmount: number; currency?: string }) => (
  <span style={{ color: row.remainingAmount < 0 ? '#cf1322' : undefined }}>
    {formatMoney(row.remainingAmount, row.currency)}
  </span>
);

function reportColumns(t: TFunction, sort: string | undefined): ColumnsType<ContractPlanReportRow> {
  const money = (key: keyof ContractPlanReportRow & string, title: string, sortable = true) => ({
    key,
    title,
    align: 'right' as const,
    sorter: sortable,
    sortOrder: sortable ? sortOrderOf(sort, key) : undefined,
    render: (_: unknown, row: ContractPlanReportRow) => formatMoney(row[key] as number, row.currency),
  });
  return [
    {
      key: 'name',
      title: t('contractSetup.plans.name'),
      sorter: true,
      sortOrder: sortOrderOf(sort, 'name'),
      render: (_, row) => (
        <div>
          <div>{row.name}</div>
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {row.year} · {row.categoryName ?? directionLabel(t, row.direction)}
          </Typography.Text>
        </div>
      ),
    },
    {
      key: 'department',
      title: t('contractSetup.plans.department'),
      render: (_, row) => (
        <div>
          <div>{row.departmentName}</div>
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {row.entityName}
          </Typography.Text>
        </div>
      ),
    },
    money('plannedAmount', t('contractSetup.plans.plannedAmount')),
    money('signedAmount', t('contractSetup.plans.signedAmount')),
    money('inProgressAmount', t('contractSetup.plans.inProgressAmount')),
    {
      key: 'contractCount',
      title: t('contractSetup.plans.contractCount'),
      align: 'right',
      dataIndex: 'contractCount',
    },
    {
      key: 'remainingAmount',
      title: t('contractSetup.plans.remainingAmount'),
      align: 'right',
      sorter: true,
      sortOrder: sortOrderOf(sort, 'remainingAmount'),
      render: (_, row) => remaining(row),
    },
    {
      key: 'executionRate',
      title: t('contractSetup.plans.executionRate'),
      render: (_, row) => <ExecutionBar rate={row.executionRate} />,
    },
  ];
}

interface PlanReportTableProps {
  report: ContractPlanReport | undefined;
  loading: boolean;
  sort: string | undefined;
  page: number;
  pageSize: number;
  onChange: (pagination: TablePaginationConfig, filters: unknown, sorter: unknown) => void;
}

/** Plan vs signed: one row per plan line with a totals row per currency of the whole filtered set. */
export function PlanReportTable({ report, loading, sort, page, pageSize, onChange }: PlanReportTableProps) {
  const { t } = useTranslation();
  const isPhone = useIsPhone();
  // One totals row per currency: amounts of different currencies are never added together.
  const totals = report?.totalsByCurrency ?? [];
  const totalsTitle = (row: ContractPlanReportTotals) =>
    totals.length > 1
      ? `${t('contractSetup.plans.totals')} · ${row.currency}`
      : t('contractSetup.plans.totals');
  const columns = reportColumns(t, sort);
  return (
    <>
      {isPhone &&
        totals.map((row) => (
          <Descriptions
            key={row.currency}
            size="small"
            bordered
            column={1}
            style={{ marginBottom: 12 }}
            data-testid="plan-report-totals"
            title={totalsTitle(row)}
            items={[
              {
                key: 'planned',
                label: t('contractSetup.plans.plannedAmount'),
                children: formatMoney(row.plannedAmount, row.currency),
              },
              {
                key: 'signed',
                label: t('contractSetup.plans.signedAmount'),
                children: formatMoney(row.signedAmount, row.currency),
              },
              {
                key: 'inProgress',
                label: t('contractSetup.plans.inProgressAmount'),
                children: formatMoney(row.inProgressAmount, row.currency),
              },
              {
                key: 'remaining',
                label: t('contractSetup.plans.remainingAmount'),
                children: remaining(row),
              },
              {
                key: 'rate',
                label: t('contractSetup.plans.executionRate'),
                children: <ExecutionBar rate={row.executionRate} />,
              },
            ]}
          />
        ))}
      <ResponsiveTable<ContractPlanReportRow>
        rowKey="planLineId"
        data-testid="plan-report-table"
        columns={columns}
        dataSource={report?.items}
        loading={loading}
        onChange={onChange}
        size="middle"
        empty={<EmptyState description={t('contractSetup.plans.reportEmpty')} />}
        pagination={{
          current: page,
          pageSize,
          total: report?.total ?? 0,
          showSizeChanger: true,
          showTotal: (total) => t('common.total', { total }),
        }}
        cardTitle={(row) => row.name}
        cardHiddenColumns={['name']}
        summary={() =>
          totals.length > 0 && (
            <Table.Summary fixed>
              {totals.map((row) => (
                <Table.Summary.Row key={row.currency} data-testid="plan-report-totals">
                  <Table.Summary.Cell index={0}>
                    <Typography.Text strong>{totalsTitle(row)}</Typography.Text>
                  </Table.Summary.Cell>
                  <Table.Summary.Cell index={1}>
                    {t('contractSetup.plans.totalsLines', { count: row.lines })}
                  </Table.Summary.Cell>
                  <Table.Summary.Cell index={2} align="right">
                    <Typography.Text strong>{formatMoney(row.plannedAmount, row.currency)}</Typography.Text>
                  </Table.Summary.Cell>
                  <Table.Summary.Cell index={3} align="right">
                    <Typography.Text strong>{formatMoney(row.signedAmount, row.currency)}</Typography.Text>
                  </Table.Summary.Cell>
                  <Table.Summary.Cell index={4} align="right">
                    <Typography.Text strong>
                      {formatMoney(row.inProgressAmount, row.currency)}
                    </Typography.Text>
                  </Table.Summary.Cell>
                  <Table.Summary.Cell index={5} align="right">
                    {row.contractCount}
                  </Table.Summary.Cell>
                  <Table.Summary.Cell index={6} align="right">
                    <Typography.Text strong>{remaining(row)}</Typography.Text>
                  </Table.Summary.Cell>
                  <Table.Summary.Cell index={7}>
                    <ExecutionBar rate={row.executionRate} />
                  </Table.Summary.Cell>
                </Table.Summary.Row>
              ))}
            </Table.Summary>
          )
        }
      />
    </>
  );
}
