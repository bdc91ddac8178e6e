import type { WfListItem } from '@concord/contracts';
import { Badge, Card, List, Typography } from 'antd';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { formatDateTime } from '../../shared/format';
import { useTaskCounts, useTaskList } from '../approvals/api/workflowApi';
import { InstanceStatusTag } from '../approvals/shared/InstanceStatusTag';
import { useNotifications } from '../notifications/notificationsApi';

const SHOWN = 5;

/** One card of the workbench: a short list, its empty text and the way to the whole list. */
function ListCard<T>({
  title,
  testId,
  more,
  loading,
  items,
  empty,
  render,
}: {
  title: ReactNode;
  testId: string;
  more: string;
  loading: boolean;
  items: T[] | undefined;
  empty: string;
  render: (item: T) => ReactNode;
}) {
  const { t } = useTranslation();
  return (
    <Card
      title={title}
      variant="borderless"
      style={{ height: '100%' }}
      extra={<Link to={more}>{t('home.all')}</Link>}
      data-testid={testId}
    >
      <List<T>
        size="small"
        loading={loading}
        dataSource={items ?? []}
        locale={{ emptyText: <Typography.Text type="secondary">{empty}</Typography.Text> }}
        renderItem={(item) => <List.Item>{render(item)}</List.Item>}
      />
    </Card>
  );
}

const approvalLine = (item: WfListItem, detail: ReactNode) => (
  <div style={{ minWidth: 0, width: '100%' }}>
    <Link to={`/approvals/${item.instanceId}`}>{item.title}</Link>
    <div>{detail}</div>
  </div>
);

/** 待我审批: the approvals waiting on me, newest first, with their count. */
export function MyTodoCard() {
  const { t } = useTranslation();
  const list = useTaskList({ tab: 'todo', pageSize: SHOWN });
  const counts = useTaskCounts();
  return (
    <ListCard<WfListItem>
      title={
        <span>
          {t('home.todo')} <Badge count={counts.data?.todo ?? 0} overflowCount={99} />
        </span>
      }
      testId="home-todo"
      more="/approvals?tab=todo"
      loading={list.isLoading}
      items={list.data?.items}
      empty={t('home.noTodo')}
      render={(item) =>
        approvalLine(
          item,
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {[item.initiatorName, item.nodeName, formatDateTime(item.at)].filter(Boolean).join(' · ')}
          </Typography.Text>,
        )
      }
    />
  );
}

/** 我发起的: what I submitted and where it stands. */
export function MySubmissionsCard() {
  const { t } = useTranslation();
  const list = useTaskList({ tab: 'initiated', pageSize: SHOWN });
  return (
    <ListCard<WfListItem>
      title={t('home.submitted')}
      testId="home-submitted"
      more="/approvals?tab=initiated"
      loading={list.isLoading}
      items={list.data?.items}
      empty={t('home.noSubmitted')}
      render={(item) =>
        approvalLine(
          item,
          <span>
            <InstanceStatusTag status={item.status} />{' '}
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {formatDateTime(item.submittedAt ?? item.at)}
            </Typography.Text>
          </span>,
        )
      }
    />
  );
}

/** 提醒: unread notifications (reminders, overdue collections, expiring qualifications...). */
export function MyRemindersCard() {
  const { t } = useTranslation();
  const list = useNotifications({ page: 1, pageSize: SHOWN, unread: true });
  return (
    <ListCard
      title={t('home.reminders')}
      testId="home-reminders"
      more="/notifications"
      loading={list.isLoading}
      items={list.data?.items}
      empty={t('home.noReminders')}
      render={(item) => (
        <div style={{ minWidth: 0, width: '100%' }}>
          {item.link ? <Link to={item.link}>{item.title}</Link> : <span>{item.title}</span>}
          <div>
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {formatDateTime(item.createdAt)}
            </Typography.Text>
          </div>
        </div>
      )}
    />
  );
}
