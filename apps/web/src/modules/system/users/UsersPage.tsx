import { DownloadOutlined, PlusOutlined } from '@ant-design/icons';
import type { User } from '@concord/contracts';
import { App, Button } from 'antd';
import type { TablePaginationConfig } from 'antd';
import type { SorterResult } from 'antd/es/table/interface';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { downloadFile } from '../../../app/api/client';
import { usePermissions } from '../../../app/auth/session';
import { AsyncContent } from '../../../shared/AsyncContent';
import { EmptyState } from '../../../shared/EmptyState';
import { errorMessage } from '../../../shared/errorMessage';
import { PageContainer } from '../../../shared/PageContainer';
import { ResponsiveTable } from '../../../shared/ResponsiveTable';
import { useConfirm } from '../../../shared/useConfirm';
import { AssignRolesModal } from './AssignRolesModal';
import { DisableUserModal } from './DisableUserModal';
import { ResetPasswordModal } from './ResetPasswordModal';
import { UserFilterBar } from './UserFilterBar';
import { UserFormModal, type UserFormTarget } from './UserFormModal';
import { userColumns } from './userColumns';
import { type UserAction, UserRowActions, useUserActions } from './UserRowActions';
import { useSetUserActive, useUnlockUser, useUserList } from './usersApi';
import { defaultUserPageSize, useUserFilters } from './useUserFilters';

/** The users ledger: URL-driven filters, server-side paging and sorting, export and row actions. */
export default function UsersPage() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const confirm = useConfirm();
  const { can } = usePermissions();
  const { values, query, exportQuery, update, reset } = useUserFilters();
  const { data, isLoading, isFetching, error, refetch } = useUserList(query);
  const setActive = useSetUserActive();
  const unlock = useUnlockUser();
  const actionsFor = useUserActions();
  const [formTarget, setFormTarget] = useState<UserFormTarget | null>(null);
  const [rolesUser, setRolesUser] = useState<User | null>(null);
  const [passwordUser, setPasswordUser] = useState<User | null>(null);
  const [disablingUser, setDisablingUser] = useState<User | null>(null);
  const [exporting, setExporting] = useState(false);

  const toggleActive = async (user: User) => {
    // Disabling lists what the user holds and who takes it over; enabling only asks.
    if (user.active) {
      setDisablingUser(user);
      return;
    }
    const confirmed = await confirm({
      title: t('users.enableConfirm', { name: user.displayName }),
      okText: t('users.enable'),
    });
    if (!confirmed) return;
    setActive.mutate(
      { id: user.id, active: true },
      {
        onSuccess: () => message.success(t('users.enabled')),
        onError: (err) => message.error(errorMessage(err, t)),
      },
    );
  };

  const onAction = (action: UserAction, user: User) => {
    if (action === 'edit') setFormTarget({ mode: 'edit', user });
    else if (action === 'roles') setRolesUser(user);
    else if (action === 'resetPassword') setPasswordUser(user);
    else if (action === 'unlock')
      unlock.mutate(user.id, {
        onSuccess: () => message.success(t('users.unlocked', { name: user.displayName })),
        onError: (err) => message.error(errorMessage(err, t)),
      });
    else void toggleActive(user);
  };

  const onExport = async () => {
    setExporting(true);
    try {
      await downloadFile('/org/users/export', exportQuery, 'users.xlsx');
      message.success(t('common.exported'));
    } catch (err) {
      message.error(errorMessage(err, t));
    } finally {
      setExporting(false);
    }
  };

  const onTableChange = (pagination: TablePaginationConfig, _filters: unknown, sorter: unknown) => {
    const single = (Array.isArray(sorter) ? sorter[0] : sorter) as SorterResult<User> | undefined;
    const field = single?.order ? String(single.columnKey) : undefined;
    const sort = field ? (single?.order === 'descend' ? `-${field}` : field) : undefined;
    const sortChanged = sort !== values.sort;
    update({
      sort,
      // A new sort order starts again from the first page.
      page: sortChanged || pagination.current === 1 ? undefined : pagination.current,
      pageSize: pagination.pageSize === defaultUserPageSize ? undefined : pagination.pageSize,
    });
  };

  const hasActions = can('org.user.manage') || can('org.user.assignRoles') || can('org.user.resetPassword');
  const columns = userColumns(t, values.sort);
  if (hasActions) {
    columns.push({
      key: 'actions',
      title: t('common.actions'),
      fixed: 'right',
      render: (_, user) => <UserRowActions user={user} actions={actionsFor(user)} onAction={onAction} />,
    });
  }

  const toolbar = (
    <>
      {can('org.user.export') && (
        <Button icon={<DownloadOutlined />} loading={exporting} onClick={onExport} data-testid="users-export">
          {t('common.export')}
        </Button>
      )}
      {can('org.user.manage') && (
        <Button
          type="primary"
          icon={<PlusOutlined />}
          data-testid="user-create"
          onClick={() => setFormTarget({ mode: 'create', entityId: values.entityId })}
        >
          {t('users.create')}
        </Button>
      )}
    </>
  );

  return (
    <PageContainer title={t('users.title')} extra={toolbar}>
      <UserFilterBar values={values} update={update} reset={reset} />
      <AsyncContent isLoading={isLoading} error={data ? null : error} onRetry={() => void refetch()}>
        <ResponsiveTable<User>
          rowKey="id"
          data-testid="users-table"
          columns={columns}
          dataSource={data?.items}
          loading={isFetching}
          onChange={onTableChange}
          size="middle"
          empty={<EmptyState description={t('users.empty')} />}
          pagination={{
            current: query.page as number,
            pageSize: query.pageSize as number,
            total: data?.total ?? 0,
            showSizeChanger: true,
            showTotal: (total) => t('common.total', { total }),
          }}
          cardTitle={(user) => `${user.displayName} (${user.username})`}
          cardActions={(user) =>
            hasActions
              ? [<UserRowActions key="actions" user={user} actions={actionsFor(user)} onAction={onAction} />]
              : []
          }
          cardHiddenColumns={['username', 'displayName', 'actions']}
        />
      </AsyncContent>
      <UserFormModal target={formTarget} onClose={() => setFormTarget(null)} />
      <AssignRolesModal user={rolesUser} onClose={() => setRolesUser(null)} />
      <ResetPasswordModal user={passwordUser} onClose={() => setPasswordUser(null)} />
      <DisableUserModal user={disablingUser} onClose={() => setDisablingUser(null)} />
    </PageContainer>
  );
}
