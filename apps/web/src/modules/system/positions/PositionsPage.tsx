import type { Position } from '@concord/contracts';
import { App, Button } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { usePermissions, useSession } from '../../../app/auth/session';
import { AsyncContent } from '../../../shared/AsyncContent';
import { EmptyState } from '../../../shared/EmptyState';
import { errorMessage } from '../../../shared/errorMessage';
import { FilterBar, useFilterWidth } from '../../../shared/FilterBar';
import { formatDate } from '../../../shared/format';
import { PageContainer } from '../../../shared/PageContainer';
import { actionsColumn, CreateButton } from '../../../shared/listPage';
import { ResponsiveTable } from '../../../shared/ResponsiveTable';
import { useConfirm } from '../../../shared/useConfirm';
import { EntityPicker } from '../components/EntityPicker';
import { PositionFormModal, type PositionFormTarget } from './PositionFormModal';
import { useDeletePosition, usePositions } from './positionsApi';

export default function PositionsPage() {
  const { t } = useTranslation();
  const width = useFilterWidth();
  const { message } = App.useApp();
  const confirm = useConfirm();
  const session = useSession();
  const { can } = usePermissions();
  const canManage = can('org.position.manage');
  const [params, setParams] = useSearchParams();
  const entityId = params.get('entityId') ?? session.actingEntity.id;
  const { data, isLoading, error, refetch } = usePositions(entityId);
  const remove = useDeletePosition();
  const [target, setTarget] = useState<PositionFormTarget | null>(null);

  const onDelete = async (position: Position) => {
    const confirmed = await confirm({
      title: t('positions.deleteConfirm', { name: position.name }),
      okText: t('common.delete'),
      danger: true,
    });
    if (!confirmed) return;
    remove.mutate(position.id, {
      onSuccess: () => message.success(t('common.deleted')),
      onError: (err) => message.error(errorMessage(err, t)),
    });
  };

  const rowActions = (position: Position) => [
    <Button key="edit" type="link" size="small" onClick={() => setTarget({ mode: 'edit', position })}>
      {t('common.edit')}
    </Button>,
    <Button key="delete" type="link" size="small" danger onClick={() => void onDelete(position)}>
      {t('common.delete')}
    </Button>,
  ];

  const columns: ColumnsType<Position> = [
    { key: 'code', title: t('positions.code'), dataIndex: 'code' },
    { key: 'name', title: t('positions.name'), dataIndex: 'name' },
    { key: 'createdAt', title: t('common.createdAt'), dataIndex: 'createdAt', render: formatDate },
  ];
  if (canManage) columns.push(actionsColumn(t('common.actions'), rowActions));

  const createButton = (testId?: string) => (
    <CreateButton
      allowed={canManage}
      label={t('positions.create')}
      onClick={() => setTarget({ mode: 'create' })}
      testId={testId}
    />
  );

  return (
    <PageContainer title={t('positions.title')} extra={createButton('position-create')}>
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
        isEmpty={(data ?? []).length === 0}
        empty={<EmptyState description={t('positions.empty')} action={createButton()} />}
      >
        <ResponsiveTable<Position>
          rowKey="id"
          data-testid="positions-table"
          columns={columns}
          dataSource={data}
          pagination={false}
          size="middle"
          empty={<EmptyState description={t('positions.empty')} />}
          cardTitle={(position) => position.name}
          cardActions={canManage ? rowActions : undefined}
          cardHiddenColumns={['name', 'actions']}
        />
      </AsyncContent>
      <PositionFormModal target={target} entityId={entityId} onClose={() => setTarget(null)} />
    </PageContainer>
  );
}
