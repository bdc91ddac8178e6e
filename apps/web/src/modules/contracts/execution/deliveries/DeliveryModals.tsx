import type { Delivery, DeliverySummary } from '@concord/contracts';
import { App, Form, Input, Modal, Select, Typography } from 'antd';
import dayjs from 'dayjs';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { FormError } from '../../../../shared/FormError';
import { formatMoney } from '../../../../shared/format';
import { showFieldErrors } from '../../../../shared/formRules';
import { AttachmentInput, DateInput, MoneyInput } from '../../../forms/components/inputs';
import { useContractSchedule } from '../schedule/scheduleApi';
import { useAcceptDelivery, useRecordDelivery, useRejectDelivery } from './deliveriesApi';

interface DeliveryValues {
  /** '' for none. */
  planItemId: string;
  description: string;
  quantity?: string;
  unit?: string;
  deliveredAmount: number | null;
  deliveredOn: string | null;
  fileIds: string[];
}

const today = () => dayjs().format('YYYY-MM-DD');

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
        onError: (error) => showFieldErrors(form, error),
      },
    );
  };

  return (
    <Modal
      open={open}
      title={t('contractDeliveries.recordTitle')}
      onCancel={onClose}
      onOk={() => form.submit()}
      okText={t('contractDeliveries.record')}
      confirmLoading={record.isPending}
      okButtonProps={{ 'data-testid': 'delivery-save' }}
      width={600}
      forceRender
    >
      <Typography.Paragraph type="secondary">
        {t('contractDeliveries.hint.remaining', { remaining: money(summary.remaining) })}
      </Typography.Paragraph>
      <FormError error={record.error} />
      <Form<DeliveryValues> form={form} layout="vertical" onFinish={onFinish}>
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
          rules={[
            {
              required: true,
              whitespace: true,
              message: t('validation.required', { field: t('contractDeliveries.field.description') }),
            },
            { max: 500 },
          ]}
        >
          <Input.TextArea rows={2} maxLength={500} data-testid="delivery-description" />
        </Form.Item>
        <div style={{ display: 'flex', gap: 12, flexWrap: 'wrap' }}>
          <Form.Item
            name="quantity"
            label={t('contractDeliveries.field.quantity')}
            style={{ flex: '1 1 160px' }}
            rules={[
              { pattern: /^\d{1,12}(\.\d{1,4})?$/, message: t('contractDeliveries.validation.quantity') },
            ]}
          >
            <Input inputMode="decimal" data-testid="delivery-quantity" />
          </Form.Item>
          <Form.Item name="unit" label={t('contractDeliveries.field.unit')} style={{ flex: '1 1 120px' }}>
            <Input maxLength={20} data-testid="delivery-unit" />
          </Form.Item>
        </div>
        <div style={{ display: 'flex', gap: 12, flexWrap: 'wrap' }}>
          <Form.Item
            name="deliveredAmount"
            label={t('contractDeliveries.field.deliveredAmount')}
            style={{ flex: '1 1 200px' }}
            rules={[
              {
                required: true,
                message: t('validation.required', { field: t('contractDeliveries.field.deliveredAmount') }),
              },
              {
                validator: async (_, value: number | null) => {
                  if (value === null || value === undefined) return;
                  if (value <= 0) throw new Error(t('contractDeliveries.validation.positive'));
                  if (value > summary.remaining)
                    throw new Error(
                      t('contractDeliveries.validation.overRemaining', {
                        remaining: money(summary.remaining),
                      }),
                    );
                },
              },
            ]}
          >
            <MoneyInput />
          </Form.Item>
          <Form.Item
            name="deliveredOn"
            label={t('contractDeliveries.field.deliveredOn')}
            style={{ flex: '1 1 160px' }}
            rules={[
              {
                required: true,
                message: t('validation.required', { field: t('contractDeliveries.field.deliveredOn') }),
              },
            ]}
          >
            <DateInput />
          </Form.Item>
        </div>
        <Form.Item name="fileIds" label={t('contractDeliveries.field.deliveryFiles')}>
          <AttachmentInput />
        </Form.Item>
      </Form>
    </Modal>
  );
}

