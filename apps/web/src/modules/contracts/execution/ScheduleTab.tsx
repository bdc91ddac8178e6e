import { EditOutlined, PlusOutlined } from '@ant-design/icons';
import type { Contract, ContractSchedule, ContractScheduleItem } from '@concord/contracts';
import { Alert, Button, Descriptions, Flex, Progress, Table, Tag, Typography } from 'antd';
import type { ColumnType } from 'antd/es/table';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { AsyncContent } from '../../../shared/AsyncContent';
import { EmptyState } from '../../../shared/EmptyState';
import { FormError } from '../../../shared/FormError';
import { formatMoney, formatPercentFromBasisPoints } from '../../../shared/format';
import { ResponsiveTable } from '../../../shared/ResponsiveTable';
import { useIsPhone } from '../../../shared/useIsPhone';
import { ScheduleEditor } from './schedule/ScheduleEditor';
import { useContractSchedule, useReplaceSchedule } from './schedule/scheduleApi';
import { type DraftItem, draftOf, emptyRow, inputsOf, sumFen } from './schedule/scheduleMath';

const overdueColor = '#cf1322';

/**
 * 付款计划 / 收款计划: the contract's milestones with what is requested, paid (or received),
 * invoiced and accepted on each, the progress, overdue items highlighted and the totals; an edit
 * mode replaces the whole plan (the sum must equal the contract's amount to execute).
 */
export function ScheduleTab({ contract }: { contract: Contract }) {
  const { data, isLoading, error, refetch } = useContractSchedule(contract.id);
  const [editing, setEditing] = useState<DraftItem[] | null>(null);
  const startEditing = (schedule: ContractSchedule) =>
    setEditing(
      schedule.items.length
        ? draftOf(schedule.items, schedule.currency)
        : [emptyRow(), emptyRow(), emptyRow()],
    );

  return (
    <AsyncContent isLoading={isLoading} error={data ? null : error} onRetry={() => void refetch()}>
      {data &&
        (editing ? (
          <EditPlan schedule={data} rows={editing} onChange={setEditing} onDone={() => setEditing(null)} />
        ) : (
          <PlanView schedule={data} onEdit={() => startEditing(data)} />
        ))}
    </AsyncContent>
  );
}

/** Direction-dependent words: 付款 for expense contracts, 收款 for income ones. */
function useDirectionLabels(direction: ContractSchedule['direction']) {
  const { t } = useTranslation();
  const income = direction === 'INCOME';
  return {
    title: income ? t('contractSchedule.title.INCOME') : t('contractSchedule.title.EXPENSE'),
    paid: income ? t('contractSchedule.col.received') : t('contractSchedule.col.paid'),
    remaining: income ? t('contractSchedule.col.toReceive') : t('contractSchedule.col.toPay'),
  };
}

