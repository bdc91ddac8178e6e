import { Card, Descriptions, List, Table } from 'antd';
import type { TableProps } from 'antd';
import type { ColumnType } from 'antd/es/table';
import { type ReactNode, useEffect, useRef } from 'react';
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

/** From this many rows a desktop table renders only the rows in view (a ledger page of 100 or 200). */
export const VIRTUAL_FROM = 50;
/** A column's width in a virtual table when it declares none (the table needs every width). */
const VIRTUAL_COLUMN_WIDTH = 160;

/** The virtual table's scroll area: every column's width across, the window's height down. */
function virtualScroll<T>(columns: ColumnType<T>[]): { x: number; y: number } {
  const x = columns.reduce(
    (sum, column) => sum + (typeof column.width === 'number' ? column.width : VIRTUAL_COLUMN_WIDTH),
    0,
  );
  return { x, y: Math.max(360, window.innerHeight - 320) };
}

/**
 * A table on desktop and a list of cards at phone width, where a wide table would need sideways
 * scrolling. Paging stays the same in both forms; sorting is a desktop-only affordance. A long page
 * (VIRTUAL_FROM rows or more) is virtualised: only the rows in view are in the DOM, under a fixed
 * header, so a page of 200 rows renders as fast as one of 20.
 */
/**
 * A table wider than the screen scrolls sideways; keyboard users reach that scrolling only if the
 * scrolling box can take focus (axe: scrollable-region-focusable). antd renders the box itself, so it
 * is made focusable once rendered.
 */
function useFocusableScrollBoxes() {
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    for (const box of ref.current?.querySelectorAll<HTMLElement>('.ant-table-body, .ant-table-content') ??
      []) {
      if (box.scrollWidth > box.clientWidth || box.scrollHeight > box.clientHeight) box.tabIndex = 0;
    }
  });
  return ref;
}

export function ResponsiveTable<T extends object>(props: ResponsiveTableProps<T>) {
  const { cardTitle, cardActions, cardHiddenColumns = [], empty, ...tableProps } = props;
  const isPhone = useIsPhone();
  const scrollBoxes = useFocusableScrollBoxes();
  const columns = (tableProps.columns ?? []) as ColumnType<T>[];
  if (!isPhone) {
    if ((tableProps.dataSource?.length ?? 0) >= VIRTUAL_FROM)
      return (
        <div ref={scrollBoxes}>
          <Table<T>
            locale={{ emptyText: empty }}
            {...tableProps}
            // Rows have one height in a virtual list: a cell clips what does not fit its width.
            columns={columns.map((column) => ({ ...column, ellipsis: column.ellipsis ?? true }))}
            virtual
            sticky={false}
            scroll={virtualScroll(columns)}
            // A virtual table shows a summary only when it is a fixed Table.Summary itself (a component
            // that renders one is not recognised), so the totals row is wrapped in one.
            summary={
              tableProps.summary &&
              ((data) => <Table.Summary fixed>{tableProps.summary?.(data)}</Table.Summary>)
            }
          />
        </div>
      );
    return (
      <div ref={scrollBoxes}>
        <Table<T> scroll={{ x: 'max-content' }} locale={{ emptyText: empty }} {...tableProps} />
      </div>
    );
  }

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
