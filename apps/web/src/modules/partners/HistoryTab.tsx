import type { AuditEntry, PartnerDetail } from '@concord/contracts';
import { Flex, Table, Tag, Timeline, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { usePermissions } from '../../app/auth/session';
import { AsyncContent } from '../../shared/AsyncContent';
import { EmptyState } from '../../shared/EmptyState';
import { formatDateTime, formatDateTimeSeconds } from '../../shared/format';
import { AuditChanges } from '../system/audit/AuditChanges';
import { usePartnerAudit } from './partnersApi';

const auditActions = [
  'create',
  'update',
  'blacklist',
  'restore',
  'rate',
  'addBankAccount',
  'updateBankAccount',
  'removeBankAccount',
  'addContact',
  'updateContact',
  'removeContact',
  'addQualification',
  'updateQualification',
  'removeQualification',
] as const;
type AuditAction = (typeof auditActions)[number];
const isKnown = (action: string): action is AuditAction =>
  (auditActions as readonly string[]).includes(action);

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
          <AuditLog partnerId={partner.id} />
        ) : (
          <Typography.Text type="secondary">{t('partners.audit.noPermission')}</Typography.Text>
        )}
      </div>
    </Flex>
  );
}

function AuditLog({ partnerId }: { partnerId: string }) {
  const { t } = useTranslation();
  const [page, setPage] = useState(1);
  const { data, isLoading, isFetching, error, refetch } = usePartnerAudit(partnerId, page, true);
  return (
    <AsyncContent isLoading={isLoading} error={data ? null : error} onRetry={() => void refetch()}>
      <Table<AuditEntry>
        size="small"
        rowKey="seq"
        data-testid="partner-audit"
        loading={isFetching}
        dataSource={data?.items}
        scroll={{ x: 'max-content' }}
        locale={{ emptyText: <EmptyState description={t('partners.audit.empty')} /> }}
        pagination={{
          current: page,
          pageSize: 20,
          total: data?.total ?? 0,
          size: 'small',
          onChange: setPage,
          showSizeChanger: false,
        }}
        expandable={{
          expandedRowRender: (entry) => <AuditChanges changes={entry.changes} />,
          rowExpandable: (entry) => entry.changes.length > 0,
        }}
        columns={[
          {
            key: 'at',
            title: t('audit.at'),
            dataIndex: 'at',
            render: (at: string) => formatDateTimeSeconds(at),
          },
          {
            key: 'actor',
            title: t('audit.actor'),
            dataIndex: 'actorName',
            render: (name: string | null) => name ?? t('audit.system'),
          },
          {
            key: 'action',
            title: t('audit.action'),
            dataIndex: 'action',
            render: (action: string) => (
              <Tag>{isKnown(action) ? t(`partners.audit.action.${action}`) : action}</Tag>
            ),
          },
        ]}
      />
    </AsyncContent>
  );
}
