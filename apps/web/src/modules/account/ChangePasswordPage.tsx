import { newPasswordSchema } from '@concord/contracts';
import { App, Alert, Button, Form, Input } from 'antd';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { useChangePassword } from '../../app/auth/session';
import { FormError } from '../../shared/FormError';
import { zodRule } from '../../shared/formRules';
import { PageContainer } from '../../shared/PageContainer';

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
  const [form] = Form.useForm<PasswordForm>();

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
        <Alert type="info" showIcon title={t('account.passwordRules')} style={{ marginBottom: 16 }} />
        <FormError error={changePassword.error} />
        <Form.Item
          name="currentPassword"
          label={t('account.currentPassword')}
          rules={[
            { required: true, message: t('validation.required', { field: t('account.currentPassword') }) },
          ]}
        >
          <Input.Password autoComplete="current-password" data-testid="password-current" />
        </Form.Item>
        <Form.Item
          name="newPassword"
          label={t('account.newPassword')}
          rules={[
            { required: true, message: t('validation.required', { field: t('account.newPassword') }) },
            zodRule(newPasswordSchema, t('validation.password')),
          ]}
        >
          <Input.Password autoComplete="new-password" data-testid="password-new" />
        </Form.Item>
        <Form.Item
          name="confirmPassword"
          label={t('account.confirmPassword')}
          dependencies={['newPassword']}
          rules={[
            { required: true, message: t('validation.required', { field: t('account.confirmPassword') }) },
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
