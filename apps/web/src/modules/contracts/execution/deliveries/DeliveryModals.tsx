import {
  type Delivery,
  type DeliverySummary,
  deliveryAcceptSchema,
  deliveryCreateSchema,
  deliveryRejectSchema,
} from '@concord/contracts';
import { App, Form, Input, Select, Typography } from 'antd';
import type { Rule } from 'antd/es/form';
import dayjs from 'dayjs';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { DateInput, MoneyInput } from '../../../../shared/FormInputs';
import { FormModal, fieldErrorsInto } from '../../../../shared/FormModal';
import { formatMoney } from '../../../../shared/format';
import { useZodRules } from '../../../../shared/zodRules';
import { AttachmentInput } from '../../../forms/components/inputs';
import { useContractSchedule } from '../schedule/scheduleApi';
import { useAcceptDelivery, useRecordDelivery, useRejectDelivery } from './deliveriesApi';

interface DeliveryValues {
  /** '' for none. */
  planItemId: string;
  description: string;
  quantity?: string;
  unit?: string;
  /** 分. */
  deliveredAmount: number | null;
  deliveredOn: string | null;
  fileIds: string[];
}

const today = () => dayjs().format('YYYY-MM-DD');
const row = { display: 'flex', gap: 12, flexWrap: 'wrap' } as const;

/** An amount up to a ceiling the dialog knows (what is left, what was delivered). */
const atMost = (ceiling: number | undefined, message: string): Rule => ({
  validator: async (_rule, fen: number | null | undefined) => {
    if (ceiling !== undefined && fen && fen > ceiling) throw new Error(message);
  },
});