interface AcceptValues {
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
  const open = delivery !== null;

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
        onError: (error) => showFieldErrors(form, error),
      },
    );
  };

  return (
    <Modal
      open={open}
      title={t('contractDeliveries.acceptTitle')}
      onCancel={onClose}
      onOk={() => form.submit()}
      okText={t('contractDeliveries.accept')}
      confirmLoading={accept.isPending}
      okButtonProps={{ 'data-testid': 'delivery-accept-save' }}
      width={560}
      forceRender
    >
      {delivery && (
        <Typography.Paragraph type="secondary">
          {delivery.description} ·{' '}
          {t('contractDeliveries.hint.accept', { delivered: money(delivery.deliveredAmount) })}
        </Typography.Paragraph>
      )}
      <FormError error={accept.error} />
      <Form<AcceptValues> form={form} layout="vertical" onFinish={onFinish}>
        <div style={{ display: 'flex', gap: 12, flexWrap: 'wrap' }}>
          <Form.Item
            name="acceptedAmount"
            label={t('contractDeliveries.field.acceptedAmount')}
            style={{ flex: '1 1 200px' }}
            rules={[
              {
                required: true,
                message: t('validation.required', { field: t('contractDeliveries.field.acceptedAmount') }),
              },
              {
                validator: async (_, value: number | null) => {
                  if (value === null || value === undefined || !delivery) return;
                  if (value <= 0) throw new Error(t('contractDeliveries.validation.positive'));
                  if (value > delivery.deliveredAmount)
                    throw new Error(
                      t('contractDeliveries.validation.overDelivered', {
                        delivered: money(delivery.deliveredAmount),
                      }),
                    );
                },
              },
            ]}
          >
            <MoneyInput />
          </Form.Item>
          <Form.Item
            name="acceptedOn"
            label={t('contractDeliveries.field.acceptedOn')}
            style={{ flex: '1 1 160px' }}
            rules={[
              {
                required: true,
                message: t('validation.required', { field: t('contractDeliveries.field.acceptedOn') }),
              },
            ]}
          >
            <DateInput />
          </Form.Item>
        </div>
        <Form.Item name="note" label={t('contractDeliveries.field.note')} rules={[{ max: 1000 }]}>
          <Input.TextArea rows={2} maxLength={1000} data-testid="delivery-accept-note" />
        </Form.Item>
        <Form.Item name="fileIds" label={t('contractDeliveries.field.acceptanceFiles')}>
          <AttachmentInput />
        </Form.Item>
      </Form>
    </Modal>
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

  useEffect(() => {
    if (!delivery) return;
    reject.reset();
    form.resetFields();
  }, [delivery, form, reject.reset]);

  return (
    <Modal
      open={delivery !== null}
      title={t('contractDeliveries.rejectTitle')}
      onCancel={onClose}
      onOk={() => form.submit()}
      okText={t('contractDeliveries.reject')}
      okButtonProps={{ danger: true, 'data-testid': 'delivery-reject-save' }}
      confirmLoading={reject.isPending}
      forceRender
    >
      {delivery && <Typography.Paragraph type="secondary">{delivery.description}</Typography.Paragraph>}
      <FormError error={reject.error} />
      <Form
        form={form}
        layout="vertical"
        onFinish={(values) =>
          delivery &&
          reject.mutate(
            { id: delivery.id, body: { note: values.note.trim() } },
            {
              onSuccess: () => {
                message.success(t('contractDeliveries.rejected'));
                onClose();
              },
              onError: (error) => showFieldErrors(form, error),
            },
          )
        }
      >
        <Form.Item
          name="note"
          label={t('contractDeliveries.field.rejectNote')}
          rules={[
            {
              required: true,
              whitespace: true,
              message: t('validation.required', { field: t('contractDeliveries.field.rejectNote') }),
            },
            { max: 1000 },
          ]}
        >
          <Input.TextArea rows={3} maxLength={1000} data-testid="delivery-reject-note" />
        </Form.Item>
      </Form>
    </Modal>
  );
}
