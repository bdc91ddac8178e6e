import type { ContractPlanLine } from '@concord/contracts';
import { Alert, App, Tabs, Typography } from 'antd';
import type { TablePaginationConfig } from 'antd';
import type { SorterResult } from 'antd/es/table/interface';
import type { TFunction } from 'i18next';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { usePermissions } from '../../../app/auth/session';
import { AsyncContent } from '../../../shared/AsyncContent';
import { EmptyState } from '../../../shared/EmptyState';
import { errorMessage } from '../../../shared/errorMessage';
import { formatDateTime, formatMoney } from '../../../shared/format';
import { ExportButton, type LedgerColumn, LedgerPage, ledgerQueryState } from '../../../shared/LedgerPage';
import { CreateButton } from '../../../shared/listPage';
import { sortableBy } from '../../../shared/ledgerSort';
import { PageContainer } from '../../../shared/PageContainer';
import { RowActions } from '../../../shared/RowActions';
import { useConfirm } from '../../../shared/useConfirm';
import { DirectionTag } from '../shared/labels';
import { PlanFilterBar } from './PlanFilterBar';
import { PlanLineFormModal, type PlanLineTarget } from './PlanLineFormModal';
import { PlanReportTable } from './PlanReportTable';
import { exportPlanReport, useDeletePlanLine, usePlanLineList, usePlanReport } from './plansApi';
import { defaultPlanPageSize, usePlanFilters } from './usePlanFilters';

function planColumns(t: TFunction, sort: string | undefined): LedgerColumn<ContractPlanLine>[] {
  return [
    { key: 'year', title: t('contractSetup.plans.year'), dataIndex: 'year', ...sortableBy(sort, 'year') },
    {
      key: 'name',
      title: t('contractSetup.plans.name'),
      locked: true,
      ...sortableBy(sort, 'name'),
      render: (_, line) => (
        <div data-testid={`plan-row-${line.id}`}>
          <div>{line.name}</div>
          {line.projectRef && (
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {t('contractSetup.plans.projectRef')}：{line.projectRef}
            </Typography.Text>
          )}
        </div>
      ),
    },
    { key: 'entity', title: t('contractSetup.plans.entity'), dataIndex: 'entityName' },
    { key: 'department', title: t('contractSetup.plans.department'), dataIndex: 'departmentName' },
    {
      key: 'category',
      title: t('contractSetup.plans.category'),
      render: (_, line) => line.categoryName ?? <Typography.Text type="secondary">—</Typography.Text>,
    },
    {
      key: 'direction',
      title: t('contractSetup.plans.direction'),
      render: (_, line) => <DirectionTag direction={line.direction} />,
    },
    {
      key: 'plannedAmount',
      title: t('contractSetup.plans.plannedAmount'),
      align: 'right',
      ...sortableBy(sort, 'plannedAmount'),
      render: (_, line) => formatMoney(line.plannedAmount, line.currency),
    },
    {
      key: 'note',
      title: t('contractSetup.plans.note'),
      dataIndex: 'note',
      ellipsis: true,
      render: (note: string | null) => note ?? '',
    },
    {
      key: 'createdAt',
      title: t('common.createdAt'),
      optional: true,
      ...sortableBy(sort, 'createdAt'),
      render: (_, line) => formatDateTime(line.createdAt),
    },
  ];
}

