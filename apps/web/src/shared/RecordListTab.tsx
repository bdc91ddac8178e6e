import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { Flex } from 'antd';
import type { ColumnType } from 'antd/es/table';
import { type ReactNode, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { AsyncContent } from './AsyncContent';
import { ResponsiveTable } from './ResponsiveTable';

export interface RecordPage<T> {
  items: T[];
  /** Absent for a short list the server gives whole (no pager then). */
  total?: number;
}

interface RecordListTabProps<T> {
  /** The list's key under its record's key (e.g. `keys.partners.ratingHistory(id)`); the page is appended. */
  queryKey: readonly unknown[];
  fetchPage: (page: number, pageSize: number, signal: AbortSignal) => Promise<RecordPage<T>>;
  pageSize?: number;
  columns: ColumnType<T>[];
  rowKey: keyof T & string;
  /** What to show when there are no records: say what to do next. */
  empty: ReactNode;
  /** Above the list: a line of explanation, an "add" button. */
  header?: ReactNode;
  cardTitle: (row: T) => ReactNode;
  cardActions?: (row: T) => ReactNode[];
  testId?: string;
  enabled?: boolean;
}

/** A tab listing the records related to this one, paged by the server, as a table or phone cards. */
export function RecordListTab<T extends object>(props: RecordListTabProps<T>) {
  const { t } = useTranslation();
  const { pageSize = 20 } = props;
  const [page, setPage] = useState(1);
  const { data, isLoading, isFetching, error, refetch } = useQuery({
    queryKey: [...props.queryKey, { page, pageSize }],
    queryFn: ({ signal }) => props.fetchPage(page, pageSize, signal),
    placeholderData: keepPreviousData,
    enabled: props.enabled ?? true,
  });
  return (
    <AsyncContent isLoading={isLoading} error={data ? null : error} onRetry={() => void refetch()}>
      <Flex vertical gap={12} data-testid={props.testId}>
        {props.header}
        <ResponsiveTable<T>
          rowKey={props.rowKey}
          size="small"
          columns={props.columns}
          dataSource={data?.items}
          loading={isFetching && !isLoading}
          empty={props.empty}
          cardTitle={props.cardTitle}
          cardActions={props.cardActions}
          pagination={
            data?.total !== undefined && data.total > pageSize
              ? {
                  current: page,
                  pageSize,
                  total: data.total,
                  size: 'small',
                  showSizeChanger: false,
                  showTotal: (total) => t('common.total', { total }),
                }
              : false
          }
          onChange={(pagination) => setPage(pagination.current ?? 1)}
        />
      </Flex>
    </AsyncContent>
  );
}
