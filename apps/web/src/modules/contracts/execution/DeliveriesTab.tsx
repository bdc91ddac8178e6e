import { PaperClipOutlined, PlusOutlined } from '@ant-design/icons';
import type { Contract, Delivery, DeliveryStatus } from '@concord/contracts';
import { Button, Descriptions, Flex, Tag, Typography } from 'antd';
import type { ColumnType } from 'antd/es/table';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { AsyncContent } from '../../../shared/AsyncContent';
import { EmptyState } from '../../../shared/EmptyState';
import { formatMoney } from '../../../shared/format';
import { ResponsiveTable } from '../../../shared/ResponsiveTable';
import { RowActions } from '../../../shared/RowActions';
import { useIsPhone } from '../../../shared/useIsPhone';
import { fileContentUrl } from '../../forms/formsApi';
import { useDeliveries, useDeliverySummary } from './deliveries/deliveriesApi';
import { AcceptModal, DeliveryModal, RejectModal } from './deliveries/DeliveryModals';

const statusColors: Record<DeliveryStatus, string> = {
  DELIVERED: 'processing',
  ACCEPTED: 'success',
  REJECTED: 'error',
};

export function DeliveryStatusTag({ status }: { status: DeliveryStatus }) {
  const { t } = useTranslation();
  return (
    <Tag color={statusColors[status]} data-testid={`delivery-status-${status}`}>
      {t(`contractDeliveries.status.${status}`)}
    </Tag>
  );
}

function Files({ files }: { files: { id: string; name: string }[] }) {
  if (files.length === 0) return null;
  return (
    <Flex vertical gap={2}>
      {files.map((file) => (
        <Typography.Link key={file.id} href={fileContentUrl(file.id)} style={{ fontSize: 12 }}>
          <PaperClipOutlined /> {file.name || file.id.slice(0, 8)}
        </Typography.Link>
      ))}
    </Flex>
  );
}

/**
 * 交付验收: the contract's deliveries (what, how much, when, documents) and their acceptance, with
 * the delivered / accepted totals; record a delivery, accept it (in part, with acceptance
 * documents) or reject it when the caller holds contract.delivery over the contract.
 */
