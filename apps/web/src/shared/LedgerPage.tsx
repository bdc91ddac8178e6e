import { DownloadOutlined, SettingOutlined, UploadOutlined } from '@ant-design/icons';
import { App, Button, Card, Checkbox, Descriptions, Flex, Popover, Table, Typography } from 'antd';
import type { TablePaginationConfig, TableProps } from 'antd';
import type { ColumnType } from 'antd/es/table';
import { type ReactNode, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { DownloadProgress } from '../app/api/client';
import { AsyncContent } from './AsyncContent';
import {
  type ColumnSettingsInput,
  columnChoiceToStore,
  mergeColumnSettings,
  readColumnChoice,
  writeColumnChoice,
} from './columnSettings';
import { errorMessage } from './errorMessage';
import { formatMoney } from './format';
import { sortFromSorter } from './ledgerSort';
import { PageContainer } from './PageContainer';
import { ResponsiveTable } from './ResponsiveTable';
import { useIsPhone } from './useIsPhone';

/** A ledger column: antd's column with a key, and whether it is hidden by default, always shown or totalled. */
export interface LedgerColumn<T> extends ColumnType<T> {
  key: string;
  /** Hidden until the user turns it on in the column settings. */
  optional?: boolean;
  /** Always shown (the record's number, the row actions). */
  locked?: boolean;
  /** A money column with a total under it: the key of its amount in the totals. */
  total?: string;
}

/** Totals of the whole filtered set, one entry a currency (never summed across currencies). */
export interface LedgerTotals {
  count: number;
  byCurrency: { currency: string; amounts: Partial<Record<string, number | null>> }[];
}

/** Totals of an API that gives one set of amounts per currency (`{ currency, count, ...amounts }[]`). */
export function totalsByCurrency(
  count: number,
  rows: ({ currency: string; count?: number } & Record<string, number | string | undefined>)[],
): LedgerTotals {
  return {
    count,
    byCurrency: rows.map(({ currency, count: _count, ...amounts }) => ({
      currency,
      amounts: amounts as Record<string, number>,
    })),
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
  totals?: LedgerTotals;
  /** The first cell of the totals row; "合计（N 条）" unless given. */
  totalsLabel?: (count: number) => ReactNode;
  /** Downloads the filtered set as Excel; `onProgress` drives the button's progress text. */
  onExport?: (onProgress: DownloadProgress) => Promise<void>;
  /** Opens the module's import dialog (template, upload, dry run, report). */
  onImport?: () => void;
  importLabel?: ReactNode;
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

function formatSize(bytes: number): string {
  return bytes >= 1024 * 1024 ? `${(bytes / 1024 / 1024).toFixed(1)} MB` : `${Math.ceil(bytes / 1024)} KB`;
}

/** The export button: busy while the file downloads, with the bytes (or percent) received so far. */
export function ExportButton({
  onExport,
  testId,
}: {
  onExport: (onProgress: DownloadProgress) => Promise<void>;
  testId?: string;
}) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [progress, setProgress] = useState<string | null>(null);
  const run = async () => {
    setProgress(t('kit.exporting'));
    try {
      await onExport((received, total) =>
        setProgress(
          total
            ? t('kit.exportingPercent', { percent: Math.floor((received / total) * 100) })
            : t('kit.exportingBytes', { size: formatSize(received) }),
        ),
      );
      message.success(t('common.exported'));
    } catch (err) {
      message.error(errorMessage(err, t));
    } finally {
      setProgress(null);
    }
  };
  return (
    <Button icon={<DownloadOutlined />} loading={progress !== null} onClick={run} data-testid={testId}>
      {progress ?? t('common.export')}
    </Button>
  );
}

function TotalsRow<T>({
  columns,
  totals,
  ledgerId,
  label,
}: {
  columns: LedgerColumn<T>[];
  totals: LedgerTotals;
  ledgerId: string;
  label?: (count: number) => ReactNode;
}) {
  const { t } = useTranslation();
  return (
    <Table.Summary fixed>
      {totals.byCurrency.map(({ currency, amounts }, rowIndex) => (
        <Table.Summary.Row key={currency} data-testid={`${ledgerId}-totals`}>
          {columns.map((column, index) => {
            let content: ReactNode = null;
            if (index === 0 && rowIndex === 0)
              content = label ? label(totals.count) : t('kit.totalsCount', { count: totals.count });
            else if (index === 0) content = currency;
            else if (column.total) content = formatMoney(amounts[column.total], currency);
            return (
              <Table.Summary.Cell key={column.key} index={index} align={column.total ? 'right' : undefined}>
                {content !== null && <strong>{content}</strong>}
              </Table.Summary.Cell>
            );
          })}
        </Table.Summary.Row>
      ))}
    </Table.Summary>
  );
}

function TotalsCard<T>({
  columns,
  totals,
  ledgerId,
}: {
  columns: LedgerColumn<T>[];
  totals: LedgerTotals;
  ledgerId: string;
}) {
  const { t } = useTranslation();
  const totalled = columns.filter((column) => column.total);
  return (
    <Card size="small" style={{ marginBottom: 8 }} data-testid={`${ledgerId}-totals`}>
      <Descriptions
        size="small"
        column={1}
        items={[
          { key: 'count', label: t('kit.count'), children: totals.count },
          ...totals.byCurrency.flatMap(({ currency, amounts }) =>
            totalled.map((column) => ({
              key: `${currency}-${column.key}`,
              label: column.title as ReactNode,
              children: formatMoney(amounts[column.total as string], currency),
            })),
          ),
        ]}
      />
    </Card>
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
      {props.onImport && (
        <Button icon={<UploadOutlined />} onClick={props.onImport} data-testid={`${ledgerId}-import`}>
          {props.importLabel ?? t('kit.import')}
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
        {isPhone && totals && totals.count > 0 && shown.some((column) => column.total) && (
          <TotalsCard columns={shown} totals={totals} ledgerId={ledgerId} />
        )}
        <ResponsiveTable<T>
          rowKey={props.rowKey}
          data-testid={`${ledgerId}-table`}
          columns={isPhone ? columns : shown}
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
            paging.mode === 'pages'
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
      {props.children}
    </PageContainer>
  );
}
