import {
  type ExecutionSettings,
  type ExecutionSettingsSource,
  executionSettingsInputSchema,
} from '@concord/contracts';
import { App, Button, Form, InputNumber, Select, Tag, Typography } from 'antd';
import type { ColumnType } from 'antd/es/table';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { AsyncContent } from '../../../shared/AsyncContent';
import { EmptyState } from '../../../shared/EmptyState';
import { FormError } from '../../../shared/FormError';
import { MoneyInput } from '../../../shared/FormInputs';
import { FormModal, fieldErrorsInto } from '../../../shared/FormModal';
import { formatDateTime, formatMoney, formatPercentFromBasisPoints } from '../../../shared/format';
import { PageContainer } from '../../../shared/PageContainer';
import { ResponsiveTable } from '../../../shared/ResponsiveTable';
import { RowActions } from '../../../shared/RowActions';
import { useConfirm } from '../../../shared/useConfirm';
import { useZodRules } from '../../../shared/zodRules';
import { useExecutionSettings, useResetExecutionSettings, useSaveExecutionSettings } from './exceptionsApi';

const sourceColors: Record<ExecutionSettingsSource, string> = {
  ENTITY: 'blue',
  GROUP: 'default',
  DEFAULT: 'default',
};
/** The group's own row stands out: it is what every company without its own follows. */
const colorOf = (row: ExecutionSettings) =>
  row.isGroup && row.updatedAt !== null ? 'gold' : sourceColors[row.source];

/**
 * `/contracts/settings`: the matching tolerance and collection reminder days of every company the
 * caller can see; holders of contract.settings edit a company's own settings or drop them to use
 * the group's again.
 */
export default function ExecutionSettingsPage() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const confirm = useConfirm();
  const { data, isLoading, error, refetch } = useExecutionSettings();
  const reset = useResetExecutionSettings();
  const [editing, setEditing] = useState<ExecutionSettings | null>(null);

  const sourceLabel = (row: ExecutionSettings) =>
    row.isGroup && row.source !== 'DEFAULT'
      ? t('contractSettings.groupSource')
      : t(`contractSettings.source.${row.source}`);

  const columns: ColumnType<ExecutionSettings>[] = [
    { key: 'entity', title: t('contractSettings.col.entity'), dataIndex: 'entityName' },
    {
      key: 'source',
      title: t('contractSettings.col.source'),
      render: (_, row) => (
        <Tag color={colorOf(row)} data-testid={`settings-source-${row.source}`}>
          {sourceLabel(row)}
        </Tag>
      ),
    },
    {
      key: 'tolerance',
      title: t('contractSettings.col.tolerance'),
      render: (_, row) =>
        `${formatMoney(row.toleranceAmount)} / ${formatPercentFromBasisPoints(row.toleranceRate)}`,
    },
    {
      key: 'remindBefore',
      title: t('contractSettings.col.remindBefore'),
      render: (_, row) => (row.remindBeforeDays.length ? row.remindBeforeDays.join(', ') : '—'),
    },
    {
      key: 'escalation',
      title: t('contractSettings.col.escalation'),
      render: (_, row) => `${row.ownerAfterDays} / ${row.headAfterDays} / ${row.financeAfterDays}`,
    },
    {
      key: 'updatedAt',
      title: t('contractSettings.col.updatedAt'),
      render: (_, row) => formatDateTime(row.updatedAt) || '—',
    },
    {
      key: 'actions',
      title: t('common.actions'),
      render: (_, row) => (
        <RowActions
          actions={
            row.canEdit
              ? [
                  {
                    key: 'edit',
                    label: t('contractSettings.edit'),
                    onClick: () => setEditing(row),
                    testId: 'settings-edit',
                  },
                  // Only an entity's own row can be dropped (the group's row included: then the defaults apply).
                  ...(row.updatedAt !== null
                    ? [
                        {
                          key: 'reset',
                          label: row.isGroup ? t('contractSettings.resetGroup') : t('contractSettings.reset'),
                          danger: true,
                          testId: 'settings-reset',
                          onClick: async () => {
                            if (
                              await confirm({
                                title: row.isGroup
                                  ? t('contractSettings.resetGroupConfirm')
                                  : t('contractSettings.resetConfirm', { entity: row.entityName }),
                                danger: true,
                              })
                            ) {
                              reset.mutate(row.entityId, {
                                onSuccess: () => message.success(t('contractSettings.resetDone')),
                              });
                            }
                          },
                        },
                      ]
                    : []),
                ]
              : []
          }
        />
      ),
    },
  ];

  return (
    <PageContainer title={t('contractSettings.title')}>
      <Typography.Paragraph type="secondary">{t('contractSettings.description')}</Typography.Paragraph>
      <FormError error={reset.error} />
      <AsyncContent isLoading={isLoading} error={data ? null : error} onRetry={() => void refetch()}>
        <ResponsiveTable<ExecutionSettings>
          rowKey="entityId"
          size="middle"
          pagination={false}
          data-testid="settings-table"
          columns={columns}
          dataSource={data}
          empty={<EmptyState description={t('contractExceptions.empty')} />}
          cardTitle={(row) => (
            <span>
              {row.entityName} <Tag color={colorOf(row)}>{sourceLabel(row)}</Tag>
            </span>
          )}
          cardHiddenColumns={['entity', 'source', 'actions']}
          cardActions={(row) =>
            row.canEdit
              ? [
                  <Button
                    key="edit"
                    type="link"
                    onClick={() => setEditing(row)}
                    data-testid="settings-edit-card"
                  >
                    {t('contractSettings.edit')}
                  </Button>,
                ]
              : []
          }
        />
      </AsyncContent>
      <SettingsModal settings={editing} onClose={() => setEditing(null)} />
    </PageContainer>
  );
}

