import type { Notification } from '@concord/contracts';
import { App, Badge, Button, Flex, List, Segmented, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { useNavigate, useSearchParams } from 'react-router';
import { AsyncContent } from '../../shared/AsyncContent';
import { EmptyState } from '../../shared/EmptyState';
import { errorMessage } from '../../shared/errorMessage';
import { formatDateTime } from '../../shared/format';
import { PageContainer } from '../../shared/PageContainer';
import { useMarkAllRead, useMarkRead, useNotifications } from './notificationsApi';

const PAGE_SIZE = 20;

/** The notification centre: newest first, unread filter in the URL, click opens the record. */
export default function NotificationsPage() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const [params, setParams] = useSearchParams();
  const unread = params.get('unread') === '1';
  const page = Number(params.get('page') ?? 1) || 1;
  const { data, isLoading, error, refetch, isFetching } = useNotifications({
    page,
    pageSize: PAGE_SIZE,
    unread: unread || undefined,
  });
  const markRead = useMarkRead();
  const markAllRead = useMarkAllRead();

  const open = (item: Notification) => {
    if (!item.readAt) markRead.mutate(item.id);
    if (item.link) navigate(item.link);
  };

  const onMarkAll = () =>
    markAllRead.mutate(undefined, {
      onSuccess: (result) => message.success(t('notifications.markedAllRead', { count: result.count })),
      onError: (err) => message.error(errorMessage(err, t)),
    });

  const empty = (
    <EmptyState description={unread ? t('notifications.emptyUnread') : t('notifications.empty')} />
  );

  return (
    <PageContainer
      title={t('notifications.title')}
      extra={
        <Button data-testid="notifications-mark-all" loading={markAllRead.isPending} onClick={onMarkAll}>
          {t('notifications.markAllRead')}
        </Button>
      }
    >
      <Flex vertical gap={16}>
        <Segmented
          data-testid="notifications-filter"
          value={unread ? 'unread' : 'all'}
          options={[
            { value: 'all', label: t('notifications.all') },
            { value: 'unread', label: t('notifications.unread') },
          ]}
          onChange={(value) => setParams(value === 'unread' ? { unread: '1' } : {})}
          style={{ alignSelf: 'flex-start' }}
        />
        <AsyncContent
          isLoading={isLoading}
          error={error}
          onRetry={() => void refetch()}
          isEmpty={(data?.items ?? []).length === 0}
          empty={empty}
        >
          <List<Notification>
            data-testid="notifications-list"
            loading={isFetching && !isLoading}
            dataSource={data?.items}
            rowKey="id"
            pagination={{
              current: page,
              pageSize: PAGE_SIZE,
              total: data?.total ?? 0,
              size: 'small',
              hideOnSinglePage: true,
              onChange: (next) => setParams({ ...(unread ? { unread: '1' } : {}), page: String(next) }),
            }}
            renderItem={(item) => (
              <List.Item
                data-testid="notification-item"
                style={{ cursor: item.link ? 'pointer' : 'default', alignItems: 'flex-start' }}
                onClick={() => open(item)}
                actions={
                  item.readAt
                    ? [
                        <Typography.Text key="read" type="secondary">
                          {t('notifications.read')}
                        </Typography.Text>,
                      ]
                    : [
                        <Button
                          key="mark"
                          type="link"
                          size="small"
                          data-testid="notification-mark-read"
                          onClick={(event) => {
                            event.stopPropagation();
                            markRead.mutate(item.id);
                          }}
                        >
                          {t('notifications.markRead')}
                        </Button>,
                      ]
                }
              >
                <List.Item.Meta
                  avatar={<Badge status={item.readAt ? 'default' : 'processing'} />}
                  title={
                    <Typography.Text strong={!item.readAt} style={{ wordBreak: 'break-word' }}>
                      {item.title}
                    </Typography.Text>
                  }
                  description={
                    <Flex vertical gap={4}>
                      <Typography.Text type="secondary" style={{ wordBreak: 'break-word' }}>
                        {item.body}
                      </Typography.Text>
                      <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                        {formatDateTime(item.createdAt)}
                      </Typography.Text>
                    </Flex>
                  }
                />
              </List.Item>
            )}
          />
        </AsyncContent>
      </Flex>
    </PageContainer>
  );
}
