import type { PartnerDetail } from '@concord/contracts';
import { Flex, Tag, Timeline, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { usePermissions } from '../../app/auth/session';
import { AuditTrail } from '../../shared/AuditTrail';
import { formatDateTime } from '../../shared/format';
import { keys } from '../../shared/queryKeys';

/** The blacklist history (everyone who sees the partner) and the change log (audit.view). */
export function HistoryTab({ partner }: { partner: PartnerDetail }) {
  const { t } = useTranslation();
  const { can } = usePermissions();
  return (
    <Flex vertical gap={24}>
      <div>
        <Typography.Title level={5}>{t('partners.blacklist.log')}</Typography.Title>
        {partner.blacklistLog.length === 0 ? (
          <Typography.Text type="secondary">{t('partners.blacklist.logEmpty')}</Typography.Text>
        ) : (
          <Timeline
            data-testid="partner-blacklist-log"
            items={partner.blacklistLog.map((entry) => ({
              key: entry.id,
              color: entry.action === 'blacklist' ? 'red' : 'green',
              children: (
                <Flex vertical gap={2}>
                  <span>
                    <Tag color={entry.action === 'blacklist' ? 'error' : 'success'}>
                      {t(`partners.blacklist.action.${entry.action}`)}
                    </Tag>
                    {formatDateTime(entry.at)} · {entry.actorName ?? '—'}
                  </span>
                  <Typography.Text style={{ whiteSpace: 'pre-wrap' }}>{entry.reason}</Typography.Text>
                </Flex>
              ),
            }))}
          />
        )}
      </div>
      <div>
        <Typography.Title level={5}>{t('partners.audit.title')}</Typography.Title>
        {can('audit.view') ? (
          <AuditTrail
            entityType="partner"
            entityId={partner.id}
            queryKey={(page) => keys.partners.audit(partner.id, page)}
            empty={t('partners.audit.empty')}
            testId="partner-audit"
          />
        ) : (
          <Typography.Text type="secondary">{t('partners.audit.noPermission')}</Typography.Text>
        )}
      </div>
    </Flex>
  );
}
