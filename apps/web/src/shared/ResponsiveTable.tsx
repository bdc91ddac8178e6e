import { Card, Descriptions, List, Table } from 'antd';
import type { TableProps } from 'antd';
import type { ColumnType } from 'antd/es/table';
import type { ReactNode } from 'react';
import { useIsPhone } from './useIsPhone';

interface ResponsiveTableProps<T> extends TableProps<T> {
  rowKey: keyof T & string;
  /** Card heading on phone width. */
  cardTitle: (row: T) => ReactNode;
  /** Card footer actions on phone width (the table shows them in its own actions column). */
  cardActions?: (row: T) => ReactNode[];
  /** Columns left out of the card body (the title column, the actions column). */
  cardHiddenColumns?: string[];
  /** What to show when there are no rows: say what to do next. */
  empty: ReactNode;
}

function cellValue<T>(column: ColumnType<T>, row: T, index: number): ReactNode {
  const dataIndex = column.dataIndex as keyof T | undefined;
  const value = dataIndex === undefined ? undefined : row[dataIndex];
  if (column.render) return column.render(value, row, index) as ReactNode;
  return value as ReactNode;
}

/**
 * A table on desktop and a list of cards at phone width, where a wide table would need sideways
 * scrolling. Paging stays the same in both forms; sorting is a desktop-only affordance.
 */
export function ResponsiveTable<T extends object>(props: ResponsiveTableProps<T>) {
  const { cardTitle, cardActions, cardHiddenColumns = [], empty, ...tableProps } = props;
  const isPhone = useIsPhone();
  if (!isPhone)
    return <Table<T> scroll={{ x: 'max-content' }} locale={{ emptyText: empty }} {...tableProps} />;

  const columns = (tableProps.columns ?? []) as ColumnType<T>[];
  const visible = columns.filter((column) => !cardHiddenColumns.includes(String(column.key)));
  const pagination = tableProps.pagination || undefined;
  return (
    <List<T>
      data-testid={(tableProps as Record<string, unknown>)['data-testid'] as string | undefined}
      loading={Boolean(tableProps.loading)}
      dataSource={tableProps.dataSource as T[]}
      rowKey={props.rowKey}
      locale={{ emptyText: empty }}
      pagination={
        pagination && {
          current: pagination.current,
          pageSize: pagination.pageSize,
          total: pagination.total,
          size: 'small',
          align: 'center',
          onChange: (page, pageSize) =>
            tableProps.onChange?.({ current: page, pageSize }, {}, [], {
              action: 'paginate',
              currentDataSource: [],
            }),
        }
      }
      renderItem={(row, index) => (
        <List.Item style={{ padding: '6px 0', border: 'none' }}>
          <Card size="small" title={cardTitle(row)} actions={cardActions?.(row)} style={{ width: '100%' }}>
            <Descriptions
              size="small"
              column={1}
              items={visible.map((column) => ({
                key: String(column.key),
                label: column.title as ReactNode,
                children: cellValue(column, row, index),
              }))}
            />
          </Card>
        </List.Item>
      )}
    />
  );
}
