import { PlusOutlined } from '@ant-design/icons';
import { dataScopeLabels, type Role } from '@concord/contracts';
import { App, Button, Space, Tag, Tooltip } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { usePermissions } from '../../../app/auth/session';
import { currentLocale } from '../../../app/i18n';
import { AsyncContent } from '../../../shared/AsyncContent';
import { EmptyState } from '../../../shared/EmptyState';
import { errorMessage } from '../../../shared/errorMessage';
import { PageContainer } from '../../../shared/PageContainer';
import { actionsColumn } from '../../../shared/listPage';
import { ResponsiveTable } from '../../../shared/ResponsiveTable';
import { useConfirm } from '../../../shared/useConfirm';
import { RoleEditorDrawer, type RoleEditorTarget } from './RoleEditorDrawer';
import { useDeleteRole, useRoles } from './rolesApi';

export default function RolesPage() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const confirm = useConfirm();
  const { can } = usePermissions();
  const canManage = can('iam.role.manage');
  const locale = currentLocale();
  const { data, isLoading, error, refetch } = useRoles();
  const remove = useDeleteRole();
  const [target, setTarget] = useState<RoleEditorTarget | null>(null);

  const onDelete = async (role: Role) => {
    const confirmed = await confirm({
      title: t('roles.deleteConfirm', { name: role.name }),
      okText: t('common.delete'),
      danger: true,
    });
    if (!confirmed) return;
    remove.mutate(role.id, {
      onSuccess: () => message.success(t('common.deleted')),
      onError: (err) => message.error(errorMessage(err, t)),
    });
  };

  const rowActions = (role: Role) => [
    <Button
      key="edit"
      type="link"
      size="small"
      data-testid={`role-edit-${role.code}`}
      onClick={() => setTarget({ mode: 'edit', role })}
    >
      {t('common.edit')}
    </Button>,
    <Tooltip key="delete" title={role.builtIn ? t('roles.builtInHint') : undefined}>
      <Button
        type="link"
        size="small"
        danger
        disabled={role.builtIn}
        data-testid={`role-delete-${role.code}`}
        onClick={() => void onDelete(role)}
      >
        {t('common.delete')}
      </Button>
    </Tooltip>,
  ];

  const columns: ColumnsType<Role> = [
    {
      key: 'name',
      title: t('roles.name'),
      dataIndex: 'name',
      render: (name: string, role) => (
        <Space size={4}>
          {name}
          {role.builtIn && <Tag>{t('common.builtIn')}</Tag>}
        </Space>
      ),
    },
    { key: 'code', title: t('roles.code'), dataIndex: 'code' },
    {
      key: 'dataScope',
      title: t('roles.dataScope'),
      dataIndex: 'dataScope',
      render: (scope: Role['dataScope']) => <Tag color="geekblue">{dataScopeLabels[scope][locale]}</Tag>,
    },
    {
      key: 'permissions',
      title: t('roles.permissions'),
      render: (_, role) => role.permissions.length,
      align: 'right',
    },
    { key: 'userCount', title: t('roles.userCount'), dataIndex: 'userCount', align: 'right' },
    { key: 'description', title: t('roles.description'), dataIndex: 'description', ellipsis: true },
  ];
  if (canManage) columns.push(actionsColumn(t('common.actions'), rowActions, { fixed: 'right' }));

  return (
    <PageContainer
      title={t('roles.title')}
      extra={
        canManage && (
          <Button
            type="primary"
            icon={<PlusOutlined />}
            data-testid="role-create"
            onClick={() => setTarget({ mode: 'create' })}
          >
            {t('roles.create')}
          </Button>
        )
      }
    >
      <AsyncContent
        isLoading={isLoading}
        error={error}
        onRetry={() => void refetch()}
        isEmpty={(data ?? []).length === 0}
        empty={<EmptyState description={t('roles.empty')} />}
      >
        <ResponsiveTable<Role>
          rowKey="id"
          data-testid="roles-table"
          columns={columns}
          dataSource={data}
          pagination={false}
          size="middle"
          empty={<EmptyState description={t('roles.empty')} />}
          cardTitle={(role) => role.name}
          cardActions={canManage ? rowActions : undefined}
          cardHiddenColumns={['name', 'actions']}
        />
      </AsyncContent>
      <RoleEditorDrawer target={target} onClose={() => setTarget(null)} />
    </PageContainer>
  );
}
