import type { FormField, FormFieldPerms } from '@concord/contracts';
import { Form, type FormInstance } from 'antd';
import type { Rule } from 'antd/es/form';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { isApiError } from '../../../app/api/ApiError';
import { FieldValue } from './FormView';
import { FieldControl } from './inputs';

type Row = Record<string, unknown>;

const isEmpty = (value: unknown) =>
  value === undefined || value === null || value === '' || (Array.isArray(value) && value.length === 0);

/**
 * Renders a form's fields as an antd Form for input. Values are held the way the server wants them
 * (money in 分, dates `YYYY-MM-DD`, ids), so `formDataOf(fields, form.getFieldsValue())` is the
 * submission. `perms` makes fields read-only or hidden (approval nodes); edit is the default.
 */
export function FormRenderer({
  fields,
  form,
  perms,
  initialValues,
  disabled,
}: {
  fields: FormField[];
  form: FormInstance;
  perms?: FormFieldPerms;
  initialValues?: Record<string, unknown>;
  disabled?: boolean;
}) {
  const { t } = useTranslation();
  useEffect(() => {
    form.resetFields();
    if (initialValues) form.setFieldsValue(initialValues);
  }, [form, initialValues]);

  const rulesFor = (field: FormField): Rule[] => {
    if (!field.required) return [];
    const message = t('validation.required', { field: field.label });
    if (field.type !== 'table')
      return [
        { validator: async (_, value) => (isEmpty(value) ? Promise.reject(new Error(message)) : undefined) },
      ];
    return [
      {
        validator: async (_, value: Row[] | undefined) => {
          if (!value?.length) throw new Error(message);
          for (const row of value) {
            for (const column of field.columns ?? []) {
              if (column.required && isEmpty(row[column.key]))
                throw new Error(t('validation.required', { field: column.label }));
            }
          }
        },
      },
    ];
  };

  return (
    <Form form={form} layout="vertical" disabled={disabled} data-testid="form-renderer">
      {fields.map((field) => {
        const perm = perms?.[field.key] ?? 'edit';
        if (perm === 'hidden') return null;
        if (perm === 'read') {
          return (
            <Form.Item key={field.key} label={field.label} shouldUpdate>
              {() => <FieldValue field={field} value={form.getFieldValue(field.key)} />}
            </Form.Item>
          );
        }
        return (
          <Form.Item
            key={field.key}
            name={field.key}
            label={field.label}
            required={field.required}
            rules={rulesFor(field)}
            data-testid={`form-field-${field.key}`}
          >
            <FieldControl field={field} />
          </Form.Item>
        );
      })}
    </Form>
  );
}

/** The values to submit: the editable fields, empty ones left out. */
export function formDataOf(
  fields: FormField[],
  values: Record<string, unknown>,
  perms?: FormFieldPerms,
): Record<string, unknown> {
  const data: Record<string, unknown> = {};
  for (const field of fields) {
    if ((perms?.[field.key] ?? 'edit') !== 'edit') continue;
    const value = values[field.key];
    if (isEmpty(value)) continue;
    data[field.key] =
      field.type === 'table'
        ? (value as Row[]).map((row) =>
            Object.fromEntries(Object.entries(row).filter(([, v]) => !isEmpty(v))),
          )
        : value;
  }
  return data;
}

/**
 * Puts the server's field errors (`data.<key>` or `data.<table>.<row>.<column>`) under the fields;
 * true when at least one was placed.
 */
export function showFormDataErrors(form: FormInstance, fields: FormField[], error: unknown): boolean {
  if (!isApiError(error)) return false;
  const keys = new Set(fields.map((f) => f.key));
  const byField = new Map<string, string[]>();
  for (const fieldError of error.fieldErrors) {
    const parts = fieldError.path.replace(/^(body\.)?(data|formData)\./, '').split('.');
    if (!keys.has(parts[0])) continue;
    const message =
      parts.length > 1 ? `${parts.slice(1).join('.')}: ${fieldError.message}` : fieldError.message;
    byField.set(parts[0], [...(byField.get(parts[0]) ?? []), message]);
  }
  form.setFields([...byField].map(([name, errors]) => ({ name, errors })));
  return byField.size > 0;
}
