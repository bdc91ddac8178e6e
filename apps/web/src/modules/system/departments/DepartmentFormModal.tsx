import { type Department, departmentCreateSchema } from '@concord/contracts';
import { App, Form, Input, InputNumber } from 'antd';
import { useEffect, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { FormModal, fieldErrorsInto } from '../../../shared/FormModal';
import { findNode, type TreeNode, subtreeIds } from '../../../shared/tree';
import { useZodRules } from '../../../shared/zodRules';
import { DepartmentTreeSelect } from '../components/DepartmentTreeSelect';
import { UserPicker } from '../components/UserPicker';
import { useSaveDepartment } from './departmentsApi';

export type DepartmentFormTarget =
  | { mode: 'create'; parentId: string | null }
  | { mode: 'edit'; department: Department };

interface DepartmentFormModalProps {
  target: DepartmentFormTarget | null;
  entityId: string;
  tree: TreeNode<Department>[];
  onClose: () => void;
}

interface DepartmentForm {
  parentId?: string;
  code: string;
  name: string;
  headUserId?: string;
  sortOrder: number;
}

export function DepartmentFormModal({ target, entityId, tree, onClose }: DepartmentFormModalProps) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<DepartmentForm>();
  const save = useSaveDepartment();
  const editing = target?.mode === 'edit' ? target.department : undefined;

  // A department cannot become a child of itself or of its own sub-departments.
  const disabledParents = useMemo(() => {
    const node = editing && findNode(tree, editing.id);
    return node ? subtreeIds(node) : [];
  }, [editing, tree]);

  useEffect(() => {
    if (!target) return;
    save.reset();
    form.resetFields();
    if (target.mode === 'edit') {
      const { department } = target;
      form.setFieldsValue({
        parentId: department.parentId ?? undefined,
        code: department.code,
        name: department.name,
        headUserId: department.headUserId ?? undefined,
        sortOrder: department.sortOrder,
      });
    } else {
      form.setFieldsValue({ parentId: target.parentId ?? undefined, sortOrder: 0 });
    }
  }, [target, form, save.reset]);

  // The sort order is sent as 0 when left empty and its input keeps it in range: it needs no rule.
  const rules = useZodRules(
    departmentCreateSchema,
    { code: t('departments.code'), name: t('departments.name') },
    { invalid: { code: t('validation.code') } },
  );

  const onFinish = (values: DepartmentForm) => {
    const fields = {
      parentId: values.parentId ?? null,
      code: values.code.trim(),
      name: values.name.trim(),
      headUserId: values.headUserId ?? null,
      sortOrder: values.sortOrder ?? 0,
    };
    save.mutate(
      { id: editing?.id, body: editing ? fields : { ...fields, entityId } },
      {
        onSuccess: () => {
          message.success(editing ? t('common.saved') : t('departments.created'));
          onClose();
        },
        onError: fieldErrorsInto(form),
      },
    );
  };

  return (
    <FormModal<DepartmentForm>
      open={Boolean(target)}
      title={editing ? t('departments.editTitle') : t('departments.createTitle')}
      form={form}
      onSubmit={onFinish}
      onCancel={onClose}
      okText={t('common.save')}
      pending={save.isPending}
      error={save.error}
      okTestId="department-form-ok"
      formTestId="department-form"
    >
      <Form.Item name="parentId" label={t('departments.parent')}>
        <DepartmentTreeSelect
          entityId={entityId}
          disabledIds={disabledParents}
          allowClear
          placeholder={t('departments.topLevel')}
          data-testid="department-form-parent"
        />
      </Form.Item>
      <Form.Item name="code" label={t('departments.code')} rules={rules.code}>
        <Input maxLength={40} data-testid="department-form-code" />
      </Form.Item>
      <Form.Item name="name" label={t('departments.name')} rules={rules.name}>
        <Input maxLength={100} data-testid="department-form-name" />
      </Form.Item>
      <Form.Item name="headUserId" label={t('departments.head')}>
        <UserPicker
          entityId={entityId}
          currentLabel={editing?.headName}
          placeholder={t('departments.headPlaceholder')}
          data-testid="department-form-head"
        />
      </Form.Item>
      <Form.Item name="sortOrder" label={t('common.sortOrder')}>
        <InputNumber min={0} max={100000} precision={0} style={{ width: '100%' }} />
      </Form.Item>
    </FormModal>
  );
}
