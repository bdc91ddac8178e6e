import type { FormField, FormFieldPerms } from '@concord/contracts';
import { Descriptions, Table, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { formatMoney, formatPercentFromBasisPoints } from '../../../shared/format';
import { useIsPhone } from '../../../shared/useIsPhone';
import { columnTotals, FileLink } from './inputs';

type Row = Record<string, unknown>;

/** One submitted value, formatted for reading; money in the document's currency (ad-hoc forms: CNY). */
export function FieldValue({
  field,
  value,
  currency = 'CNY',
}: {
  field: FormField;
  value: unknown;
  currency?: string;
}) {
  const { t } = useTranslation();
  if (value === undefined || value === null || value === '' || (Array.isArray(value) && value.length === 0)) {
    return <Typography.Text type="secondary">{t('forms.emptyValue')}</Typography.Text>;
  }
  const label = (v: unknown) => field.options?.find((o) => o.value === v)?.label ?? String(v);
  switch (field.type) {
    case 'money':
      return <>{formatMoney(value as number, currency)}</>;
    case 'percent':
      return <>{formatPercentFromBasisPoints(value as number)}</>;
    case 'dateRange':
      return <>{(value as string[]).join(' ~ ')}</>;
    case 'select':
      return <>{label(value)}</>;
    case 'multiSelect':
      return <>{(value as string[]).map(label).join('、')}</>;
    case 'textarea':
      return <span style={{ whiteSpace: 'pre-wrap' }}>{String(value)}</span>;
    case 'attachment':
      return (
        <div>
          {(value as string[]).map((id) => (
            <div key={id}>
              <FileLink id={id} />
            </div>
          ))}
        </div>
      );
    case 'table':
      return <TableView field={field} rows={value as Row[]} currency={currency} />;
    default:
      return <>{String(value)}</>;
  }
}

function TableView({ field, rows, currency }: { field: FormField; rows: Row[]; currency: string }) {
  const { t } = useTranslation();
  const totals = columnTotals(field, rows);
  return (
    <Table
      size="small"
      pagination={false}
      scroll={{ x: 'max-content' }}
      rowKey={(_, index) => String(index)}
      dataSource={rows}
      columns={(field.columns ?? []).map((column) => ({
        key: column.key,
        title: column.label,
        render: (_: unknown, row: Row) => (
          <FieldValue field={column as FormField} value={row[column.key]} currency={currency} />
        ),
      }))}
      summary={
        Object.keys(totals).length
          ? () => (
              <Table.Summary.Row>
                {(field.columns ?? []).map((column, i) => (
                  <Table.Summary.Cell key={column.key} index={i}>
                    {column.key in totals
                      ? column.type === 'money'
                        ? formatMoney(totals[column.key], currency)
                        : totals[column.key]
                      : i === 0
                        ? t('forms.total')
                        : ''}
                  </Table.Summary.Cell>
                ))}
              </Table.Summary.Row>
            )
          : undefined
      }
    />
  );
}

/** Submitted form values, read-only; hidden fields are left out. */
export function FormView({
  fields,
  data,
  perms,
  currency,
}: {
  fields: FormField[];
  data: Record<string, unknown>;
  perms?: FormFieldPerms;
  /** The currency of the money fields: the document's (a contract's own); CNY when not given. */
  currency?: string;
}) {
  const isPhone = useIsPhone();
  const shown = fields.filter((field) => perms?.[field.key] !== 'hidden');
  return (
    <Descriptions
      data-testid="form-view"
      bordered
      size="small"
      column={isPhone ? 1 : 2}
      layout={isPhone ? 'vertical' : 'horizontal'}
      // Labels on one line (合同名称, not 合同名 / 称): the value column takes what is left.
      styles={{ label: { whiteSpace: 'nowrap' } }}
      items={shown.map((field) => ({
        key: field.key,
        label: field.label,
        span: field.type === 'table' || field.type === 'textarea' ? (isPhone ? 1 : 2) : 1,
        children: <FieldValue field={field} value={data[field.key]} currency={currency} />,
      }))}
    />
  );
}
