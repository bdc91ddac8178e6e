import type { WfActionBody, WfInstanceDetail } from '@concord/contracts';
import { Form, Input, Modal, Radio, Select } from 'antd';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { DirectoryPicker } from '../shared/DirectoryPicker';
import { UsersSelect } from '../shared/UsersSelect';
import { type AvailableAction, actionKinds } from './actionKinds';
import { CommentAttachmentsInput } from './CommentAttachments';

interface ActionValues {
  comment?: string;
  targetNodeId?: string;
  toUserId?: string;
  userIds?: string[];
  signType?: 'before' | 'after' | 'parallel';
  attachmentIds?: string[];
}

interface ActionModalProps {
  detail: WfInstanceDetail;
  action: AvailableAction | null;
  pending: boolean;
  onCancel: () => void;
  /** The part of the body this modal collects; the page adds lockVersion, requestId and edits. */
  onSubmit: (body: Omit<WfActionBody, 'lockVersion' | 'requestId'>) => void;
}

/** One modal for every action: asks only what the action needs, always offers a comment. */
export function ActionModal({ detail, action, pending, onCancel, onSubmit }: ActionModalProps) {
  const { t } = useTranslation();
  const [form] = Form.useForm<ActionValues>();
  const kind = action ? actionKinds[action.name] : {};
  const commentRequired = Boolean(kind.decision && detail.myTask?.commentRequired);

  useEffect(() => {
    if (action) form.resetFields();
  }, [action, form]);

  const submit = async () => {
    if (!action) return;
    // A failed validation is shown under the inputs; it must not surface as an unhandled rejection.
    const values = await form.validateFields().catch(() => null);
    if (!values) return;
    onSubmit({
      action: action.name,
      taskId: action.taskId,
      comment: values.comment?.trim() || undefined,
      targetNodeId: values.targetNodeId,
      toUserId: values.toUserId,
      userIds: values.userIds?.length ? values.userIds : undefined,
      signType: values.signType,
      attachmentIds: values.attachmentIds?.length ? values.attachmentIds : undefined,
    });
  };

  return (
    <Modal
      open={action !== null}
      title={action ? t(`approvals.action.${action.name}`) : ''}
      onCancel={onCancel}
      onOk={submit}
      confirmLoading={pending}
      okText={t('common.ok')}
      cancelText={t('common.cancel')}
      okButtonProps={{ danger: kind.danger, 'data-testid': 'approval-action-ok' }}
      destroyOnHidden
    >
      <Form form={form} layout="vertical" initialValues={{ signType: 'before' }} preserve={false}>
        {action && (
          <p style={{ marginTop: 0, color: 'rgba(0,0,0,0.55)' }}>
            {t(`approvals.actionHint.${action.name}`)}
          </p>
        )}
        {kind.target && (
          <Form.Item
            name="targetNodeId"
            label={t('approvals.modal.target')}
            rules={[
              {
                required: true,
                message: t('validation.requiredSelect', { field: t('approvals.modal.target') }),
              },
            ]}
          >
            <Select
              data-testid="approval-action-target"
              options={(detail.myTask?.returnTargets ?? []).map((target) => ({
                value: target.nodeId,
                label: target.name,
              }))}
            />
          </Form.Item>
        )}
        {kind.toUser && (
          <Form.Item
            name="toUserId"
            label={t('approvals.modal.toUser')}
            rules={[
              {
                required: true,
                message: t('validation.requiredSelect', { field: t('approvals.modal.toUser') }),
              },
            ]}
          >
            <DirectoryPicker
              data-testid="approval-action-user"
              placeholder={t('approvals.modal.searchUser')}
            />
          </Form.Item>
        )}
        {kind.signType && (
          <Form.Item name="signType" label={t('approvals.modal.signType')}>
            <Radio.Group
              optionType="button"
              options={(['before', 'after', 'parallel'] as const).map((type) => ({
                value: type,
                label: t(`approvals.modal.sign.${type}`),
              }))}
            />
          </Form.Item>
        )}
        {kind.users && (
          <Form.Item
            name="userIds"
            label={t('approvals.modal.users')}
            rules={[
              {
                required: true,
                message: t('validation.requiredSelect', { field: t('approvals.modal.users') }),
              },
            ]}
          >
            <UsersSelect
              data-testid="approval-action-users"
              placeholder={t('approvals.modal.searchUser')}
              maxCount={20}
            />
          </Form.Item>
        )}
        <Form.Item
          name="comment"
          label={t('approvals.modal.comment')}
          rules={
            commentRequired
              ? [{ required: true, whitespace: true, message: t('approvals.modal.commentRequired') }]
              : []
          }
        >
          <Input.TextArea rows={3} maxLength={2000} showCount data-testid="approval-action-comment" />
        </Form.Item>
        <Form.Item name="attachmentIds" label={t('approvals.modal.attachments')}>
          <CommentAttachmentsInput />
        </Form.Item>
      </Form>
    </Modal>
  );
}
