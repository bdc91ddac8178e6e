import { codeSchema, type Position } from '@concord/contracts';
import { App, Form, Input, Modal } from 'antd';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { FormError } from '../../../shared/FormError';
import { showFieldErrors, zodRule } from '../../../shared/formRules';
import { useSavePosition } from './positionsApi';

export type PositionFormTarget = { mode: 'create' } | { mode: 'edit'; position: Position };

interface PositionForm {
  code: string;
  name: string;
}

export function PositionFormModal(props: {
  target: PositionFormTarget | null;
  entityId: string;
  onClose: () => void;
}) {
  const { target, entityId, onClose } = props;
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<PositionForm>();
  const save = useSavePosition();
  const editing = target?.mode === 'edit' ? target.position : undefined;

  useEffect(() => {
    if (!target) return;
    save.reset();
    form.resetFields();
    if (target.mode === 'edit')
      form.setFieldsValue({ code: target.position.code, name: target.position.name });
  }, [target, form, save.reset]);

  const onFinish = (values: PositionForm) => {
    const fields = { code: values.code.trim(), name: values.name.trim() };
    save.mutate(
      { id: editing?.id, body: editing ? fields : { ...fields, entityId } },
      {
        onSuccess: () => {
          message.success(t('common.saved'));
          onClose();
        },
        onError: (error) => showFieldErrors(form, error),
      },
    );
  };

  return (
    <Modal
      open={Boolean(target)}
      title={editing ? t('positions.editTitle') : t('positions.createTitle')}
      onCancel={onClose}
      onOk={() => form.submit()}
      okText={t('common.save')}
      confirmLoading={save.isPending}
      okButtonProps={{ 'data-testid': 'position-form-ok' }}
      forceRender
    >
      <FormError error={save.error} />
      <Form<PositionForm> form={form} layout="vertical" onFinish={onFinish}>
        <Form.Item
          name="code"
          label={t('positions.code')}
          rules={[
            { required: true, message: t('validation.required', { field: t('positions.code') }) },
            zodRule(codeSchema, t('validation.code')),
          ]}
        >
          <Input maxLength={40} data-testid="position-form-code" />
        </Form.Item>
        <Form.Item
          name="name"
          label={t('positions.name')}
          rules={[
            {
              required: true,
              whitespace: true,
              message: t('validation.required', { field: t('positions.name') }),
            },
          ]}
        >
          <Input maxLength={100} data-testid="position-form-name" />
        </Form.Item>
      </Form>
    </Modal>
  );
}
