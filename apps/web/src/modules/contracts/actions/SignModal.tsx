import { type Contract, contractSignSchema } from '@concord/contracts';
import { App, Form, Typography } from 'antd';
import dayjs from 'dayjs';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { DateInput } from '../../../shared/FormInputs';
import { FormModal } from '../../../shared/FormModal';
import { useZodRules } from '../../../shared/zodRules';
import { useContractCommand } from '../contractsApi';
import { type AttachmentValue, AttachmentsEditor } from '../shared/AttachmentsEditor';

interface SignValues {
  /** YYYY-MM-DD */
  signDate: string;
  attachments: AttachmentValue[];
}

/** 签订: the date it was signed and, unless already attached, the signed scan. The contract comes into force. */
export function SignModal({ contract, onClose }: { contract: Contract | null; onClose: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<SignValues>();
  const command = useContractCommand(contract?.id ?? '');
  const rules = useZodRules(contractSignSchema, { signDate: t('contracts.field.signDate') });
  const hasScan = Boolean(contract?.attachments.some((a) => a.type === 'SIGNED_SCAN'));

  useEffect(() => {
    if (!contract) return;
    command.reset();
    form.resetFields();
    form.setFieldsValue({
      signDate: contract.signDate ?? dayjs().format('YYYY-MM-DD'),
      attachments: [],
    });
  }, [contract, form, command.reset]);

  const onFinish = (values: SignValues) => {
    command.mutate(
      {
        action: 'sign',
        body: {
          signDate: values.signDate,
          attachments: (values.attachments ?? []).map((a) => ({ fileId: a.fileId, type: a.type })),
        },
      },
      {
        onSuccess: () => {
          message.success(t('contracts.action.signed'));
          onClose();
        },
      },
    );
  };

  return (
    <FormModal<SignValues>
      open={Boolean(contract)}
      title={t('contracts.action.signTitle')}
      form={form}
      onSubmit={onFinish}
      onCancel={onClose}
      okText={t('contracts.action.sign')}
      pending={command.isPending}
      error={command.error}
      okTestId="contract-sign-ok"
      intro={<Typography.Paragraph type="secondary">{t('contracts.action.signHint')}</Typography.Paragraph>}
    >
      <Form.Item name="signDate" label={t('contracts.field.signDate')} rules={rules.signDate}>
        <DateInput testId="contract-sign-date-input" />
      </Form.Item>
      <Form.Item
        name="attachments"
        label={t('contracts.action.signedScan')}
        extra={hasScan ? t('contracts.action.scanAttached') : undefined}
        rules={[
          {
            // Signing without the stamped scan on file is refused by the server; ask for it here.
            validator: async (_, value: AttachmentValue[] | undefined) => {
              if (!hasScan && !value?.some((a) => a.type === 'SIGNED_SCAN'))
                throw new Error(t('contracts.action.scanRequired'));
            },
          },
        ]}
      >
        <AttachmentsEditor
          defaultType="SIGNED_SCAN"
          requiredTypes={hasScan ? [] : ['SIGNED_SCAN']}
          max={10}
          testId="contract-sign-attachments"
        />
      </Form.Item>
    </FormModal>
  );
}
