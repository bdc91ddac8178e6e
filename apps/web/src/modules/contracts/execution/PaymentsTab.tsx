import { PlusOutlined } from '@ant-design/icons';
import type { Contract, ContractPayment, ContractPaymentPosition } from '@concord/contracts';
import { Alert, Button, Descriptions, Flex, Space, Table, Tag, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { AsyncContent } from '../../../shared/AsyncContent';
import { EmptyState } from '../../../shared/EmptyState';
import { formatDateTime, formatMoney } from '../../../shared/format';
import { ResponsiveTable } from '../../../shared/ResponsiveTable';
import { type PaymentAction, PaymentActionModal } from './payments/PaymentActionModal';
import { PaymentRequestModal } from './payments/PaymentRequestModal';
import { useContractPayments, usePaymentPosition } from './payments/paymentsApi';
import { ReceiptModal } from './payments/ReceiptModal';

/** One colour per status, as with the app's other status tags. */
export const paymentStatusColors: Record<ContractPayment['status'], string> = {
  IN_APPROVAL: 'processing',
  APPROVED: 'gold',
  PAID: 'success',
  REJECTED: 'error',
  WITHDRAWN: 'default',
  CANCELED: 'default',
  RECEIVED: 'success',
  REFUNDED: 'magenta',
};

/**
 * 付款 / 收款: the contract's payment requests, payments, receipts and refunds with status tags and
 * totals; the position (paid, requested, invoiced, accepted, room); actions by status: pay (finance),
 * cancel an approved request, refund a paid payment or a receipt; the request and receipt forms.
 */
export function PaymentsTab({ contract }: { contract: Contract }) {
  const { t } = useTranslation();
  const [page, setPage] = useState(1);
  const [creating, setCreating] = useState(false);
  const [target, setTarget] = useState<{ payment: ContractPayment; action: PaymentAction } | null>(null);
  const list = useContractPayments(contract.id, page);
  const position = usePaymentPosition(contract.id);
  const direction = contract.direction;
  const pos = position.data;
  const canCreate = !!pos?.open && pos.can.request && pos.items.length > 0;

  const actionsOf = (payment: ContractPayment): PaymentAction[] => {
    if (!pos) return [];
    const actions: PaymentAction[] = [];
    if (payment.kind === 'PAYMENT' && payment.status === 'APPROVED') {
      if (pos.can.pay) actions.push('pay');
      if (pos.can.request) actions.push('cancel');
    }
    const refundable =
      (payment.kind === 'PAYMENT' && payment.status === 'PAID') ||
      (payment.kind === 'RECEIPT' && payment.status === 'RECEIVED');
    if (refundable && pos.can.request && payment.amount > payment.refundedAmount) actions.push('refund');
    return actions;
  };
  const renderActions = (payment: ContractPayment) => (
    <Space size={4} wrap>
      {actionsOf(payment).map((action) => (
        <Button
          key={action}
          size="small"
          type={action === 'pay' ? 'primary' : 'link'}
          danger={action === 'cancel'}
          onClick={() => setTarget({ payment, action })}
          data-testid={`payment-${action}`}
        >
          {t(`contractPayments.${action}`)}
        </Button>
      ))}
      {payment.instanceId && (
        <Link to={`/approvals/${payment.instanceId}`} data-testid="payment-approval-link">
          {t('contractPayments.openApproval')}
        </Link>
      )}
    </Space>
  );

  const columns: ColumnsType<ContractPayment> = [
    {
      key: 'number',
      title: t('contractPayments.column.number'),
      render: (_, p) => (
        <Flex vertical gap={2}>
          <span>{p.number}</span>
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {formatDateTime(p.createdAt)}
          </Typography.Text>
        </Flex>
      ),
    },
    {
      key: 'kind',
      title: t('contractPayments.column.kind'),
      render: (_, p) => (
        <Flex vertical gap={2}>
          <span>{t(`contractPayments.kinds.${p.kind}`)}</span>
          {p.refundOfNumber && (
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {t('contractPayments.refundOf', { number: p.refundOfNumber })}
            </Typography.Text>
          )}
        </Flex>
      ),
    },
    {
      key: 'item',
      title: t('contractPayments.column.item'),
      render: (_, p) => (p.planItemSeq ? `${p.planItemSeq}. ${p.planItemName}` : '—'),
    },
    {
      key: 'amount',
      title: t('contractPayments.column.amount'),
      align: 'right',
      render: (_, p) => (
        <Flex vertical gap={2} align="end">
          <Typography.Text
            type={p.kind === 'REFUND' ? 'danger' : undefined}
            data-testid="payment-amount-cell"
          >
            {formatMoney(p.kind === 'REFUND' ? -p.amount : p.amount)}
          </Typography.Text>
          {p.refundedAmount > 0 && (
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {t('contractPayments.refundedPart', { amount: formatMoney(p.refundedAmount) })}
            </Typography.Text>
          )}
        </Flex>
      ),
    },
    {
      key: 'status',
      title: t('contractPayments.column.status'),
      render: (_, p) => (
        <Tag color={paymentStatusColors[p.status]} data-testid="payment-status">
          {t(`contractPayments.statuses.${p.status}`)}
        </Tag>
      ),
    },
    {
      key: 'purpose',
      title: t('contractPayments.column.purpose'),
      render: (_, p) => (
        <Flex vertical gap={2} style={{ maxWidth: 280 }}>
          <span>{p.purpose ?? [p.bankAccount, p.reference].filter(Boolean).join(' · ')}</span>
          {p.overrideReason && (
            <Typography.Text type="warning" style={{ fontSize: 12 }} data-testid="payment-override">
              {t('contractPayments.overridden', { reason: p.overrideReason, by: p.overrideByName ?? '' })}
            </Typography.Text>
          )}
        </Flex>
      ),
    },
    { key: 'by', title: t('contractPayments.column.by'), dataIndex: 'requestedByName' },
    {
      key: 'paidOn',
      title: t('contractPayments.column.paidOn'),
      render: (_, p) =>
        p.paidOn ? (
          <span>
            {p.paidOn}
            {p.method && (
              <Typography.Text type="secondary" style={{ fontSize: 12, display: 'block' }}>
                {t(`contractPayments.methods.${p.method}`)}
              </Typography.Text>
            )}
          </span>
        ) : (
          '—'
        ),
    },
    { key: 'actions', title: t('common.actions'), fixed: 'right', render: (_, p) => renderActions(p) },
  ];

  const totals = list.data?.totals;
  return (
    <Flex vertical gap={16} data-testid="payments-tab">
      <AsyncContent
        isLoading={position.isLoading}
        error={pos ? null : position.error}
        onRetry={() => void position.refetch()}
      >
        {pos && <PositionSummary position={pos} refunded={totals?.refunded ?? 0} />}
        {pos && !pos.open && <Alert type="info" showIcon message={t('contractPayments.notOpen')} />}
        {pos?.open && pos.items.length === 0 && (
          <Alert
            type="info"
            showIcon
            message={t('contractPayments.noPlan', { title: t(`contractSchedule.title.${direction}`) })}
          />
        )}
      </AsyncContent>
      <Flex justify="space-between" align="center" wrap gap={8}>
        <Typography.Title level={5} style={{ margin: 0 }}>
          {t(`contractPayments.title.${direction}`)}
        </Typography.Title>
        {canCreate && (
          <Button
            type="primary"
            icon={<PlusOutlined />}
            onClick={() => setCreating(true)}
            data-testid="payment-create"
          >
            {t(direction === 'EXPENSE' ? 'contractPayments.request' : 'contractPayments.receive')}
          </Button>
        )}
      </Flex>
      <AsyncContent
        isLoading={list.isLoading}
        error={list.data ? null : list.error}
        onRetry={() => void list.refetch()}
      >
        <ResponsiveTable<ContractPayment>
          rowKey="id"
          size="small"
          data-testid="payments-table"
          columns={columns}
          dataSource={list.data?.items}
          loading={list.isFetching}
          empty={
            <EmptyState
              description={
                canCreate
                  ? t(`contractPayments.emptyCan.${direction}`)
                  : t(`contractPayments.empty.${direction}`)
              }
            />
          }
          pagination={
            (list.data?.total ?? 0) > (list.data?.pageSize ?? 10) && {
              current: page,
              pageSize: list.data?.pageSize ?? 10,
              total: list.data?.total ?? 0,
              showTotal: (total) => t('common.total', { total }),
            }
          }
          onChange={(pagination) => setPage(pagination.current ?? 1)}
          summary={() =>
            totals && (list.data?.items.length ?? 0) > 0 ? (
              <TotalsRow totals={totals} direction={direction} columns={columns.length} />
            ) : null
          }
          cardTitle={(p) => (
            <Flex gap={8} align="center" wrap>
              <span>
                {t(`contractPayments.kinds.${p.kind}`)} {formatMoney(p.amount)}
              </span>
              <Tag color={paymentStatusColors[p.status]}>{t(`contractPayments.statuses.${p.status}`)}</Tag>
            </Flex>
          )}
          cardActions={(p) => [<span key="actions">{renderActions(p)}</span>]}
          cardHiddenColumns={['status', 'actions']}
        />
      </AsyncContent>
      {pos && direction === 'EXPENSE' && (
        <PaymentRequestModal
          contract={contract}
          position={pos}
          open={creating}
          onClose={() => setCreating(false)}
        />
      )}
      {pos && direction === 'INCOME' && (
        <ReceiptModal contract={contract} position={pos} open={creating} onClose={() => setCreating(false)} />
      )}
      <PaymentActionModal
        contractId={contract.id}
        currency={contract.currency}
        target={target}
        onClose={() => setTarget(null)}
      />
    </Flex>
  );
}

function PositionSummary({ position, refunded }: { position: ContractPaymentPosition; refunded: number }) {
  const { t } = useTranslation();
  const d = position.direction;
  const items = [
    { key: 'amount', label: t('contractPayments.summary.amount'), children: formatMoney(position.amount) },
    { key: 'paid', label: t(`contractPayments.summary.paid.${d}`), children: formatMoney(position.paid) },
    ...(d === 'EXPENSE'
      ? [
          {
            key: 'requested',
            label: t('contractPayments.summary.requested'),
            children: formatMoney(position.requested),
          },
        ]
      : []),
    {
      key: 'invoiced',
      label: t('contractPayments.summary.invoiced'),
      children: formatMoney(position.invoiced),
    },
    {
      key: 'accepted',
      label: t('contractPayments.summary.accepted'),
      children: formatMoney(position.accepted),
    },
    { key: 'refunded', label: t('contractPayments.summary.refunded'), children: formatMoney(refunded) },
    {
      key: 'room',
      label: t(`contractPayments.summary.room.${d}`),
      children: <span data-testid="payments-room">{formatMoney(position.room)}</span>,
    },
  ];
  return (
    <Descriptions
      size="small"
      bordered
      column={{ xs: 1, sm: 2, md: 4 }}
      items={items}
      data-testid="payments-summary"
    />
  );
}

function TotalsRow({
  totals,
  direction,
  columns,
}: {
  totals: NonNullable<ReturnType<typeof useContractPayments>['data']>['totals'];
  direction: Contract['direction'];
  columns: number;
}) {
  const { t } = useTranslation();
  const settled = direction === 'EXPENSE' ? totals.paid : totals.received;
  return (
    <Table.Summary.Row>
      <Table.Summary.Cell index={0} colSpan={columns} align="right">
        <Typography.Text strong data-testid="payments-totals">
          {t(`contractPayments.summary.paid.${direction}`)} {formatMoney(settled)} ·{' '}
          {t('contractPayments.summary.refunded')} {formatMoney(totals.refunded)} ·{' '}
          {t('contractPayments.total')} {formatMoney(totals.net)}
          {direction === 'EXPENSE' &&
            ` · ${t('contractPayments.summary.requested')} ${formatMoney(totals.requested)}`}
        </Typography.Text>
      </Table.Summary.Cell>
    </Table.Summary.Row>
  );
}
