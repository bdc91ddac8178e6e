import type { AuditEntry, Contract } from '@concord/contracts';
import { Table, Tag } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { AsyncContent } from '../../../shared/AsyncContent';
import { EmptyState } from '../../../shared/EmptyState';
import { formatDateTimeSeconds } from '../../../shared/format';
import { useIsPhone } from '../../../shared/useIsPhone';
import { AuditChanges } from '../../system/audit/AuditChanges';
import { useContractAudit } from '../contractsApi';

const knownActions = [
  'create',
  'update',
  'delete',
  'submit',
  'sign',
  'complete',
  'terminate',
  'void',
  'approved',
  'rejected',
  'withdrawn',
  'approval_edit',
  'change',
] as const;
type KnownAction = (typeof knownActions)[number];
const isKnown = (action: string): action is KnownAction =>
  (knownActions as readonly string[]).includes(action);

/** 日志: the audit records of this contract, newest first, each expandable to its field changes. */
export function AuditTab({ contract }: { contract: Contract }) {
  const { t } = useTranslation();
  const isPhone = useIsPhone();
  const [page, setPage] = useState(1);
  const { data, isLoading, isFetching, error, refetch } = useContractAudit(contract.id, page, true);
  return (
    <AsyncContent isLoading={isLoading} error={data ? null : error} onRetry={() => void refetch()}>
      <Table<AuditEntry>
        size="small"
        rowKey="seq"
        data-testid="contract-audit"
        loading={isFetching}
        dataSource={data?.items}
        scroll={{ x: 'max-content' }}
        locale={{ emptyText: <EmptyState description={t('contracts.audit.empty')} /> }}
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
              <Tag>{isKnown(action) ? t(`contracts.auditAction.${action}`) : action}</Tag>
            ),
          },
          ...(isPhone
            ? []
            : [
                {
                  key: 'requestId',
                  title: t('audit.requestId'),
                  dataIndex: 'requestId',
                  render: (id: string | null) => id ?? '—',
                },
              ]),
        ]}
      />
    </AsyncContent>
  );
}
