import { PlusOutlined } from '@ant-design/icons';
import type { Contract, ContractSettlement, ContractSettlementView } from '@concord/contracts';
import { Alert, Button, Card, Descriptions, Flex, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { usePermissions } from '../../../app/auth/session';
import { AsyncContent } from '../../../shared/AsyncContent';
import { EmptyState } from '../../../shared/EmptyState';
import { formatDate, formatDateTime, formatMoney } from '../../../shared/format';
import { useIsPhone } from '../../../shared/useIsPhone';
import { useSettlementView } from './closing/closingApi';
import { RetentionReleaseModal } from './closing/RetentionReleaseModal';
import { SettlementModal } from './closing/SettlementModal';

const statusColor: Record<ContractSettlement['status'], string> = {
  IN_APPROVAL: 'processing',
  APPROVED: 'success',
  REJECTED: 'error',
  WITHDRAWN: 'default',
};

/**
 * 结算: the contract's position (current, settled and executable amounts, paid, outstanding), a
 * warning when the plan must be re-planned to the settled amount, the settlements with their
 * deductions and retention, the approval link and the retention release.
 */
export function SettlementTab({ contract }: { contract: Contract }) {
  const { data, isLoading, error, refetch } = useSettlementView(contract.id);
  return (
    <AsyncContent isLoading={isLoading} error={data ? null : error} onRetry={() => void refetch()}>
      {data && <SettlementBody contract={contract} view={data} />}
    </AsyncContent>
  );
}

function SettlementBody({ contract, view }: { contract: Contract; view: ContractSettlementView }) {
  const { t } = useTranslation();
  const isPhone = useIsPhone();
  const [creating, setCreating] = useState(false);
  const income = contract.direction === 'INCOME';
  const money = (fen: number | null) =>
    fen === null ? t('contractClosing.settlement.notSettled') : formatMoney(fen);
  return (
    <Flex vertical gap={16} data-testid="settlement-tab">
      <Descriptions
        size="small"
        bordered
        column={isPhone ? 1 : 3}
        title={t('contractClosing.settlement.figures')}
        items={[
          {
            key: 'current',
            label: t('contractClosing.settlement.currentAmount'),
            children: money(view.currentAmount),
          },
          {
            key: 'settled',
            label: t('contractClosing.settlement.settledAmount'),
            children: <span data-testid="settlement-settled-amount">{money(view.settledAmount)}</span>,
          },
          {
            key: 'executable',
            label: t('contractClosing.settlement.executableAmount'),
            children: money(view.executableAmount),
          },
          {
            key: 'paid',
            label: income
              ? t('contractClosing.settlement.receivedAmount')
              : t('contractClosing.settlement.paidAmount'),
            children: money(view.paidAmount),
          },
          {
            key: 'requested',
            label: t('contractClosing.settlement.requestedAmount'),
            children: money(view.requestedAmount),
          },
          {
            key: 'outstanding',
            label: t('contractClosing.settlement.outstandingAmount'),
            children: <span data-testid="settlement-outstanding">{money(view.outstandingAmount)}</span>,
          },
          // An income contract's retention, held back by the customer until released: not yet receivable.
          ...(view.retentionHeldAmount > 0
            ? [
                {
                  key: 'retentionHeld',
                  label: t('contractClosing.settlement.retentionHeld'),
                  children: (
                    <span data-testid="settlement-retention-held">{money(view.retentionHeldAmount)}</span>
                  ),
                },
              ]
            : []),
        ]}
      />
      {view.planAdjustmentNeeded && view.settledAmount !== null && (
        <Alert
          type="warning"
          showIcon
          data-testid="settlement-plan-adjustment"
          message={t('contractClosing.settlement.planAdjustment', {
            planned: formatMoney(view.plannedAmount),
            settled: formatMoney(view.settledAmount),
          })}
        />
      )}
      {view.canSettle && (
        <div>
          <Button
            type="primary"
            icon={<PlusOutlined />}
            onClick={() => setCreating(true)}
            data-testid="settlement-create"
          >
            {t('contractClosing.settlement.create')}
          </Button>
        </div>
      )}
      {view.settlements.length === 0 ? (
        <EmptyState
          description={
            contract.status === 'IN_FORCE'
              ? t('contractClosing.settlement.emptyCan')
              : t('contractClosing.settlement.notInForce')
          }
        />
      ) : (
        <Flex vertical gap={12}>
          <Typography.Title level={5} style={{ margin: 0 }}>
            {t('contractClosing.settlement.list')}
          </Typography.Title>
          {view.settlements.map((settlement) => (
            <SettlementCard key={settlement.id} contract={contract} settlement={settlement} />
          ))}
        </Flex>
      )}
      <SettlementModal contract={contract} view={view} open={creating} onClose={() => setCreating(false)} />
    </Flex>
  );
}

function SettlementCard({ contract, settlement }: { contract: Contract; settlement: ContractSettlement }) {
  const { t } = useTranslation();
  const isPhone = useIsPhone();
  const { can } = usePermissions();
  const [releasing, setReleasing] = useState(false);
  const canRelease =
    can('contract.settle') &&
    settlement.status === 'APPROVED' &&
    settlement.retentionAmount > 0 &&
    !settlement.retentionReleasedOn;
  const retention =
    settlement.retentionAmount > 0 ? (
      <Flex gap={8} wrap align="center">
        <span>{formatMoney(settlement.retentionAmount)}</span>
        {settlement.retentionReleaseDate && (
          <Typography.Text type="secondary">
            {t('contractClosing.settlement.retentionReleaseDate')}{' '}
            {formatDate(settlement.retentionReleaseDate)}
          </Typography.Text>
        )}
        {settlement.retentionReleasedOn ? (
          <Tag color="success">
            {t('contractClosing.settlement.retentionReleasedOn', {
              date: formatDate(settlement.retentionReleasedOn),
            })}
          </Tag>
        ) : (
          settlement.status === 'APPROVED' && (
            <Tag color="warning">{t('contractClosing.settlement.retentionPending')}</Tag>
          )
        )}
      </Flex>
    ) : (
      t('contractClosing.settlement.noRetention')
    );
  return (
    <Card
      size="small"
      data-testid={`settlement-${settlement.id}`}
      title={
        <Flex gap={8} align="center" wrap>
          <span>{formatMoney(settlement.settledAmount)}</span>
          <Tag color={statusColor[settlement.status]} data-testid="settlement-status">
            {t(`contractClosing.settlement.statuses.${settlement.status}`)}
          </Tag>
        </Flex>
      }
      extra={
        <Flex gap={8} wrap>
          {settlement.instanceId && (
            <Link to={`/approvals/${settlement.instanceId}`} data-testid="settlement-approval">
              {t('contractClosing.settlement.approval')}
            </Link>
          )}
          {canRelease && (
            <Button size="small" onClick={() => setReleasing(true)} data-testid="settlement-release">
              {t('contractClosing.settlement.release')}
            </Button>
          )}
        </Flex>
      }
    >
      <Descriptions
        size="small"
        column={isPhone ? 1 : 2}
        items={[
          {
            key: 'final',
            label: t('contractClosing.settlement.finalAmount'),
            children: formatMoney(settlement.finalAmount),
          },
          {
            key: 'deductions',
            label: t('contractClosing.settlement.deductionTotal'),
            children: (
              <Flex vertical gap={2}>
                <span>{formatMoney(settlement.deductionTotal)}</span>
                {settlement.deductions.map((d) => (
                  <Typography.Text key={`${d.reason}-${d.amount}`} type="secondary">
                    {d.reason}：{formatMoney(d.amount)}
                  </Typography.Text>
                ))}
              </Flex>
            ),
          },
          { key: 'retention', label: t('contractClosing.settlement.retention'), children: retention },
          { key: 'by', label: t('contractClosing.settlement.createdBy'), children: settlement.createdByName },
          {
            key: 'at',
            label: t('contractClosing.settlement.createdAt'),
            children: formatDateTime(settlement.createdAt),
          },
          ...(settlement.note
            ? [{ key: 'note', label: t('contractClosing.settlement.note'), children: settlement.note }]
            : []),
        ]}
      />
      <RetentionReleaseModal
        contractId={contract.id}
        settlement={settlement}
        currency={contract.currency}
        open={releasing}
        onClose={() => setReleasing(false)}
      />
    </Card>
  );
}
