import { SettingOutlined, UploadOutlined } from '@ant-design/icons';
import { Button, Checkbox, Flex, Popover, Typography } from 'antd';
import type { TablePaginationConfig, TableProps } from 'antd';
import { type ReactNode, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import type { DownloadProgress } from '../app/api/client';
import { AsyncContent } from './AsyncContent';
import {
  type ColumnSettingsInput,
  columnChoiceToStore,
  type LedgerColumn,
  mergeColumnSettings,
  readColumnChoice,
  writeColumnChoice,
} from './columnSettings';
import { ExportButton } from './ExportButton';
import { ImportDialog } from './import/ImportDialog';
import type { LedgerImport } from './import/importTypes';
import { type LedgerTotalsState, TotalsCard, TotalsRow } from './LedgerTotals';
import { sortFromSorter } from './ledgerSort';
import { PageContainer } from './PageContainer';
import { ResponsiveTable } from './ResponsiveTable';
import { useIsPhone } from './useIsPhone';

// The pieces a ledger page names when it describes itself, from the files that define them.
export type { LedgerColumn } from './columnSettings';
export { ExportButton } from './ExportButton';
export { type LedgerTotals, type LedgerTotalsState, totalsByCurrency } from './LedgerTotals';

/** The loading, error and retry props of a ledger from its TanStack query: `{...ledgerQueryState(list)}`. */
export function ledgerQueryState(query: {
  isLoading: boolean;
  isFetching: boolean;
  error: unknown;
  refetch: () => unknown;
}) {
  return {
    isLoading: query.isLoading,
    isFetching: query.isFetching,
    error: query.error,
    onRetry: () => void query.refetch(),
  };
}

export type LedgerPaging =
  | {
      mode: 'pages';
      page: number;
      pageSize: number;
      total: number;
      onChange: (page: number, pageSize: number) => void;
    }
  /** Keyset paging: the page renders its own previous/next pager under the table. */
  | { mode: 'keyset'; pager: ReactNode };

export interface LedgerPageProps<T extends object> {
  /** Names the ledger: column choices are remembered under it, test ids start with it. */
  ledgerId: string;
  title: ReactNode;
  filterBar: ReactNode;
  /** Toolbar buttons after import and export (create, bulk actions). */
  actions?: ReactNode;
  columns: LedgerColumn<T>[];
  rowKey: keyof T & string;
  rows: T[] | undefined;
  isLoading: boolean;
  isFetching: boolean;
  error: unknown;
  onRetry: () => void;
  /** The sort in the URL (`-amount`); columns carry their own `sortOrder`. */
  onSortChange: (sort: string | undefined) => void;
  paging: LedgerPaging;
  /** The totals of the filtered set; 'pending' while a ledger that asks for them apart waits for them. */
  totals?: LedgerTotalsState;
  /** The first cell of the totals row; "合计（N 条）" unless given. */
  totalsLabel?: (count: number) => ReactNode;
  /** Downloads the filtered set as Excel; `onProgress` drives the button's progress text. */
  onExport?: (onProgress: DownloadProgress) => Promise<unknown>;
  /** The ledger's Excel import: a toolbar button and the kit's dialog (template, upload with progress, report). */
  importer?: LedgerImport;
  empty: ReactNode;
  /** Phone width: the card's heading, its actions and the columns left out of its body. */
  cardTitle: (row: T) => ReactNode;
  cardActions?: (row: T) => ReactNode[];
  cardHiddenColumns?: string[];
  /** Desktop rows: a highlight (an overdue borrow) or a double-click that opens the record. */
  onRow?: TableProps<T>['onRow'];
  /** Under the table (a dialog the toolbar opens, say). */
  children?: ReactNode;
}

function settingsInput<T>(columns: LedgerColumn<T>[]): ColumnSettingsInput {
  return {
    all: columns.map((column) => column.key),
    defaults: columns.filter((column) => !column.optional).map((column) => column.key),
    locked: columns.filter((column) => column.locked).map((column) => column.key),
  };
}

/** The visible column keys of a ledger and a setter that remembers the choice in localStorage. */
export function useColumnSettings<T>(ledgerId: string, columns: LedgerColumn<T>[]) {
  const input = settingsInput(columns);
  const signature = input.all.join(',');
  const [stored, setStored] = useState<unknown>(() => readColumnChoice(ledgerId));
  // biome-ignore lint/correctness/useExhaustiveDependencies: `signature` stands for the column keys
  const visible = useMemo(() => mergeColumnSettings(input, stored), [signature, stored]);
  const choose = (keys: string[] | null) => {
    const choice = keys ? columnChoiceToStore(input, keys) : null;
    writeColumnChoice(ledgerId, choice);
    setStored(choice);
  };
  return { input, visible, choose };
}

function ColumnSettingsButton<T>({
  ledgerId,
  columns,
  visible,
  choose,
}: {
  ledgerId: string;
  columns: LedgerColumn<T>[];
  visible: string[];
  choose: (keys: string[] | null) => void;
}) {
  const { t } = useTranslation();
  const shown = new Set(visible);
  const content = (
    <Flex vertical gap={8} style={{ maxWidth: 320 }} data-testid={`${ledgerId}-columns-panel`}>
      <Typography.Text type="secondary">{t('kit.columnsHint')}</Typography.Text>
      <Flex vertical gap={4} style={{ maxHeight: 360, overflowY: 'auto' }}>
        {columns
          .filter((column) => column.key !== 'actions')
          .map((column) => (
            <Checkbox
              key={column.key}
              checked={shown.has(column.key)}
              disabled={column.locked}
              data-testid={`${ledgerId}-column-${column.key}`}
              onChange={(event) =>
                choose(
                  event.target.checked
                    ? [...visible, column.key]
                    : visible.filter((key) => key !== column.key),
                )
              }
            >
              {column.title as ReactNode}
            </Checkbox>
          ))}
      </Flex>
      <Button size="small" onClick={() => choose(null)} data-testid={`${ledgerId}-columns-reset`}>
        {t('kit.columnsReset')}
      </Button>
    </Flex>
  );
  return (
    <Popover trigger="click" placement="bottomRight" title={t('kit.columns')} content={content}>
      <Button icon={<SettingOutlined />} data-testid={`${ledgerId}-columns`}>
        {t('kit.columns')}
      </Button>
    </Popover>
  );
}

/**
 * Every ledger the same way: filter bar (its state in the URL), toolbar (import, export with
 * progress, column settings, the page's own buttons), server-sorted and paged table with a totals
 * row for money columns, skeleton / error / empty states, and cards at phone width.
 */
export function LedgerPage<T extends object>(props: LedgerPageProps<T>) {
  const { ledgerId, columns, totals, paging } = props;
  const isPhone = useIsPhone();
  const { t } = useTranslation();
  const { visible, choose } = useColumnSettings(ledgerId, columns);
  // `?import=open` (the workbench's 导入 shortcut) opens the import dialog at once.
  const [searchParams, setSearchParams] = useSearchParams();
  const [importing, setImporting] = useState(
    () => Boolean(props.importer) && searchParams.get('import') === 'open',
  );
  const closeImport = () => {
    setImporting(false);
    if (searchParams.has('import'))
      setSearchParams(
        (previous) => {
          const next = new URLSearchParams(previous);
          next.delete('import');
          return next;
        },
        { replace: true },
      );
  };
  const shown = useMemo(() => {
    const keys = new Set(visible);
    return columns.filter((column) => keys.has(column.key));
  }, [columns, visible]);

  const onChange = (
    pagination: TablePaginationConfig,
    _filters: unknown,
    sorter: unknown,
    extra?: { action?: string },
  ) => {
    if (extra?.action === 'sort') {
      props.onSortChange(sortFromSorter(sorter));
      return;
    }
    if (paging.mode === 'pages' && pagination.current)
      paging.onChange(pagination.current, pagination.pageSize ?? paging.pageSize);
  };

  const toolbar = (
    <>
      {props.importer && (
        <Button
          icon={<UploadOutlined />}
          onClick={() => setImporting(true)}
          data-testid={`${ledgerId}-import`}
        >
          {props.importer.label ?? t('kit.import')}
        </Button>
      )}
      {props.onExport && <ExportButton onExport={props.onExport} testId={`${ledgerId}-export`} />}
      {!isPhone && (
        <ColumnSettingsButton ledgerId={ledgerId} columns={columns} visible={visible} choose={choose} />
      )}
      {props.actions}
    </>
  );

  return (
    <PageContainer title={props.title} extra={toolbar}>
      {props.filterBar}
      <AsyncContent
        isLoading={props.isLoading}
        error={props.rows ? null : props.error}
        onRetry={props.onRetry}
      >
        {isPhone &&
          totals &&
          (totals === 'pending' || totals.count > 0) &&
          shown.some((column) => column.total) && (
            <TotalsCard columns={shown} totals={totals} ledgerId={ledgerId} />
          )}
        <ResponsiveTable<T>
          rowKey={props.rowKey}
          data-testid={`${ledgerId}-table`}
          // Cards show the same columns as the table (the defaults or the user's choice made on a wider screen).
          columns={shown}
          dataSource={props.rows}
          loading={props.isFetching}
          onChange={onChange}
          onRow={props.onRow}
          size="middle"
          sticky
          summary={
            totals && props.rows?.length && shown.some((column) => column.total)
              ? () => (
                  <TotalsRow columns={shown} totals={totals} ledgerId={ledgerId} label={props.totalsLabel} />
                )
              : undefined
          }
          pagination={
            // No pager under an empty list (the card list would show a lone "1").
            paging.mode === 'pages' && paging.total > 0
              ? {
                  current: paging.page,
                  pageSize: paging.pageSize,
                  total: paging.total,
                  showSizeChanger: true,
                  showTotal: (total) => t('common.total', { total }),
                }
              : false
          }
          empty={props.empty}
          cardTitle={props.cardTitle}
          cardActions={props.cardActions}
          cardHiddenColumns={props.cardHiddenColumns}
        />
        {paging.mode === 'keyset' && paging.pager}
      </AsyncContent>
      {props.importer && (
        <ImportDialog
          importer={props.importer}
          open={importing}
          onClose={closeImport}
          testId={`${ledgerId}-import`}
        />
      )}
      {props.children}
    </PageContainer>
  );
}
