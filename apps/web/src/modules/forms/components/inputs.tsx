import { DeleteOutlined, PaperClipOutlined, PlusOutlined, UploadOutlined } from '@ant-design/icons';
import type { FormField } from '@concord/contracts';
import { Button, DatePicker, Input, InputNumber, Select, Table, Typography, Upload } from 'antd';
import type { UploadFile } from 'antd/es/upload/interface';
import dayjs from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSession } from '../../../app/auth/session';
import { formatMoney } from '../../../shared/format';
import { MoneyInput, DateInput as SharedDateInput } from '../../../shared/FormInputs';
import { DepartmentTreeSelect } from '../../system/components/DepartmentTreeSelect';
import { UserPicker } from '../../system/components/UserPicker';
import { fileContentUrl, fileUploadUrl, useFileObject } from '../formsApi';

interface ControlProps<T> {
  value?: T;
  onChange?: (value: T | null) => void;
  disabled?: boolean;
  id?: string;
}

/** A form's date: the shared DateInput (it questions an implausible year under the field). */
export function DateInput({ value, onChange, disabled, id }: ControlProps<string>) {
  return <SharedDateInput id={id} disabled={disabled} value={value} onChange={onChange} />;
}

export function DateRangeInput({ value, onChange, disabled, id }: ControlProps<[string, string]>) {
  return (
    <DatePicker.RangePicker
      id={id}
      style={{ width: '100%' }}
      disabled={disabled}
      value={value ? [dayjs(value[0]), dayjs(value[1])] : null}
      onChange={(dates) =>
        onChange?.(
          dates?.[0] && dates[1] ? [dates[0].format('YYYY-MM-DD'), dates[1].format('YYYY-MM-DD')] : null,
        )
      }
    />
  );
}

/** A link to an uploaded file, named from its metadata. */
export function FileLink({ id }: { id: string }) {
  const { data } = useFileObject(id);
  return (
    <Typography.Link href={fileContentUrl(id)} data-testid="form-file-link">
      <PaperClipOutlined /> {data?.name ?? id.slice(0, 8)}
    </Typography.Link>
  );
}

/** Uploads to /api/v1/files (with the CSRF header) and holds the file ids. */
export function AttachmentInput({ value, onChange, disabled }: ControlProps<string[]>) {
  const { t } = useTranslation();
  const session = useSession();
  const [uploading, setUploading] = useState<UploadFile[]>([]);
  const ids = value ?? [];
  return (
    <div>
      {ids.map((id) => (
        <div key={id} style={{ display: 'flex', alignItems: 'center', gap: 8 }}>
          <FileLink id={id} />
          {!disabled && (
            <Button
              type="text"
              size="small"
              icon={<DeleteOutlined />}
              aria-label={t('common.delete')}
              onClick={() => onChange?.(ids.filter((other) => other !== id))}
            />
          )}
        </div>
      ))}
      {!disabled && (
        <Upload
          name="file"
          action={fileUploadUrl}
          headers={{ 'X-CSRF-Token': session.csrfToken }}
          withCredentials
          fileList={uploading}
          onChange={({ file, fileList }) => {
            if (file.status === 'done' && file.response?.id) {
              onChange?.([...ids, file.response.id as string]);
              setUploading(fileList.filter((f) => f.uid !== file.uid));
            } else {
              setUploading(fileList);
            }
          }}
        >
          <Button icon={<UploadOutlined />} data-testid="form-attachment-upload">
            {t('forms.upload')}
          </Button>
        </Upload>
      )}
    </div>
  );
}

