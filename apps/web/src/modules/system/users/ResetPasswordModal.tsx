import { type User, userResetPasswordSchema } from '@concord/contracts';
import { App, Form, Input } from 'antd';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { FormModal, fieldErrorsInto } from '../../../shared/FormModal';
import { useZodRules } from '../../../shared/zodRules';
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

  const rules = useZodRules(
    userResetPasswordSchema,
    { newPassword: t('account.newPassword') },
    { invalid: { newPassword: t('validation.password') } },
  );

  const onFinish = ({ newPassword }: { newPassword: string }) => {
    if (!user) return;
    reset.mutate(
      { id: user.id, newPassword },
      {
        onSuccess: () => {
          message.success(t('users.resetPasswordDone'));
          onClose();
        },
        onError: fieldErrorsInto(form),
      },
    );
  };

  return (
    <FormModal<{ newPassword: string }>
      open={Boolean(user)}
      title={user && t('users.resetPasswordTitle', { name: user.displayName })}
      form={form}
      onSubmit={onFinish}
      onCancel={onClose}
      okText={t('common.save')}
      pending={reset.isPending}
      error={reset.error}
      okTestId="user-reset-password-ok"
    >
      <Form.Item
        name="newPassword"
        label={t('account.newPassword')}
        extra={t('users.initialPasswordHint')}
        rules={rules.newPassword}
      >
        <Input.Password autoComplete="new-password" data-testid="user-reset-password-input" />
      </Form.Item>
    </FormModal>
  );
}
