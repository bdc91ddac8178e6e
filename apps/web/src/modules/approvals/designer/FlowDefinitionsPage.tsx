import { PlusOutlined } from '@ant-design/icons';
import type { WfDefinitionSummary } from '@concord/contracts';
import { Button, Tag } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { usePermissions } from '../../../app/auth/session';
import { AsyncContent } from '../../../shared/AsyncContent';
import { EmptyState } from '../../../shared/EmptyState';
import { formatDateTime, formatMoney } from '../../../shared/format';
import { PageContainer } from '../../../shared/PageContainer';
import { ResponsiveTable } from '../../../shared/ResponsiveTable';
import { useDefinitions } from '../api/workflowApi';
import { workflowPermissions } from '../shared/permissions';
import { CreateDefinitionModal } from './CreateDefinitionModal';
import { useBusinessTypes } from '../api/useBusinessTypes';

function amountRange(definition: WfDefinitionSummary): string {
  if (definition.minAmount === null && definition.maxAmount === null) return '—';
  const currency = definition.amountCurrency;
  return `${formatMoney(definition.minAmount, currency) || '0'} ~ ${formatMoney(definition.maxAmount, currency) || '∞'}`;
}

/** 审批流程: every flow definition, its binding and publish state; rows open the designer. */
export default function FlowDefinitionsPage() {
  const { t } = useTranslation();
  const { labelOf } = useBusinessTypes();
  const navigate = useNavigate();
  const { can } = usePermissions();
  const { data, isLoading, isFetching, error, refetch } = useDefinitions();
  const [creating, setCreating] = useState(false);

  return (
    <PageContainer
      title={t('flows.title')}
      extra={
        can(workflowPermissions.definitionManage) && (
          <Button
            type="primary"
            icon={<PlusOutlined />}
            onClick={() => setCreating(true)}
            data-testid="flow-create"
          >
            {t('flows.create')}
          </Button>
        )
      }
    >
      <AsyncContent isLoading={isLoading} error={data ? null : error} onRetry={() => void refetch()}>
        <ResponsiveTable<WfDefinitionSummary>
          rowKey="id"
          data-testid="flows-table"
          size="middle"
          loading={isFetching}
          dataSource={data}
          pagination={false}
          onRow={(row) => ({ onDoubleClick: () => navigate(`/system/flows/${row.id}`) })}
          empty={<EmptyState description={t('flows.empty')} />}
          cardTitle={(row) => <Link to={`/system/flows/${row.id}`}>{row.name}</Link>}
          cardHiddenColumns={['name']}
          columns={[
            {
              key: 'name',
              title: t('flows.settings.name'),
              render: (_, row) => (
                <Link to={`/system/flows/${row.id}`} data-testid={`flow-row-${row.key}`}>
                  {row.name}
                </Link>
              ),
            },
            { key: 'key', title: t('flows.key'), dataIndex: 'key' },
            {
              key: 'businessType',
              title: t('flows.settings.businessType'),
              // The name people read; the code stays at hand for whoever binds a module to it.
              render: (_, row) => <span title={row.businessType}>{labelOf(row.businessType)}</span>,
            },
            { key: 'amount', title: t('flows.settings.amountRange'), render: (_, row) => amountRange(row) },
            { key: 'priority', title: t('flows.settings.priority'), dataIndex: 'priority' },
            {
              key: 'version',
              title: t('flows.version'),
              render: (_, row) => (
                <>
                  {row.currentVersion ? (
                    <Tag color="blue">v{row.currentVersion}</Tag>
                  ) : (
                    <Tag>{t('flows.neverPublished')}</Tag>
                  )}
                  {row.hasUnpublishedChanges && <Tag color="gold">{t('flows.unpublished')}</Tag>}
                </>
              ),
            },
            {
              key: 'active',
              title: t('common.status'),
              render: (_, row) => (
                <Tag color={row.active ? 'green' : 'default'}>
                  {row.active ? t('common.active') : t('common.inactive')}
                </Tag>
              ),
            },
            {
              key: 'updatedAt',
              title: t('flows.updatedAt'),
              render: (_, row) => formatDateTime(row.updatedAt),
            },
          ]}
        />
      </AsyncContent>
      <CreateDefinitionModal open={creating} onClose={() => setCreating(false)} />
    </PageContainer>
  );
}
