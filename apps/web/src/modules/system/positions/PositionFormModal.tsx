import { type Position, positionCreateSchema } from '@concord/contracts';
import { App, Form, Input } from 'antd';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { FormModal, fieldErrorsInto } from '../../../shared/FormModal';
import { useZodRules } from '../../../shared/zodRules';
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

  const rules = useZodRules(
    positionCreateSchema,
    { code: t('positions.code'), name: t('positions.name') },
    { invalid: { code: t('validation.code') } },
  );

  const onFinish = (values: PositionForm) => {
    const fields = { code: values.code.trim(), name: values.name.trim() };
    save.mutate(
      { id: editing?.id, body: editing ? fields : { ...fields, entityId } },
      {
        onSuccess: () => {
          message.success(t('common.saved'));
          onClose();
        },
        onError: fieldErrorsInto(form),
      },
    );
  };

  return (
    <FormModal<PositionForm>
      open={Boolean(target)}
      title={editing ? t('positions.editTitle') : t('positions.createTitle')}
      form={form}
      onSubmit={onFinish}
      onCancel={onClose}
      okText={t('common.save')}
      pending={save.isPending}
      error={save.error}
      okTestId="position-form-ok"
    >
      <Form.Item name="code" label={t('positions.code')} rules={rules.code}>
        <Input maxLength={40} data-testid="position-form-code" />
      </Form.Item>
      <Form.Item name="name" label={t('positions.name')} rules={rules.name}>
        <Input maxLength={100} data-testid="position-form-name" />
      </Form.Item>
    </FormModal>
  );
}
