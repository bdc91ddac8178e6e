import { QuestionCircleOutlined } from '@ant-design/icons';
import { Alert, Checkbox, Flex, Select, Table, Tooltip, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { dataRows, headerColumns } from './importMapping';
import type { ColumnMapping, ImportInspection, LedgerImport } from './importTypes';

/** Rows the preview under the mapping shows. */
const PREVIEW_ROWS = 5;

/**
 * The mapping step: which row is the header, which of the file's columns holds each field (as
 * proposed: saved for this header, or by the columns' names), the first rows read that way, and the
 * ledger's options. Nothing is sent from here; the dialog checks the file by this mapping next.
 */
export function ImportMappingStep({
  inspection,
  headerRow,
  onHeaderRow,
  mapping,
  onColumn,
  options,
  chosen,
  onOption,
  testId,
}: {
  inspection: ImportInspection;
  headerRow: number;
  onHeaderRow: (row: number) => void;
  mapping: ColumnMapping[];
  onColumn: (field: string, column: number | null) => void;
  options: NonNullable<LedgerImport['options']>;
  chosen: Record<string, boolean>;
  onOption: (key: string, value: boolean) => void;
  testId: string;
}) {
  const { t } = useTranslation();
  const columns = headerColumns(inspection, headerRow);
  const rows = dataRows(inspection, headerRow).slice(0, PREVIEW_ROWS);
  const columnOf = new Map(mapping.map((m) => [m.field, m.column]));
  const mappedFields = inspection.fields.filter((f) => columnOf.has(f.key));
  const source =
    headerRow === inspection.headerRow ? inspection.mappingSource : mapping.length ? 'matched' : 'none';
  return (
    <Flex vertical gap={12} data-testid={`${testId}-mapping`}>
      <Alert
        type={source === 'none' ? 'warning' : 'info'}
        showIcon
        title={
          source === 'saved'
            ? t('kit.importer.mappingSaved')
            : source === 'matched'
              ? t('kit.importer.mappingMatched', { count: mapping.length })
              : t('kit.importer.mappingNone')
        }
        data-testid={`${testId}-mapping-source`}
        data-source={source}
      />
      <Flex gap={8} align="center" wrap>
        <Typography.Text id={`${testId}-header-row-label`}>{t('kit.importer.headerRow')}</Typography.Text>
        <Select
          style={{ minWidth: 240, maxWidth: '100%' }}
          value={headerRow}
          onChange={onHeaderRow}
          aria-labelledby={`${testId}-header-row-label`}
          data-testid={`${testId}-header-row`}
          options={inspection.preview.slice(0, inspection.suggestions.length).map((r) => ({
            value: r.row,
            label: t('kit.importer.headerRowOption', {
              row: r.row,
              text: r.cells.filter(Boolean).slice(0, 4).join(' · ') || t('kit.importer.emptyRow'),
            }),
          }))}
        />
      </Flex>
      <Table<ImportInspection['fields'][number]>
        size="small"
        rowKey="key"
        pagination={false}
        scroll={{ x: 'max-content' }}
        dataSource={inspection.fields}
        data-testid={`${testId}-fields`}
        columns={[
          {
            key: 'field',
            title: t('kit.importer.field'),
            render: (_, field) => (
              <Flex gap={4} align="center">
                {field.required && (
                  <Typography.Text type="danger" aria-hidden>
                    *
                  </Typography.Text>
                )}
                <span>{field.label}</span>
                <Tooltip title={field.help}>
                  <QuestionCircleOutlined aria-label={field.help} style={{ color: 'rgba(0,0,0,0.65)' }} />
                </Tooltip>
              </Flex>
            ),
          },
          {
            key: 'column',
            title: t('kit.importer.fileColumn'),
            render: (_, field) => (
              <Select<number | 'none'>
                style={{ width: 220 }}
                aria-label={t(field.required ? 'kit.importer.columnForRequired' : 'kit.importer.columnFor', {
                  field: field.label,
                })}
                data-testid={`${testId}-map-${field.key}`}
                value={columnOf.get(field.key) ?? 'none'}
                onChange={(value) => onColumn(field.key, value === 'none' ? null : value)}
                showSearch={{ optionFilterProp: 'label' }}
                options={[
                  { value: 'none' as const, label: t('kit.importer.notImported') },
                  ...columns.map((c) => ({
                    value: c.index,
                    label: c.header ? `${c.letter} · ${c.header}` : c.letter,
                  })),
                ]}
              />
            ),
          },
          {
            key: 'sample',
            title: t('kit.importer.sample'),
            render: (_, field) => {
              const column = columnOf.get(field.key);
              return column === undefined ? '' : (rows[0]?.cells[column] ?? '');
            },
          },
        ]}
      />
      {mappedFields.length > 0 && rows.length > 0 && (
        <>
          <Typography.Text strong>{t('kit.importer.previewTitle')}</Typography.Text>
          {/* Scrolled sideways by the keyboard too: the region takes the focus. */}
          <section
            aria-label={t('kit.importer.previewTitle')}
            // biome-ignore lint/a11y/noNoninteractiveTabindex: a scrollable region must be reachable by keyboard (WCAG 2.1.1)
            tabIndex={0}
            style={{ overflowX: 'auto' }}
          >
            <Table<{ row: number; cells: string[] }>
              size="small"
              rowKey="row"
              pagination={false}
              dataSource={rows}
              data-testid={`${testId}-preview`}
              columns={[
                { key: 'row', title: t('kit.importer.row'), dataIndex: 'row', width: 60 },
                ...mappedFields.map((f) => ({
                  key: f.key,
                  title: f.label,
                  render: (_: unknown, r: { cells: string[] }) =>
                    r.cells[columnOf.get(f.key) as number] ?? '',
                })),
              ]}
            />
          </section>
        </>
      )}
      {options.map((option) => (
        <Flex key={option.key} vertical gap={2}>
          <Checkbox
            checked={chosen[option.key] ?? false}
            onChange={(event) => onOption(option.key, event.target.checked)}
            data-testid={`${testId}-option-${option.key}`}
          >
            {option.label}
          </Checkbox>
          {option.hint && (
            <Typography.Text type="secondary" style={{ marginInlineStart: 24 }}>
              {option.hint}
            </Typography.Text>
          )}
        </Flex>
      ))}
    </Flex>
  );
}
