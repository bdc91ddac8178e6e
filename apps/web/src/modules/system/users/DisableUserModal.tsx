import type { HandoverTarget, User } from '@concord/contracts';
import { Alert, App, Form, List, Radio, Skeleton, Typography } from 'antd';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { FormModal } from '../../../shared/FormModal';
import { UserPicker } from '../components/UserPicker';
import { useSetUserActive, useUserOpenWork } from './usersApi';

interface HandoverForm {
  to: HandoverTarget['to'];
  userId?: string;
}

/**
 * Disabling a user (离职): what they still hold (pending approvals, ...) is listed and handed over in
 * the same request, to their supervisor, the flow administrators or a person chosen here, so nothing
 * waits on someone who can no longer sign in.
 */
export function DisableUserModal({ user, onClose }: { user: User | null; onClose: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<HandoverForm>();
  const openWork = useUserOpenWork(user?.id ?? null);
  const setActive = useSetUserActive();
  const to = Form.useWatch('to', form);
  const kinds = openWork.data?.kinds ?? [];

  useEffect(() => {
    if (!user) return;
    setActive.reset();
    form.setFieldsValue({ to: 'supervisor', userId: undefined });
  }, [user, form, setActive.reset]);

  const onSubmit = (values: HandoverForm) => {
    if (!user) return;
    const handover: HandoverTarget | undefined =
      kinds.length === 0
        ? undefined
        : values.to === 'user'
          ? { to: 'user', userId: values.userId ?? '' }
          : { to: values.to };
    setActive.mutate(
      { id: user.id, active: false, handover },
      {
        onSuccess: () => {
          message.success(t('users.disabled'));
          onClose();
        },
      },
    );
  };

  return (
    <FormModal<HandoverForm>
      open={Boolean(user)}
      title={user && t('users.disableTitle', { name: user.displayName })}
      form={form}
      onSubmit={onSubmit}
      onCancel={onClose}
      okText={t('users.disable')}
      okDanger
      okDisabled={openWork.isLoading || openWork.isError}
      pending={setActive.isPending}
      error={setActive.error ?? openWork.error}
      okTestId="user-disable-ok"
      intro={<Typography.Paragraph>{t('users.disableIntro')}</Typography.Paragraph>}
    >
      {openWork.isLoading && <Skeleton active paragraph={{ rows: 2 }} />}
      {openWork.isSuccess && kinds.length === 0 && (
        <Typography.Paragraph type="secondary" data-testid="user-disable-no-work">
          {t('users.openWork.none')}
        </Typography.Paragraph>
      )}
      {kinds.length > 0 && (
        <>
          <Alert
            type="warning"
            showIcon
            style={{ marginBottom: 12 }}
            title={t('users.openWork.title')}
            description={kinds
              .map((kind) =>
                t(`users.openWork.kinds.${kind.kind}`, { count: kind.count, defaultValue: kind.kind }),
              )
              .join('；')}
          />
          <List
            size="small"
            data-testid="user-open-work"
            style={{ maxHeight: 200, overflowY: 'auto', marginBottom: 12 }}
            dataSource={kinds.flatMap((kind) => kind.items)}
            renderItem={(item) => (
              <List.Item>
                <Link to={item.link} target="_blank">
                  {item.title}
                </Link>
                {item.detail && <Typography.Text type="secondary">{item.detail}</Typography.Text>}
              </List.Item>
            )}
          />
          <Form.Item name="to" label={t('users.openWork.handoverTo')}>
            <Radio.Group
              data-testid="user-handover-to"
              options={(['supervisor', 'admin', 'user'] as const).map((value) => ({
                value,
                label: t(`users.openWork.to.${value}`),
              }))}
            />
          </Form.Item>
          {to === 'user' && (
            <Form.Item
              name="userId"
              label={t('users.openWork.successor')}
              rules={[{ required: true, message: t('users.openWork.successorRequired') }]}
            >
              <UserPicker data-testid="user-handover-successor" />
            </Form.Item>
          )}
        </>
      )}
    </FormModal>
  );
}
