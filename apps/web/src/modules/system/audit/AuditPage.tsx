import { DownloadOutlined } from '@ant-design/icons';
import type { AuditEntry } from '@concord/contracts';
import { App, Button, Table, Tag, Typography } from 'antd';
import type { TablePaginationConfig } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { downloadFile } from '../../../app/api/client';
import { usePermissions } from '../../../app/auth/session';
import { AsyncContent } from '../../../shared/AsyncContent';
import { EmptyState } from '../../../shared/EmptyState';
import { errorMessage } from '../../../shared/errorMessage';
import { formatDateTimeSeconds } from '../../../shared/format';
import { PageContainer } from '../../../shared/PageContainer';
import { AuditChanges } from './AuditChanges';
import { AuditFilterBar } from './AuditFilterBar';
import { useAuditList } from './auditApi';
import { defaultAuditPageSize, useAuditFilters } from './useAuditFilters';
import { VerifyChainButton } from './VerifyChainButton';

/**
 * The audit log. Always a table (also at phone width, scrolling sideways): each row expands into
 * its field-level diff, which a card layout could not show well.
 */
export default function AuditPage() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const { can } = usePermissions();
  const { values, query, exportQuery, update, reset } = useAuditFilters();
  const { data, isLoading, isFetching, error, refetch } = useAuditList(query);
  const [exporting, setExporting] = useState(false);

  const onExport = async () => {
    setExporting(true);
    try {
      await downloadFile('/audit/export', exportQuery, 'audit-log.xlsx');
      message.success(t('common.exported'));
    } catch (err) {
      message.error(errorMessage(err, t));
    } finally {
      setExporting(false);
    }
  };

  const onTableChange = (pagination: TablePaginationConfig) =>
    update({
      page: pagination.current === 1 ? undefined : pagination.current,
      pageSize: pagination.pageSize === defaultAuditPageSize ? undefined : pagination.pageSize,
    });

  const columns: ColumnsType<AuditEntry> = [
    { key: 'seq', title: t('audit.seq'), dataIndex: 'seq', width: 80 },
    { key: 'at', title: t('audit.at'), dataIndex: 'at', render: formatDateTimeSeconds, width: 170 },
    {
      key: 'actor',
      title: t('audit.actor'),
      dataIndex: 'actorName',
      render: (name: string | null) =>
        name ?? <Typography.Text type="secondary">{t('audit.system')}</Typography.Text>,
    },
    {
      key: 'entityType',
      title: t('audit.entityType'),
      dataIndex: 'entityType',
      render: (_type, entry) => <Tag title={entry.entityType}>{entry.entityTypeLabel}</Tag>,
    },
    {
      key: 'entityId',
      title: t('audit.entityId'),
      dataIndex: 'entityId',
      render: (id: string) => (
        <Typography.Text copyable={{ text: id }} style={{ fontFamily: 'monospace', fontSize: 12 }}>
          {id.length > 13 ? `${id.slice(0, 8)}…` : id}
        </Typography.Text>
      ),
    },
    {
      key: 'action',
      title: t('audit.action'),
      dataIndex: 'action',
      render: (_action, entry) => (
        <Tag color="blue" title={entry.action}>
          {entry.actionLabel}
        </Tag>
      ),
    },
    {
      key: 'changes',
      title: t('audit.changes'),
      dataIndex: 'changes',
      render: (changes: unknown[]) => changes.length,
    },
    { key: 'ip', title: t('audit.ip'), dataIndex: 'ip' },
    {
      key: 'requestId',
      title: t('audit.requestId'),
      dataIndex: 'requestId',
      render: (id: string | null) =>
        id && (
          <Typography.Text copyable={{ text: id }} style={{ fontFamily: 'monospace', fontSize: 12 }}>
            {id.slice(0, 8)}
          </Typography.Text>
        ),
    },
  ];

  return (
    <PageContainer
      title={t('audit.title')}
      extra={
        <>
          <VerifyChainButton />
          {can('audit.export') && (
            <Button
              icon={<DownloadOutlined />}
              loading={exporting}
              onClick={onExport}
              data-testid="audit-export"
            >
              {t('common.export')}
            </Button>
          )}
        </>
      }
    >
      <AuditFilterBar values={values} update={update} reset={reset} />
      <AsyncContent isLoading={isLoading} error={data ? null : error} onRetry={() => void refetch()}>
        <Table<AuditEntry>
          rowKey="seq"
          data-testid="audit-table"
          size="middle"
          columns={columns}
          dataSource={data?.items}
          loading={isFetching}
          scroll={{ x: 'max-content' }}
          locale={{ emptyText: <EmptyState description={t('audit.empty')} /> }}
          expandable={{
            expandedRowRender: (entry) => <AuditChanges changes={entry.changes} />,
            rowExpandable: (entry) => entry.changes.length > 0,
          }}
          onChange={onTableChange}
          pagination={{
            current: query.page as number,
            pageSize: query.pageSize as number,
            total: data?.total ?? 0,
            showSizeChanger: true,
            showTotal: (total) => t('common.total', { total }),
          }}
        />
      </AsyncContent>
    </PageContainer>
  );
}
