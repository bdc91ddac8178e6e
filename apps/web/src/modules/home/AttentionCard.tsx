import { QUALIFICATION_REMINDER_DAYS } from '@concord/contracts';
import { Badge, Card, Col, Flex, List, Row, Typography } from 'antd';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { usePermissions, useSession } from '../../app/auth/session';
import { ErrorState } from '../../shared/ErrorState';
import { formatDate, formatMoney } from '../../shared/format';
import { useExpiringQualifications } from '../partners/partnersApi';
import { ENDING_WITHIN_DAYS, useMyEndingContracts, useMyOverdue } from './workbenchApi';

const SHOWN = 5;

interface AttentionRow {
  key: string;
  href: string;
  title: string;
  detail: ReactNode;
}

interface AttentionGroupProps {
  id: string;
  title: string;
  /** The whole count, or null while it loads; `atLeast` when the server stopped counting at a cap. */
  count: { value: number; atLeast: boolean } | null;
  more: string;
  loading: boolean;
  error: unknown;
  onRetry: () => void;
  rows: AttentionRow[] | undefined;
  empty: string;
}

/** One group of the card: its heading with the count and the way to the full list, then the first rows. */
function AttentionGroup(props: AttentionGroupProps) {
  const { t } = useTranslation();
  const headingId = `home-attention-${props.id}-title`;
  const count = props.count;
  return (
    <section aria-labelledby={headingId} data-testid={`home-attention-${props.id}`}>
      <Flex align="center" justify="space-between" gap={8} wrap style={{ marginBottom: 4 }}>
        <Flex align="center" gap={8} style={{ minWidth: 0 }}>
          <Typography.Title level={3} id={headingId} style={{ fontSize: 15, margin: 0 }}>
            {props.title}
          </Typography.Title>
          {count && (
            <Badge
              count={count.atLeast ? `${count.value}+` : count.value}
              showZero
              overflowCount={99}
              color={count.value > 0 ? undefined : '#bfbfbf'}
              aria-label={t('home.attention.count', { n: count.atLeast ? `${count.value}+` : count.value })}
              data-testid={`home-attention-${props.id}-count`}
              data-count={count.value}
            />
          )}
        </Flex>
        <Link
          to={props.more}
          aria-label={t('home.attention.allOf', { what: props.title })}
          data-testid={`home-attention-${props.id}-all`}
        >
          {t('home.all')}
        </Link>
      </Flex>
      {props.error ? (
        <ErrorState error={props.error} onRetry={props.onRetry} />
      ) : (
        <List<AttentionRow>
          size="small"
          loading={props.loading}
          dataSource={props.rows ?? []}
          locale={{ emptyText: <Typography.Text type="secondary">{props.empty}</Typography.Text> }}
          renderItem={(row) => (
            <List.Item key={row.key} style={{ paddingInline: 0 }}>
              <div style={{ minWidth: 0, width: '100%', overflowWrap: 'anywhere' }}>
                <Link to={row.href} data-testid={`home-attention-${props.id}-link`}>
                  {row.title}
                </Link>
                <div>
                  <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                    {row.detail}
                  </Typography.Text>
                </div>
              </div>
            </List.Item>
          )}
        />
      )}
    </section>
  );
}

/**
 * 需要我处理: the overdue collections of the contracts I own, my contracts ending soon and the
 * partner qualifications about to expire, each group shown only to whoever may open its list.
 */
export function NeedsAttentionCard() {
  const { t } = useTranslation();
  const session = useSession();
  const { can } = usePermissions();
  const me = session.user.id;
  const contracts = can('contract.view');
  const partners = can('partner.view');
  const overdue = useMyOverdue(me, SHOWN, contracts);
  const ending = useMyEndingContracts(me, SHOWN, contracts);
  const qualifications = useExpiringQualifications(
    { days: QUALIFICATION_REMINDER_DAYS, page: 1, pageSize: SHOWN },
    partners,
  );
  if (!contracts && !partners) return null;

  const groups: AttentionGroupProps[] = [];
  if (contracts) {
    const overdueTotals = overdue.totals.data;
    groups.push({
      id: 'overdue',
      title: t('home.attention.overdue'),
      count: overdueTotals
        ? { value: overdueTotals.count, atLeast: overdueTotals.source === 'capped' }
        : null,
      more: `/contracts/overdue?ownerId=${me}`,
      loading: overdue.page.isLoading,
      error: overdue.page.error,
      onRetry: () => void overdue.page.refetch(),
      rows: overdue.page.data?.items.map((item) => ({
        key: item.itemId,
        href: `/contracts/${item.contractId}?tab=schedule`,
        title: item.contractName,
        detail: t('home.attention.overdueDetail', {
          item: item.itemName,
          days: item.daysOverdue,
          amount: formatMoney(item.overdueAmount, item.currency),
        }),
      })),
      empty: t('home.attention.noOverdue'),
    });
    const endingTotals = ending.totals.data;
    groups.push({
      id: 'ending',
      title: t('home.attention.ending'),
      count: endingTotals ? { value: endingTotals.count, atLeast: endingTotals.source === 'capped' } : null,
      more: `/contracts?ownerId=${me}&expiringWithinDays=${ENDING_WITHIN_DAYS}&sort=endDate`,
      loading: ending.page.isLoading,
      error: ending.page.error,
      onRetry: () => void ending.page.refetch(),
      rows: ending.page.data?.items.map((row) => ({
        key: row.id,
        href: `/contracts/${row.id}`,
        title: row.name,
        detail: [
          row.number,
          (row.daysToExpiry ?? 0) < 0
            ? t('home.attention.endedOn', { date: formatDate(row.endDate) })
            : t('home.attention.endsOn', { date: formatDate(row.endDate), days: row.daysToExpiry ?? 0 }),
        ]
          .filter(Boolean)
          .join(' · '),
      })),
      empty: t('home.attention.noEnding', { days: ENDING_WITHIN_DAYS }),
    });
  }
  if (partners) {
    const page = qualifications.data;
    groups.push({
      id: 'qualifications',
      title: t('home.attention.qualifications'),
      count: page ? { value: page.total, atLeast: Boolean(page.totalAtLeast) } : null,
      more: '/partners/qualifications/expiring',
      loading: qualifications.isLoading,
      error: qualifications.error,
      onRetry: () => void qualifications.refetch(),
      rows: page?.items.map((q) => ({
        key: q.id,
        href: `/partners/${q.partnerId}`,
        title: q.partnerName,
        detail: t('home.attention.qualificationDetail', {
          type: q.type,
          date: formatDate(q.validTo),
          days: q.daysLeft,
        }),
      })),
      empty: t('home.attention.noQualifications', { days: QUALIFICATION_REMINDER_DAYS }),
    });
  }

  return (
    <Card title={t('home.attention.title')} variant="borderless" data-testid="home-attention">
      <Row gutter={[24, 16]}>
        {groups.map((group) => (
          <Col key={group.id} xs={24} lg={24 / groups.length}>
            <AttentionGroup {...group} />
          </Col>
        ))}
      </Row>
    </Card>
  );
}
