import type { AuditRecentRecord } from '@concord/contracts';
import { Card, List, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { usePermissions, useSession } from '../../app/auth/session';
import { ErrorState } from '../../shared/ErrorState';
import { formatDateTime } from '../../shared/format';
import { useMyRecentRecords } from './workbenchApi';

const SHOWN = 5;

/**
 * The kinds of record with a page, and the permission that opens it (none: every signed-in user
 * opens an approval they took part in): the card asks for these kinds only, so each row links.
 */
const recordPages: Record<string, { path: (id: string) => string; permission?: string }> = {
  contract: { path: (id) => `/contracts/${id}`, permission: 'contract.view' },
  partner: { path: (id) => `/partners/${id}`, permission: 'partner.view' },
  workflow_instance: { path: (id) => `/approvals/${id}` },
};

/** 最近记录: the records I last wrote to (from my own audit entries), with the way back to each. */
export function RecentRecordsCard() {
  const { t } = useTranslation();
  const session = useSession();
  const { can } = usePermissions();
  const types = Object.keys(recordPages).filter((type) => {
    const permission = recordPages[type]?.permission;
    return !permission || can(permission);
  });
  const recent = useMyRecentRecords(SHOWN, types);
  const hrefOf = (record: AuditRecentRecord) => {
    const page = recordPages[record.entityType];
    return page && (!page.permission || can(page.permission)) ? page.path(record.entityId) : null;
  };

  return (
    <Card
      title={t('home.recent.title')}
      variant="borderless"
      style={{ height: '100%' }}
      extra={
        can('audit.view') && (
          <Link
            to={`/system/audit?actorId=${session.user.id}`}
            aria-label={t('home.attention.allOf', { what: t('home.recent.title') })}
          >
            {t('home.all')}
          </Link>
        )
      }
      data-testid="home-recent"
    >
      {recent.error ? (
        <ErrorState error={recent.error} onRetry={() => void recent.refetch()} />
      ) : (
        <List<AuditRecentRecord>
          size="small"
          loading={recent.isLoading}
          dataSource={recent.data?.items ?? []}
          locale={{ emptyText: <Typography.Text type="secondary">{t('home.recent.empty')}</Typography.Text> }}
          renderItem={(record) => {
            const href = hrefOf(record);
            const title = record.title ?? record.entityTypeLabel;
            return (
              <List.Item key={`${record.entityType}:${record.entityId}`} style={{ paddingInline: 0 }}>
                <div style={{ minWidth: 0, width: '100%', overflowWrap: 'anywhere' }}>
                  <Tag style={{ marginInlineEnd: 6 }}>{record.entityTypeLabel}</Tag>
                  {href ? (
                    <Link to={href} data-testid="home-recent-link">
                      {title}
                    </Link>
                  ) : (
                    <span>{title}</span>
                  )}
                  <div>
                    <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                      {record.actionLabel} · {formatDateTime(record.at)}
                    </Typography.Text>
                  </div>
                </div>
              </List.Item>
            );
          }}
        />
      )}
    </Card>
  );
}
