import type { Contract, ContractMatching, MatchingLine, MatchingStatusCode } from '@concord/contracts';
import { Alert, Descriptions, Flex, Table, Tag, Typography } from 'antd';
import type { ColumnType } from 'antd/es/table';
import { useTranslation } from 'react-i18next';
import { AsyncContent } from '../../../shared/AsyncContent';
import { formatMoney, formatPercentFromBasisPoints } from '../../../shared/format';
import { ResponsiveTable } from '../../../shared/ResponsiveTable';
import { useIsPhone } from '../../../shared/useIsPhone';
import { useContractMatching } from './deliveries/deliveriesApi';

export function MatchingStatusTag({ status }: { status: MatchingStatusCode }) {
  const { t } = useTranslation();
  return (
    <Tag color={status === 'MATCHED' ? 'success' : 'error'} data-testid={`matching-status-${status}`}>
      {t(`contractMatching.status.${status}`)}
    </Tag>
  );
}

/** A signed difference: zero in grey, others in red when the line does not match. */
function Difference({ fen, currency, alert }: { fen: number; currency: string; alert: boolean }) {
  return (
    <Typography.Text type={fen === 0 ? 'secondary' : alert ? 'danger' : undefined}>
      {formatMoney(fen, currency)}
    </Typography.Text>
  );
}

type Row = MatchingLine & { key: string };

/**
 * 款票物匹配: per plan item (and what is tied to none) the money paid or received, invoiced and
 * accepted, their three differences and whether they agree within the entity's tolerance.
 */
export function MatchingTab({ contract }: { contract: Contract }) {
  const { data, isLoading, error, refetch } = useContractMatching(contract.id);
  return (
    <AsyncContent isLoading={isLoading} error={data ? null : error} onRetry={() => void refetch()}>
      {data && <MatchingView matching={data} currency={contract.currency} />}
    </AsyncContent>
  );
}

