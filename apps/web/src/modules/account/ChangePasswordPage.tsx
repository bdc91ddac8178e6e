import { changePasswordBodySchema } from '@concord/contracts';
import { App, Alert, Button, Form, Input } from 'antd';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { useChangePassword, useSessionQuery } from '../../app/auth/session';
import { FormError } from '../../shared/FormError';
import { PageContainer } from '../../shared/PageContainer';
import { useZodRules } from '../../shared/zodRules';

interface PasswordForm {
  currentPassword: string;
  newPassword: string;
  confirmPassword: string;
}

export default function ChangePasswordPage() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const changePassword = useChangePassword();
  const mustChange = useSessionQuery().data?.passwordChangeRequired === true;
  const [form] = Form.useForm<PasswordForm>();

  const rules = useZodRules(
    changePasswordBodySchema,
    { currentPassword: t('account.currentPassword'), newPassword: t('account.newPassword') },
    { invalid: { newPassword: t('validation.password') } },
  );
  // The confirmation is no part of the body: it is the new password typed again, so it takes the
  // new password's schema (and must equal it, below).
  const confirmRules = useZodRules(
    { shape: { confirmPassword: changePasswordBodySchema.shape.newPassword } },
    { confirmPassword: t('account.confirmPassword') },
    { invalid: { confirmPassword: t('validation.passwordMismatch') } },
  ).confirmPassword;

  const onFinish = ({ currentPassword, newPassword }: PasswordForm) => {
    changePassword.mutate(
      { currentPassword, newPassword },
      {
        onSuccess: () => {
          message.success(t('account.passwordChanged'));
          form.resetFields();
          navigate('/');
        },
      },
    );
  };

  return (
    <PageContainer title={t('account.passwordTitle')}>
      <Form<PasswordForm> form={form} layout="vertical" style={{ maxWidth: 420 }} onFinish={onFinish}>
        {mustChange && (
          <Alert
            type="warning"
            showIcon
            title={t('account.mustChangePassword')}
            style={{ marginBottom: 16 }}
            data-testid="password-must-change"
          />
        )}
        <Alert type="info" showIcon title={t('account.passwordRules')} style={{ marginBottom: 16 }} />
        <FormError error={changePassword.error} />
        <Form.Item name="currentPassword" label={t('account.currentPassword')} rules={rules.currentPassword}>
          <Input.Password autoComplete="current-password" data-testid="password-current" />
        </Form.Item>
        <Form.Item name="newPassword" label={t('account.newPassword')} rules={rules.newPassword}>
          <Input.Password autoComplete="new-password" data-testid="password-new" />
        </Form.Item>
        <Form.Item
          name="confirmPassword"
          label={t('account.confirmPassword')}
          dependencies={['newPassword']}
          rules={[
            ...confirmRules,
            ({ getFieldValue }) => ({
              validator: async (_rule, value: string) => {
                if (value && value !== getFieldValue('newPassword'))
                  throw new Error(t('validation.passwordMismatch'));
              },
            }),
          ]}
        >
          <Input.Password autoComplete="new-password" data-testid="password-confirm" />
        </Form.Item>
        <Button
          type="primary"
          htmlType="submit"
          loading={changePassword.isPending}
          data-testid="password-submit"
        >
          {t('common.save')}
        </Button>
      </Form>
    </PageContainer>
  );
}
