import { LockOutlined, UserOutlined } from '@ant-design/icons';
import type { Locale } from '@concord/contracts';
import { Alert, Button, Flex, Input, theme } from 'antd';
import { type ChangeEvent, type FormEvent, type ReactNode, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useLocation, useNavigate } from 'react-router';
import { errorMessage } from '../../shared/errorMessage';
import { documentTitle } from '../documentTitle';
import { LanguageButton } from '../layout/LanguageButton';
import { loadSignedInPages } from '../signedInLoader';
import type { LoginRedirectState } from './RequireAuth';
import { useLogin, useSessionQuery } from './session';

type Field = 'username' | 'password';

interface FieldInputProps {
  id: string;
  value: string;
  status: 'error' | undefined;
  'aria-invalid': boolean;
  'aria-describedby': string | undefined;
  onChange: (event: ChangeEvent<HTMLInputElement>) => void;
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
  useEffect(() => {
    document.title = documentTitle(t('login.submit'), t('app.productName'));
  }, [t]);
  const [chosenLocale, setChosenLocale] = useState<Locale>();
  const target = safeTarget((location.state as LoginRedirectState | null)?.from);
  const [values, setValues] = useState<Record<Field, string>>({ username: '', password: '' });
  const [missing, setMissing] = useState<Field[]>([]);

  // Signed in: on to the page asked for, once its code (the signed-in pages) is loaded.
  const signedIn = Boolean(session) && !login.isPending;
  useEffect(() => {
    if (signedIn) void loadSignedInPages().then(() => navigate(target, { replace: true }));
  }, [signedIn, navigate, target]);
  if (signedIn) return null;

  // The login body's schema asks only for both fields, within the lengths the inputs already cap:
  // a plain form checks "given" itself, so the first page anyone sees loads no form library or zod.
  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    const empty = (['username', 'password'] as const).filter((field) => !values[field].trim());
    setMissing(empty);
    if (empty.length === 0)
      login.mutate({ username: values.username.trim(), password: values.password, chosenLocale });
  };
  const field = (name: Field, label: string, input: (props: FieldInputProps) => ReactNode) => {
    const invalid = missing.includes(name);
    return (
      <div style={{ marginBottom: 24 }}>
        <label htmlFor={`login-${name}`} style={{ display: 'block', paddingBottom: 8 }}>
          {label}
        </label>
        {input({
          id: `login-${name}`,
          value: values[name],
          status: invalid ? 'error' : undefined,
          'aria-invalid': invalid,
          'aria-describedby': invalid ? `login-${name}-error` : undefined,
          onChange: (event) => {
            setValues((current) => ({ ...current, [name]: event.target.value }));
            setMissing((current) => current.filter((other) => other !== name));
          },
        })}
        {invalid && (
          <div
            id={`login-${name}-error`}
            role="alert"
            style={{ color: token.colorError, fontSize: token.fontSize, marginTop: 4 }}
          >
            {t('validation.required', { field: label })}
          </div>
        )}
      </div>
    );
  };

  return (
    <Flex
      vertical
      align="center"
      justify="center"
      style={{ minHeight: '100vh', padding: 16, background: token.colorBgLayout }}
    >
      <Flex justify="flex-end" style={{ width: '100%', maxWidth: 400, marginBottom: 12 }}>
        <LanguageButton onSwitched={setChosenLocale} title={t('header.switchLanguage')} />
      </Flex>
      {/* A plain box drawn like antd's Card: the Card would bring its tabs, menus and dropdowns.
          It is the page's main landmark. */}
      <main
        style={{
          width: '100%',
          maxWidth: 400,
          padding: 24,
          background: token.colorBgContainer,
          border: `1px solid ${token.colorBorderSecondary}`,
          borderRadius: token.borderRadiusLG,
        }}
      >
        <Flex vertical align="center" gap={4} style={{ marginBottom: 24 }}>
          <span className="concord-brand-mark" style={{ width: 44, height: 44, fontSize: 22 }}>
            C
          </span>
          {/* Plain elements in antd's typography tokens: Typography would add its own code here. */}
          <h1
            style={{
              margin: '8px 0 0',
              fontSize: token.fontSizeHeading3,
              fontWeight: 600,
              color: token.colorText,
            }}
          >
            {t('app.productName')}
          </h1>
          <span style={{ color: token.colorTextSecondary }}>{t('login.subtitle')}</span>
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
        <form onSubmit={onSubmit} noValidate>
          {field('username', t('login.username'), (props) => (
            <Input
              {...props}
              data-testid="login-username"
              size="large"
              prefix={<UserOutlined />}
              autoComplete="username"
              autoFocus
              maxLength={64}
            />
          ))}
          {field('password', t('login.password'), (props) => (
            <Input.Password
              {...props}
              data-testid="login-password"
              size="large"
              prefix={<LockOutlined />}
              autoComplete="current-password"
              maxLength={200}
            />
          ))}
          <Button
            data-testid="login-submit"
            type="primary"
            htmlType="submit"
            size="large"
            block
            loading={login.isPending}
          >
            {t('login.submit')}
          </Button>
        </form>
      </main>
      <span style={{ marginTop: 24, fontSize: 12, color: token.colorTextSecondary }}>
        {t('login.footer')}
      </span>
    </Flex>
  );
}
