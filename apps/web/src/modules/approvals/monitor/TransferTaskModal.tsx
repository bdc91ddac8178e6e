import type { WfPendingTask } from '@concord/contracts';
import { App, Form, Input } from 'antd';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { FormModal } from '../../../shared/FormModal';
import { UserPicker } from '../../system/components/UserPicker';
import { useTransferTask } from '../api/workflowApi';

interface TransferForm {
  toUserId: string;
  comment?: string;
}

/** An administrator hands a waiting task to someone else (转交, logged as an administrator's). */
export function TransferTaskModal({ task, onClose }: { task: WfPendingTask | null; onClose: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<TransferForm>();
  const transfer = useTransferTask();

  useEffect(() => {
    if (!task) return;
    transfer.reset();
    form.resetFields();
  }, [task, form, transfer.reset]);

  const onSubmit = (values: TransferForm) => {
    if (!task) return;
    transfer.mutate(
      {
        instanceId: task.instanceId,
        taskId: task.taskId,
        toUserId: values.toUserId,
        comment: values.comment,
      },
      {
        onSuccess: () => {
          message.success(t('approvals.monitor.transferred'));
          onClose();
        },
      },
    );
  };

  return (
    <FormModal<TransferForm>
      open={Boolean(task)}
      title={task && t('approvals.monitor.transferTitle', { title: task.title })}
      form={form}
      onSubmit={onSubmit}
      onCancel={onClose}
      okText={t('approvals.monitor.transfer')}
      pending={transfer.isPending}
      error={transfer.error}
      okTestId="monitor-transfer-ok"
      intro={task && t('approvals.monitor.transferIntro', { node: task.nodeName, name: task.assigneeName })}
    >
      <Form.Item
        name="toUserId"
        label={t('approvals.monitor.transferTo')}
        rules={[{ required: true, message: t('approvals.monitor.transferToRequired') }]}
      >
        <UserPicker data-testid="monitor-transfer-user" />
      </Form.Item>
      <Form.Item name="comment" label={t('approvals.monitor.comment')}>
        <Input.TextArea rows={2} maxLength={2000} />
      </Form.Item>
    </FormModal>
  );
}