function PlanView({ schedule, onEdit }: { schedule: ContractSchedule; onEdit: () => void }) {
  const { t } = useTranslation();
  const isPhone = useIsPhone();
  const labels = useDirectionLabels(schedule.direction);
  const money = (fen: number) => formatMoney(fen, schedule.currency);
  const { totals } = schedule;
  const income = schedule.direction === 'INCOME';

  if (schedule.items.length === 0) {
    return (
      <EmptyState
        description={
          schedule.editable
            ? t('contractSchedule.emptyCan', { title: labels.title })
            : t('contractSchedule.empty', { title: labels.title })
        }
        action={
          schedule.editable && (
            <Button type="primary" icon={<PlusOutlined />} onClick={onEdit} data-testid="schedule-create">
              {t('contractSchedule.create', { title: labels.title })}
            </Button>
          )
        }
      />
    );
  }

  const columns: ColumnType<ContractScheduleItem>[] = [
    { key: 'seq', title: '#', dataIndex: 'seq', width: 44 },
    {
      key: 'name',
      title: t('contractSchedule.col.name'),
      render: (_, item) => (
        <Flex vertical>
          <Typography.Text strong>{item.name}</Typography.Text>
          {item.condition && (
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {item.condition}
            </Typography.Text>
          )}
        </Flex>
      ),
    },
    {
      key: 'dueDate',
      title: t('contractSchedule.col.dueDate'),
      render: (_, item) => (
        <Flex gap={4} align="center" wrap>
          <span style={item.overdue ? { color: overdueColor, fontWeight: 500 } : undefined}>
            {item.dueDate}
          </span>
          {item.overdue && (
            <Tag color="error" data-testid="schedule-overdue-tag">
              {t('contractSchedule.overdue')}
            </Tag>
          )}
        </Flex>
      ),
    },
    {
      key: 'amount',
      title: t('contractSchedule.col.amount'),
      align: 'right',
      render: (_, item) => (
        <Flex vertical align={isPhone ? 'flex-start' : 'flex-end'}>
          <span>{money(item.amount)}</span>
          {item.percentage !== null && (
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {formatPercentFromBasisPoints(item.percentage)}
            </Typography.Text>
          )}
        </Flex>
      ),
    },
    ...(income
      ? []
      : [
          {
            key: 'requested',
            title: t('contractSchedule.col.requested'),
            align: 'right' as const,
            render: (_: unknown, item: ContractScheduleItem) => money(item.requested),
          },
        ]),
    { key: 'paid', title: labels.paid, align: 'right', render: (_, item) => money(item.paid) },
    {
      key: 'invoiced',
      title: t('contractSchedule.col.invoiced'),
      align: 'right',
      render: (_, item) => money(item.invoiced),
    },
    {
      key: 'accepted',
      title: t('contractSchedule.col.accepted'),
      align: 'right',
      render: (_, item) => money(item.accepted),
    },
    {
      key: 'remaining',
      title: labels.remaining,
      align: 'right',
      render: (_, item) => (
        <span style={item.overdue ? { color: overdueColor, fontWeight: 500 } : undefined}>
          {money(item.remaining)}
        </span>
      ),
    },
    {
      key: 'progress',
      title: t('contractSchedule.col.progress'),
      width: 140,
      render: (_, item) => (
        <Progress
          size="small"
          percent={item.amount > 0 ? Math.min(100, Math.floor((item.paid * 100) / item.amount)) : 0}
          success={{ percent: 0 }}
          status={item.overdue ? 'exception' : item.paid >= item.amount ? 'success' : 'normal'}
          style={{ minWidth: 100, margin: 0 }}
        />
      ),
    },
  ];

  return (
    <Flex vertical gap={16} data-testid="schedule-view">
      <Flex justify="space-between" align="center" gap={8} wrap>
        <Typography.Title level={5} style={{ margin: 0 }}>
          {labels.title}
        </Typography.Title>
        {schedule.editable && (
          <Button icon={<EditOutlined />} onClick={onEdit} data-testid="schedule-edit">
            {t('contractSchedule.editPlan')}
          </Button>
        )}
      </Flex>
      {totals.difference !== 0 && (
        <Alert
          type="warning"
          showIcon
          data-testid="schedule-difference"
          message={t('contractSchedule.differenceWarning', {
            total: money(totals.amount),
            target: money(schedule.executableAmount),
            difference: money(totals.difference),
          })}
        />
      )}
      <Descriptions
        size="small"
        bordered={!isPhone}
        column={isPhone ? 1 : 4}
        data-testid="schedule-totals"
        items={[
          {
            key: 'target',
            label:
              schedule.settledAmount !== null
                ? t('contractSchedule.total.settled')
                : t('contractSchedule.total.current'),
            children: money(schedule.executableAmount),
          },
          {
            key: 'planned',
            label: t('contractSchedule.total.planned'),
            children: <span data-testid="schedule-total-amount">{money(totals.amount)}</span>,
          },
          {
            key: 'paid',
            label: labels.paid,
            children: <span data-testid="schedule-total-paid">{money(totals.paid)}</span>,
          },
          ...(income
            ? []
            : [
                {
                  key: 'requested',
                  label: t('contractSchedule.col.requested'),
                  children: money(totals.requested),
                },
              ]),
          { key: 'invoiced', label: t('contractSchedule.col.invoiced'), children: money(totals.invoiced) },
          { key: 'accepted', label: t('contractSchedule.col.accepted'), children: money(totals.accepted) },
          { key: 'remaining', label: labels.remaining, children: money(totals.remaining) },
          {
            key: 'overdue',
            label: income ? t('contractSchedule.total.overdueIncome') : t('contractSchedule.total.overdue'),
            children: (
              <span
                style={totals.overdue > 0 ? { color: overdueColor, fontWeight: 600 } : undefined}
                data-testid="schedule-total-overdue"
              >
                {money(totals.overdue)}
              </span>
            ),
          },
        ]}
      />
      <ResponsiveTable<ContractScheduleItem>
        rowKey="id"
        size="small"
        pagination={false}
        dataSource={schedule.items}
        columns={columns}
        cardTitle={(item) => (
          <Flex gap={6} align="center" wrap>
            <span>{`${item.seq}. ${item.name}`}</span>
            {item.overdue && <Tag color="error">{t('contractSchedule.overdue')}</Tag>}
          </Flex>
        )}
        cardHiddenColumns={['seq', 'name']}
        empty={t('contractSchedule.empty', { title: labels.title })}
        onRow={(item) => ({ style: item.overdue ? { background: '#fff1f0' } : undefined })}
        data-testid="schedule-table"
        summary={() => (
          <Table.Summary.Row>
            <Table.Summary.Cell index={0} colSpan={3}>
              <Typography.Text strong>{t('contractSchedule.total.label')}</Typography.Text>
            </Table.Summary.Cell>
            <Table.Summary.Cell index={3} align="right">
              <Typography.Text strong>{money(totals.amount)}</Typography.Text>
            </Table.Summary.Cell>
            {!income && (
              <Table.Summary.Cell index={4} align="right">
                {money(totals.requested)}
              </Table.Summary.Cell>
            )}
            <Table.Summary.Cell index={5} align="right">
              {money(totals.paid)}
            </Table.Summary.Cell>
            <Table.Summary.Cell index={6} align="right">
              {money(totals.invoiced)}
            </Table.Summary.Cell>
            <Table.Summary.Cell index={7} align="right">
              {money(totals.accepted)}
            </Table.Summary.Cell>
            <Table.Summary.Cell index={8} align="right">
              {money(totals.remaining)}
            </Table.Summary.Cell>
            <Table.Summary.Cell index={9}>
              <Progress
                size="small"
                percent={
                  totals.amount > 0 ? Math.min(100, Math.floor((totals.paid * 100) / totals.amount)) : 0
                }
                style={{ minWidth: 100, margin: 0 }}
              />
            </Table.Summary.Cell>
          </Table.Summary.Row>
        )}
      />
    </Flex>
  );
}

