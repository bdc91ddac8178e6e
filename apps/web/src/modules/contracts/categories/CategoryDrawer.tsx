import {
  type ContractCategory,
  contractCategoryCreateSchema,
  formDefinitionIssues,
} from '@concord/contracts';
import { App, Button, Drawer, Form, Space, Tabs } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { FormError } from '../../../shared/FormError';
import { showFieldErrors } from '../../../shared/formRules';
import type { TreeNode } from '../../../shared/tree';
import { useIsPhone } from '../../../shared/useIsPhone';
import { useZodRules } from '../../../shared/zodRules';
import { FieldEditor } from '../../forms/components/FieldEditor';
import { CriteriaEditor, criteriaIssue } from '../execution/closing/CriteriaEditor';
import { useSaveCategory } from './categoriesApi';
import { CategoryBasicsTab } from './CategoryBasicsTab';
import { CategoryRulesTab } from './CategoryRulesTab';
import {
  type CategoryFormValues,
  type CategoryTarget,
  categoryBodyOf,
  categoryFormValues,
  cleanFields,
  INHERIT,
} from './categoryForm';

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
  const [form] = Form.useForm<CategoryFormValues>();
  const save = useSaveCategory();
  const [tab, setTab] = useState('basics');
  const editing = target?.mode === 'edit' ? target.category : undefined;
  // The form always holds a direction: 'inherit' stands for the body's null.
  const rules = useZodRules(
    contractCategoryCreateSchema,
    {
      code: t('contractSetup.categories.code'),
      name: t('contractSetup.categories.name'),
      direction: t('contractSetup.categories.direction'),
      description: t('contractSetup.categories.description'),
    },
    {
      required: ['direction'],
      toBody: { direction: (direction) => (direction === INHERIT ? null : direction) },
      invalid: { code: t('validation.code') },
    },
  );

  useEffect(() => {
    if (!target) return;
    save.reset();
    setTab('basics');
    form.resetFields();
    form.setFieldsValue(categoryFormValues(target));
  }, [target, form, save.reset]);

  const onSubmit = async () => {
    let values: CategoryFormValues;
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
    const common = categoryBodyOf(values, fields);
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
      <Form<CategoryFormValues> form={form} layout="vertical" data-testid="category-form">
        <Tabs
          activeKey={tab}
          onChange={setTab}
          items={[
            {
              key: 'basics',
              label: t('contractSetup.categories.basics'),
              forceRender: true,
              children: <CategoryBasicsTab form={form} editing={editing} tree={tree} rules={rules} />,
            },
            {
              key: 'rules',
              label: <span data-testid="category-tab-rules">{t('contractSetup.categories.rules')}</span>,
              forceRender: true,
              children: <CategoryRulesTab open={Boolean(target)} />,
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
