import { businessTypeSchema, codeSchema } from '@concord/contracts';
import { App, AutoComplete, Form, Input, Modal } from 'antd';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { FormError } from '../../../shared/FormError';
import { showFieldErrors, zodRule } from '../../../shared/formRules';
import { useCreateDefinition } from '../api/workflowApi';
import { useAvailableForms } from '../../forms';
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
  const forms = useAvailableForms();

  const submit = async () => {
    // A failed validation is shown under the inputs; it must not surface as an unhandled rejection.
    const values = await form.validateFields().catch(() => null);
    if (!values) return;
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
        onError: (error) => showFieldErrors(form, error),
      },
    );
  };

  return (
    <Modal
      open={open}
      title={t('flows.create')}
      onCancel={onClose}
      onOk={() => void submit()}
      confirmLoading={create.isPending}
      okText={t('common.ok')}
      cancelText={t('common.cancel')}
      okButtonProps={{ 'data-testid': 'flow-create-ok' }}
      afterClose={() => {
        form.resetFields();
        create.reset();
      }}
      destroyOnHidden
    >
      <FormError error={create.error} />
      <Form form={form} layout="vertical" preserve={false}>
        <Form.Item
          name="name"
          label={t('flows.settings.name')}
          rules={[
            {
              required: true,
              whitespace: true,
              message: t('validation.required', { field: t('flows.settings.name') }),
            },
          ]}
        >
          <Input maxLength={100} data-testid="flow-create-name" />
        </Form.Item>
        <Form.Item
          name="key"
          label={t('flows.key')}
          extra={t('flows.keyHint')}
          rules={[
            { required: true, message: t('validation.required', { field: t('flows.key') }) },
            zodRule(codeSchema, t('validation.code')),
          ]}
        >
          <Input maxLength={40} data-testid="flow-create-key" />
        </Form.Item>
        <Form.Item
          name="businessType"
          label={t('flows.settings.businessType')}
          extra={t('flows.businessTypeHint')}
          rules={[
            {
              required: true,
              message: t('validation.required', { field: t('flows.settings.businessType') }),
            },
            zodRule(businessTypeSchema, t('flows.businessTypeInvalid')),
          ]}
        >
          <AutoComplete
            data-testid="flow-create-business-type"
            options={(forms.data ?? []).map((definition) => ({
              value: definition.businessType,
              label: `${definition.name} (${definition.businessType})`,
            }))}
            showSearch={{
              filterOption: (input, option) =>
                String(option?.label ?? '')
                  .toLowerCase()
                  .includes(input.toLowerCase()),
            }}
          />
        </Form.Item>
      </Form>
    </Modal>
  );
}