/** 登记交付: what, how much (up to what is left on the contract), when, with the delivery documents. */
export function DeliveryModal({
  contractId,
  summary,
  currency,
  open,
  onClose,
}: {
  contractId: string;
  summary: DeliverySummary;
  currency: string;
  open: boolean;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<DeliveryValues>();
  const record = useRecordDelivery(contractId);
  const schedule = useContractSchedule(contractId, open);
  const money = (fen: number) => formatMoney(fen, currency);
  const rules = useZodRules(
    deliveryCreateSchema,
    {
      description: t('contractDeliveries.field.description'),
      quantity: t('contractDeliveries.field.quantity'),
      unit: t('contractDeliveries.field.unit'),
      deliveredAmount: t('contractDeliveries.field.deliveredAmount'),
      deliveredOn: t('contractDeliveries.field.deliveredOn'),
    },
    {
      money: ['deliveredAmount'],
      picked: ['deliveredOn'],
      invalid: { quantity: t('contractDeliveries.validation.quantity') },
    },
  );

  useEffect(() => {
    if (!open) return;
    record.reset();
    form.resetFields();
    form.setFieldsValue({ planItemId: '', deliveredOn: today(), fileIds: [] });
  }, [open, form, record.reset]);

  const onFinish = (values: DeliveryValues) => {
    record.mutate(
      {
        planItemId: values.planItemId || null,
        description: values.description,
        quantity: values.quantity?.trim() || null,
        unit: values.unit?.trim() || null,
        deliveredAmount: values.deliveredAmount ?? 0,
        deliveredOn: values.deliveredOn ?? today(),
        fileIds: values.fileIds ?? [],
      },
      {
        onSuccess: () => {
          message.success(t('contractDeliveries.recorded'));
          onClose();
        },
        onError: fieldErrorsInto(form),
      },
    );
  };

  return (
    <FormModal<DeliveryValues>
      open={open}
      title={t('contractDeliveries.recordTitle')}
      form={form}
      onSubmit={onFinish}
      onCancel={onClose}
      okText={t('contractDeliveries.record')}
      pending={record.isPending}
      error={record.error}
      okTestId="delivery-save"
      width={600}
      intro={
        <Typography.Paragraph type="secondary">
          {t('contractDeliveries.hint.remaining', { remaining: money(summary.remaining) })}
        </Typography.Paragraph>
      }
    >
      <Form.Item name="planItemId" label={t('contractDeliveries.field.planItem')}>
        <Select
          data-testid="delivery-plan-item"
          loading={schedule.isLoading}
          options={[
            { value: '', label: t('contractDeliveries.field.planItemNone') },
            ...(schedule.data?.items ?? []).map((item) => ({
              value: item.id,
              label: `${item.seq}. ${item.name}（${money(item.amount)}）`,
            })),
          ]}
        />
      </Form.Item>
      <Form.Item
        name="description"
        label={t('contractDeliveries.field.description')}
        rules={rules.description}
      >
        <Input.TextArea rows={2} maxLength={500} data-testid="delivery-description" />
      </Form.Item>
      <div style={row}>
        <Form.Item
          name="quantity"
          label={t('contractDeliveries.field.quantity')}
          style={{ flex: '1 1 160px' }}
          rules={rules.quantity}
        >
          <Input inputMode="decimal" data-testid="delivery-quantity" />
        </Form.Item>
        <Form.Item
          name="unit"
          label={t('contractDeliveries.field.unit')}
          style={{ flex: '1 1 120px' }}
          rules={rules.unit}
        >
          <Input maxLength={20} data-testid="delivery-unit" />
        </Form.Item>
      </div>
      <div style={row}>
        <Form.Item
          name="deliveredAmount"
          label={t('contractDeliveries.field.deliveredAmount')}
          style={{ flex: '1 1 200px' }}
          rules={[
            ...rules.deliveredAmount,
            atMost(
              summary.remaining,
              t('contractDeliveries.validation.overRemaining', { remaining: money(summary.remaining) }),
            ),
          ]}
        >
          <MoneyInput currency={currency} testId="delivery-amount" />
        </Form.Item>
        <Form.Item
          name="deliveredOn"
          label={t('contractDeliveries.field.deliveredOn')}
          style={{ flex: '1 1 160px' }}
          rules={rules.deliveredOn}
        >
          <DateInput testId="delivery-date" />
        </Form.Item>
      </div>
      <Form.Item name="fileIds" label={t('contractDeliveries.field.deliveryFiles')}>
        <AttachmentInput />
      </Form.Item>
    </FormModal>
  );
}

interface AcceptValues {
  /** 分. */
  acceptedAmount: number | null;
  acceptedOn: string | null;
  note?: string;
  fileIds: string[];
}

/** 验收: the accepted amount (up to the delivered amount), the date, a note and the acceptance documents. */
export function AcceptModal({
  contractId,
  delivery,
  currency,
  onClose,
}: {
  contractId: string;
  delivery: Delivery | null;
  currency: string;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<AcceptValues>();
  const accept = useAcceptDelivery(contractId);
  const money = (fen: number) => formatMoney(fen, currency);
  // Accepting nothing is a rejection (its own dialog): the form asks for more than zero.
  const rules = useZodRules(
    deliveryAcceptSchema.extend({ acceptedAmount: deliveryCreateSchema.shape.deliveredAmount }),
    {
      acceptedAmount: t('contractDeliveries.field.acceptedAmount'),
      acceptedOn: t('contractDeliveries.field.acceptedOn'),
      note: t('contractDeliveries.field.note'),
    },
    { money: ['acceptedAmount'], picked: ['acceptedOn'] },
  );

  useEffect(() => {
    if (!delivery) return;
    accept.reset();
    form.resetFields();
    form.setFieldsValue({
      acceptedAmount: delivery.deliveredAmount,
      // Not before the delivery date (dates as YYYY-MM-DD sort as text).
      acceptedOn: [today(), delivery.deliveredOn].sort()[1],
      fileIds: [],
    });
  }, [delivery, form, accept.reset]);

  const onFinish = (values: AcceptValues) => {
    if (!delivery) return;
    accept.mutate(
      {
        id: delivery.id,
        body: {
          acceptedAmount: values.acceptedAmount ?? 0,
          acceptedOn: values.acceptedOn ?? today(),
          note: values.note?.trim() || null,
          fileIds: values.fileIds ?? [],
        },
      },
      {
        onSuccess: () => {
          message.success(t('contractDeliveries.accepted'));
          onClose();
        },
        onError: fieldErrorsInto(form),
      },
    );
  };

  return (
    <FormModal<AcceptValues>
      open={delivery !== null}
      title={t('contractDeliveries.acceptTitle')}
      form={form}
      onSubmit={onFinish}
      onCancel={onClose}
      okText={t('contractDeliveries.accept')}
      pending={accept.isPending}
      error={accept.error}
      okTestId="delivery-accept-save"
      width={560}
      intro={
        delivery && (
          <Typography.Paragraph type="secondary">
            {delivery.description} ·{' '}
            {t('contractDeliveries.hint.accept', { delivered: money(delivery.deliveredAmount) })}
          </Typography.Paragraph>
        )
      }
    >
      <div style={row}>
        <Form.Item
          name="acceptedAmount"
          label={t('contractDeliveries.field.acceptedAmount')}
          style={{ flex: '1 1 200px' }}
          rules={[
            ...rules.acceptedAmount,
            atMost(
              delivery?.deliveredAmount,
              t('contractDeliveries.validation.overDelivered', {
                delivered: money(delivery?.deliveredAmount ?? 0),
              }),
            ),
          ]}
        >
          <MoneyInput currency={currency} testId="delivery-accept-amount" />
        </Form.Item>
        <Form.Item
          name="acceptedOn"
          label={t('contractDeliveries.field.acceptedOn')}
          style={{ flex: '1 1 160px' }}
          rules={rules.acceptedOn}
        >
          <DateInput testId="delivery-accept-date" />
        </Form.Item>
      </div>
      <Form.Item name="note" label={t('contractDeliveries.field.note')} rules={rules.note}>
        <Input.TextArea rows={2} maxLength={1000} data-testid="delivery-accept-note" />
      </Form.Item>
      <Form.Item name="fileIds" label={t('contractDeliveries.field.acceptanceFiles')}>
        <AttachmentInput />
      </Form.Item>
    </FormModal>
  );
}

/** 拒收: why (required). */
export function RejectModal({
  contractId,
  delivery,
  onClose,
}: {
  contractId: string;
  delivery: Delivery | null;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<{ note: string }>();
  const reject = useRejectDelivery(contractId);
  const rules = useZodRules(deliveryRejectSchema, { note: t('contractDeliveries.field.rejectNote') });

  useEffect(() => {
    if (!delivery) return;
    reject.reset();
    form.resetFields();
  }, [delivery, form, reject.reset]);

  return (
    <FormModal<{ note: string }>
      open={delivery !== null}
      title={t('contractDeliveries.rejectTitle')}
      form={form}
      onSubmit={(values) =>
        delivery &&
        reject.mutate(
          { id: delivery.id, body: { note: values.note.trim() } },
          {
            onSuccess: () => {
              message.success(t('contractDeliveries.rejected'));
              onClose();
            },
            onError: fieldErrorsInto(form),
          },
        )
      }
      onCancel={onClose}
      okText={t('contractDeliveries.reject')}
      okDanger
      pending={reject.isPending}
      error={reject.error}
      okTestId="delivery-reject-save"
      intro={delivery && <Typography.Paragraph type="secondary">{delivery.description}</Typography.Paragraph>}
    >
      <Form.Item name="note" label={t('contractDeliveries.field.rejectNote')} rules={rules.note}>
        <Input.TextArea rows={3} maxLength={1000} data-testid="delivery-reject-note" />
      </Form.Item>
    </FormModal>
  );
}
