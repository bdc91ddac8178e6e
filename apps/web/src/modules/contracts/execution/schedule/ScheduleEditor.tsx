import { DeleteOutlined, PlusOutlined, VerticalAlignBottomOutlined } from '@ant-design/icons';
import { Alert, Button, Card, DatePicker, Flex, Input, InputNumber, Table, Tooltip, Typography } from 'antd';
import dayjs from 'dayjs';
import { useTranslation } from 'react-i18next';
import { formatMoney } from '../../../../shared/format';
import { useIsPhone } from '../../../../shared/useIsPhone';
import { inputTextToMinor, minorToInputText, moneyInputFormat } from '../../../../shared/moneyInputText';
import {
  type DraftItem,
  emptyRow,
  fenForShare,
  fillRemainder,
  rowProblems,
  shareOf,
  sumFen,
} from './scheduleMath';

interface ScheduleEditorProps {
  value: DraftItem[];
  onChange: (rows: DraftItem[]) => void;
  /** The amount the plan must sum to, in 分. */
  target: number;
  currency: string;
  /** Show row problems (after a save was tried). */
  showErrors?: boolean;
  testId?: string;
}

/**
 * Editing a payment/receipt plan: rows with name, due date, amount in yuan, a percentage helper
 * (typing a share sets the amount) and the condition; the live sum against the target with the
 * difference. Rows with money paid or requested cannot be removed nor go below that.
 */
