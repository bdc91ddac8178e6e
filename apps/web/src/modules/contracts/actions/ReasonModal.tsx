import { type Contract, contractReasonSchema } from '@concord/contracts';
import { App, Form, Input, Modal, Typography } from 'antd';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { FormError } from '../../../shared/FormError';
import { zodRule } from '../../../shared/formRules';
import { useConfirm } from '../../../shared/useConfirm';
import { useContractCommand } from '../contractsApi';

export type ReasonAction = 'complete' | 'terminate' | 'void';

/**
 * 完成 / 终止 / 作废 with a reason (optional for completion). Terminating and voiding cannot be
 * undone, so they ask once more before going to the server.
 */
export function ReasonModal({
  contract,
  action,
  onClose,
}: {
  contract: Contract;
  action: ReasonAction | null;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const confirm = useConfirm();
  const [form] = Form.useForm<{ reason?: string }>();
  const command = useContractCommand(contract.id);
  const required = action === 'terminate' || action === 'void';

  useEffect(() => {
    if (!action) return;
    command.reset();
    form.resetFields();
  }, [action, form, command.reset]);

  const onFinish = async ({ reason }: { reason?: string }) => {
    if (!action) return;
    const text = reason?.trim() ?? '';
    if (required) {
      const ok = await confirm({
        title: t(`contracts.action.${action}Confirm`, { name: contract.name }),
        content: t('contracts.action.irreversible'),
        okText: t(`contracts.action.${action}`),
        danger: true,
      });
      if (!ok) return;
    }
    const done = {
      onSuccess: () => {
        message.success(t(`contracts.action.${action}Done`));
        onClose();
      },
    };
    if (action === 'complete') command.mutate({ action, body: text ? { reason: text } : {} }, done);
    else command.mutate({ action, body: { reason: text } }, done);
  };

  return (
    <Modal
      open={Boolean(action)}
      title={action ? t(`contracts.action.${action}Title`) : ''}
      onCancel={onClose}
      onOk={() => form.submit()}
      okText={action ? t(`contracts.action.${action}`) : ''}
      okButtonProps={{ danger: required, 'data-testid': 'contract-reason-ok' }}
      confirmLoading={command.isPending}
      forceRender
    >
      <Typography.Paragraph type="secondary">
        {action ? t(`contracts.action.${action}Hint`) : ''}
      </Typography.Paragraph>
      <FormError error={command.error} />
      <Form form={form} layout="vertical" onFinish={(values) => void onFinish(values)}>
        <Form.Item
          name="reason"
          label={t('contracts.action.reason')}
          rules={[
            ...(required
              ? [
                  {
                    required: true,
                    whitespace: true,
                    message: t('validation.required', { field: t('contracts.action.reason') }),
                  },
                ]
              : []),
            zodRule(contractReasonSchema.shape.reason, t('validation.maxLength', { max: 1000 })),
          ]}
        >
          <Input.TextArea
            autoSize={{ minRows: 3, maxRows: 8 }}
            maxLength={1000}
            data-testid="contract-reason"
          />
        </Form.Item>
      </Form>
    </Modal>
  );
}
