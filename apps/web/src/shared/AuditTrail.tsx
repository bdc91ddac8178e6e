import type { AuditEntry, Page } from '@concord/contracts';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { Button, Flex, Pagination, Tag, Timeline, Typography } from 'antd';
import { type ReactNode, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../app/api/client';
import { usePermissions } from '../app/auth/session';
import { AuditChanges } from '../modules/system/audit/AuditChanges';
import { AsyncContent } from './AsyncContent';
import { EmptyState } from './EmptyState';
import { formatDateTimeSeconds } from './format';
import { useIsPhone } from './useIsPhone';

interface AuditTrailProps {
  /** The record, as the server's audit log names it (`/audit?entityType=&entityId=`). */
  entityType: string;
  entityId: string;
  /** The key of one page; under the record's key so a write on the record refreshes the trail. */
  queryKey: (page: number) => readonly unknown[];
  empty?: ReactNode;
  pageSize?: number;
  testId?: string;
}

const actionColors: Record<string, string> = {
  create: 'green',
  delete: 'red',
  void: 'red',
  blacklist: 'red',
  rejected: 'red',
  approved: 'green',
  restore: 'green',
};

function Entry({ entry, label }: { entry: AuditEntry; label: ReactNode }) {
  const { t } = useTranslation();
  const isPhone = useIsPhone();
  const [open, setOpen] = useState(false);
  return (
    <Flex vertical gap={4}>
      <Flex gap={8} wrap align="center">
        <Tag color={actionColors[entry.action]}>{label}</Tag>
        <Typography.Text>{entry.actorName ?? t('kit.auditSystem')}</Typography.Text>
        <Typography.Text type="secondary">{formatDateTimeSeconds(entry.at)}</Typography.Text>
        {!isPhone && entry.requestId && (
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {t('audit.requestId')} {entry.requestId}
          </Typography.Text>
        )}
      </Flex>
      {entry.changes.length > 0 && (
        <div>
          <Button type="link" size="small" style={{ paddingInline: 0 }} onClick={() => setOpen((v) => !v)}>
            {t('audit.changes')} ({entry.changes.length})
          </Button>
          {open && <AuditChanges changes={entry.changes} />}
        </div>
      )}
    </Flex>
  );
}

/**
 * A record's audit events as a timeline, newest first, each opening to its field changes. Needs the
 * `audit.view` permission; without it says so instead of failing.
 */
export function AuditTrail({
  entityType,
  entityId,
  queryKey,
  empty,
  pageSize = 20,
  testId,
}: AuditTrailProps) {
  const { can } = usePermissions();
  const { t } = useTranslation();
  const allowed = can('audit.view');
  const [page, setPage] = useState(1);
  const { data, isLoading, error, refetch } = useQuery({
    queryKey: queryKey(page),
    queryFn: ({ signal }) =>
      api.get<Page<AuditEntry>>('/audit', { entityType, entityId, page, pageSize }, signal),
    enabled: allowed,
    placeholderData: keepPreviousData,
  });
  if (!allowed) return <Typography.Text type="secondary">{t('kit.auditNoPermission')}</Typography.Text>;
  return (
    <AsyncContent
      isLoading={isLoading}
      error={data ? null : error}
      onRetry={() => void refetch()}
      isEmpty={data?.items.length === 0}
      empty={<EmptyState description={empty ?? t('kit.auditEmpty')} />}
    >
      <Flex vertical gap={8} data-testid={testId}>
        <Timeline
          items={(data?.items ?? []).map((entry) => ({
            key: entry.seq,
            color: actionColors[entry.action] ?? 'blue',
            children: <Entry entry={entry} label={entry.actionLabel} />,
          }))}
        />
        {(data?.total ?? 0) > pageSize && (
          <Pagination
            size="small"
            align="end"
            current={page}
            pageSize={pageSize}
            total={data?.total ?? 0}
            showSizeChanger={false}
            onChange={setPage}
          />
        )}
      </Flex>
    </AsyncContent>
  );
}
