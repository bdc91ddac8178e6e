import { type Robot, robotKindLabels } from '@concord/contracts';
import { Alert, App, Button, Tag } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { usePermissions, useSession } from '../../app/auth/session';
import { AsyncContent } from '../../shared/AsyncContent';
import { EmptyState } from '../../shared/EmptyState';
import { errorMessage } from '../../shared/errorMessage';
import { FilterBar, useFilterWidth } from '../../shared/FilterBar';
import { formatDateTime } from '../../shared/format';
import { PageContainer } from '../../shared/PageContainer';
import { actionsColumn, CreateButton } from '../../shared/listPage';
import { ResponsiveTable } from '../../shared/ResponsiveTable';
import { useConfirm } from '../../shared/useConfirm';
import { EntityPicker } from '../system/components/EntityPicker';
import { useDeleteRobot, useRobots, useTestRobot } from './notificationsApi';
import { RobotFormModal, type RobotFormTarget } from './RobotFormModal';

const PAGE_SIZE = 20;

/** Group robots of a legal entity: where `notify` posts the entity's notifications. */
export default function RobotsPage() {
  const { t, i18n } = useTranslation();
  const width = useFilterWidth();
  const { message } = App.useApp();
  const confirm = useConfirm();
  const session = useSession();
  const { can } = usePermissions();
  const canManage = can('notification.robot.manage');
  const [params, setParams] = useSearchParams();
  const entityId = params.get('entityId') ?? session.actingEntity.id;
  const page = Number(params.get('page') ?? 1) || 1;
  const { data, isLoading, error, refetch } = useRobots({ entityId, page, pageSize: PAGE_SIZE });
  const remove = useDeleteRobot();
  const test = useTestRobot();
  const [target, setTarget] = useState<RobotFormTarget | null>(null);
  const language = i18n.language === 'en-US' ? 'en-US' : 'zh-CN';

  const onDelete = async (robot: Robot) => {
    const confirmed = await confirm({
      title: t('robots.deleteConfirm', { name: robot.name }),
      okText: t('common.delete'),
      danger: true,
    });
    if (!confirmed) return;
    remove.mutate(robot.id, {
      onSuccess: () => message.success(t('common.deleted')),
      onError: (err) => message.error(errorMessage(err, t)),
    });
  };

  const onTest = (robot: Robot) =>
    test.mutate(robot.id, {
      onSuccess: () => message.success(t('robots.testSent')),
      onError: (err) => message.error(errorMessage(err, t)),
    });

  const rowActions = (robot: Robot) => [
    <Button
      key="test"
      type="link"
      size="small"
      loading={test.isPending && test.variables === robot.id}
      onClick={() => onTest(robot)}
    >
      {t('robots.test')}
    </Button>,
    <Button key="edit" type="link" size="small" onClick={() => setTarget({ mode: 'edit', robot })}>
      {t('common.edit')}
    </Button>,
    <Button key="delete" type="link" size="small" danger onClick={() => void onDelete(robot)}>
      {t('common.delete')}
    </Button>,
  ];

  const columns: ColumnsType<Robot> = [
    { key: 'name', title: t('robots.name'), dataIndex: 'name' },
    {
      key: 'kind',
      title: t('robots.kind'),
      dataIndex: 'kind',
      render: (kind: Robot['kind']) => robotKindLabels[kind][language],
    },
    {
      key: 'secret',
      title: t('robots.secret'),
      dataIndex: 'hasSecret',
      render: (hasSecret: boolean) => (hasSecret ? t('robots.hasSecret') : t('robots.noSecret')),
    },
    {
      key: 'locale',
      title: t('robots.locale'),
      dataIndex: 'locale',
      render: (locale: string) => t(`locales.${locale as 'zh-CN'}`),
    },
    {
      key: 'enabled',
      title: t('common.status'),
      dataIndex: 'enabled',
      render: (enabled: boolean) => (
        <Tag color={enabled ? 'green' : 'default'}>{enabled ? t('common.active') : t('common.inactive')}</Tag>
      ),
    },
    { key: 'updatedAt', title: t('robots.updatedAt'), dataIndex: 'updatedAt', render: formatDateTime },
  ];
  if (canManage) columns.push(actionsColumn(t('common.actions'), rowActions));

  const createButton = (testId?: string) => (
    <CreateButton
      allowed={canManage}
      label={t('robots.create')}
      onClick={() => setTarget({ mode: 'create' })}
      testId={testId}
    />
  );

  return (
    <PageContainer title={t('robots.title')} extra={createButton('robot-create')}>
      <Alert type="info" showIcon title={t('robots.intro')} style={{ marginBottom: 16 }} />
      <FilterBar>
        <EntityPicker
          aria-label={t('users.entity')}
          value={entityId}
          onChange={(value) => setParams(value === session.actingEntity.id ? {} : { entityId: value })}
          style={width(260)}
        />
      </FilterBar>
      <AsyncContent
        isLoading={isLoading}
        error={error}
        onRetry={() => void refetch()}
        isEmpty={(data?.items ?? []).length === 0}
        empty={<EmptyState description={t('robots.empty')} action={createButton()} />}
      >
        <ResponsiveTable<Robot>
          rowKey="id"
          data-testid="robots-table"
          columns={columns}
          dataSource={data?.items}
          pagination={{
            current: page,
            pageSize: PAGE_SIZE,
            total: data?.total ?? 0,
            hideOnSinglePage: true,
            onChange: (next) =>
              setParams({ ...(params.get('entityId') ? { entityId } : {}), page: String(next) }),
          }}
          size="middle"
          empty={<EmptyState description={t('robots.empty')} />}
          cardTitle={(robot) => robot.name}
          cardActions={canManage ? rowActions : undefined}
          cardHiddenColumns={['name', 'actions']}
        />
      </AsyncContent>
      <RobotFormModal target={target} entityId={entityId} onClose={() => setTarget(null)} />
    </PageContainer>
  );
}
