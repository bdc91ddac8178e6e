import { PlusOutlined } from '@ant-design/icons';
import type { Entity } from '@concord/contracts';
import { Button, Table, Tag } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { usePermissions } from '../../../app/auth/session';
import { AsyncContent } from '../../../shared/AsyncContent';
import { EmptyState } from '../../../shared/EmptyState';
import { formatDate } from '../../../shared/format';
import { PageContainer } from '../../../shared/PageContainer';
import { RowActions } from '../../../shared/RowActions';
import { bySortOrder, buildTree, type TreeNode } from '../../../shared/tree';
import { useIsPhone } from '../../../shared/useIsPhone';
import { useExpandAll } from '../../../shared/useExpandAll';
import { useEntities } from './entitiesApi';
import { EntityFormModal, type EntityFormTarget } from './EntityFormModal';

/** Legal entities as a tree table: the group at the top, subsidiaries below it. */
export default function EntitiesPage() {
  const { t } = useTranslation();
  const { can } = usePermissions();
  const isPhone = useIsPhone();
  const canManage = can('org.entity.manage');
  const { data, isLoading, error, refetch } = useEntities();
  const [target, setTarget] = useState<EntityFormTarget | null>(null);
  const entities = data ?? [];
  const tree = useMemo(() => buildTree(data ?? [], bySortOrder), [data]);
  // Open the whole tree: groups rarely have more than a few dozen entities.
  const allIds = useMemo(() => (data ?? []).map((entity) => entity.id), [data]);
  const expandable = useExpandAll(allIds);

  const columns: ColumnsType<TreeNode<Entity>> = [
    { key: 'name', title: t('entities.name'), dataIndex: 'name', width: isPhone ? undefined : 280 },
    { key: 'code', title: t('entities.code'), dataIndex: 'code' },
    { key: 'shortName', title: t('entities.shortName'), dataIndex: 'shortName' },
    { key: 'creditCode', title: t('entities.creditCode'), dataIndex: 'creditCode' },
    {
      key: 'active',
      title: t('common.status'),
      dataIndex: 'active',
      render: (active: boolean) =>
        active ? <Tag color="green">{t('common.active')}</Tag> : <Tag>{t('common.inactive')}</Tag>,
    },
    { key: 'sortOrder', title: t('common.sortOrder'), dataIndex: 'sortOrder' },
    { key: 'createdAt', title: t('common.createdAt'), dataIndex: 'createdAt', render: formatDate },
  ];
  if (canManage) {
    // At phone width the actions sit next to the name, where they stay in view without scrolling.
    columns.splice(isPhone ? 1 : columns.length, 0, {
      key: 'actions',
      title: t('common.actions'),
      fixed: isPhone ? undefined : 'right',
      render: (_, entity) => (
        <RowActions
          actions={[
            {
              key: 'edit',
              label: t('common.edit'),
              testId: `entity-edit-${entity.code}`,
              onClick: () => setTarget({ mode: 'edit', entity }),
            },
            {
              key: 'addChild',
              label: t('entities.addChild'),
              testId: `entity-add-child-${entity.code}`,
              onClick: () => setTarget({ mode: 'create', parentId: entity.id }),
            },
          ]}
        />
      ),
    });
  }

  return (
    <PageContainer
      title={t('entities.title')}
      extra={
        canManage &&
        entities.length > 0 && (
          <Button
            type="primary"
            icon={<PlusOutlined />}
            data-testid="entity-create"
            onClick={() => setTarget({ mode: 'create', parentId: tree[0]?.id })}
          >
            {t('entities.create')}
          </Button>
        )
      }
    >
      <AsyncContent
        isLoading={isLoading}
        error={error}
        onRetry={() => void refetch()}
        isEmpty={entities.length === 0}
        empty={<EmptyState description={t('entities.empty')} />}
      >
        <Table<TreeNode<Entity>>
          rowKey="id"
          data-testid="entities-table"
          columns={columns}
          dataSource={tree}
          pagination={false}
          size="middle"
          scroll={{ x: 'max-content' }}
          expandable={expandable}
        />
      </AsyncContent>
      <EntityFormModal target={target} entities={entities} onClose={() => setTarget(null)} />
    </PageContainer>
  );
}
