import type { ContractCategory } from '@concord/contracts';
import { Form, type FormInstance, Input, InputNumber, Select, Space, Switch, TreeSelect } from 'antd';
import type { Rule } from 'antd/es/form';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { findNode, subtreeIds, type TreeNode } from '../../../shared/tree';
import { useIsPhone } from '../../../shared/useIsPhone';
import { directionLabel } from '../shared/labels';
import { type CategoryFormValues, INHERIT } from './categoryForm';

interface TreeOption {
  value: string;
  title: string;
  disabled: boolean;
  children?: TreeOption[];
}

interface CategoryBasicsTabProps {
  form: FormInstance<CategoryFormValues>;
  /** The category being edited (its code is fixed); absent when creating. */
  editing?: ContractCategory;
  tree: TreeNode<ContractCategory>[];
  rules: Partial<Record<keyof CategoryFormValues, Rule[]>>;
}

/** 基本信息: code, name, parent (never itself or below), direction, status, order, description. */
export function CategoryBasicsTab({ form, editing, tree, rules }: CategoryBasicsTabProps) {
  const { t } = useTranslation();
  const isPhone = useIsPhone();
  const parentId = Form.useWatch('parentId', form);
  const half = isPhone ? '100%' : 260;

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

  const directionOptions = [
    ...(parentId ? [{ value: INHERIT, label: t('contractSetup.categories.inheritDirection') }] : []),
    { value: 'INCOME', label: directionLabel(t, 'INCOME') },
    { value: 'EXPENSE', label: directionLabel(t, 'EXPENSE') },
  ];

  return (
    <>
      <Space wrap align="start">
        <Form.Item
          name="code"
          label={t('contractSetup.categories.code')}
          tooltip={t('contractSetup.categories.codeHint')}
          rules={rules.code}
        >
          <Input
            disabled={Boolean(editing)}
            maxLength={40}
            style={{ width: half }}
            data-testid="category-code"
          />
        </Form.Item>
        <Form.Item name="name" label={t('contractSetup.categories.name')} rules={rules.name}>
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
        <Form.Item name="direction" label={t('contractSetup.categories.direction')} rules={rules.direction}>
          <Select options={directionOptions} style={{ width: half }} data-testid="category-direction" />
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
        rules={rules.description}
      >
        <Input.TextArea autoSize={{ minRows: 1, maxRows: 4 }} maxLength={500} />
      </Form.Item>
    </>
  );
}
