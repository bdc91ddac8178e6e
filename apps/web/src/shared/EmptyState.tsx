import { Empty } from 'antd';
import type { ReactNode } from 'react';

interface EmptyStateProps {
  /** Says what to do next, not only that nothing is here. */
  description: ReactNode;
  action?: ReactNode;
}

export function EmptyState({ description, action }: EmptyStateProps) {
  return (
    <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={description} style={{ padding: '24px 0' }}>
      {action}
    </Empty>
  );
}
