import {
  FORM_ATTACHMENT_MAX_FILES,
  FORM_TABLE_MAX_ROWS,
  FORM_TEXT_DEFAULT_MAX,
  FORM_TEXTAREA_DEFAULT_MAX,
  type FormField,
  type Locale,
} from '@concord/contracts';

/** A field-level problem; `path` is `data.<key>` or `data.<table>.<row>.<column>`. */
export interface FormDataIssue {
  path: string;
  message: string;
}

/** An id the data names that only the database can confirm (the service checks these). */
export interface FormReference {
  kind: 'user' | 'department' | 'file';
  id: string;
  path: string;
}

export interface FormDataResult {
  /** Known keys only; strings trimmed; empty optional values left out. */
  data: Record<string, unknown>;
  errors: FormDataIssue[];
  references: FormReference[];
}

type Column = Omit<FormField, 'columns'>;

const messages = {
  'zh-CN': {
    required: '必填',
    unknown: '表单中没有此字段',
    text: '应为文本',
    tooLong: '最多 {n} 个字符',
    number: '应为数字',
    integer: '金额应为整数（分）',
    percent: '应为 0% 到 100% 之间的百分比，最多两位小数',
    min: '不能小于 {n}',
    max: '不能大于 {n}',
    date: '应为 YYYY-MM-DD 格式的日期',
    range: '应为 [开始日期, 结束日期]',
    rangeOrder: '结束日期不能早于开始日期',
    option: '不是可选的选项',
    options: '应为选项列表',
    id: '应为有效的 ID',
    files: '应为附件 ID 列表，最多 {n} 个',
    rows: '应为明细行列表，最多 {n} 行',
    row: '应为一行明细',
  },
  'en-US': {
    required: 'is required',
    unknown: 'is not a field of this form',
    text: 'must be text',
    tooLong: 'at most {n} characters',
    number: 'must be a number',
    integer: 'money must be a whole number of fen',
    percent: 'must be a percentage from 0% to 100% with at most 2 decimals',
    min: 'must not be below {n}',
    max: 'must not be above {n}',
    date: 'must be a date as YYYY-MM-DD',
    range: 'must be [from, to]',
    rangeOrder: 'the end date must not be before the start date',
    option: 'is not one of the options',
    options: 'must be a list of options',
    id: 'must be a valid id',
    files: 'must be a list of at most {n} attachment ids',
    rows: 'must be a list of at most {n} rows',
    row: 'must be a row of the table',
  },
} as const;
export type FormMessageKey = keyof (typeof messages)['zh-CN'];

export function formMessage(locale: Locale, key: FormMessageKey, n?: number): string {
  return messages[locale][key].replace('{n}', String(n ?? ''));
}

const uuidPattern = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** A real calendar date in `YYYY-MM-DD` (2026-02-30 is not). */
export function isCalendarDate(value: unknown): value is string {
  if (typeof value !== 'string' || !/^\d{4}-\d{2}-\d{2}$/.test(value)) return false;
  const date = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === value;
}

const isEmpty = (value: unknown) =>
  value === undefined ||
  value === null ||
  (typeof value === 'string' && value.trim() === '') ||
  (Array.isArray(value) && value.length === 0);

/**
 * Checks submitted values against a form's fields and normalises them. Pure: ids of users,
 * departments and files are returned as `references` for the caller to confirm against the
 * database. Money is an integer of 分; dates `YYYY-MM-DD`; a date range `[from, to]`; attachments
 * an array of file ids; a table an array of row objects keyed by column.
 */
export function validateFormData(
  fields: FormField[],
  data: unknown,
  options: { locale?: Locale } = {},
): FormDataResult {
  const locale = options.locale ?? 'zh-CN';
  const result: FormDataResult = { data: {}, errors: [], references: [] };
  const input = data !== null && typeof data === 'object' && !Array.isArray(data) ? data : {};
  checkObject(fields, input as Record<string, unknown>, 'data', result.data, result, locale);
  return result;
}

