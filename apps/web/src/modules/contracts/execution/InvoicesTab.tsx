import { PlusOutlined } from '@ant-design/icons';
import type { Contract, ContractInvoice } from '@concord/contracts';
import { App, Button, Descriptions, Flex, Typography } from 'antd';
import type { ColumnType } from 'antd/es/table';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { usePermissions } from '../../../app/auth/session';
import { AsyncContent } from '../../../shared/AsyncContent';
import { EmptyState } from '../../../shared/EmptyState';
import { errorMessage } from '../../../shared/errorMessage';
import { formatDate, formatMoney } from '../../../shared/format';
import { ResponsiveTable } from '../../../shared/ResponsiveTable';
import { RowActions } from '../../../shared/RowActions';
import { useConfirm } from '../../../shared/useConfirm';
import { InvoiceStatusTag } from '../../invoices/InvoiceStatusTag';
import { useContractInvoices, useReleaseContractInvoice } from '../../invoices/invoicesApi';
import { LinkInvoiceModal } from './invoices/LinkInvoiceModal';
import { useContractSchedule } from './schedule/scheduleApi';

const LINKABLE = ['IN_FORCE', 'COMPLETED', 'TERMINATED'];

/**
 * 发票: the invoices a contract uses (received on expense contracts, issued on income ones), per plan
 * item or for the contract as a whole, with the invoiced total; link one (registering it inline or
 * picking one already in the registry) or release a link, when the caller holds contract.invoice.
 */
export function InvoicesTab({ contract }: { contract: Contract }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const confirm = useConfirm();
  const { can } = usePermissions();
  const list = useContractInvoices(contract.id);
  const schedule = useContractSchedule(contract.id);
  const release = useReleaseContractInvoice(contract.id);
  const [adding, setAdding] = useState(false);
  const money = (fen: number) => formatMoney(fen, contract.currency);
  const canLink = can('contract.invoice') && LINKABLE.includes(contract.status);
  const itemName = (id: string | null) => {
    const item = id ? schedule.data?.items.find((i) => i.id === id) : null;
    return item ? `${item.seq}. ${item.name}` : t('invoices.contract.wholeContract');
  };

  const onRelease = async (row: ContractInvoice) => {
    const ok = await confirm({
      title: t('invoices.contract.releaseConfirm', { number: row.invoice.number }),
      content: t('invoices.contract.releaseHint', { amount: money(row.amount) }),
      okText: t('invoices.contract.release'),
      danger: true,
    });
    if (!ok) return;
    release.mutate(row.usageId, {
      onSuccess: () => message.success(t('invoices.contract.released')),
      onError: (error) => message.error(errorMessage(error, t)),
    });
  };

  const columns: ColumnType<ContractInvoice>[] = [
    {
      key: 'number',
      title: t('invoices.field.number'),
      render: (_, r) => (
        <Flex vertical>
          <Link to={`/invoices?open=${r.invoice.id}`}>{r.invoice.number}</Link>
          {r.invoice.code && (
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {t('invoices.field.code')} {r.invoice.code}
            </Typography.Text>
          )}
        </Flex>
      ),
    },
    { key: 'type', title: t('invoices.field.type'), render: (_, r) => t(`invoices.type.${r.invoice.type}`) },
    {
      key: 'issueDate',
      title: t('invoices.field.issueDate'),
      render: (_, r) => formatDate(r.invoice.issueDate),
    },
    {
      key: 'party',
      title:
        contract.direction === 'EXPENSE' ? t('invoices.field.sellerName') : t('invoices.field.buyerName'),
      render: (_, r) => (contract.direction === 'EXPENSE' ? r.invoice.sellerName : r.invoice.buyerName),
    },
    {
      key: 'planItem',
      title: t('invoices.contract.planItem'),
      // A split names each plan item with its part; what it leaves counts on the contract as a whole.
      render: (_, r) =>
        r.planItemId || r.allocations.length === 0 ? (
          itemName(r.planItemId)
        ) : (
          <Flex vertical data-testid="contract-invoice-split">
            {r.allocations.map((a) => (
              <span key={a.planItemId}>
                {itemName(a.planItemId)} {money(a.amount)}
              </span>
            ))}
          </Flex>
        ),
    },
    {
      key: 'total',
      title: t('invoices.field.totalAmount'),
      align: 'right',
      render: (_, r) => money(r.invoice.totalAmount),
    },
    {
      key: 'amount',
      title: t('invoices.contract.amount'),
      align: 'right',
      render: (_, r) => money(r.amount),
    },
    {
      key: 'status',
      title: t('invoices.field.status'),
      render: (_, r) => <InvoiceStatusTag status={r.invoice.status} />,
    },
    ...(canLink
      ? [
          {
            key: 'actions',
            title: t('common.actions'),
            render: (_: unknown, r: ContractInvoice) => (
              <RowActions
                actions={[
                  {
                    key: 'release',
                    label: t('invoices.contract.release'),
                    danger: true,
                    onClick: () => void onRelease(r),
                    testId: 'contract-invoice-release',
                  },
                ]}
              />
            ),
          },
        ]
      : []),
  ];

  return (
    <Flex vertical gap={16}>
      <Flex justify="space-between" align="center" wrap gap={8}>
        <Descriptions size="small" column={{ xs: 1, sm: 3 }} style={{ flex: 1 }}>
          <Descriptions.Item label={t('invoices.contract.invoiced')}>
            <Typography.Text strong data-testid="contract-invoiced-total">
              {money(list.data?.total ?? 0)}
            </Typography.Text>
          </Descriptions.Item>
          <Descriptions.Item label={t('invoices.contract.contractAmount')}>
            {money(contract.currentAmount)}
          </Descriptions.Item>
          <Descriptions.Item label={t('invoices.contract.direction')}>
            {t(`invoices.direction.${contract.direction === 'INCOME' ? 'ISSUED' : 'RECEIVED'}`)}
          </Descriptions.Item>
        </Descriptions>
        {canLink && (
          <Button
            type="primary"
            icon={<PlusOutlined />}
            onClick={() => setAdding(true)}
            data-testid="contract-invoice-add"
          >
            {t('invoices.contract.add')}
          </Button>
        )}
      </Flex>
      <AsyncContent
        isLoading={list.isLoading}
        error={list.data ? null : list.error}
        onRetry={() => void list.refetch()}
      >
        <ResponsiveTable<ContractInvoice>
          rowKey="usageId"
          data-testid="contract-invoices-table"
          columns={columns}
          dataSource={list.data?.items}
          loading={list.isFetching}
          pagination={false}
          size="middle"
          empty={
            <EmptyState
              description={t(canLink ? 'invoices.contract.emptyCanAdd' : 'invoices.contract.empty')}
            />
          }
          cardTitle={(r) => `${r.invoice.number} · ${money(r.amount)}`}
          cardHiddenColumns={['number', 'amount', 'actions']}
          cardActions={(r) =>
            canLink
              ? [
                  <Button key="release" type="link" danger onClick={() => void onRelease(r)}>
                    {t('invoices.contract.release')}
                  </Button>,
                ]
              : []
          }
        />
      </AsyncContent>
      <LinkInvoiceModal contract={contract} open={adding} onClose={() => setAdding(false)} />
    </Flex>
  );
}
