import type { FormDefinition, FormField } from '@concord/contracts';
import { formDefinitionCreateSchema, formDefinitionIssues } from '@concord/contracts';
import { App, Button, Drawer, Form, Input, Select, Space, Switch, Tabs } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { usePermissions } from '../../app/auth/session';
import { FormError } from '../../shared/FormError';
import { useIsPhone } from '../../shared/useIsPhone';
import { useZodRules } from '../../shared/zodRules';
import { EntityPicker } from '../system/components/EntityPicker';
import { FieldEditor } from './components/FieldEditor';
import { FormRenderer } from './components/FormRenderer';
import { useSaveForm } from './formsApi';

export type FormDefinitionTarget = { mode: 'create' } | { mode: 'edit'; form: FormDefinition };

interface Values {
  code: string;
  name: string;
  description?: string;
  groupWide: boolean;
  entityId?: string;
  active: boolean;
  amountField?: string | null;
  fields: FormField[];
}

/** Drops empty optional properties the editor leaves behind, so the strict schema accepts the fields. */
function cleanFields(fields: FormField[] | undefined, nested = false): FormField[] {
  return (fields ?? []).map((field) => {
    const out: FormField = {
      key: field.key,
      label: field.label,
      type: field.type,
      required: !!field.required,
    };
    if ((field.type === 'select' || field.type === 'multiSelect') && field.options?.length)
      out.options = field.options;
    if (field.type === 'table' && !nested)
      out.columns = cleanFields(field.columns, true) as FormField['columns'];
    for (const key of ['placeholder', 'maxLength', 'min', 'max'] as const) {
      if (field[key] !== undefined && field[key] !== null && field[key] !== '')
        (out as Record<string, unknown>)[key] = field[key];
    }
    return out;
  });
}

export function FormDefinitionDrawer({
  target,
  onClose,
}: {
  target: FormDefinitionTarget | null;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const isPhone = useIsPhone();
  const [form] = Form.useForm<Values>();
  const [previewForm] = Form.useForm();
  const save = useSaveForm();
  const { can } = usePermissions();
  const editing = target?.mode === 'edit' ? target.form : undefined;
  const [tab, setTab] = useState('fields');
  // No entity means the whole group; the entity input shows only once "group-wide" is off, and then
  // it must hold one.
  const rules = useZodRules(
    formDefinitionCreateSchema,
    { code: t('forms.code'), name: t('forms.name'), entityId: t('common.entity') },
    { required: ['entityId'], picked: ['entityId'], invalid: { code: t('validation.code') } },
  );
  const fields = Form.useWatch('fields', form) as FormField[] | undefined;
  const moneyFields = (fields ?? []).filter((f) => f?.type === 'money' && f.key);

  useEffect(() => {
    if (!target) return;
    save.reset();
    setTab('fields');
    form.resetFields();
    form.setFieldsValue(
      editing
        ? {
            code: editing.code,
            name: editing.name,
            description: editing.description ?? '',
            groupWide: editing.entityId === null,
            entityId: editing.entityId ?? undefined,
            active: editing.active,
            amountField: editing.amountField,
            fields: editing.fields,
          }
        : {
            groupWide: true,
            active: true,
            amountField: null,
            fields: [{ key: 'title', label: '', type: 'text', required: true }],
          },
    );
  }, [target, editing, form, save.reset]);

  const onSubmit = async () => {
    const values = await form.validateFields();
    const cleaned = cleanFields(values.fields);
    const issues = formDefinitionIssues(cleaned, values.amountField ?? null);
    if (issues.length) {
      message.error(issues.map((i) => `${i.path}: ${i.message}`).join('; '));
      return;
    }
    const common = {
      name: values.name,
      description: values.description?.trim() || null,
      active: values.active,
      amountField: values.amountField ?? null,
      fields: cleaned,
    };
    const body = editing
      ? common
      : { ...common, code: values.code, entityId: values.groupWide ? null : (values.entityId ?? null) };
    save.mutate(
      { id: editing?.id, body },
      {
        onSuccess: () => {
          message.success(t('common.saved'));
          onClose();
        },
      },
    );
  };

  return (
    <Drawer
      open={!!target}
      onClose={onClose}
      width={isPhone ? '100%' : 760}
      title={editing ? t('forms.edit') : t('forms.create')}
      destroyOnHidden
      extra={
        <Space>
          <Button onClick={onClose}>{t('common.cancel')}</Button>
          <Button
            type="primary"
            loading={save.isPending}
            onClick={() => void onSubmit()}
            data-testid="form-definition-save"
          >
            {t('common.save')}
          </Button>
        </Space>
      }
    >
      <FormError error={save.error} />
      <Form form={form} layout="vertical" data-testid="form-definition-form">
        <Space wrap align="start">
          <Form.Item name="code" label={t('forms.code')} rules={rules.code}>
            <Input disabled={!!editing} style={{ width: 180 }} data-testid="form-definition-code" />
          </Form.Item>
          <Form.Item name="name" label={t('forms.name')} rules={rules.name}>
            <Input style={{ width: 240 }} data-testid="form-definition-name" />
          </Form.Item>
          <Form.Item name="active" label={t('common.status')} valuePropName="checked">
            <Switch checkedChildren={t('common.active')} unCheckedChildren={t('common.inactive')} />
          </Form.Item>
        </Space>
        <Form.Item name="description" label={t('forms.description')} rules={[{ max: 500 }]}>
          <Input.TextArea autoSize={{ minRows: 1, maxRows: 4 }} />
        </Form.Item>
        <Space wrap align="start">
          <Form.Item name="groupWide" label={t('forms.scope')} valuePropName="checked">
            <Switch
              disabled={!!editing || !can('form.definition.manage')}
              checkedChildren={t('forms.groupWide')}
              unCheckedChildren={t('forms.oneEntity')}
            />
          </Form.Item>
          <Form.Item noStyle shouldUpdate={(a, b) => a.groupWide !== b.groupWide}>
            {({ getFieldValue }) =>
              !getFieldValue('groupWide') && (
                <Form.Item name="entityId" label={t('common.entity')} rules={rules.entityId}>
                  <EntityPicker disabled={!!editing} style={{ width: 240 }} />
                </Form.Item>
              )
            }
          </Form.Item>
          <Form.Item name="amountField" label={t('forms.amountField')}>
            <Select
              allowClear
              style={{ width: 200 }}
              options={moneyFields.map((f) => ({ value: f.key, label: `${f.label || f.key} (${f.key})` }))}
            />
          </Form.Item>
        </Space>
        <Tabs
          activeKey={tab}
          onChange={setTab}
          items={[
            {
              key: 'fields',
              label: t('forms.fields'),
              children: <FieldEditor name={['fields']} listPath={['fields']} />,
              forceRender: true,
            },
            {
              key: 'preview',
              label: <span data-testid="form-definition-preview-tab">{t('forms.preview')}</span>,
              children: tab === 'preview' && (
                <Preview fields={cleanFields(fields)} previewForm={previewForm} />
              ),
            },
          ]}
        />
      </Form>
    </Drawer>
  );
}

function Preview({
  fields,
  previewForm,
}: {
  fields: FormField[];
  previewForm: ReturnType<typeof Form.useForm>[0];
}) {
  const usable = fields.filter((f) => f.key && f.label && f.type);
  return <FormRenderer fields={usable} form={previewForm} />;
}
