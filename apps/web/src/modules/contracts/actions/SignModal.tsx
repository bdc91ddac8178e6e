import type { Contract } from '@concord/contracts';
import { App, DatePicker, Form, Modal, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { FormError } from '../../../shared/FormError';
import { useContractCommand } from '../contractsApi';
import { type AttachmentValue, AttachmentsEditor } from '../shared/AttachmentsEditor';

interface SignValues {
  signDate: Dayjs;
  attachments: AttachmentValue[];
}

/** 签订: the date it was signed and, unless already attached, the signed scan. The contract comes into force. */
export function SignModal({ contract, onClose }: { contract: Contract | null; onClose: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<SignValues>();
  const command = useContractCommand(contract?.id ?? '');
  const hasScan = Boolean(contract?.attachments.some((a) => a.type === 'SIGNED_SCAN'));

  useEffect(() => {
    if (!contract) return;
    command.reset();
    form.resetFields();
    form.setFieldsValue({
      signDate: contract.signDate ? dayjs(contract.signDate) : dayjs(),
      attachments: [],
    });
  }, [contract, form, command.reset]);

  const onFinish = (values: SignValues) => {
    command.mutate(
      {
        action: 'sign',
        body: {
          signDate: values.signDate.format('YYYY-MM-DD'),
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
    <Modal
      open={Boolean(contract)}
      title={t('contracts.action.signTitle')}
      onCancel={onClose}
      onOk={() => form.submit()}
      okText={t('contracts.action.sign')}
      confirmLoading={command.isPending}
      okButtonProps={{ 'data-testid': 'contract-sign-ok' }}
      forceRender
    >
      <Typography.Paragraph type="secondary">{t('contracts.action.signHint')}</Typography.Paragraph>
      <FormError error={command.error} />
      <Form<SignValues> form={form} layout="vertical" onFinish={onFinish}>
        <Form.Item
          name="signDate"
          label={t('contracts.field.signDate')}
          rules={[
            {
              required: true,
              message: t('validation.requiredSelect', { field: t('contracts.field.signDate') }),
            },
          ]}
        >
          <DatePicker style={{ width: '100%' }} data-testid="contract-sign-date-input" />
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
      </Form>
    </Modal>
  );
}
