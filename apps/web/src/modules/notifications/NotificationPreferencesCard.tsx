import { App, Card, Flex, Skeleton, Switch, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { ErrorState } from '../../shared/ErrorState';
import { errorMessage } from '../../shared/errorMessage';
import { usePreferences, useUpdatePreferences } from './notificationsApi';

/** The profile page's channel choice: in-app is always on, e-mail is the user's to switch. */
export function NotificationPreferencesCard() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const { data, isLoading, error, refetch } = usePreferences();
  const update = useUpdatePreferences();

  let emailHint = '';
  if (data && !data.emailConfigured) emailHint = t('notifications.emailNotConfigured');
  else if (data && !data.email) emailHint = t('notifications.emailNoAddress');
  else if (data?.email) emailHint = t('notifications.emailHint', { email: data.email });

  return (
    <Card
      size="small"
      title={t('notifications.preferencesTitle')}
      style={{ maxWidth: 480, marginTop: 24 }}
      data-testid="notification-preferences"
    >
      {isLoading ? (
        <Skeleton active paragraph={{ rows: 2 }} />
      ) : error ? (
        <ErrorState error={error} onRetry={() => void refetch()} />
      ) : (
        <Flex vertical gap={12}>
          <Flex justify="space-between" align="center" gap={12}>
            <Flex vertical>
              <Typography.Text>{t('notifications.inApp')}</Typography.Text>
              <Typography.Text type="secondary">{t('notifications.inAppHint')}</Typography.Text>
            </Flex>
            <Switch checked disabled aria-label={t('notifications.inApp')} />
          </Flex>
          <Flex justify="space-between" align="center" gap={12}>
            <Flex vertical>
              <Typography.Text>{t('notifications.email')}</Typography.Text>
              <Typography.Text type="secondary">{emailHint}</Typography.Text>
            </Flex>
            <Switch
              aria-label={t('notifications.email')}
              data-testid="notification-email-switch"
              checked={Boolean(data?.emailEnabled && data.emailConfigured)}
              disabled={!data?.emailConfigured}
              loading={update.isPending}
              onChange={(emailEnabled) =>
                update.mutate(
                  { emailEnabled },
                  {
                    onSuccess: () => message.success(t('common.saved')),
                    onError: (err) => message.error(errorMessage(err, t)),
                  },
                )
              }
            />
          </Flex>
        </Flex>
      )}
    </Card>
  );
}
