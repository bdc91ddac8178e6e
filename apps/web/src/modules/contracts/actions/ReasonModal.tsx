import { type Contract, contractCompleteSchema, contractReasonSchema } from '@concord/contracts';
import { App, Form, Input, Typography } from 'antd';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { FormModal } from '../../../shared/FormModal';
import { useConfirm } from '../../../shared/useConfirm';
import { useZodRules } from '../../../shared/zodRules';
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

  // Completing takes an optional reason, terminating and voiding a required one: each its own body.
  const labels = { reason: t('contracts.action.reason') };
  const reasonRules = useZodRules(contractReasonSchema, labels).reason;
  const completeRules = useZodRules(contractCompleteSchema, labels).reason;

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
    <FormModal<{ reason?: string }>
      open={Boolean(action)}
      title={action ? t(`contracts.action.${action}Title`) : ''}
      form={form}
      onSubmit={(values) => void onFinish(values)}
      onCancel={onClose}
      okText={action ? t(`contracts.action.${action}`) : ''}
      okDanger={required}
      okTestId="contract-reason-ok"
      pending={command.isPending}
      error={command.error}
      intro={
        <Typography.Paragraph type="secondary">
          {action ? t(`contracts.action.${action}Hint`) : ''}
        </Typography.Paragraph>
      }
    >
      <Form.Item
        name="reason"
        label={t('contracts.action.reason')}
        rules={required ? reasonRules : completeRules}
      >
        <Input.TextArea
          autoSize={{ minRows: 3, maxRows: 8 }}
          maxLength={1000}
          data-testid="contract-reason"
        />
      </Form.Item>
    </FormModal>
  );
}