/** The input for one field (or table column) of a form. */
export function FieldControl({
  field,
  value,
  onChange,
  disabled,
  id,
}: ControlProps<unknown> & { field: FormField }) {
  const session = useSession();
  const change = onChange as (value: unknown) => void;
  const common = { id, disabled, placeholder: field.placeholder };
  switch (field.type) {
    case 'text':
      return (
        <Input
          {...common}
          maxLength={field.maxLength}
          value={value as string}
          onChange={(e) => change(e.target.value)}
        />
      );
    case 'textarea':
      return (
        <Input.TextArea
          {...common}
          autoSize={{ minRows: 2, maxRows: 8 }}
          maxLength={field.maxLength}
          value={value as string}
          onChange={(e) => change(e.target.value)}
        />
      );
    case 'number':
      return (
        <InputNumber<number>
          {...common}
          style={{ width: '100%' }}
          min={field.min}
          max={field.max}
          value={value as number}
          onChange={(n) => change(n)}
        />
      );
    case 'money':
      return <MoneyInput id={id} disabled={disabled} value={value as number} onChange={change} />;
    case 'percent':
      // Typed in percent, kept in basis points (13% = 1300).
      return (
        <InputNumber<number>
          {...common}
          style={{ width: '100%' }}
          min={0}
          max={100}
          precision={2}
          suffix="%"
          value={typeof value === 'number' ? value / 100 : undefined}
          onChange={(n) => change(n === null ? null : Math.round(n * 100))}
        />
      );
    case 'date':
      return <DateInput id={id} disabled={disabled} value={value as string} onChange={change} />;
    case 'dateRange':
      return (
        <DateRangeInput id={id} disabled={disabled} value={value as [string, string]} onChange={change} />
      );
    case 'select':
    case 'multiSelect':
      return (
        <Select
          {...common}
          allowClear
          mode={field.type === 'multiSelect' ? 'multiple' : undefined}
          options={field.options ?? []}
          value={value as string}
          onChange={(v) => change(v ?? null)}
        />
      );
    case 'user':
      return <UserPicker {...common} value={value as string} onChange={(v) => change(v ?? null)} />;
    case 'department':
      return (
        <DepartmentTreeSelect
          {...common}
          allowClear
          entityId={session.actingEntity.id}
          value={value as string}
          onChange={(v) => change(v ?? null)}
        />
      );
    case 'attachment':
      return <AttachmentInput disabled={disabled} value={value as string[]} onChange={change} />;
    case 'table':
      return <TableInput field={field} disabled={disabled} value={value as Row[]} onChange={change} />;
  }
}

type Row = Record<string, unknown>;

/** Sums of the number and money columns, for the totals row. */
export function columnTotals(field: FormField, rows: Row[]): Record<string, number> {
  const totals: Record<string, number> = {};
  for (const column of field.columns ?? []) {
    if (column.type !== 'number' && column.type !== 'money') continue;
    totals[column.key] = rows.reduce(
      (sum, row) => sum + (typeof row[column.key] === 'number' ? (row[column.key] as number) : 0),
      0,
    );
  }
  return totals;
}

/** A detail table: rows added and removed, one input per column, totals under money and number columns. */
export function TableInput({ field, value, onChange, disabled }: ControlProps<Row[]> & { field: FormField }) {
  const { t } = useTranslation();
  const rows = value ?? [];
  const keyed = rows.map((row, index) => ({ row, index }));
  const setCell = (index: number, key: string, cell: unknown) =>
    onChange?.(rows.map((row, i) => (i === index ? { ...row, [key]: cell } : row)));
  const totals = columnTotals(field, rows);
  const columns = (field.columns ?? []).map((column) => ({
    key: column.key,
    title: column.required ? `* ${column.label}` : column.label,
    width: column.type === 'textarea' ? 240 : 160,
    render: (_: unknown, item: { row: Row; index: number }) => (
      <FieldControl
        field={column as FormField}
        disabled={disabled}
        value={item.row[column.key]}
        onChange={(cell) => setCell(item.index, column.key, cell)}
      />
    ),
  }));
  if (!disabled) {
    columns.push({
      key: '__actions',
      title: '',
      width: 48,
      render: (_: unknown, item: { row: Row; index: number }) => (
        <Button
          type="text"
          danger
          icon={<DeleteOutlined />}
          aria-label={t('forms.removeRow')}
          data-testid="form-table-remove-row"
          onClick={() => onChange?.(rows.filter((_, i) => i !== item.index))}
        />
      ),
    });
  }
  const hasTotals = Object.keys(totals).length > 0 && rows.length > 0;
  return (
    <div data-testid={`form-table-${field.key}`}>
      <Table
        size="small"
        rowKey="index"
        pagination={false}
        scroll={{ x: 'max-content' }}
        columns={columns}
        dataSource={keyed}
        summary={
          hasTotals
            ? () => (
                <Table.Summary.Row>
                  {(field.columns ?? []).map((column, i) => (
                    <Table.Summary.Cell key={column.key} index={i}>
                      {column.key in totals
                        ? column.type === 'money'
                          ? formatMoney(totals[column.key])
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
      {!disabled && (
        <Button
          type="dashed"
          block
          icon={<PlusOutlined />}
          style={{ marginTop: 8 }}
          data-testid="form-table-add-row"
          onClick={() => onChange?.([...rows, {}])}
        >
          {t('forms.addRow')}
        </Button>
      )}
    </div>
  );
}