export function ScheduleEditor({
  value,
  onChange,
  target,
  currency,
  showErrors,
  testId = 'schedule-editor',
}: ScheduleEditorProps) {
  const { t } = useTranslation();
  const isPhone = useIsPhone();
  const total = sumFen(value, currency);
  const format = moneyInputFormat(currency);
  const difference = total - target;
  const update = (key: string, patch: Partial<DraftItem>) =>
    onChange(value.map((row) => (row.key === key ? { ...row, ...patch } : row)));
  const setAmount = (row: DraftItem, text: string | null) => {
    const fen = inputTextToMinor(text ?? undefined, currency);
    update(row.key, {
      amountText: text ?? undefined,
      percentage: fen === null ? null : shareOf(fen, target),
    });
  };
  const setShare = (row: DraftItem, percent: number | null) => {
    if (percent === null) return update(row.key, { percentage: null });
    const basisPoints = Math.round(percent * 100);
    update(row.key, {
      percentage: basisPoints,
      amountText: minorToInputText(fenForShare(target, basisPoints), currency),
    });
  };
  const status = (row: DraftItem, field: 'name' | 'dueDate' | 'amount') => {
    if (!showErrors) return undefined;
    const problems = rowProblems(row, currency);
    return problems.includes(field) || (field === 'amount' && problems.includes('belowUsed'))
      ? 'error'
      : undefined;
  };

  const nameInput = (row: DraftItem) => (
    <Input
      value={row.name}
      maxLength={100}
      status={status(row, 'name')}
      placeholder={t('contractSchedule.placeholder.name')}
      onChange={(e) => update(row.key, { name: e.target.value })}
      data-testid={`${testId}-name`}
    />
  );
  const dateInput = (row: DraftItem) => (
    <DatePicker
      value={row.dueDate ? dayjs(row.dueDate) : null}
      status={status(row, 'dueDate')}
      style={{ width: '100%' }}
      onChange={(date) => update(row.key, { dueDate: date ? date.format('YYYY-MM-DD') : null })}
      data-testid={`${testId}-date`}
    />
  );
  const amountInput = (row: DraftItem) => (
    <InputNumber<string>
      stringMode
      min="0"
      precision={format.precision}
      prefix={format.symbol}
      value={row.amountText}
      status={status(row, 'amount')}
      style={{ width: '100%' }}
      onChange={(text) => setAmount(row, text)}
      data-testid={`${testId}-amount`}
    />
  );
  const shareInput = (row: DraftItem) => (
    <InputNumber<number>
      min={0}
      max={100}
      precision={2}
      suffix="%"
      value={row.percentage === null ? null : row.percentage / 100}
      style={{ width: '100%' }}
      onChange={(percent) => setShare(row, percent)}
      data-testid={`${testId}-percent`}
    />
  );
  const conditionInput = (row: DraftItem) => (
    <Input
      value={row.condition}
      maxLength={500}
      placeholder={t('contractSchedule.placeholder.condition')}
      onChange={(e) => update(row.key, { condition: e.target.value })}
      data-testid={`${testId}-condition`}
    />
  );
  const usedHint = (row: DraftItem) =>
    row.used > 0 ? (
      <Typography.Text
        type={showErrors && rowProblems(row, currency).includes('belowUsed') ? 'danger' : 'secondary'}
        style={{ fontSize: 12 }}
      >
        {t('contractSchedule.edit.usedHint', { amount: formatMoney(row.used, currency) })}
      </Typography.Text>
    ) : null;
  const removeButton = (row: DraftItem) => (
    <Tooltip title={row.used > 0 ? t('contractSchedule.edit.cannotRemove') : undefined}>
      <Button
        type="text"
        danger
        icon={<DeleteOutlined />}
        disabled={row.used > 0}
        aria-label={t('common.delete')}
        onClick={() => onChange(value.filter((r) => r.key !== row.key))}
        data-testid={`${testId}-remove`}
      />
    </Tooltip>
  );

  return (
    <Flex vertical gap={12} data-testid={testId}>
      {isPhone ? (
        <Flex vertical gap={8}>
          {value.map((row, index) => (
            <Card
              key={row.key}
              size="small"
              title={`${index + 1}. ${row.name || t('contractSchedule.edit.newItem')}`}
              extra={removeButton(row)}
              data-testid={`${testId}-row`}
            >
              <Flex vertical gap={8}>
                {nameInput(row)}
                {dateInput(row)}
                <Flex gap={8}>
                  <div style={{ flex: 2 }}>{amountInput(row)}</div>
                  <div style={{ flex: 1 }}>{shareInput(row)}</div>
                </Flex>
                {usedHint(row)}
                {conditionInput(row)}
              </Flex>
            </Card>
          ))}
        </Flex>
      ) : (
        <Table<DraftItem>
          size="small"
          rowKey="key"
          pagination={false}
          dataSource={value}
          scroll={{ x: 'max-content' }}
          locale={{ emptyText: t('contractSchedule.edit.noRows') }}
          onRow={() => ({ 'data-testid': `${testId}-row` }) as React.HTMLAttributes<HTMLElement>}
          columns={[
            { key: 'seq', title: '#', width: 40, render: (_, __, index) => index + 1 },
            {
              key: 'name',
              title: t('contractSchedule.col.name'),
              width: 160,
              render: (_, row) => nameInput(row),
            },
            {
              key: 'dueDate',
              title: t('contractSchedule.col.dueDate'),
              width: 150,
              render: (_, row) => dateInput(row),
            },
            {
              key: 'amount',
              title: t('contractSchedule.col.amount'),
              width: 180,
              render: (_, row) => (
                <Flex vertical gap={2}>
                  {amountInput(row)}
                  {usedHint(row)}
                </Flex>
              ),
            },
            {
              key: 'percentage',
              title: t('contractSchedule.col.percentage'),
              width: 110,
              render: (_, row) => shareInput(row),
            },
            {
              key: 'condition',
              title: t('contractSchedule.col.condition'),
              width: 240,
              render: (_, row) => conditionInput(row),
            },
            { key: 'remove', title: '', width: 48, render: (_, row) => removeButton(row) },
          ]}
        />
      )}
      <Flex gap={8} wrap>
        <Button
          icon={<PlusOutlined />}
          onClick={() => onChange([...value, emptyRow()])}
          data-testid={`${testId}-add`}
        >
          {t('contractSchedule.edit.add')}
        </Button>
        <Button
          icon={<VerticalAlignBottomOutlined />}
          disabled={value.length === 0 || difference === 0}
          onClick={() => onChange(fillRemainder(value, target, currency))}
          data-testid={`${testId}-fill`}
        >
          {t('contractSchedule.edit.fillRemainder')}
        </Button>
      </Flex>
      <Alert
        type={value.length === 0 || difference === 0 ? 'success' : 'warning'}
        showIcon
        data-testid={`${testId}-sum`}
        message={
          value.length === 0
            ? t('contractSchedule.edit.emptyPlan')
            : difference === 0
              ? t('contractSchedule.edit.sumOk', { total: formatMoney(total, currency) })
              : t('contractSchedule.edit.sumOff', {
                  total: formatMoney(total, currency),
                  target: formatMoney(target, currency),
                  difference: formatMoney(difference, currency),
                })
        }
      />
    </Flex>
  );
}
