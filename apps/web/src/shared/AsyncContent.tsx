import { Skeleton } from 'antd';
import type { ReactNode } from 'react';
import { ErrorState } from './ErrorState';

interface AsyncContentProps {
  isLoading: boolean;
  error: unknown;
  onRetry?: () => void;
  isEmpty?: boolean;
  empty?: ReactNode;
  children: ReactNode;
}

/** The three states every page shows the same way: skeleton, error with request id, empty hint. */
export function AsyncContent({ isLoading, error, onRetry, isEmpty, empty, children }: AsyncContentProps) {
  if (isLoading) return <Skeleton active paragraph={{ rows: 6 }} />;
  if (error) return <ErrorState error={error} onRetry={onRetry} />;
  if (isEmpty) return <>{empty}</>;
  return <>{children}</>;
}
