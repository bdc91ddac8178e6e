import { DownloadOutlined, PlusOutlined } from '@ant-design/icons';
import type { ContractPlanLine } from '@concord/contracts';
import { Alert, App, Button, Tabs, Typography } from 'antd';
import type { TablePaginationConfig } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import type { SortOrder, SorterResult } from 'antd/es/table/interface';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { usePermissions } from '../../../app/auth/session';
import { AsyncContent } from '../../../shared/AsyncContent';
import { EmptyState } from '../../../shared/EmptyState';
import { errorMessage } from '../../../shared/errorMessage';
import { formatMoney } from '../../../shared/format';
import { PageContainer } from '../../../shared/PageContainer';
import { ResponsiveTable } from '../../../shared/ResponsiveTable';
import { RowActions } from '../../../shared/RowActions';
import { useConfirm } from '../../../shared/useConfirm';
import { DirectionTag } from '../shared/labels';
import { PlanFilterBar } from './PlanFilterBar';
import { PlanLineFormModal, type PlanLineTarget } from './PlanLineFormModal';
import { PlanReportTable } from './PlanReportTable';
import { exportPlanReport, useDeletePlanLine, usePlanLineList, usePlanReport } from './plansApi';
import { defaultPlanPageSize, usePlanFilters } from './usePlanFilters';

const sortOrderOf = (sort: string | undefined, field: string): SortOrder =>
  sort === field ? 'ascend' : sort === `-${field}` ? 'descend' : null;

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
  const [exporting, setExporting] = useState(false);

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

  const onExport = async () => {
    setExporting(true);
    try {
      await exportPlanReport(exportQuery);
      message.success(t('common.exported'));
    } catch (err) {
      message.error(errorMessage(err, t));
    } finally {
      setExporting(false);
    }
  };

  const onTableChange = (pagination: TablePaginationConfig, _filters: unknown, sorter: unknown) => {
    const single = (Array.isArray(sorter) ? sorter[0] : sorter) as SorterResult<unknown> | undefined;
    const field = single?.order ? String(single.columnKey) : undefined;
    const sort = field ? (single?.order === 'descend' ? `-${field}` : field) : undefined;
    update({
      sort,
      page: sort !== values.sort || pagination.current === 1 ? undefined : pagination.current,
      pageSize: pagination.pageSize === defaultPlanPageSize ? undefined : pagination.pageSize,
    });
  };

  const columns: ColumnsType<ContractPlanLine> = [
    {
      key: 'year',
      title: t('contractSetup.plans.year'),
      dataIndex: 'year',
      sorter: true,
      sortOrder: sortOrderOf(values.sort, 'year'),
    },
    {
      key: 'name',
      title: t('contractSetup.plans.name'),
      sorter: true,
      sortOrder: sortOrderOf(values.sort, 'name'),
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
      sorter: true,
      sortOrder: sortOrderOf(values.sort, 'plannedAmount'),
      render: (_, line) => formatMoney(line.plannedAmount, line.currency),
    },
    {
      key: 'note',
      title: t('contractSetup.plans.note'),
      dataIndex: 'note',
      ellipsis: true,
      render: (note: string | null) => note ?? '',
    },
  ];
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
  if (canManage) {
    columns.push({
      key: 'actions',
      title: t('common.actions'),
      fixed: 'right',
      render: (_, line) => actionsOf(line),
    });
  }

  const createButton = canManage && (
    <Button
      type="primary"
      icon={<PlusOutlined />}
      data-testid="plan-create"
      onClick={() => setTarget({ mode: 'create', entityId: values.entityId })}
    >
      {t('contractSetup.plans.create')}
    </Button>
  );
  const toolbar =
    tab === 'report' ? (
      <Button
        icon={<DownloadOutlined />}
        loading={exporting}
        onClick={onExport}
        data-testid="plan-report-export"
      >
        {t('common.export')}
      </Button>
    ) : (
      createButton
    );

  const page = query.page as number;
  const pageSize = query.pageSize as number;
  return (
    <PageContainer title={t('contractSetup.plans.title')} extra={toolbar}>
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
      {tab === 'lines' ? (
        <AsyncContent
          isLoading={lines.isLoading}
          error={lines.data ? null : lines.error}
          onRetry={() => void lines.refetch()}
        >
          <ResponsiveTable<ContractPlanLine>
            rowKey="id"
            data-testid="plans-table"
            columns={columns}
            dataSource={lines.data?.items}
            loading={lines.isFetching}
            onChange={onTableChange}
            size="middle"
            empty={<EmptyState description={t('contractSetup.plans.empty')} action={createButton} />}
            pagination={{
              current: page,
              pageSize,
              total: lines.data?.total ?? 0,
              showSizeChanger: true,
              showTotal: (total) => t('common.total', { total }),
            }}
            cardTitle={(line) => line.name}
            cardActions={(line) => (canManage ? [<span key="actions">{actionsOf(line)}</span>] : [])}
            cardHiddenColumns={['name', 'actions', 'note']}
          />
        </AsyncContent>
      ) : (
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
            onChange={onTableChange}
          />
        </AsyncContent>
      )}
      <PlanLineFormModal target={target} onClose={() => setTarget(null)} />
    </PageContainer>
  );
}
