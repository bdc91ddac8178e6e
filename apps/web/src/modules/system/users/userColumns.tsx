import type { User } from '@concord/contracts';
import { Flex, Tag, Tooltip } from 'antd';
import type { ColumnType } from 'antd/es/table';
import type { SortOrder } from 'antd/es/table/interface';
import type { TFunction } from 'i18next';
import { formatDate, formatDateTime } from '../../../shared/format';

/** The sort in the URL (`-createdAt`) as antd's per-column sort order. */
function sortOrderOf(sort: string | undefined, field: string): SortOrder {
  if (sort === field) return 'ascend';
  if (sort === `-${field}`) return 'descend';
  return null;
}

/** Blocked from signing in now (someone guessed at the name from many addresses). */
export function isLocked(user: User): boolean {
  return Boolean(user.lockedUntil && new Date(user.lockedUntil).getTime() > Date.now());
}

export function UserStatusTag({ user, t }: { user: User; t: TFunction }) {
  if (!user.active) return <Tag color="default">{t('common.inactive')}</Tag>;
  if (isLocked(user)) {
    return (
      <Tooltip title={formatDateTime(user.lockedUntil)}>
        <Tag color="orange">{t('users.locked')}</Tag>
      </Tooltip>
    );
  }
  return <Tag color="green">{t('common.active')}</Tag>;
}

/** One tag per role; the entities it is held in go to the tooltip (admins hold a role in each). */
function groupRoles(user: User) {
  const byRole = new Map<string, { roleId: string; roleName: string; entityNames: string[] }>();
  for (const role of user.roles) {
    const entry = byRole.get(role.roleId) ?? {
      roleId: role.roleId,
      roleName: role.roleName,
      entityNames: [],
    };
    entry.entityNames.push(role.entityName);
    byRole.set(role.roleId, entry);
  }
  return [...byRole.values()];
}

/** Columns of the users table; the sortable ones match the server's `userSortFields`. */
export function userColumns(t: TFunction, sort: string | undefined): ColumnType<User>[] {
  return [
    {
      key: 'username',
      dataIndex: 'username',
      title: t('users.username'),
      sorter: true,
      sortOrder: sortOrderOf(sort, 'username'),
    },
    {
      key: 'displayName',
      dataIndex: 'displayName',
      title: t('users.displayName'),
      sorter: true,
      sortOrder: sortOrderOf(sort, 'displayName'),
    },
    { key: 'entityName', dataIndex: 'entityName', title: t('users.entity') },
    { key: 'departmentName', dataIndex: 'departmentName', title: t('users.department') },
    {
      key: 'positionName',
      dataIndex: 'positionName',
      title: t('users.position'),
      render: (name: string | null) => name ?? '—',
    },
    {
      key: 'roles',
      dataIndex: 'roles',
      title: t('users.roles'),
      render: (_, user) => (
        <Flex gap={4} wrap>
          {groupRoles(user).map((role) => (
            <Tooltip key={role.roleId} title={role.entityNames.join('、')}>
              <Tag color="blue">{role.roleName}</Tag>
            </Tooltip>
          ))}
        </Flex>
      ),
    },
    {
      key: 'status',
      dataIndex: 'active',
      title: t('users.status'),
      render: (_, user) => <UserStatusTag user={user} t={t} />,
    },
    {
      key: 'lastLoginAt',
      dataIndex: 'lastLoginAt',
      title: t('users.lastLoginAt'),
      sorter: true,
      sortOrder: sortOrderOf(sort, 'lastLoginAt'),
      render: (value: string | null) => (value ? formatDateTime(value) : t('users.never')),
    },
    {
      key: 'createdAt',
      dataIndex: 'createdAt',
      title: t('users.createdAt'),
      sorter: true,
      sortOrder: sortOrderOf(sort, 'createdAt'),
      render: (value: string) => formatDate(value),
    },
  ];
}
