import { codeSchema, type Entity, entityCreateSchema } from '@concord/contracts';
import { App, Form, Input, InputNumber, Modal, Switch, TreeSelect } from 'antd';
import { useEffect, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { FormError } from '../../../shared/FormError';
import { showFieldErrors, zodRule } from '../../../shared/formRules';
import { bySortOrder, buildTree, type TreeNode } from '../../../shared/tree';
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
        onError: (error) => showFieldErrors(form, error),
      },
    );
  };

  const fields = entityCreateSchema.shape;
  return (
    <Modal
      open={Boolean(target)}
      title={editing ? t('entities.editTitle') : t('entities.create')}
      onCancel={onClose}
      onOk={() => form.submit()}
      okText={t('common.save')}
      confirmLoading={save.isPending}
      okButtonProps={{ 'data-testid': 'entity-form-ok' }}
      forceRender
    >
      <FormError error={save.error} />
      <Form<EntityForm> form={form} layout="vertical" onFinish={onFinish} data-testid="entity-form">
        {!editing && (
          <Form.Item
            name="parentId"
            label={t('entities.parent')}
            rules={[
              { required: true, message: t('validation.requiredSelect', { field: t('entities.parent') }) },
            ]}
          >
            <TreeSelect treeData={parentOptions} treeDefaultExpandAll showSearch treeNodeFilterProp="title" />
          </Form.Item>
        )}
        <Form.Item
          name="code"
          label={t('entities.code')}
          rules={[
            { required: true, message: t('validation.required', { field: t('entities.code') }) },
            zodRule(codeSchema, t('validation.code')),
          ]}
        >
          <Input maxLength={40} data-testid="entity-form-code" />
        </Form.Item>
        <Form.Item
          name="name"
          label={t('entities.name')}
          rules={[
            {
              required: true,
              whitespace: true,
              message: t('validation.required', { field: t('entities.name') }),
            },
          ]}
        >
          <Input maxLength={100} data-testid="entity-form-name" />
        </Form.Item>
        <Form.Item name="shortName" label={t('entities.shortName')}>
          <Input maxLength={40} />
        </Form.Item>
        <Form.Item
          name="creditCode"
          label={t('entities.creditCode')}
          rules={[zodRule(fields.creditCode, t('validation.creditCode'))]}
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
      </Form>
    </Modal>
  );
}
