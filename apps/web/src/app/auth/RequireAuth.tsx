import { Flex, Spin } from 'antd';
import { lazy, type ReactNode, Suspense, useEffect } from 'react';
import { Navigate, useLocation } from 'react-router';
import { changeLocale } from '../i18n';
import { useSessionQuery, wasSignedOutByUser } from './session';

// Loaded only when the session cannot be read: the login page's code stays small.
const ErrorState = lazy(() =>
  import('../../shared/ErrorState').then((module) => ({ default: module.ErrorState })),
);

const PASSWORD_PAGE = '/account/password';

export interface LoginRedirectState {
  /** Where the user was headed; the login page returns there. */
  from?: string;
}

/** Renders its children only with a session; otherwise sends the user to /login and back afterwards. */
export function RequireAuth({ children }: { children: ReactNode }) {
  const location = useLocation();
  const { data: session, isPending, error, refetch } = useSessionQuery();
  const sessionLocale = session?.user.locale;

  // The user's saved language wins once signed in (it may differ from this browser's last choice).
  useEffect(() => {
    if (sessionLocale) void changeLocale(sessionLocale);
  }, [sessionLocale]);

  if (isPending) {
    return (
      <Flex justify="center" align="center" style={{ minHeight: '100vh' }}>
        <Spin size="large" />
      </Flex>
    );
  }
  if (error) {
    return (
      <div style={{ maxWidth: 560, margin: '80px auto', padding: 16 }}>
        <Suspense fallback={<Spin />}>
          <ErrorState error={error} onRetry={() => void refetch()} />
        </Suspense>
      </div>
    );
  }
  if (!session) {
    const state: LoginRedirectState = wasSignedOutByUser()
      ? {}
      : { from: `${location.pathname}${location.search}${location.hash}` };
    return <Navigate to="/login" replace state={state} />;
  }
  // Signed in with a well-known password (the demo's, served to others): nothing else until it is changed.
  if (session.passwordChangeRequired && location.pathname !== PASSWORD_PAGE) {
    return <Navigate to={PASSWORD_PAGE} replace />;
  }
  return <>{children}</>;
}
