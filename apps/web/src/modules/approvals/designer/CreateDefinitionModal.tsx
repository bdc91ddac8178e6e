import { wfDefinitionCreateSchema } from '@concord/contracts';
import { App, AutoComplete, Form, Input } from 'antd';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { FormModal, fieldErrorsInto } from '../../../shared/FormModal';
import { useZodRules } from '../../../shared/zodRules';
import { useCreateDefinition } from '../api/workflowApi';
import { useBusinessTypes } from '../api/useBusinessTypes';
import { useDefaultNames } from './useDefaultNames';
import { emptyFlow } from './flowTree';

interface Values {
  key: string;
  name: string;
  businessType: string;
}

/** New definition: key, name and business type, then straight into the designer. */
export function CreateDefinitionModal({ open, onClose }: { open: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const names = useDefaultNames();
  const [form] = Form.useForm<Values>();
  const create = useCreateDefinition();
  const businessTypes = useBusinessTypes();

  useEffect(() => {
    if (!open) return;
    create.reset();
    form.resetFields();
  }, [open, form, create.reset]);

  const rules = useZodRules(
    wfDefinitionCreateSchema,
    { name: t('flows.settings.name'), key: t('flows.key'), businessType: t('flows.settings.businessType') },
    { invalid: { key: t('validation.code'), businessType: t('flows.businessTypeInvalid') } },
  );

  const onFinish = (values: Values) =>
    create.mutate(
      // Start with a saved start node, so the designer opens on a valid (if trivial) flow.
      {
        key: values.key.trim(),
        name: values.name.trim(),
        businessType: values.businessType.trim(),
        flow: emptyFlow(names.start),
      },
      {
        onSuccess: (definition) => {
          message.success(t('flows.created'));
          onClose();
          navigate(`/system/flows/${definition.id}`);
        },
        onError: fieldErrorsInto(form),
      },
    );

  return (
    <FormModal<Values>
      open={open}
      title={t('flows.create')}
      form={form}
      onSubmit={onFinish}
      onCancel={onClose}
      pending={create.isPending}
      error={create.error}
      okText={t('common.ok')}
      okTestId="flow-create-ok"
    >
      <Form.Item name="name" label={t('flows.settings.name')} rules={rules.name}>
        <Input maxLength={100} data-testid="flow-create-name" />
      </Form.Item>
      <Form.Item name="key" label={t('flows.key')} extra={t('flows.keyHint')} rules={rules.key}>
        <Input maxLength={40} data-testid="flow-create-key" />
      </Form.Item>
      <Form.Item
        name="businessType"
        label={t('flows.settings.businessType')}
        extra={t('flows.businessTypeHint')}
        rules={rules.businessType}
      >
        <AutoComplete
          data-testid="flow-create-business-type"
          options={businessTypes.types.map((known) => ({
            value: known.type,
            label: `${known.label} (${known.type})`,
          }))}
          showSearch={{
            filterOption: (input, option) =>
              String(option?.label ?? '')
                .toLowerCase()
                .includes(input.toLowerCase()),
          }}
        />
      </Form.Item>
    </FormModal>
  );
}
