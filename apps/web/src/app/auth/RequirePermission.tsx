import type { PermissionCode } from '@concord/contracts';
import { Button, Result } from 'antd';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { usePermissions } from './session';

/**
 * Guards a page by its `.view` permission. The menu already hides what the user may not open, but a
 * bookmarked link or an entity switch can still land here.
 */
export function RequirePermission({
  permission,
  children,
}: {
  permission: PermissionCode;
  children: ReactNode;
}) {
  const { t } = useTranslation();
  const { can } = usePermissions();
  if (can(permission)) return <>{children}</>;
  return (
    <Result
      data-testid="forbidden"
      status="403"
      title={t('errors.forbiddenTitle')}
      subTitle={t('errors.forbiddenText')}
      extra={
        <Link to="/">
          <Button type="primary">{t('errors.goHome')}</Button>
        </Link>
      }
    />
  );
}
