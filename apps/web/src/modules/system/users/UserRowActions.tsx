import { DownOutlined } from '@ant-design/icons';
import type { User } from '@concord/contracts';
import { Button, Dropdown, type MenuProps, Space } from 'antd';
import { useTranslation } from 'react-i18next';
import { usePermissions, useSession } from '../../../app/auth/session';
import { isLocked } from './userColumns';

export type UserAction = 'edit' | 'roles' | 'resetPassword' | 'unlock' | 'toggleActive';

/** Which row actions the session may use on this user (nobody disables their own account). */
export function useUserActions() {
  const { can } = usePermissions();
  const session = useSession();
  return (user: User): UserAction[] => {
    const actions: UserAction[] = [];
    if (can('org.user.manage')) actions.push('edit');
    if (can('org.user.assignRoles')) actions.push('roles');
    if (can('org.user.resetPassword')) actions.push('resetPassword');
    if (can('org.user.manage') && isLocked(user)) actions.push('unlock');
    if (can('org.user.manage') && user.id !== session.user.id) actions.push('toggleActive');
    return actions;
  };
}

interface UserRowActionsProps {
  user: User;
  actions: UserAction[];
  onAction: (action: UserAction, user: User) => void;
}

/** Edit and roles inline; the rarer actions folded into "more" to keep the row short. */
export function UserRowActions({ user, actions, onAction }: UserRowActionsProps) {
  const { t } = useTranslation();
  const id = user.username;
  const folded: MenuProps['items'] = [];
  if (actions.includes('resetPassword')) {
    folded.push({
      key: 'resetPassword',
      label: <span data-testid={`user-reset-password-${id}`}>{t('users.resetPassword')}</span>,
    });
  }
  if (actions.includes('unlock')) {
    folded.push({
      key: 'unlock',
      label: <span data-testid={`user-unlock-${id}`}>{t('users.unlock')}</span>,
    });
  }
  if (actions.includes('toggleActive')) {
    folded.push({
      key: 'toggleActive',
      danger: user.active,
      label: (
        <span data-testid={`user-toggle-active-${id}`}>
          {user.active ? t('users.disable') : t('users.enable')}
        </span>
      ),
    });
  }
  return (
    <Space size={0} wrap>
      {actions.includes('edit') && (
        <Button
          type="link"
          size="small"
          data-testid={`user-edit-${id}`}
          onClick={() => onAction('edit', user)}
        >
          {t('common.edit')}
        </Button>
      )}
      {actions.includes('roles') && (
        <Button
          type="link"
          size="small"
          data-testid={`user-roles-${id}`}
          onClick={() => onAction('roles', user)}
        >
          {t('users.assignRoles')}
        </Button>
      )}
      {folded.length > 0 && (
        <Dropdown
          trigger={['click']}
          menu={{ items: folded, onClick: ({ key }) => onAction(key as UserAction, user) }}
        >
          <Button type="link" size="small" data-testid={`user-more-${id}`}>
            {t('common.more')} <DownOutlined />
          </Button>
        </Dropdown>
      )}
    </Space>
  );
}
