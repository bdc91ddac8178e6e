import { Button, Result } from 'antd';
import { useTranslation } from 'react-i18next';
import { useRouteError } from 'react-router';

/** Last resort for a render error: a readable page instead of a blank screen. */
export function RouteErrorPage() {
  const { t } = useTranslation();
  const error = useRouteError();
  // Keep the details in the console for whoever debugs it; the user gets a way out.
  console.error(error);
  return (
    <Result
      status="error"
      title={t('errors.crashTitle')}
      subTitle={t('errors.crashText')}
      extra={
        <Button type="primary" onClick={() => window.location.reload()}>
          {t('common.refresh')}
        </Button>
      }
    />
  );
}
