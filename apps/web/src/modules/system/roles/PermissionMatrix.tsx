import { permissionGroups } from '@concord/contracts';
import { Checkbox, Flex, Table } from 'antd';
import { useTranslation } from 'react-i18next';
import { currentLocale } from '../../../app/i18n';

type Group = (typeof permissionGroups)[number];

interface PermissionMatrixProps {
  value?: string[];
  onChange?: (value: string[]) => void;
  disabled?: boolean;
}

const viewCode = (group: Group) => group.actions.find((action) => action.code.endsWith('.view'))?.code;

/**
 * The permission catalogue as a matrix: one row per function, one checkbox per action, and an "all"
 * box per row. Works as a controlled form field (value / onChange of permission codes).
 */
export function PermissionMatrix({ value = [], onChange, disabled }: PermissionMatrixProps) {
  const { t } = useTranslation();
  const locale = currentLocale();
  const granted = new Set(value);

  const emit = (next: Set<string>) => onChange?.([...next]);

  const toggle = (group: Group, code: string, checked: boolean) => {
    const next = new Set(granted);
    const view = viewCode(group);
    if (checked) {
      next.add(code);
      // Every action needs the page it lives on, so granting one implies "view".
      if (view) next.add(view);
    } else {
      next.delete(code);
      // Without "view" the other actions are unreachable: take them away together.
      if (code === view) for (const action of group.actions) next.delete(action.code);
    }
    emit(next);
  };

  const toggleGroup = (group: Group, checked: boolean) => {
    const next = new Set(granted);
    for (const action of group.actions) {
      if (checked) next.add(action.code);
      else next.delete(action.code);
    }
    emit(next);
  };

  return (
    <Table<Group>
      rowKey="key"
      size="small"
      pagination={false}
      bordered
      dataSource={[...permissionGroups]}
      data-testid="permission-matrix"
      columns={[
        {
          key: 'group',
          title: t('roles.permissionGroup'),
          width: 160,
          render: (_, group) => {
            const count = group.actions.filter((action) => granted.has(action.code)).length;
            return (
              <Checkbox
                checked={count === group.actions.length}
                indeterminate={count > 0 && count < group.actions.length}
                disabled={disabled}
                onChange={(event) => toggleGroup(group, event.target.checked)}
                data-testid={`permission-group-${group.key}`}
              >
                {group.label[locale]}
              </Checkbox>
            );
          },
        },
        {
          key: 'actions',
          title: t('roles.permissionActions'),
          render: (_, group) => (
            <Flex wrap gap={4}>
              {group.actions.map((action) => (
                <Checkbox
                  key={action.code}
                  checked={granted.has(action.code)}
                  disabled={disabled}
                  onChange={(event) => toggle(group, action.code, event.target.checked)}
                  data-testid={`permission-${action.code}`}
                >
                  {action.label[locale]}
                </Checkbox>
              ))}
            </Flex>
          ),
        },
      ]}
    />
  );
}