function MatchingView({ matching, currency }: { matching: ContractMatching; currency: string }) {
  const { t } = useTranslation();
  const isPhone = useIsPhone();
  const money = (fen: number | null) => (fen === null ? '—' : formatMoney(fen, currency));
  const paidLabel = t(`contractMatching.col.paid.${matching.direction}`);
  const { total } = matching;
  const toleranceText = t('contractMatching.tolerance', {
    amount: formatMoney(matching.tolerance.amount, currency),
    rate: formatPercentFromBasisPoints(matching.tolerance.rate),
  });
  const rows: Row[] = matching.lines.map((line) => ({ ...line, key: line.planItemId ?? 'unassigned' }));

  const columns: ColumnType<Row>[] = [
    {
      key: 'item',
      title: t('contractMatching.col.item'),
      render: (_, row) =>
        row.planItemId ? (
          `${row.seq}. ${row.name}`
        ) : (
          <Typography.Text type="secondary">{t('contractMatching.unassigned')}</Typography.Text>
        ),
    },
    {
      key: 'amount',
      title: t('contractMatching.col.amount'),
      align: 'right',
      render: (_, r) => money(r.amount),
    },
    { key: 'paid', title: paidLabel, align: 'right', render: (_, r) => money(r.paid) },
    {
      key: 'invoiced',
      title: t('contractMatching.col.invoiced'),
      align: 'right',
      render: (_, r) => money(r.invoiced),
    },
    {
      key: 'accepted',
      title: t('contractMatching.col.accepted'),
      align: 'right',
      render: (_, r) => money(r.accepted),
    },
    {
      key: 'paidVsInvoiced',
      title: t('contractMatching.col.paidVsInvoiced'),
      align: 'right',
      render: (_, r) => (
        <Difference fen={r.paidVsInvoiced} currency={currency} alert={r.status === 'MISMATCHED'} />
      ),
    },
    {
      key: 'paidVsAccepted',
      title: t('contractMatching.col.paidVsAccepted'),
      align: 'right',
      render: (_, r) => (
        <Difference fen={r.paidVsAccepted} currency={currency} alert={r.status === 'MISMATCHED'} />
      ),
    },
    {
      key: 'invoicedVsAccepted',
      title: t('contractMatching.col.invoicedVsAccepted'),
      align: 'right',
      render: (_, r) => (
        <Difference fen={r.invoicedVsAccepted} currency={currency} alert={r.status === 'MISMATCHED'} />
      ),
    },
    {
      key: 'status',
      title: t('contractMatching.col.status'),
      render: (_, r) => <MatchingStatusTag status={r.status} />,
    },
  ];

  return (
    <Flex vertical gap={16} data-testid="matching-view">
      <Flex justify="space-between" align="center" gap={8} wrap>
        <Typography.Title level={5} style={{ margin: 0 }}>
          {t('contractMatching.title')}
        </Typography.Title>
        <span data-testid="matching-total-status">
          <MatchingStatusTag status={total.status} />
        </span>
      </Flex>
      <Typography.Text type="secondary">
        {t('contractMatching.hint', {
          paid: t(`contractMatching.paidWord.${matching.direction}`),
          tolerance: toleranceText,
          source: t(`contractMatching.source.${matching.toleranceSource}`),
        })}
      </Typography.Text>
      <Descriptions
        size="small"
        bordered={!isPhone}
        column={isPhone ? 1 : 3}
        data-testid="matching-totals"
        items={[
          {
            key: 'paid',
            label: paidLabel,
            children: <span data-testid="matching-paid">{money(total.paid)}</span>,
          },
          {
            key: 'invoiced',
            label: t('contractMatching.col.invoiced'),
            children: <span data-testid="matching-invoiced">{money(total.invoiced)}</span>,
          },
          {
            key: 'accepted',
            label: t('contractMatching.col.accepted'),
            children: <span data-testid="matching-accepted">{money(total.accepted)}</span>,
          },
          {
            key: 'pi',
            label: t('contractMatching.col.paidVsInvoiced'),
            children: (
              <Difference
                fen={total.paidVsInvoiced}
                currency={currency}
                alert={total.status === 'MISMATCHED'}
              />
            ),
          },
          {
            key: 'pa',
            label: t('contractMatching.col.paidVsAccepted'),
            children: (
              <Difference
                fen={total.paidVsAccepted}
                currency={currency}
                alert={total.status === 'MISMATCHED'}
              />
            ),
          },
          {
            key: 'ia',
            label: t('contractMatching.col.invoicedVsAccepted'),
            children: (
              <Difference
                fen={total.invoicedVsAccepted}
                currency={currency}
                alert={total.status === 'MISMATCHED'}
              />
            ),
          },
        ]}
      />
      {rows.length === 0 ? (
        <Alert type="info" showIcon message={t('contractMatching.noItems')} data-testid="matching-no-items" />
      ) : (
        <ResponsiveTable<Row>
          rowKey="key"
          size="small"
          pagination={false}
          dataSource={rows}
          columns={columns}
          onRow={(row) => ({ style: row.status === 'MISMATCHED' ? { background: '#fff1f0' } : undefined })}
          cardTitle={(row) => (
            <Flex gap={6} align="center" wrap>
              <span>{row.planItemId ? `${row.seq}. ${row.name}` : t('contractMatching.unassigned')}</span>
              <MatchingStatusTag status={row.status} />
            </Flex>
          )}
          cardHiddenColumns={['item', 'status']}
          empty={t('contractMatching.noItems')}
          data-testid="matching-table"
          summary={() => (
            <Table.Summary.Row>
              <Table.Summary.Cell index={0}>
                <Typography.Text strong>{t('contractMatching.total')}</Typography.Text>
              </Table.Summary.Cell>
              <Table.Summary.Cell index={1} align="right">
                {money(matching.executableAmount)}
              </Table.Summary.Cell>
              <Table.Summary.Cell index={2} align="right">
                <Typography.Text strong>{money(total.paid)}</Typography.Text>
              </Table.Summary.Cell>
              <Table.Summary.Cell index={3} align="right">
                <Typography.Text strong>{money(total.invoiced)}</Typography.Text>
              </Table.Summary.Cell>
              <Table.Summary.Cell index={4} align="right">
                <Typography.Text strong>{money(total.accepted)}</Typography.Text>
              </Table.Summary.Cell>
              <Table.Summary.Cell index={5} align="right">
                <Difference
                  fen={total.paidVsInvoiced}
                  currency={currency}
                  alert={total.status === 'MISMATCHED'}
                />
              </Table.Summary.Cell>
              <Table.Summary.Cell index={6} align="right">
                <Difference
                  fen={total.paidVsAccepted}
                  currency={currency}
                  alert={total.status === 'MISMATCHED'}
                />
              </Table.Summary.Cell>
              <Table.Summary.Cell index={7} align="right">
                <Difference
                  fen={total.invoicedVsAccepted}
                  currency={currency}
                  alert={total.status === 'MISMATCHED'}
                />
              </Table.Summary.Cell>
              <Table.Summary.Cell index={8}>
                <MatchingStatusTag status={total.status} />
              </Table.Summary.Cell>
            </Table.Summary.Row>
          )}
        />
      )}
    </Flex>
  );
}
