import { ExportOutlined, PlusOutlined } from '@ant-design/icons';
import type { Contract, ContractChange } from '@concord/contracts';
import { Button, Card, Descriptions, Flex, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { AsyncContent } from '../../../shared/AsyncContent';
import { EmptyState } from '../../../shared/EmptyState';
import { formatDateTime } from '../../../shared/format';
import { useIsPhone } from '../../../shared/useIsPhone';
import { ChangeOrderModal } from '../actions/ChangeOrderModal';
import { useContractChanges } from '../contractsApi';
import { fieldLabel, fieldValue } from '../shared/fieldValues';

export const changeStatusColors: Record<ContractChange['status'], string> = {
  IN_APPROVAL: 'processing',
  APPROVED: 'success',
  REJECTED: 'error',
  WITHDRAWN: 'default',
};

/** 变更: the change orders of the contract (newest first), each with before → after, and a new one. */
export function ChangesTab({ contract }: { contract: Contract }) {
  const { t } = useTranslation();
  const { data, isLoading, error, refetch } = useContractChanges(contract.id);
  const [creating, setCreating] = useState(false);
  const changes = [...(data ?? [])].sort((a, b) => b.createdAt.localeCompare(a.createdAt));
  const canChange = contract.actions.includes('change');

  return (
    <Flex vertical gap={16}>
      {canChange && (
        <div>
          <Button
            type="primary"
            icon={<PlusOutlined />}
            onClick={() => setCreating(true)}
            data-testid="contract-change-create"
          >
            {t('contracts.change.create')}
          </Button>
        </div>
      )}
      <AsyncContent
        isLoading={isLoading}
        error={error}
        onRetry={() => void refetch()}
        isEmpty={changes.length === 0}
        empty={
          <EmptyState
            description={canChange ? t('contracts.change.emptyCan') : t('contracts.change.empty')}
          />
        }
      >
        <Flex vertical gap={12} data-testid="contract-changes">
          {changes.map((change) => (
            <ChangeCard key={change.id} change={change} currency={contract.currency} />
          ))}
        </Flex>
      </AsyncContent>
      <ChangeOrderModal contract={creating ? contract : null} onClose={() => setCreating(false)} />
    </Flex>
  );
}

function ChangeCard({ change, currency }: { change: ContractChange; currency: string }) {
  const { t } = useTranslation();
  const isPhone = useIsPhone();
  const rows = Object.keys(change.proposed).map((field) => ({
    field,
    before: change.before[field],
    after: change.proposed[field],
  }));
  return (
    <Card
      size="small"
      data-testid="contract-change"
      title={
        <Flex gap={8} align="center" wrap>
          <span>{change.number}</span>
          <Tag>{t(`contracts.changeKind.${change.kind}`)}</Tag>
          <Tag color={changeStatusColors[change.status]} data-testid="contract-change-status">
            {t(`contracts.changeStatus.${change.status}`)}
          </Tag>
        </Flex>
      }
      extra={
        change.instanceId && (
          <Link to={`/approvals/${change.instanceId}`} data-testid="contract-change-approval">
            {t('contracts.change.approval')} <ExportOutlined />
          </Link>
        )
      }
    >
      <Descriptions
        size="small"
        column={isPhone ? 1 : 3}
        items={[
          {
            key: 'reason',
            label: t('contracts.change.reason'),
            children: change.reason,
            span: isPhone ? 1 : 3,
          },
          { key: 'by', label: t('contracts.change.by'), children: change.createdByName },
          { key: 'at', label: t('contracts.change.at'), children: formatDateTime(change.createdAt) },
          {
            key: 'version',
            label: t('contracts.change.resultingVersion'),
            children: change.resultingVersion ? `v${change.resultingVersion}` : '—',
          },
        ]}
      />
      <Table
        size="small"
        rowKey="field"
        pagination={false}
        scroll={{ x: 'max-content' }}
        style={{ marginTop: 8 }}
        dataSource={rows}
        columns={[
          {
            key: 'field',
            title: t('contracts.compare.field'),
            width: 140,
            render: (_, row) => fieldLabel(t, row.field),
          },
          {
            key: 'before',
            title: t('contracts.change.before'),
            render: (_, row) => (
              <span style={{ color: '#a8071a' }}>{fieldValue(t, row.field, row.before, currency)}</span>
            ),
          },
          {
            key: 'arrow',
            title: '',
            width: 24,
            render: () => <Typography.Text type="secondary">→</Typography.Text>,
          },
          {
            key: 'after',
            title: t('contracts.change.after'),
            render: (_, row) => (
              <span style={{ color: '#237804' }}>{fieldValue(t, row.field, row.after, currency)}</span>
            ),
          },
        ]}
      />
    </Card>
  );
}
