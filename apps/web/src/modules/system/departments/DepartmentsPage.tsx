import { PlusOutlined } from '@ant-design/icons';
import type { Department } from '@concord/contracts';
import { App, Button, Table } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { usePermissions, useSession } from '../../../app/auth/session';
import { AsyncContent } from '../../../shared/AsyncContent';
import { EmptyState } from '../../../shared/EmptyState';
import { errorMessage } from '../../../shared/errorMessage';
import { FilterBar, useFilterWidth } from '../../../shared/FilterBar';
import { PageContainer } from '../../../shared/PageContainer';
import { bySortOrder, buildTree, type TreeNode } from '../../../shared/tree';
import { RowActions } from '../../../shared/RowActions';
import { useConfirm } from '../../../shared/useConfirm';
import { useIsPhone } from '../../../shared/useIsPhone';
import { useExpandAll } from '../../../shared/useExpandAll';
import { EntityPicker } from '../components/EntityPicker';
import { DepartmentFormModal, type DepartmentFormTarget } from './DepartmentFormModal';
import { useDeleteDepartment, useDepartments } from './departmentsApi';

/** The department tree of one legal entity (the acting one unless another is picked). */
export default function DepartmentsPage() {
  const { t } = useTranslation();
  const width = useFilterWidth();
  const isPhone = useIsPhone();
  const { message } = App.useApp();
  const confirm = useConfirm();
  const session = useSession();
  const { can } = usePermissions();
  const canManage = can('org.department.manage');
  // The chosen entity is kept in the URL so a shared link opens the same tree.
  const [params, setParams] = useSearchParams();
  const entityId = params.get('entityId') ?? session.actingEntity.id;
  const { data, isLoading, error, refetch } = useDepartments(entityId);
  const remove = useDeleteDepartment();
  const [target, setTarget] = useState<DepartmentFormTarget | null>(null);
  const tree = useMemo(() => buildTree(data ?? [], bySortOrder), [data]);
  const allIds = useMemo(() => (data ?? []).map((department) => department.id), [data]);
  const expandable = useExpandAll(allIds);

  const onDelete = async (department: Department) => {
    const confirmed = await confirm({
      title: t('departments.deleteConfirm', { name: department.name }),
      content: t('departments.deleteHint'),
      okText: t('common.delete'),
      danger: true,
    });
    if (!confirmed) return;
    remove.mutate(department.id, {
      onSuccess: () => message.success(t('common.deleted')),
      // HAS_CHILDREN and friends arrive with a message in the user's language: show it as is.
      onError: (err) => message.error(errorMessage(err, t)),
    });
  };

  const columns: ColumnsType<TreeNode<Department>> = [
    { key: 'name', title: t('departments.name'), dataIndex: 'name', width: isPhone ? undefined : 260 },
    { key: 'code', title: t('departments.code'), dataIndex: 'code' },
    { key: 'head', title: t('departments.head'), dataIndex: 'headName', render: (name) => name ?? '—' },
    { key: 'members', title: t('departments.members'), dataIndex: 'memberCount', align: 'right' },
    { key: 'sortOrder', title: t('common.sortOrder'), dataIndex: 'sortOrder', align: 'right' },
  ];
  if (canManage) {
    // At phone width the actions sit next to the name, where they stay in view without scrolling.
    columns.splice(isPhone ? 1 : columns.length, 0, {
      key: 'actions',
      title: t('common.actions'),
      fixed: isPhone ? undefined : 'right',
      render: (_, department) => (
        <RowActions
          actions={[
            {
              key: 'edit',
              label: t('common.edit'),
              testId: `department-edit-${department.code}`,
              onClick: () => setTarget({ mode: 'edit', department }),
            },
            {
              key: 'addChild',
              label: t('departments.createChild'),
              testId: `department-add-child-${department.code}`,
              onClick: () => setTarget({ mode: 'create', parentId: department.id }),
            },
            {
              key: 'delete',
              label: t('common.delete'),
              danger: true,
              testId: `department-delete-${department.code}`,
              onClick: () => void onDelete(department),
            },
          ]}
        />
      ),
    });
  }

  return (
    <PageContainer
      title={t('departments.title')}
      extra={
        canManage && (
          <Button
            type="primary"
            icon={<PlusOutlined />}
            data-testid="department-create"
            onClick={() => setTarget({ mode: 'create', parentId: null })}
          >
            {t('departments.create')}
          </Button>
        )
      }
    >
      <FilterBar>
        <EntityPicker
          value={entityId}
          onChange={(value) => setParams(value === session.actingEntity.id ? {} : { entityId: value })}
          style={width(260)}
          aria-label={t('departments.pickEntity')}
          data-testid="department-entity-filter"
        />
      </FilterBar>
      <AsyncContent
        isLoading={isLoading}
        error={error}
        onRetry={() => void refetch()}
        isEmpty={(data ?? []).length === 0}
        empty={
          <EmptyState
            description={t('departments.empty')}
            action={
              canManage && (
                <Button type="primary" onClick={() => setTarget({ mode: 'create', parentId: null })}>
                  {t('departments.create')}
                </Button>
              )
            }
          />
        }
      >
        <Table<TreeNode<Department>>
          key={entityId}
          rowKey="id"
          data-testid="departments-table"
          columns={columns}
          dataSource={tree}
          pagination={false}
          size="middle"
          scroll={{ x: 'max-content' }}
          expandable={expandable}
        />
      </AsyncContent>
      <DepartmentFormModal target={target} entityId={entityId} tree={tree} onClose={() => setTarget(null)} />
    </PageContainer>
  );
}
