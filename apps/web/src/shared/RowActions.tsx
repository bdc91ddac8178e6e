import { MoreOutlined } from '@ant-design/icons';
import { Button, Dropdown, Space } from 'antd';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useIsPhone } from './useIsPhone';

export interface RowAction {
  key: string;
  label: ReactNode;
  onClick: () => void;
  danger?: boolean;
  disabled?: boolean;
  testId?: string;
}

/**
 * A table row's actions: link buttons on desktop, folded into one "more" menu at phone width where
 * three buttons would squeeze the data columns out of view.
 */
export function RowActions({ actions }: { actions: RowAction[] }) {
  const { t } = useTranslation();
  const isPhone = useIsPhone();
  if (actions.length === 0) return null;
  if (isPhone) {
    return (
      <Dropdown
        trigger={['click']}
        menu={{
          items: actions.map((action) => ({
            key: action.key,
            danger: action.danger,
            disabled: action.disabled,
            label: <span data-testid={action.testId}>{action.label}</span>,
          })),
          onClick: ({ key }) => actions.find((action) => action.key === key)?.onClick(),
        }}
      >
        <Button type="text" size="small" icon={<MoreOutlined />} aria-label={t('common.more')} />
      </Dropdown>
    );
  }
  return (
    <Space size={0}>
      {actions.map((action) => (
        <Button
          key={action.key}
          type="link"
          size="small"
          danger={action.danger}
          disabled={action.disabled}
          data-testid={action.testId}
          onClick={action.onClick}
        >
          {action.label}
        </Button>
      ))}
    </Space>
  );
}