function EditPlan({
  schedule,
  rows,
  onChange,
  onDone,
}: {
  schedule: ContractSchedule;
  rows: DraftItem[];
  onChange: (rows: DraftItem[]) => void;
  onDone: () => void;
}) {
  const { t } = useTranslation();
  const labels = useDirectionLabels(schedule.direction);
  const replace = useReplaceSchedule(schedule.contractId);
  const [tried, setTried] = useState(false);
  const balanced = rows.length === 0 || sumFen(rows, schedule.currency) === schedule.executableAmount;

  const save = () => {
    setTried(true);
    const items = inputsOf(rows, schedule.currency);
    if (!items || !balanced) return;
    replace.mutate({ lockVersion: schedule.lockVersion, items }, { onSuccess: onDone });
  };

  return (
    <Flex vertical gap={12} data-testid="schedule-edit-mode">
      <Typography.Title level={5} style={{ margin: 0 }}>
        {t('contractSchedule.editTitle', { title: labels.title })}
      </Typography.Title>
      <Typography.Text type="secondary">
        {t('contractSchedule.edit.hint', {
          target: formatMoney(schedule.executableAmount, schedule.currency),
        })}
      </Typography.Text>
      <FormError error={replace.error} />
      <ScheduleEditor
        value={rows}
        onChange={onChange}
        target={schedule.executableAmount}
        currency={schedule.currency}
        showErrors={tried}
      />
      <Flex gap={8} justify="flex-end" wrap>
        <Button onClick={onDone} disabled={replace.isPending} data-testid="schedule-cancel">
          {t('common.cancel')}
        </Button>
        <Button
          type="primary"
          onClick={save}
          loading={replace.isPending}
          disabled={tried && !balanced}
          data-testid="schedule-save"
        >
          {t('common.save')}
        </Button>
      </Flex>
    </Flex>
  );
}