function checkObject(
  fields: Column[] | FormField[],
  input: Record<string, unknown>,
  prefix: string,
  out: Record<string, unknown>,
  result: FormDataResult,
  locale: Locale,
): void {
  const known = new Set(fields.map((f) => f.key));
  for (const key of Object.keys(input)) {
    if (!known.has(key))
      result.errors.push({ path: `${prefix}.${key}`, message: formMessage(locale, 'unknown') });
  }
  for (const field of fields) {
    const path = `${prefix}.${field.key}`;
    const value = Object.hasOwn(input, field.key) ? input[field.key] : undefined;
    if (isEmpty(value)) {
      if (field.required) result.errors.push({ path, message: formMessage(locale, 'required') });
      continue;
    }
    const issue = (key: FormMessageKey, n?: number): undefined => {
      result.errors.push({ path, message: formMessage(locale, key, n) });
    };
    const normalised = checkValue(field as FormField, value, path, issue, result, locale);
    if (normalised !== undefined) out[field.key] = normalised;
  }
}

function checkValue(
  field: FormField,
  value: unknown,
  path: string,
  issue: (key: FormMessageKey, n?: number) => undefined,
  result: FormDataResult,
  locale: Locale,
): unknown {
  switch (field.type) {
    case 'text':
    case 'textarea': {
      if (typeof value !== 'string') return issue('text');
      const text = value.trim();
      const max =
        field.maxLength ?? (field.type === 'text' ? FORM_TEXT_DEFAULT_MAX : FORM_TEXTAREA_DEFAULT_MAX);
      if (text.length > max) return issue('tooLong', max);
      return text;
    }
    case 'number':
    case 'money': {
      if (typeof value !== 'number' || !Number.isFinite(value)) return issue('number');
      if (field.type === 'money' && !Number.isSafeInteger(value)) return issue('integer');
      // Money is never negative unless the form says so.
      const min = field.min ?? (field.type === 'money' ? 0 : undefined);
      if (min !== undefined && value < min) return issue('min', min);
      if (field.max !== undefined && value > field.max) return issue('max', field.max);
      return value;
    }
    case 'percent':
      // Basis points: 13% is 1300.
      if (typeof value !== 'number' || !Number.isInteger(value) || value < 0 || value > 10000)
        return issue('percent');
      return value;
    case 'date':
      return isCalendarDate(value) ? value : issue('date');
    case 'dateRange': {
      if (!Array.isArray(value) || value.length !== 2) return issue('range');
      if (!isCalendarDate(value[0]) || !isCalendarDate(value[1])) return issue('date');
      if (value[1] < value[0]) return issue('rangeOrder');
      return [value[0], value[1]];
    }
    case 'select': {
      if (typeof value !== 'string') return issue('option');
      return field.options?.some((o) => o.value === value) ? value : issue('option');
    }
    case 'multiSelect': {
      if (!Array.isArray(value)) return issue('options');
      if (value.some((v) => typeof v !== 'string' || !field.options?.some((o) => o.value === v)))
        return issue('option');
      return [...new Set(value as string[])];
    }
    case 'user':
    case 'department': {
      if (typeof value !== 'string' || !uuidPattern.test(value)) return issue('id');
      const id = value.toLowerCase();
      result.references.push({ kind: field.type, id, path });
      return id;
    }
    case 'attachment': {
      const ids = typeof value === 'string' ? [value] : value;
      if (!Array.isArray(ids) || ids.length > FORM_ATTACHMENT_MAX_FILES)
        return issue('files', FORM_ATTACHMENT_MAX_FILES);
      if (ids.some((id) => typeof id !== 'string' || !uuidPattern.test(id))) return issue('id');
      const unique = [...new Set((ids as string[]).map((id) => id.toLowerCase()))];
      for (const id of unique) result.references.push({ kind: 'file', id, path });
      return unique;
    }
    case 'table': {
      if (!Array.isArray(value) || value.length > FORM_TABLE_MAX_ROWS)
        return issue('rows', FORM_TABLE_MAX_ROWS);
      const rows: Record<string, unknown>[] = [];
      value.forEach((row, index) => {
        const at = `${path}.${index}`;
        if (row === null || typeof row !== 'object' || Array.isArray(row)) {
          result.errors.push({ path: at, message: formMessage(locale, 'row') });
          return;
        }
        const out: Record<string, unknown> = {};
        checkObject(field.columns ?? [], row as Record<string, unknown>, at, out, result, locale);
        rows.push(out);
      });
      return rows;
    }
  }
}
