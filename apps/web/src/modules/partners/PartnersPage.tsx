import { DownloadOutlined } from '@ant-design/icons';
import type { PartnerListItem } from '@concord/contracts';
import { App, Button } from 'antd';
import type { TablePaginationConfig } from 'antd';
import type { SorterResult } from 'antd/es/table/interface';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { downloadFile } from '../../app/api/client';
import { usePermissions } from '../../app/auth/session';
import { AsyncContent } from '../../shared/AsyncContent';
import { EmptyState } from '../../shared/EmptyState';
import { errorMessage } from '../../shared/errorMessage';
import { CreateButton } from '../../shared/listPage';
import { PageContainer } from '../../shared/PageContainer';
import { ResponsiveTable } from '../../shared/ResponsiveTable';
import { RowActions } from '../../shared/RowActions';
import { localeOf } from './labels';
import { PartnerFilterBar } from './PartnerFilterBar';
import { PartnerFormModal, type PartnerFormTarget } from './PartnerFormModal';
import { PartnerName, partnerColumns } from './partnerColumns';
import { usePartnerList } from './partnersApi';
import { defaultPartnerPageSize, usePartnerFilters } from './usePartnerFilters';

/** 合作伙伴: customers and suppliers of the group, with filters in the URL, paging, sorting and export. */
export default function PartnersPage() {
  const { t, i18n } = useTranslation();
  const locale = localeOf(i18n.language);
  const { message } = App.useApp();
  const navigate = useNavigate();
  const { can } = usePermissions();
  const { values, query, exportQuery, update, reset, filtered } = usePartnerFilters();
  const { data, isLoading, isFetching, error, refetch } = usePartnerList(query);
  const [formTarget, setFormTarget] = useState<PartnerFormTarget | null>(null);
  const [exporting, setExporting] = useState(false);
  const canManage = can('partner.manage');

  const onExport = async () => {
    setExporting(true);
    try {
      await downloadFile('/partners/export', exportQuery, t('partners.exportFile'));
      message.success(t('common.exported'));
    } catch (err) {
      message.error(errorMessage(err, t));
    } finally {
      setExporting(false);
    }
  };

  const onTableChange = (pagination: TablePaginationConfig, _filters: unknown, sorter: unknown) => {
    const single = (Array.isArray(sorter) ? sorter[0] : sorter) as SorterResult<PartnerListItem> | undefined;
    const field = single?.order ? String(single.columnKey) : undefined;
    const sort = field ? (single?.order === 'descend' ? `-${field}` : field) : undefined;
    const sortChanged = sort !== values.sort;
    update({
      sort,
      page: sortChanged || pagination.current === 1 ? undefined : pagination.current,
      pageSize: pagination.pageSize === defaultPartnerPageSize ? undefined : pagination.pageSize,
    });
  };

  const actionsOf = (partner: PartnerListItem) => [
    {
      key: 'view',
      label: t('partners.actions.view'),
      onClick: () => navigate(`/partners/${partner.id}`),
      testId: 'partner-view',
    },
    ...(canManage && partner.entityId
      ? [
          {
            key: 'edit',
            label: t('partners.actions.edit'),
            onClick: () => setFormTarget({ mode: 'edit', partner }),
            testId: 'partner-edit',
          },
        ]
      : []),
  ];

  const columns = partnerColumns(t, locale, values.sort);
  columns.push({
    key: 'actions',
    title: t('common.actions'),
    fixed: 'right',
    render: (_, partner) => <RowActions actions={actionsOf(partner)} />,
  });

  const createButton = (testId?: string) => (
    <CreateButton
      allowed={canManage}
      label={t('partners.create')}
      onClick={() => setFormTarget({ mode: 'create' })}
      testId={testId}
    />
  );

  const toolbar = (
    <>
      {can('partner.export') && (
        <Button
          icon={<DownloadOutlined />}
          loading={exporting}
          onClick={onExport}
          data-testid="partners-export"
        >
          {t('common.export')}
        </Button>
      )}
      {createButton('partner-create')}
    </>
  );

  return (
    <PageContainer title={t('partners.title')} extra={toolbar}>
      <PartnerFilterBar values={values} update={update} reset={reset} />
      <AsyncContent isLoading={isLoading} error={data ? null : error} onRetry={() => void refetch()}>
        <ResponsiveTable<PartnerListItem>
          rowKey="id"
          data-testid="partners-table"
          columns={columns}
          dataSource={data?.items}
          loading={isFetching}
          onChange={onTableChange}
          size="middle"
          empty={
            filtered ? (
              <EmptyState description={t('partners.emptyFiltered')} />
            ) : (
              <EmptyState description={t('partners.empty')} action={createButton()} />
            )
          }
          pagination={{
            current: query.page as number,
            pageSize: query.pageSize as number,
            total: data?.total ?? 0,
            showSizeChanger: true,
            showTotal: (total) => t('common.total', { total }),
          }}
          cardTitle={(partner) => (
            <div style={{ whiteSpace: 'normal', padding: '6px 0' }}>
              <PartnerName partner={partner} t={t} />
            </div>
          )}
          cardActions={(partner) => [<RowActions key="actions" actions={actionsOf(partner)} />]}
          cardHiddenColumns={['name', 'createdAt', 'actions', 'industry']}
        />
      </AsyncContent>
      <PartnerFormModal
        target={formTarget}
        onClose={() => setFormTarget(null)}
        onCreated={(partner) => navigate(`/partners/${partner.id}`)}
      />
    </PageContainer>
  );
}
