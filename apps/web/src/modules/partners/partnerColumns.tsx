import type { Locale, PartnerListItem } from '@concord/contracts';
import { Flex, Tag, Tooltip, Typography } from 'antd';
import type { TFunction } from 'i18next';
import { Link } from 'react-router';
import { formatDate } from '../../shared/format';
import type { LedgerColumn } from '../../shared/LedgerPage';
import { sortableBy } from '../../shared/ledgerSort';
import { industryLabel, regionLabel } from './labels';

const ratingColors: Record<string, string> = { A: 'green', B: 'blue', C: 'orange', D: 'red' };

export function RatingTag({ rating, t }: { rating: string | null; t: TFunction }) {
  if (!rating) return <Typography.Text type="secondary">{t('partners.noRating')}</Typography.Text>;
  return <Tag color={ratingColors[rating]}>{rating}</Tag>;
}

export function KindTags({ partner, t }: { partner: PartnerListItem; t: TFunction }) {
  return (
    <Flex gap={4} wrap>
      {partner.kinds.map((kind) => (
        <Tag key={kind} color={kind === 'customer' ? 'geekblue' : 'purple'}>
          {t(`partners.kind.${kind}`)}
        </Tag>
      ))}
    </Flex>
  );
}

/** The name, with the blacklist flag beside it so it is seen wherever the partner is listed. */
export function PartnerName({ partner, t }: { partner: PartnerListItem; t: TFunction }) {
  return (
    <Flex gap={6} align="center" wrap>
      <Link to={`/partners/${partner.id}`} data-testid="partner-link">
        {partner.name}
      </Link>
      {partner.blacklisted && (
        <Tooltip title={partner.blacklistReason}>
          <Tag color="error" data-testid="partner-blacklisted-tag">
            {t('partners.blacklistedTag')}
          </Tag>
        </Tooltip>
      )}
    </Flex>
  );
}

/** Columns of the partner list; the sortable ones match the server's `partnerSortFields`. */
export function partnerColumns(
  t: TFunction,
  locale: Locale,
  sort: string | undefined,
): LedgerColumn<PartnerListItem>[] {
  return [
    {
      key: 'name',
      dataIndex: 'name',
      title: t('partners.fields.name'),
      locked: true,
      ...sortableBy(sort, 'name'),
      render: (_, partner) => <PartnerName partner={partner} t={t} />,
    },
    {
      key: 'creditCode',
      dataIndex: 'creditCode',
      title: t('partners.fields.creditCode'),
      ...sortableBy(sort, 'creditCode'),
      render: (code: string | null) => (code ? <Typography.Text copyable>{code}</Typography.Text> : '—'),
    },
    {
      key: 'kinds',
      dataIndex: 'kinds',
      title: t('partners.fields.kinds'),
      render: (_, partner) => <KindTags partner={partner} t={t} />,
    },
    {
      key: 'type',
      dataIndex: 'type',
      title: t('partners.fields.type'),
      render: (_, partner) => t(`partners.type.${partner.type}`),
    },
    {
      key: 'region',
      dataIndex: 'region',
      title: t('partners.fields.region'),
      ...sortableBy(sort, 'region'),
      render: (code: string | null) => regionLabel(code, locale) || '—',
    },
    {
      key: 'industry',
      dataIndex: 'industry',
      title: t('partners.fields.industry'),
      render: (code: string | null) => industryLabel(code, locale) || '—',
    },
    {
      key: 'rating',
      dataIndex: 'rating',
      title: t('partners.fields.rating'),
      ...sortableBy(sort, 'rating'),
      render: (rating: string | null) => <RatingTag rating={rating} t={t} />,
    },
    {
      key: 'entityName',
      dataIndex: 'entityName',
      title: t('partners.fields.entity'),
      render: (name: string, partner) => (
        <Flex gap={4} align="center" wrap>
          {name}
          {partner.sharedWithGroup && <Tag color="cyan">{t('partners.sharedYes')}</Tag>}
        </Flex>
      ),
    },
    {
      key: 'createdAt',
      dataIndex: 'createdAt',
      title: t('partners.fields.createdAt'),
      ...sortableBy(sort, 'createdAt'),
      render: (value: string) => formatDate(value),
    },
  ];
}