interface SettingsValues {
  toleranceAmount: number | null;
  /** Percent with two decimals (0.5 = 50 bp). */
  tolerancePercent: number | null;
  remindBeforeDays: string[];
  ownerAfterDays: number | null;
  headAfterDays: number | null;
  financeAfterDays: number | null;
}

function SettingsModal({ settings, onClose }: { settings: ExecutionSettings | null; onClose: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<SettingsValues>();
  const save = useSaveExecutionSettings();

  useEffect(() => {
    if (!settings) return;
    save.reset();
    form.resetFields();
    form.setFieldsValue({
      toleranceAmount: settings.toleranceAmount,
      tolerancePercent: settings.toleranceRate / 100,
      remindBeforeDays: settings.remindBeforeDays.map(String),
      ownerAfterDays: settings.ownerAfterDays,
      headAfterDays: settings.headAfterDays,
      financeAfterDays: settings.financeAfterDays,
    });
  }, [settings, form, save.reset]);

  const onFinish = (values: SettingsValues) => {
    if (!settings) return;
    save.mutate(
      {
        entityId: settings.entityId,
        body: {
          toleranceAmount: values.toleranceAmount ?? 0,
          toleranceRate: Math.round((values.tolerancePercent ?? 0) * 100),
          remindBeforeDays: (values.remindBeforeDays ?? [])
            .map(Number)
            .filter((d) => Number.isInteger(d) && d > 0),
          ownerAfterDays: values.ownerAfterDays ?? 0,
          headAfterDays: values.headAfterDays ?? 0,
          financeAfterDays: values.financeAfterDays ?? 0,
        },
      },
      {
        onSuccess: () => {
          message.success(t('contractSettings.saved'));
          onClose();
        },
        onError: fieldErrorsInto(form),
      },
    );
  };

  // The rate is typed in percent and sent in basis points; the reminder days are free tags the
  // submission filters, so they carry no rule. The tolerance is the company's, in its home currency.
  const rules = useZodRules(
    executionSettingsInputSchema,
    {
      toleranceAmount: t('contractSettings.field.toleranceAmount'),
      toleranceRate: t('contractSettings.field.toleranceRate'),
      ownerAfterDays: t('contractSettings.field.ownerAfterDays'),
      headAfterDays: t('contractSettings.field.headAfterDays'),
      financeAfterDays: t('contractSettings.field.financeAfterDays'),
    },
    {
      money: ['toleranceAmount'],
      toBody: { toleranceRate: (percent) => Math.round(Number(percent) * 100) },
    },
  );

  const days = (name: 'ownerAfterDays' | 'headAfterDays' | 'financeAfterDays', label: string) => (
    <Form.Item name={name} label={label} style={{ flex: '1 1 180px' }} rules={rules[name]}>
      <InputNumber
        min={0}
        max={365}
        precision={0}
        style={{ width: '100%' }}
        data-testid={`settings-${name}`}
      />
    </Form.Item>
  );

  return (
    <FormModal<SettingsValues>
      open={settings !== null}
      title={t('contractSettings.editTitle', { entity: settings?.entityName ?? '' })}
      form={form}
      onSubmit={onFinish}
      onCancel={onClose}
      pending={save.isPending}
      error={save.error}
      okTestId="settings-save"
      width={620}
    >
      <Typography.Paragraph type="secondary">
        {t('contractSettings.field.toleranceHint')}
      </Typography.Paragraph>
      <div style={{ display: 'flex', gap: 12, flexWrap: 'wrap' }}>
        <Form.Item
          name="toleranceAmount"
          label={t('contractSettings.field.toleranceAmount')}
          style={{ flex: '1 1 200px' }}
          rules={rules.toleranceAmount}
        >
          <MoneyInput testId="settings-tolerance-amount" />
        </Form.Item>
        <Form.Item
          name="tolerancePercent"
          label={t('contractSettings.field.toleranceRate')}
          style={{ flex: '1 1 200px' }}
          rules={rules.toleranceRate}
        >
          <InputNumber
            min={0}
            max={100}
            precision={2}
            step={0.1}
            suffix="%"
            style={{ width: '100%' }}
            data-testid="settings-tolerance-rate"
          />
        </Form.Item>
      </div>
      <Form.Item
        name="remindBeforeDays"
        label={t('contractSettings.field.remindBeforeDays')}
        extra={t('contractSettings.field.remindBeforeHint')}
      >
        <Select
          mode="tags"
          tokenSeparators={[',', '，', ' ']}
          maxCount={10}
          options={['30', '15', '7', '3', '1'].map((value) => ({
            value,
            label: t('contractSettings.days', { days: value }),
          }))}
          data-testid="settings-remind-before"
        />
      </Form.Item>
      <div style={{ display: 'flex', gap: 12, flexWrap: 'wrap' }}>
        {days('ownerAfterDays', t('contractSettings.field.ownerAfterDays'))}
        {days('headAfterDays', t('contractSettings.field.headAfterDays'))}
        {days('financeAfterDays', t('contractSettings.field.financeAfterDays'))}
      </div>
      <Form.Item noStyle dependencies={['ownerAfterDays', 'headAfterDays', 'financeAfterDays']}>
        {({ getFieldValue }) => {
          const owner = getFieldValue('ownerAfterDays') ?? 0;
          const head = getFieldValue('headAfterDays') ?? 0;
          const finance = getFieldValue('financeAfterDays') ?? 0;
          return owner <= head && head <= finance ? null : (
            <Typography.Text type="danger" data-testid="settings-order-error">
              {t('contractSettings.field.escalationOrder')}
            </Typography.Text>
          );
        }}
      </Form.Item>
    </FormModal>
  );
}
