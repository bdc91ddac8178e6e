import {
  type ContractAttachmentType,
  type ContractCategory,
  type ContractDirection,
  codeSchema,
  type FormField,
  formDefinitionIssues,
} from '@concord/contracts';
import { App, Button, Drawer, Form, Input, InputNumber, Select, Space, Switch, Tabs, TreeSelect } from 'antd';
import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { usePermissions } from '../../../app/auth/session';
import { FormError } from '../../../shared/FormError';
import { showFieldErrors, zodRule } from '../../../shared/formRules';
import { findNode, subtreeIds, type TreeNode } from '../../../shared/tree';
import { useIsPhone } from '../../../shared/useIsPhone';
import { FieldEditor } from '../../forms/components/FieldEditor';
import { attachmentTypeLabel, attachmentTypes, directionLabel } from '../shared/labels';
import {
  type CriteriaValues,
  CriteriaEditor,
  criteriaBody,
  criteriaFormValues,
  criteriaIssue,
} from '../execution/closing/CriteriaEditor';
import { useContractFlowOptions, useNumberingRuleOptions, useSaveCategory } from './categoriesApi';

export type CategoryTarget =
  | { mode: 'create'; parentId: string | null }
  | { mode: 'edit'; category: ContractCategory };

interface Values extends Partial<CriteriaValues> {
  code: string;
  name: string;
  parentId?: string;
  /** 'INHERIT' stands for null (a child takes its parent's direction). */
  direction: ContractDirection | 'INHERIT';
  numberRuleId?: string;
  flowKey?: string;
  requiredAttachmentTypes: ContractAttachmentType[];
  expiryReminderDays: number;
  active: boolean;
  sortOrder: number;
  description?: string;
  fields: FormField[];
}

const INHERIT = 'INHERIT';

/** Drops the empty optional properties the field editor leaves behind (the schema is strict). */
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
      const value = field[key] as unknown;
      if (value !== undefined && value !== null && value !== '')
        (out as Record<string, unknown>)[key] = value;
    }
    return out;
  });
}

interface TreeOption {
  value: string;
  title: string;
  disabled: boolean;
  children?: TreeOption[];
}

