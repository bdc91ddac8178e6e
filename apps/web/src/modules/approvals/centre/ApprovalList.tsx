import type { WfListItem } from '@concord/contracts';
import { Badge, Card, Flex, List, Table, type TableColumnsType, Typography } from 'antd';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { EmptyState } from '../../../shared/EmptyState';
import { formatDateTime } from '../../../shared/format';
import { useIsPhone } from '../../../shared/useIsPhone';
import type { WfTab } from '../api/workflowApi';
import { InstanceStatusTag } from '../shared/InstanceStatusTag';
import { taskStatusLabel } from '../shared/labels';

interface ApprovalListProps {
  tab: WfTab;
  items: WfListItem[];
  loading: boolean;
  total: number;
  /** The server stopped counting at `total`: there are more (see `Page.totalAtLeast`). */
  totalAtLeast?: boolean;
  page: number;
  pageSize: number;
  onPage: (page: number, pageSize: number) => void;
}

const detailPath = (item: WfListItem) => `/approvals/${item.instanceId}`;

/** "When" means a different moment per tab, so its column title follows the tab. */
function atLabel(t: TFunction, tab: WfTab): string {
  return t(`approvals.list.at.${tab}`);
}

function Title({ item, tab }: { item: WfListItem; tab: WfTab }) {
  // Unread CCs get a dot, like unread mail: the CC count in the tab counts exactly these.
  const unread = tab === 'cc' && item.read === false;
  return (
    <Flex gap={6} align="center">
      {unread && <Badge status="processing" />}
      <Link to={detailPath(item)} style={{ fontWeight: unread ? 600 : undefined }}>
        {item.title}
      </Link>
    </Flex>
  );
}

function columns(t: TFunction, tab: WfTab): TableColumnsType<WfListItem> {
  return [
    { key: 'title', title: t('approvals.list.title'), render: (_, item) => <Title item={item} tab={tab} /> },
    { key: 'initiator', title: t('approvals.list.initiator'), dataIndex: 'initiatorName' },
    {
      key: 'node',
      title: tab === 'todo' || tab === 'done' ? t('approvals.list.node') : t('approvals.list.currentNode'),
      render: (_, item) => item.nodeName ?? '—',
    },
    {
      key: 'taskStatus',
      title: t('approvals.list.myDecision'),
      hidden: tab !== 'done',
      render: (_, item) => taskStatusLabel(t, item.taskStatus),
    },
    {
      key: 'status',
      title: t('common.status'),
      render: (_, item) => <InstanceStatusTag status={item.status} />,
    },
    {
      key: 'submittedAt',
      title: t('approvals.list.submittedAt'),
      render: (_, item) => formatDateTime(item.submittedAt),
    },
    { key: 'at', title: atLabel(t, tab), render: (_, item) => formatDateTime(item.at) },
  ];
}

/** The rows of one approval-centre tab: a table on desktop, tappable cards at phone width. */
export function ApprovalList({
  tab,
  items,
  loading,
  total,
  totalAtLeast,
  page,
  pageSize,
  onPage,
}: ApprovalListProps) {
  const { t } = useTranslation();
  const isPhone = useIsPhone();
  const navigate = useNavigate();
  const empty = <EmptyState description={t(`approvals.list.empty.${tab}`)} />;
  const pagination = {
    current: page,
    pageSize,
    total,
    onChange: onPage,
    showSizeChanger: !isPhone,
    // A tab holds a person's whole history: the server counts and pages its first WF_COUNT_CAP rows.
    showTotal: isPhone
      ? undefined
      : (count: number) =>
          t(totalAtLeast ? 'common.totalAtLeast' : 'common.total', { total: count.toLocaleString() }),
    size: isPhone ? ('small' as const) : undefined,
    align: isPhone ? ('center' as const) : undefined,
  };

  if (!isPhone) {
    return (
      <Table<WfListItem>
        rowKey="instanceId"
        data-testid="approvals-table"
        size="middle"
        columns={columns(t, tab)}
        dataSource={items}
        loading={loading}
        pagination={pagination}
        scroll={{ x: 'max-content' }}
        locale={{ emptyText: empty }}
        onRow={(item) =>
          ({ 'data-testid': `approval-row-${item.instanceId}` }) as React.HTMLAttributes<HTMLElement>
        }
      />
    );
  }

  return (
    <List<WfListItem>
      data-testid="approvals-table"
      loading={loading}
      dataSource={items}
      rowKey="instanceId"
      locale={{ emptyText: empty }}
      pagination={total > pageSize ? pagination : undefined}
      renderItem={(item) => (
        <List.Item style={{ padding: '6px 0', border: 'none' }}>
          <Card
            size="small"
            hoverable
            style={{ width: '100%' }}
            data-testid={`approval-row-${item.instanceId}`}
            onClick={() => navigate(detailPath(item))}
          >
            <Flex vertical gap={6}>
              <Flex justify="space-between" align="start" gap={8}>
                <Typography.Text strong={tab !== 'cc' || item.read === false} style={{ flex: 1 }}>
                  {item.title}
                </Typography.Text>
                <InstanceStatusTag status={item.status} />
              </Flex>
              <Typography.Text type="secondary" style={{ fontSize: 13 }}>
                {t('approvals.list.cardLine', {
                  initiator: item.initiatorName,
                  node: item.nodeName ?? '—',
                })}
              </Typography.Text>
              <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                {atLabel(t, tab)} {formatDateTime(item.at)}
              </Typography.Text>
            </Flex>
          </Card>
        </List.Item>
      )}
    />
  );
}
