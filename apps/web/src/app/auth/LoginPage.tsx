import { LockOutlined, UserOutlined } from '@ant-design/icons';
import { type Locale, loginBodySchema } from '@concord/contracts';
import { Alert, Button, Card, Flex, Form, Input, Typography, theme } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Navigate, useLocation, useNavigate } from 'react-router';
import { errorMessage } from '../../shared/errorMessage';
import { useZodRules } from '../../shared/zodRules';
import { LanguageSwitch } from '../layout/LanguageSwitch';
import type { LoginRedirectState } from './RequireAuth';
import { useLogin, useSessionQuery } from './session';

interface LoginForm {
  username: string;
  password: string;
}

/** Only same-site paths: an attacker-supplied `from` must not turn the login into an open redirect. */
function safeTarget(from: string | undefined): string {
  return from?.startsWith('/') && !from.startsWith('//') && !from.startsWith('/login') ? from : '/';
}

export function LoginPage() {
  const { t } = useTranslation();
  const { token } = theme.useToken();
  const navigate = useNavigate();
  const location = useLocation();
  const { data: session } = useSessionQuery();
  const login = useLogin();
  const [chosenLocale, setChosenLocale] = useState<Locale>();
  const target = safeTarget((location.state as LoginRedirectState | null)?.from);
  // The login body's own schema (the server checks the same); no format beyond "given" is told here.
  const rules = useZodRules(loginBodySchema, {
    username: t('login.username'),
    password: t('login.password'),
  });

  if (session && !login.isPending) return <Navigate to={target} replace />;

  const onFinish = (values: LoginForm) => {
    login.mutate({ ...values, chosenLocale }, { onSuccess: () => navigate(target, { replace: true }) });
  };

  return (
    <Flex
      vertical
      align="center"
      justify="center"
      style={{ minHeight: '100vh', padding: 16, background: token.colorBgLayout }}
    >
      <Flex justify="flex-end" style={{ width: '100%', maxWidth: 400, marginBottom: 12 }}>
        <LanguageSwitch onSwitched={setChosenLocale} />
      </Flex>
      <Card style={{ width: '100%', maxWidth: 400 }}>
        <Flex vertical align="center" gap={4} style={{ marginBottom: 24 }}>
          <span className="concord-brand-mark" style={{ width: 44, height: 44, fontSize: 22 }}>
            C
          </span>
          <Typography.Title level={3} style={{ margin: '8px 0 0' }}>
            {t('app.productName')}
          </Typography.Title>
          <Typography.Text type="secondary">{t('login.subtitle')}</Typography.Text>
        </Flex>
        {login.error && (
          <Alert
            data-testid="login-error"
            type="error"
            showIcon
            title={errorMessage(login.error, t)}
            style={{ marginBottom: 16 }}
          />
        )}
        <Form<LoginForm> layout="vertical" size="large" onFinish={onFinish} requiredMark={false}>
          <Form.Item name="username" label={t('login.username')} rules={rules.username}>
            <Input
              data-testid="login-username"
              prefix={<UserOutlined />}
              autoComplete="username"
              autoFocus
              maxLength={64}
            />
          </Form.Item>
          <Form.Item name="password" label={t('login.password')} rules={rules.password}>
            <Input.Password
              data-testid="login-password"
              prefix={<LockOutlined />}
              autoComplete="current-password"
              maxLength={200}
            />
          </Form.Item>
          <Button data-testid="login-submit" type="primary" htmlType="submit" block loading={login.isPending}>
            {t('login.submit')}
          </Button>
        </Form>
      </Card>
      <Typography.Text type="secondary" style={{ marginTop: 24, fontSize: 12 }}>
        {t('login.footer')}
      </Typography.Text>
    </Flex>
  );
}