/** Create or edit a category: basics, rules and flow, and its custom fields (the forms field editor). */
export function CategoryDrawer({
  target,
  tree,
  onClose,
}: {
  target: CategoryTarget | null;
  tree: TreeNode<ContractCategory>[];
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const isPhone = useIsPhone();
  const { can } = usePermissions();
  const [form] = Form.useForm<Values>();
  const save = useSaveCategory();
  const [tab, setTab] = useState('basics');
  const editing = target?.mode === 'edit' ? target.category : undefined;
  const canPickRules = can('numbering.rule.view');
  const canPickFlows = can('workflow.definition.view');
  const rules = useNumberingRuleOptions(Boolean(target) && canPickRules);
  const flows = useContractFlowOptions(Boolean(target) && canPickFlows);
  const parentId = Form.useWatch('parentId', form);

  // A category cannot move under itself or its own descendants.
  const parentOptions = useMemo(() => {
    const node = editing && findNode(tree, editing.id);
    const blocked = new Set(node ? subtreeIds(node) : []);
    const toOptions = (nodes: TreeNode<ContractCategory>[]): TreeOption[] =>
      nodes.map((n) => ({
        value: n.id,
        title: `${n.name}（${n.code}）`,
        disabled: blocked.has(n.id),
        children: n.children && toOptions(n.children),
      }));
    return toOptions(tree);
  }, [editing, tree]);

  useEffect(() => {
    if (!target) return;
    save.reset();
    setTab('basics');
    form.resetFields();
    if (target.mode === 'edit') {
      const c = target.category;
      form.setFieldsValue({
        code: c.code,
        name: c.name,
        parentId: c.parentId ?? undefined,
        direction: c.directionInherited ? INHERIT : c.direction,
        numberRuleId: c.numberRuleId ?? undefined,
        flowKey: c.flowKey ?? undefined,
        requiredAttachmentTypes: c.requiredAttachmentTypes,
        expiryReminderDays: c.expiryReminderDays,
        active: c.active,
        sortOrder: c.sortOrder,
        description: c.description ?? '',
        fields: c.fields,
        ...criteriaFormValues(c),
      });
    } else {
      form.setFieldsValue({
        parentId: target.parentId ?? undefined,
        direction: target.parentId ? INHERIT : 'EXPENSE',
        requiredAttachmentTypes: ['SIGNED_SCAN'],
        expiryReminderDays: 30,
        active: true,
        sortOrder: 0,
        fields: [],
        ...criteriaFormValues(null),
      });
    }
  }, [target, form, save.reset]);

  const onSubmit = async () => {
    let values: Values;
    try {
      values = await form.validateFields();
    } catch {
      setTab('basics');
      return;
    }
    const fields = cleanFields(values.fields);
    const issues = formDefinitionIssues(fields, null);
    if (issues.length) {
      setTab('fields');
      message.error(issues.map((i) => `${i.path}: ${i.message}`).join('; '));
      return;
    }
    if (criteriaIssue(values)) {
      setTab('evaluation');
      message.error(t('contractClosing.criteriaEditor.mustSum'));
      return;
    }
    const common = {
      evaluationCriteria: criteriaBody(values),
      name: values.name.trim(),
      parentId: values.parentId ?? null,
      direction: values.direction === INHERIT ? null : values.direction,
      numberRuleId: values.numberRuleId?.trim() || null,
      flowKey: values.flowKey?.trim() || null,
      requiredAttachmentTypes: values.requiredAttachmentTypes ?? [],
      expiryReminderDays: values.expiryReminderDays ?? 30,
      active: values.active,
      sortOrder: values.sortOrder ?? 0,
      description: values.description?.trim() || null,
      fields,
    };
    save.mutate(
      { id: editing?.id, body: editing ? common : { ...common, code: values.code.trim() } },
      {
        onSuccess: () => {
          message.success(editing ? t('common.saved') : t('contractSetup.categories.created'));
          onClose();
        },
        onError: (error) => {
          if (showFieldErrors(form, error)) setTab('basics');
        },
      },
    );
  };

  const directionOptions = [
    ...(parentId ? [{ value: INHERIT, label: t('contractSetup.categories.inheritDirection') }] : []),
    { value: 'INCOME', label: directionLabel(t, 'INCOME') },
    { value: 'EXPENSE', label: directionLabel(t, 'EXPENSE') },
  ];
  const half = isPhone ? '100%' : 260;

  return (
    <Drawer
      open={Boolean(target)}
      onClose={onClose}
      width={isPhone ? '100%' : 760}
      title={editing ? t('contractSetup.categories.editTitle') : t('contractSetup.categories.createTitle')}
      forceRender
      extra={
        <Space>
          <Button onClick={onClose}>{t('common.cancel')}</Button>
          <Button
            type="primary"
            loading={save.isPending}
            onClick={() => void onSubmit()}
            data-testid="category-save"
          >
            {t('common.save')}
          </Button>
        </Space>
      }
    >
      <FormError error={save.error} />
      <Form<Values> form={form} layout="vertical" data-testid="category-form">
        <Tabs
          activeKey={tab}
          onChange={setTab}
          items={[
            {
              key: 'basics',
              label: t('contractSetup.categories.basics'),
              forceRender: true,
              children: (
                <>
                  <Space wrap align="start">
                    <Form.Item
                      name="code"
                      label={t('contractSetup.categories.code')}
                      tooltip={t('contractSetup.categories.codeHint')}
                      rules={[
                        {
                          required: true,
                          message: t('validation.required', { field: t('contractSetup.categories.code') }),
                        },
                        zodRule(codeSchema, t('validation.code')),
                      ]}
                    >
                      <Input
                        disabled={Boolean(editing)}
                        maxLength={40}
                        style={{ width: half }}
                        data-testid="category-code"
                      />
                    </Form.Item>
                    <Form.Item
                      name="name"
                      label={t('contractSetup.categories.name')}
                      rules={[
                        {
                          required: true,
                          whitespace: true,
                          message: t('validation.required', { field: t('contractSetup.categories.name') }),
                        },
                      ]}
                    >
                      <Input maxLength={100} style={{ width: half }} data-testid="category-name" />
                    </Form.Item>
                  </Space>
                  <Space wrap align="start">
                    <Form.Item name="parentId" label={t('contractSetup.categories.parent')}>
                      <TreeSelect<string>
                        allowClear
                        treeDefaultExpandAll
                        showSearch
                        treeNodeFilterProp="title"
                        placeholder={t('contractSetup.categories.topLevel')}
                        treeData={parentOptions}
                        style={{ width: half }}
                        onChange={(value) => {
                          // A top-level category cannot inherit: offer a concrete direction instead.
                          if (!value && form.getFieldValue('direction') === INHERIT)
                            form.setFieldValue('direction', 'EXPENSE');
                        }}
                        data-testid="category-parent"
                      />
                    </Form.Item>
                    <Form.Item
                      name="direction"
                      label={t('contractSetup.categories.direction')}
                      rules={[{ required: true, message: t('contractSetup.categories.directionRequired') }]}
                    >
                      <Select
                        options={directionOptions}
                        style={{ width: half }}
                        data-testid="category-direction"
                      />
                    </Form.Item>
                  </Space>
                  <Space wrap align="start">
                    <Form.Item name="active" label={t('common.status')} valuePropName="checked">
                      <Switch
                        checkedChildren={t('common.active')}
                        unCheckedChildren={t('common.inactive')}
                        data-testid="category-active"
                      />
                    </Form.Item>
                    <Form.Item name="sortOrder" label={t('contractSetup.categories.sortOrder')}>
                      <InputNumber min={0} max={100000} precision={0} style={{ width: 120 }} />
                    </Form.Item>
                  </Space>
                  <Form.Item
                    name="description"
                    label={t('contractSetup.categories.description')}
                    rules={[{ max: 500 }]}
                  >
                    <Input.TextArea autoSize={{ minRows: 1, maxRows: 4 }} maxLength={500} />
                  </Form.Item>
                </>
              ),
            },
            {
              key: 'rules',
              label: <span data-testid="category-tab-rules">{t('contractSetup.categories.rules')}</span>,
              forceRender: true,
              children: (
                <>
                  <Form.Item
                    name="requiredAttachmentTypes"
                    label={t('contractSetup.categories.requiredAttachments')}
                  >
                    <Select
                      mode="multiple"
                      allowClear
                      options={attachmentTypes.map((type) => ({
                        value: type,
                        label: attachmentTypeLabel(t, type),
                      }))}
                      data-testid="category-attachments"
                    />
                  </Form.Item>
                  <Form.Item
                    name="numberRuleId"
                    label={t('contractSetup.categories.numberRule')}
                    rules={
                      canPickRules
                        ? []
                        : [
                            {
                              pattern: /^[0-9a-fA-F-]{36}$/,
                              message: t('contractSetup.categories.numberRuleIdInvalid'),
                            },
                          ]
                    }
                  >
                    {canPickRules ? (
                      <Select
                        allowClear
                        showSearch={{ optionFilterProp: 'label' }}
                        placeholder={t('contractSetup.categories.numberRuleDefault')}
                        loading={rules.isLoading}
                        options={(rules.data ?? []).map((rule) => ({
                          value: rule.id,
                          label: `${rule.name}（${rule.nextNumber}）`,
                        }))}
                        data-testid="category-number-rule"
                      />
                    ) : (
                      <Input
                        allowClear
                        placeholder={t('contractSetup.categories.numberRuleId')}
                        data-testid="category-number-rule"
                      />
                    )}
                  </Form.Item>
                  <Form.Item name="flowKey" label={t('contractSetup.categories.flowKey')}>
                    {canPickFlows ? (
                      <Select
                        allowClear
                        showSearch={{ optionFilterProp: 'label' }}
                        placeholder={t('contractSetup.categories.flowDefault')}
                        loading={flows.isLoading}
                        options={(flows.data ?? []).map((flow) => ({
                          value: flow.key,
                          label: `${flow.name}（${flow.key}）`,
                        }))}
                        data-testid="category-flow"
                      />
                    ) : (
                      <Input
                        allowClear
                        maxLength={40}
                        placeholder={t('contractSetup.categories.flowKeyInput')}
                        data-testid="category-flow"
                      />
                    )}
                  </Form.Item>
                  <Form.Item
                    name="expiryReminderDays"
                    label={t('contractSetup.categories.expiryReminderDays')}
                    tooltip={t('contractSetup.categories.expiryReminderHint')}
                  >
                    <InputNumber
                      min={0}
                      max={365}
                      precision={0}
                      style={{ width: 160 }}
                      data-testid="category-reminder"
                    />
                  </Form.Item>
                </>
              ),
            },
            {
              key: 'fields',
              label: <span data-testid="category-tab-fields">{t('contractSetup.categories.fields')}</span>,
              forceRender: true,
              children: <FieldEditor name={['fields']} listPath={['fields']} />,
            },
            {
              key: 'evaluation',
              label: (
                <span data-testid="category-tab-evaluation">{t('contractClosing.criteriaEditor.title')}</span>
              ),
              forceRender: true,
              children: <CriteriaEditor />,
            },
          ]}
        />
      </Form>
    </Drawer>
  );
}