export function DeliveriesTab({ contract }: { contract: Contract }) {
  const { t } = useTranslation();
  const isPhone = useIsPhone();
  const [page, setPage] = useState(1);
  const [pageSize, setPageSize] = useState(20);
  const summary = useDeliverySummary(contract.id);
  const list = useDeliveries(contract.id, page, pageSize);
  const [recording, setRecording] = useState(false);
  const [accepting, setAccepting] = useState<Delivery | null>(null);
  const [rejecting, setRejecting] = useState<Delivery | null>(null);
  const money = (fen: number) => formatMoney(fen, contract.currency);
  const canDeliver = summary.data?.canDeliver ?? false;

  const columns: ColumnType<Delivery>[] = [
    {
      key: 'deliveredOn',
      title: t('contractDeliveries.col.deliveredOn'),
      dataIndex: 'deliveredOn',
      width: 110,
    },
    {
      key: 'description',
      title: t('contractDeliveries.col.description'),
      render: (_, d) => (
        <Flex vertical>
          <Typography.Text>{d.description}</Typography.Text>
          {d.planItemName && (
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {t('contractDeliveries.col.planItem')}：{d.planItemName}
            </Typography.Text>
          )}
          <Files files={d.deliveryFiles} />
        </Flex>
      ),
    },
    {
      key: 'quantity',
      title: t('contractDeliveries.col.quantity'),
      render: (_, d) => (d.quantity ? `${d.quantity} ${d.unit ?? ''}`.trim() : '—'),
    },
    {
      key: 'deliveredAmount',
      title: t('contractDeliveries.col.deliveredAmount'),
      align: 'right',
      render: (_, d) => money(d.deliveredAmount),
    },
    {
      key: 'status',
      title: t('contractDeliveries.col.status'),
      render: (_, d) => <DeliveryStatusTag status={d.status} />,
    },
    {
      key: 'acceptedAmount',
      title: t('contractDeliveries.col.acceptedAmount'),
      align: 'right',
      render: (_, d) => (d.status === 'ACCEPTED' ? money(d.acceptedAmount) : '—'),
    },
    {
      key: 'acceptance',
      title: t('contractDeliveries.col.acceptance'),
      render: (_, d) =>
        d.status === 'DELIVERED' ? (
          '—'
        ) : (
          <Flex vertical>
            {d.acceptanceNote && <Typography.Text>{d.acceptanceNote}</Typography.Text>}
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {t('contractDeliveries.by', {
                name: d.acceptedByName ?? '',
                date: d.acceptedOn ?? d.updatedAt.slice(0, 10),
              })}
            </Typography.Text>
            <Files files={d.acceptanceFiles} />
          </Flex>
        ),
    },
    // Only pending deliveries have actions: no empty column otherwise.
    ...(canDeliver && list.data?.items.some((d) => d.status === 'DELIVERED')
      ? [
          {
            key: 'actions',
            title: t('common.actions'),
            render: (_: unknown, d: Delivery) =>
              d.status === 'DELIVERED' ? (
                <RowActions
                  actions={[
                    {
                      key: 'accept',
                      label: t('contractDeliveries.accept'),
                      onClick: () => setAccepting(d),
                      testId: 'delivery-accept',
                    },
                    {
                      key: 'reject',
                      label: t('contractDeliveries.reject'),
                      danger: true,
                      onClick: () => setRejecting(d),
                      testId: 'delivery-reject',
                    },
                  ]}
                />
              ) : null,
          },
        ]
      : []),
  ];

  const recordButton = canDeliver && (
    <Button
      type="primary"
      icon={<PlusOutlined />}
      onClick={() => setRecording(true)}
      disabled={(summary.data?.remaining ?? 0) <= 0}
      data-testid="delivery-create"
    >
      {t('contractDeliveries.record')}
    </Button>
  );

  return (
    <AsyncContent
      isLoading={summary.isLoading || list.isLoading}
      error={summary.data && list.data ? null : (summary.error ?? list.error)}
      onRetry={() => {
        void summary.refetch();
        void list.refetch();
      }}
    >
      {summary.data && list.data && (
        <Flex vertical gap={16} data-testid="deliveries-view">
          <Flex justify="space-between" align="center" gap={8} wrap>
            <Typography.Title level={5} style={{ margin: 0 }}>
              {t('contractDeliveries.title')}
            </Typography.Title>
            {recordButton}
          </Flex>
          <Descriptions
            size="small"
            bordered={!isPhone}
            column={isPhone ? 1 : 4}
            data-testid="deliveries-summary"
            items={[
              {
                key: 'executable',
                label: t('contractDeliveries.summary.executable'),
                children: money(summary.data.executableAmount),
              },
              {
                key: 'delivered',
                label: t('contractDeliveries.summary.delivered'),
                children: <span data-testid="deliveries-delivered">{money(summary.data.delivered)}</span>,
              },
              {
                key: 'accepted',
                label: t('contractDeliveries.summary.accepted'),
                children: <span data-testid="deliveries-accepted">{money(summary.data.accepted)}</span>,
              },
              {
                key: 'remaining',
                label: t('contractDeliveries.summary.remaining'),
                children: money(summary.data.remaining),
              },
            ]}
          />
          {list.data.total === 0 ? (
            <EmptyState
              description={canDeliver ? t('contractDeliveries.emptyCan') : t('contractDeliveries.empty')}
            />
          ) : (
            <ResponsiveTable<Delivery>
              rowKey="id"
              size="small"
              dataSource={list.data.items}
              columns={columns}
              loading={list.isFetching}
              pagination={{
                current: page,
                pageSize,
                total: list.data.total,
                showSizeChanger: false,
                hideOnSinglePage: true,
              }}
              onChange={(pagination) => {
                setPage(pagination.current ?? 1);
                setPageSize(pagination.pageSize ?? 20);
              }}
              cardTitle={(d) => (
                <Flex gap={6} align="center" wrap>
                  <span>{d.deliveredOn}</span>
                  <DeliveryStatusTag status={d.status} />
                </Flex>
              )}
              cardHiddenColumns={['deliveredOn', 'status', 'actions']}
              cardActions={(d) =>
                canDeliver && d.status === 'DELIVERED'
                  ? [
                      <Button key="accept" type="link" size="small" onClick={() => setAccepting(d)}>
                        {t('contractDeliveries.accept')}
                      </Button>,
                      <Button key="reject" type="link" size="small" danger onClick={() => setRejecting(d)}>
                        {t('contractDeliveries.reject')}
                      </Button>,
                    ]
                  : []
              }
              empty={t('contractDeliveries.empty')}
              data-testid="deliveries-table"
            />
          )}
          <DeliveryModal
            contractId={contract.id}
            summary={summary.data}
            currency={contract.currency}
            open={recording}
            onClose={() => setRecording(false)}
          />
          <AcceptModal
            contractId={contract.id}
            delivery={accepting}
            currency={contract.currency}
            onClose={() => setAccepting(null)}
          />
          <RejectModal contractId={contract.id} delivery={rejecting} onClose={() => setRejecting(null)} />
        </Flex>
      )}
    </AsyncContent>
  );
}
