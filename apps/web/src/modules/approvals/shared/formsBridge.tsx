import type { FormField, WfFieldPerm } from '@concord/contracts';
import { Descriptions, type FormInstance } from 'antd';
import { useTranslation } from 'react-i18next';
import { FormRenderer, FormView } from '../../forms';
import { formValueText } from './formValueText';

/*
 * The approval pages' use of the forms module: its FormRenderer for input and FormView for display,
 * plus a plain list for instances whose form definition the viewer cannot load (labels are then keys).
 */

interface FormEntryProps {
  form: FormInstance<Record<string, unknown>>;
  fields: FormField[];
  initialValues?: Record<string, unknown>;
}

/** Data entry for the given fields; values are kept in the API's shape (分, YYYY-MM-DD, ids). */
export function FormEntry({ form, fields, initialValues }: FormEntryProps) {
  return <FormRenderer fields={fields} form={form} initialValues={initialValues} />;
}

interface FormValuesProps {
  /** The form's field definitions when known; without them the keys serve as labels. */
  fields?: FormField[];
  data: Record<string, unknown>;
  fieldPerms: Record<string, WfFieldPerm>;
  /** Keys shown as inputs elsewhere on the page, left out here. */
  omit?: ReadonlySet<string>;
  /** The document's currency, for its money fields. */
  currency?: string;
}

/** The submitted values, read-only; hidden fields never reach the browser (the server drops them). */
export function FormValues({ fields, data, fieldPerms, omit, currency }: FormValuesProps) {
  const { t } = useTranslation();
  const visible = (key: string) => fieldPerms[key] !== 'hidden' && !omit?.has(key);
  if (fields) {
    return (
      <FormView
        fields={fields.filter((field) => visible(field.key) && field.key in data)}
        data={data}
        perms={fieldPerms}
        currency={currency}
      />
    );
  }
  return (
    <Descriptions
      size="small"
      bordered
      column={1}
      data-testid="approval-form-values"
      items={Object.keys(data)
        .filter(visible)
        .map((key) => ({
          key,
          label: key,
          children: formValueText(undefined, data[key]) || t('approvals.form.emptyValue'),
        }))}
    />
  );
}
