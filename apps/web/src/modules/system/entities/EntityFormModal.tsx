import { type Entity, entityCreateSchema } from '@concord/contracts';
import { App, Form, Input, InputNumber, Switch, TreeSelect } from 'antd';
import { useEffect, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { FormModal, fieldErrorsInto } from '../../../shared/FormModal';
import { bySortOrder, buildTree, type TreeNode } from '../../../shared/tree';
import { useZodRules } from '../../../shared/zodRules';
import { useSaveEntity } from './entitiesApi';

export type EntityFormTarget = { mode: 'create'; parentId?: string } | { mode: 'edit'; entity: Entity };

interface EntityFormModalProps {
  target: EntityFormTarget | null;
  entities: Entity[];
  onClose: () => void;
}

interface EntityForm {
  parentId?: string;
  code: string;
  name: string;
  shortName?: string;
  creditCode?: string;
  sortOrder: number;
  active: boolean;
}

interface ParentOption {
  value: string;
  title: string;
  children?: ParentOption[];
}

function toParentOptions(nodes: TreeNode<Entity>[]): ParentOption[] {
  return nodes.map((node) => ({
    value: node.id,
    title: node.name,
    children: node.children && toParentOptions(node.children),
  }));
}

export function EntityFormModal({ target, entities, onClose }: EntityFormModalProps) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<EntityForm>();
  const save = useSaveEntity();
  const parentOptions = useMemo(() => toParentOptions(buildTree(entities, bySortOrder)), [entities]);
  const editing = target?.mode === 'edit' ? target.entity : undefined;

  useEffect(() => {
    if (!target) return;
    save.reset();
    form.resetFields();
    if (target.mode === 'edit') {
      const { entity } = target;
      form.setFieldsValue({
        code: entity.code,
        name: entity.name,
        shortName: entity.shortName ?? undefined,
        creditCode: entity.creditCode ?? undefined,
        sortOrder: entity.sortOrder,
        active: entity.active,
      });
    } else {
      form.setFieldsValue({ parentId: target.parentId, sortOrder: 0, active: true });
    }
  }, [target, form, save.reset]);

  // The sort order is sent as 0 when left empty and its input keeps it in range: it needs no rule.
  const rules = useZodRules(
    entityCreateSchema,
    {
      parentId: t('entities.parent'),
      code: t('entities.code'),
      name: t('entities.name'),
      shortName: t('entities.shortName'),
      creditCode: t('entities.creditCode'),
    },
    {
      picked: ['parentId'],
      invalid: { code: t('validation.code'), creditCode: t('validation.creditCode') },
    },
  );

  const onFinish = (values: EntityForm) => {
    const common = {
      code: values.code.trim(),
      name: values.name.trim(),
      sortOrder: values.sortOrder ?? 0,
    };
    const body = editing
      ? {
          ...common,
          shortName: values.shortName?.trim() || null,
          creditCode: values.creditCode?.trim() || null,
          active: values.active,
        }
      : {
          ...common,
          parentId: values.parentId!,
          shortName: values.shortName?.trim() || undefined,
          creditCode: values.creditCode?.trim() || undefined,
        };
    save.mutate(
      { id: editing?.id, body },
      {
        onSuccess: () => {
          message.success(editing ? t('common.saved') : t('entities.created'));
          onClose();
        },
        onError: fieldErrorsInto(form),
      },
    );
  };

  return (
    <FormModal<EntityForm>
      open={Boolean(target)}
      title={editing ? t('entities.editTitle') : t('entities.create')}
      form={form}
      onSubmit={onFinish}
      onCancel={onClose}
      okText={t('common.save')}
      pending={save.isPending}
      error={save.error}
      okTestId="entity-form-ok"
      formTestId="entity-form"
    >
      {!editing && (
        <Form.Item name="parentId" label={t('entities.parent')} rules={rules.parentId}>
          <TreeSelect treeData={parentOptions} treeDefaultExpandAll showSearch treeNodeFilterProp="title" />
        </Form.Item>
      )}
      <Form.Item name="code" label={t('entities.code')} rules={rules.code}>
        <Input maxLength={40} data-testid="entity-form-code" />
      </Form.Item>
      <Form.Item name="name" label={t('entities.name')} rules={rules.name}>
        <Input maxLength={100} data-testid="entity-form-name" />
      </Form.Item>
      <Form.Item name="shortName" label={t('entities.shortName')} rules={rules.shortName}>
        <Input maxLength={40} />
      </Form.Item>
      <Form.Item
        name="creditCode"
        label={t('entities.creditCode')}
        rules={rules.creditCode}
        normalize={(value: string) => value?.toUpperCase()}
      >
        <Input maxLength={18} showCount />
      </Form.Item>
      <Form.Item name="sortOrder" label={t('common.sortOrder')}>
        <InputNumber min={0} max={100000} precision={0} style={{ width: '100%' }} />
      </Form.Item>
      {editing && (
        <Form.Item name="active" label={t('common.status')} valuePropName="checked">
          <Switch checkedChildren={t('common.active')} unCheckedChildren={t('common.inactive')} />
        </Form.Item>
      )}
    </FormModal>
  );
}
