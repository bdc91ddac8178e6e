import type { PartnerDetail } from '@concord/contracts';
import { Descriptions, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { formatDateTime } from '../../shared/format';
import { useIsPhone } from '../../shared/useIsPhone';
import { KindTags, RatingTag } from './partnerColumns';
import { industryLabel, localeOf, regionLabel } from './labels';

export function OverviewTab({ partner }: { partner: PartnerDetail }) {
  const { t, i18n } = useTranslation();
  const locale = localeOf(i18n.language);
  const isPhone = useIsPhone();
  const dash = (value: string | null | undefined) => value || '—';
  return (
    <Descriptions
      bordered
      size="small"
      column={isPhone ? 1 : 2}
      data-testid="partner-overview"
      items={[
        { key: 'name', label: t('partners.fields.name'), children: partner.name, span: isPhone ? 1 : 2 },
        {
          key: 'creditCode',
          label: t('partners.fields.creditCode'),
          children: partner.creditCode ? (
            <Typography.Text copyable data-testid="partner-credit-code">
              {partner.creditCode}
            </Typography.Text>
          ) : (
            '—'
          ),
        },
        { key: 'type', label: t('partners.fields.type'), children: t(`partners.type.${partner.type}`) },
        { key: 'kinds', label: t('partners.fields.kinds'), children: <KindTags partner={partner} t={t} /> },
        {
          key: 'rating',
          label: t('partners.fields.rating'),
          children: <RatingTag rating={partner.rating} t={t} />,
        },
        {
          key: 'industry',
          label: t('partners.fields.industry'),
          children: dash(industryLabel(partner.industry, locale)),
        },
        {
          key: 'region',
          label: t('partners.fields.region'),
          children: dash(regionLabel(partner.region, locale)),
        },
        {
          key: 'address',
          label: t('partners.fields.address'),
          children: dash(partner.address),
          span: isPhone ? 1 : 2,
        },
        { key: 'entity', label: t('partners.fields.entity'), children: partner.entityName },
        {
          key: 'shared',
          label: t('partners.fields.shared'),
          children: partner.sharedWithGroup ? (
            <Tag color="cyan">{t('partners.sharedYes')}</Tag>
          ) : (
            t('partners.sharedNo')
          ),
        },
        { key: 'owner', label: t('partners.fields.owner'), children: dash(partner.ownerName) },
        {
          key: 'createdAt',
          label: t('partners.fields.createdAt'),
          children: formatDateTime(partner.createdAt),
        },
        {
          key: 'updatedAt',
          label: t('partners.fields.updatedAt'),
          children: formatDateTime(partner.updatedAt),
        },
        {
          key: 'remarks',
          label: t('partners.fields.remarks'),
          children: <span style={{ whiteSpace: 'pre-wrap' }}>{dash(partner.remarks)}</span>,
          span: isPhone ? 1 : 2,
        },
      ]}
    />
  );
}
