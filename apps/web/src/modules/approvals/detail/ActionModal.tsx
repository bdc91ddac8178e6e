import { type WfActionBody, type WfInstanceDetail, wfActionBodySchema } from '@concord/contracts';
import { Form, Input, Radio, Select } from 'antd';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { FormModal } from '../../../shared/FormModal';
import { useZodRules } from '../../../shared/zodRules';
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
    if (!action) return;
    form.resetFields();
    form.setFieldsValue({ signType: 'before' });
  }, [action, form]);

  // The body is one for every action, each field optional: which ones the action needs is the
  // server's rule per action (actionKinds), so the form requires exactly those.
  const needed: ('targetNodeId' | 'toUserId' | 'userIds' | 'comment')[] = [
    ...(kind.target ? (['targetNodeId'] as const) : []),
    ...(kind.toUser ? (['toUserId'] as const) : []),
    ...(kind.users ? (['userIds'] as const) : []),
    ...(commentRequired ? (['comment'] as const) : []),
  ];
  const rules = useZodRules(
    wfActionBodySchema,
    {
      targetNodeId: t('approvals.modal.target'),
      toUserId: t('approvals.modal.toUser'),
      userIds: t('approvals.modal.users'),
      comment: t('approvals.modal.comment'),
    },
    { required: needed, picked: ['targetNodeId', 'toUserId', 'userIds'] },
  );

  const submit = (values: ActionValues) => {
    if (!action) return;
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
    <FormModal<ActionValues>
      open={action !== null}
      title={action ? t(`approvals.action.${action.name}`) : ''}
      form={form}
      onSubmit={submit}
      onCancel={onCancel}
      pending={pending}
      okText={t('common.ok')}
      okDanger={kind.danger}
      okTestId="approval-action-ok"
      intro={
        action && (
          <p style={{ marginTop: 0, color: 'rgba(0,0,0,0.55)' }}>
            {t(`approvals.actionHint.${action.name}`)}
          </p>
        )
      }
    >
      {kind.target && (
        <Form.Item name="targetNodeId" label={t('approvals.modal.target')} rules={rules.targetNodeId}>
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
        <Form.Item name="toUserId" label={t('approvals.modal.toUser')} rules={rules.toUserId}>
          <DirectoryPicker data-testid="approval-action-user" placeholder={t('approvals.modal.searchUser')} />
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
        <Form.Item name="userIds" label={t('approvals.modal.users')} rules={rules.userIds}>
          <UsersSelect
            data-testid="approval-action-users"
            placeholder={t('approvals.modal.searchUser')}
            maxCount={20}
          />
        </Form.Item>
      )}
      <Form.Item name="comment" label={t('approvals.modal.comment')} rules={rules.comment}>
        <Input.TextArea rows={3} maxLength={2000} showCount data-testid="approval-action-comment" />
      </Form.Item>
      <Form.Item name="attachmentIds" label={t('approvals.modal.attachments')}>
        <CommentAttachmentsInput />
      </Form.Item>
    </FormModal>
  );
}
