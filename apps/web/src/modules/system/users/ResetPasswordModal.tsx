import { newPasswordSchema, type User } from '@concord/contracts';
import { App, Form, Input, Modal } from 'antd';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { FormError } from '../../../shared/FormError';
import { zodRule } from '../../../shared/formRules';
import { useResetUserPassword } from './usersApi';

export function ResetPasswordModal({ user, onClose }: { user: User | null; onClose: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<{ newPassword: string }>();
  const reset = useResetUserPassword();

  useEffect(() => {
    if (!user) return;
    reset.reset();
    form.resetFields();
  }, [user, form, reset.reset]);

  const onFinish = ({ newPassword }: { newPassword: string }) => {
    if (!user) return;
    reset.mutate(
      { id: user.id, newPassword },
      {
        onSuccess: () => {
          message.success(t('users.resetPasswordDone'));
          onClose();
        },
      },
    );
  };

  return (
    <Modal
      open={Boolean(user)}
      title={user && t('users.resetPasswordTitle', { name: user.displayName })}
      onCancel={onClose}
      onOk={() => form.submit()}
      okText={t('common.save')}
      confirmLoading={reset.isPending}
      okButtonProps={{ 'data-testid': 'user-reset-password-ok' }}
      forceRender
    >
      <FormError error={reset.error} />
      <Form form={form} layout="vertical" onFinish={onFinish}>
        <Form.Item
          name="newPassword"
          label={t('account.newPassword')}
          extra={t('users.initialPasswordHint')}
          rules={[
            { required: true, message: t('validation.required', { field: t('account.newPassword') }) },
            zodRule(newPasswordSchema, t('validation.password')),
          ]}
        >
          <Input.Password autoComplete="new-password" data-testid="user-reset-password-input" />
        </Form.Item>
      </Form>
    </Modal>
  );
}