/** Contract planning (合同规划): the yearly plan lines and, on the second tab, plan vs signed. */
export default function ContractPlansPage() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const confirm = useConfirm();
  const { can } = usePermissions();
  const canManage = can('contract.plan.manage');
  const { tab, values, query, exportQuery, update } = usePlanFilters();
  const lines = usePlanLineList(query, tab === 'lines');
  const report = usePlanReport(query, tab === 'report');
  const remove = useDeletePlanLine();
  const [target, setTarget] = useState<PlanLineTarget | null>(null);
  const page = query.page as number;
  const pageSize = query.pageSize as number;
  const sort = query.sort as string | undefined;

  const onDelete = async (line: ContractPlanLine) => {
    const confirmed = await confirm({
      title: t('contractSetup.plans.deleteConfirm', { name: line.name }),
      content: t('contractSetup.plans.deleteHint'),
      okText: t('common.delete'),
      danger: true,
    });
    if (!confirmed) return;
    remove.mutate(line.id, {
      onSuccess: () => message.success(t('common.deleted')),
      onError: (err) => message.error(errorMessage(err, t)),
    });
  };

  const onPageChange = (nextPage: number, nextPageSize: number) =>
    update({
      page: nextPage === 1 ? undefined : nextPage,
      pageSize: nextPageSize === defaultPlanPageSize ? undefined : nextPageSize,
    });
  // The report tab's table (PlanReportTable) reports paging and sorting the way antd does.
  const onReportChange = (pagination: TablePaginationConfig, _filters: unknown, sorter: unknown) => {
    const single = (Array.isArray(sorter) ? sorter[0] : sorter) as SorterResult<unknown> | undefined;
    const field = single?.order ? String(single.columnKey) : undefined;
    const nextSort = field ? (single?.order === 'descend' ? `-${field}` : field) : undefined;
    if (nextSort !== values.sort) update({ sort: nextSort });
    else onPageChange(pagination.current ?? 1, pagination.pageSize ?? defaultPlanPageSize);
  };

  const actionsOf = (line: ContractPlanLine) => (
    <RowActions
      actions={[
        {
          key: 'edit',
          label: t('common.edit'),
          testId: `plan-edit-${line.id}`,
          onClick: () => setTarget({ mode: 'edit', line }),
        },
        {
          key: 'delete',
          label: t('common.delete'),
          danger: true,
          testId: `plan-delete-${line.id}`,
          onClick: () => void onDelete(line),
        },
      ]}
    />
  );
  const baseColumns = useMemo(() => planColumns(t, sort), [t, sort]);
  const columns: LedgerColumn<ContractPlanLine>[] = canManage
    ? [
        ...baseColumns,
        {
          key: 'actions',
          title: t('common.actions'),
          fixed: 'right',
          locked: true,
          render: (_, line) => actionsOf(line),
        },
      ]
    : baseColumns;

  const createButton = (testId?: string) => (
    <CreateButton
      allowed={canManage}
      label={t('contractSetup.plans.create')}
      onClick={() => setTarget({ mode: 'create', entityId: values.entityId })}
      testId={testId}
    />
  );
  const header = (
    <>
      <Tabs
        activeKey={tab}
        // Sort fields differ between the tabs; paging starts again.
        onChange={(next) => update({ tab: next === 'report' ? 'report' : undefined, sort: undefined })}
        items={[
          {
            key: 'lines',
            label: <span data-testid="plans-tab-lines">{t('contractSetup.plans.tabLines')}</span>,
          },
          {
            key: 'report',
            label: <span data-testid="plans-tab-report">{t('contractSetup.plans.tabReport')}</span>,
          },
        ]}
      />
      <PlanFilterBar values={values} update={update} />
    </>
  );
  const dialog = <PlanLineFormModal target={target} onClose={() => setTarget(null)} />;

  if (tab === 'report') {
    return (
      <PageContainer
        title={t('contractSetup.plans.title')}
        extra={
          <ExportButton
            onExport={(onProgress) =>
              exportPlanReport(exportQuery, t('contractSetup.plans.reportFile'), onProgress)
            }
            testId="plan-report-export"
          />
        }
      >
        {header}
        <AsyncContent
          isLoading={report.isLoading}
          error={report.data ? null : report.error}
          onRetry={() => void report.refetch()}
        >
          <Alert
            type="info"
            showIcon
            message={t('contractSetup.plans.reportHint')}
            style={{ marginBottom: 12 }}
          />
          <PlanReportTable
            report={report.data}
            loading={report.isFetching}
            sort={values.sort}
            page={page}
            pageSize={pageSize}
            onChange={onReportChange}
          />
        </AsyncContent>
        {dialog}
      </PageContainer>
    );
  }

  return (
    <LedgerPage<ContractPlanLine>
      ledgerId="plans"
      title={t('contractSetup.plans.title')}
      filterBar={header}
      actions={createButton('plan-create')}
      columns={columns}
      rowKey="id"
      rows={lines.data?.items}
      {...ledgerQueryState(lines)}
      onSortChange={(next) => update({ sort: next })}
      paging={{ mode: 'pages', page, pageSize, total: lines.data?.total ?? 0, onChange: onPageChange }}
      empty={<EmptyState description={t('contractSetup.plans.empty')} action={createButton()} />}
      cardTitle={(line) => line.name}
      cardActions={(line) => (canManage ? [<span key="actions">{actionsOf(line)}</span>] : [])}
      cardHiddenColumns={['name', 'actions', 'note']}
    >
      {dialog}
    </LedgerPage>
  );
}
