import type { PartnerExpiringQualification } from '@concord/contracts';
import { Select, Space, Tag, Typography } from 'antd';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { EmptyState } from '../../shared/EmptyState';
import { type LedgerColumn, LedgerPage } from '../../shared/LedgerPage';
import { formatDate } from '../../shared/format';
import { useUrlFilters } from '../../shared/useUrlFilters';
import { useExpiringQualifications } from './partnersApi';

/** The ranges offered, in days; 30 is the reminder's horizon and the default. */
const RANGES = [7, 30, 60, 90, 180];
const DEFAULT_DAYS = 30;
const DEFAULT_PAGE_SIZE = 20;
const filterKeys = ['days', 'page', 'pageSize'] as const;

const within = (value: string | undefined, options: number[], fallback: number) => {
  const parsed = Number(value);
  return options.includes(parsed) ? parsed : fallback;
};

/** How soon it ends, coloured by urgency (today, within a week, later). */
export function DaysLeftTag({ days, t }: { days: number; t: TFunction }) {
  return (
    <Tag color={days <= 7 ? 'red' : 'orange'}>
      {days === 0
        ? t('partners.qualification.expiresToday')
        : t('partners.qualification.expiresIn', { days })}
    </Tag>
  );
}

/** 资质即将到期: the qualifications of the partners I see that end within a range, soonest first. */
export default function ExpiringQualificationsPage() {
  const { t } = useTranslation();
  const { values, update, reset } = useUrlFilters(filterKeys);
  const days = within(values.days, RANGES, DEFAULT_DAYS);
  const page = Math.max(1, Number(values.page) || 1);
  const pageSize = within(values.pageSize, [10, 20, 50, 100], DEFAULT_PAGE_SIZE);
  const list = useExpiringQualifications({ days, page, pageSize });

  const columns: LedgerColumn<PartnerExpiringQualification>[] = [
    {
      key: 'partnerName',
      title: t('partners.expiring.partner'),
      locked: true,
      render: (_, row) => (
        <Link to={`/partners/${row.partnerId}`} data-testid="expiring-qualification-partner">
          {row.partnerName}
        </Link>
      ),
    },
    { key: 'type', title: t('partners.qualification.type'), dataIndex: 'type' },
    { key: 'number', title: t('partners.qualification.number'), dataIndex: 'number' },
    {
      key: 'validTo',
      title: t('partners.qualification.validTo'),
      render: (_, row) => formatDate(row.validTo),
    },
    {
      key: 'daysLeft',
      title: t('partners.expiring.daysLeft'),
      render: (_, row) => <DaysLeftTag days={row.daysLeft} t={t} />,
    },
  ];

  return (
    <LedgerPage<PartnerExpiringQualification>
      ledgerId="expiring-qualifications"
      title={t('partners.expiring.title')}
      filterBar={
        <Space wrap>
          <Typography.Text id="expiring-days-label">{t('partners.expiring.days')}</Typography.Text>
          <Select
            aria-labelledby="expiring-days-label"
            value={days}
            style={{ width: 140 }}
            options={RANGES.map((range) => ({
              value: range,
              label: t('partners.expiring.within', { days: range }),
            }))}
            onChange={(next) => (next === DEFAULT_DAYS ? reset() : update({ days: next }))}
            data-testid="expiring-days"
          />
        </Space>
      }
      columns={columns}
      rowKey="id"
      rows={list.data?.items}
      isLoading={list.isLoading}
      isFetching={list.isFetching}
      error={list.error}
      onRetry={() => void list.refetch()}
      onSortChange={() => undefined}
      paging={{
        mode: 'pages',
        page,
        pageSize,
        total: list.data?.total ?? 0,
        onChange: (next, size) =>
          update({
            page: next === 1 ? undefined : next,
            pageSize: size === DEFAULT_PAGE_SIZE ? undefined : size,
          }),
      }}
      empty={<EmptyState description={t('partners.expiring.empty')} />}
      cardTitle={(row) => (
        <Link to={`/partners/${row.partnerId}`} data-testid="expiring-qualification-card-link">
          {row.partnerName}
        </Link>
      )}
      cardHiddenColumns={['partnerName']}
    />
  );
}
