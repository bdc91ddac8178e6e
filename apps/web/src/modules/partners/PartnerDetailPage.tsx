import { EditOutlined, StopOutlined, UndoOutlined } from '@ant-design/icons';
import type { PartnerDetail } from '@concord/contracts';
import { Alert, Button, Flex, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import { DetailHeader, DetailPage, DetailTabs } from '../../shared/DetailPage';
import { formatDateTime } from '../../shared/format';
import { BankAccountsTab } from './BankAccountsTab';
import { BlacklistModal } from './BlacklistModal';
import { ContactsTab } from './ContactsTab';
import { HistoryTab } from './HistoryTab';
import { expiryOf } from './labels';
import { OverviewTab } from './OverviewTab';
import { KindTags } from './partnerColumns';
import { PartnerFormModal, type PartnerFormTarget } from './PartnerFormModal';
import { usePartner } from './partnersApi';
import { QualificationsTab } from './QualificationsTab';
import { RatingHistoryTab } from './RatingHistoryTab';

/** `/partners/:id`: header with the actions allowed now, and tabs (the open tab is in the URL). */
export default function PartnerDetailPage() {
  const { id = '' } = useParams();
  const { t } = useTranslation();
  const { data, isLoading, error, refetch } = usePartner(id);
  return (
    <DetailPage
      back={{ to: '/partners', label: t('partners.detail.back'), testId: 'partner-back' }}
      isLoading={isLoading}
      error={data ? null : error}
      onRetry={() => void refetch()}
    >
      {data && <DetailBody partner={data} />}
    </DetailPage>
  );
}

function DetailBody({ partner }: { partner: PartnerDetail }) {
  const { t } = useTranslation();
  const [formTarget, setFormTarget] = useState<PartnerFormTarget | null>(null);
  const [blacklisting, setBlacklisting] = useState(false);
  const attention = partner.qualifications.filter((q) => {
    const { state } = expiryOf(q.validTo);
    return state === 'expiring' || state === 'expired';
  }).length;

  const count = (n: number) => (n ? ` (${n})` : '');
  const items = [
    {
      key: 'overview',
      label: t('partners.detail.tabs.overview'),
      children: <OverviewTab partner={partner} />,
    },
    {
      key: 'bankAccounts',
      label: `${t('partners.detail.tabs.bankAccounts')}${count(partner.bankAccounts.length)}`,
      children: <BankAccountsTab partner={partner} />,
    },
    {
      key: 'contacts',
      label: `${t('partners.detail.tabs.contacts')}${count(partner.contacts.length)}`,
      children: <ContactsTab partner={partner} />,
    },
    {
      key: 'qualifications',
      label: (
        <span>
          {t('partners.detail.tabs.qualifications')}
          {count(partner.qualifications.length)}
          {attention > 0 && (
            <Tag color="warning" style={{ marginInlineStart: 6 }}>
              {attention}
            </Tag>
          )}
        </span>
      ),
      children: <QualificationsTab partner={partner} />,
    },
    {
      key: 'rating',
      label: t('contractClosing.rating.tab'),
      children: <RatingHistoryTab partner={partner} />,
    },
    { key: 'history', label: t('partners.detail.tabs.history'), children: <HistoryTab partner={partner} /> },
  ];

  const actions = (
    <Flex gap={8} wrap>
      {partner.canManage && (
        <Button
          icon={<EditOutlined />}
          onClick={() => setFormTarget({ mode: 'edit', partner })}
          data-testid="partner-edit"
        >
          {t('partners.actions.edit')}
        </Button>
      )}
      {partner.canBlacklist &&
        (partner.blacklisted ? (
          <Button icon={<UndoOutlined />} onClick={() => setBlacklisting(true)} data-testid="partner-restore">
            {t('partners.actions.restore')}
          </Button>
        ) : (
          <Button
            danger
            icon={<StopOutlined />}
            onClick={() => setBlacklisting(true)}
            data-testid="partner-blacklist"
          >
            {t('partners.actions.blacklist')}
          </Button>
        ))}
    </Flex>
  );

  return (
    <>
      <DetailHeader
        title={partner.name}
        testIds={{ title: 'partner-name' }}
        status={
          partner.blacklisted && (
            <Tag color="error" data-testid="partner-blacklisted-tag">
              {t('partners.blacklistedTag')}
            </Tag>
          )
        }
        tags={
          <>
            <KindTags partner={partner} t={t} />
            {partner.sharedWithGroup && <Tag color="cyan">{t('partners.sharedYes')}</Tag>}
            {partner.creditCode && (
              <Typography.Text type="secondary" copyable style={{ fontFamily: 'monospace' }}>
                {partner.creditCode}
              </Typography.Text>
            )}
          </>
        }
        actions={actions}
      >
        {partner.blacklisted && (
          <Alert
            type="error"
            showIcon
            data-testid="partner-blacklisted-banner"
            title={t('partners.detail.blacklistedBanner', {
              at: formatDateTime(partner.blacklistedAt),
              reason: partner.blacklistReason ?? '',
            })}
          />
        )}
        {attention > 0 && (
          <Alert type="warning" showIcon title={t('partners.detail.expiringBanner', { count: attention })} />
        )}
      </DetailHeader>
      <DetailTabs items={items} testIdPrefix="partner" />
      <PartnerFormModal target={formTarget} onClose={() => setFormTarget(null)} />
      <BlacklistModal
        partner={partner}
        blacklist={!partner.blacklisted}
        open={blacklisting}
        onClose={() => setBlacklisting(false)}
      />
    </>
  );
}
