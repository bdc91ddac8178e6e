import { PlusOutlined } from '@ant-design/icons';
import { Button, Space } from 'antd';
import type { ColumnType } from 'antd/es/table';
import type { ReactNode } from 'react';

/**
 * The primary "create" button of a list page. Pages render it twice (toolbar and empty state); only
 * the toolbar copy carries the test id. Renders nothing without the permission.
 */
export function CreateButton({
  allowed,
  label,
  onClick,
  testId,
}: {
  allowed: boolean;
  label: ReactNode;
  onClick: () => void;
  testId?: string;
}) {
  if (!allowed) return null;
  return (
    <Button type="primary" icon={<PlusOutlined />} data-testid={testId} onClick={onClick}>
      {label}
    </Button>
  );
}

/** The trailing column of row buttons that list pages add when the user may manage the rows. */
export function actionsColumn<T>(
  title: string,
  actions: (row: T) => ReactNode[],
  options: { fixed?: 'right' } = {},
): ColumnType<T> {
  return {
    key: 'actions',
    title,
    fixed: options.fixed,
    render: (_, row) => <Space size={0}>{actions(row)}</Space>,
  };
}
