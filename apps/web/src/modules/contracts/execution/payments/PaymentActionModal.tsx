import { type ContractPayment, paymentMethodSchema } from '@concord/contracts';
import { App, DatePicker, Form, Input, InputNumber, Modal, Select, Typography } from 'antd';
import type { Rule } from 'antd/es/form';
import dayjs, { type Dayjs } from 'dayjs';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { FormError } from '../../../../shared/FormError';
import { formatMoney } from '../../../../shared/format';
import { showFieldErrors } from '../../../../shared/formRules';
import { yuanTextToFen } from '../../shared/money';
import { type PayBody, usePaymentAction } from './paymentsApi';

export type PaymentAction = 'pay' | 'cancel' | 'refund';

interface Values {
  date?: Dayjs;
  bankAccount?: string;
  method?: PayBody['method'];
  reference?: string;
  amount?: string;
  reason?: string;
}

/** Executing (finance), canceling an approved request, or refunding a paid payment or a receipt. */
export function PaymentActionModal({
  contractId,
  target,
  onClose,
}: {
  contractId: string;
  target: { payment: ContractPayment; action: PaymentAction } | null;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const mutation = usePaymentAction(contractId);
  const [key, setKey] = useState('');
  const action = target?.action;
  const payment = target?.payment;
  const refundable = payment ? payment.amount - payment.refundedAmount : 0;

  useEffect(() => {
    if (!target) return;
    mutation.reset();
    form.resetFields();
    form.setFieldsValue({ date: dayjs(), method: 'TRANSFER' });
    setKey(crypto.randomUUID());
  }, [target, form, mutation.reset]);

  const required = (field: string) => ({
    required: true,
    whitespace: true,
    message: t('validation.required', { field }),
  });
  const refundRule: Rule = {
    validator: async (_rule, value) => {
      const fen = yuanTextToFen(value as string);
      if (fen === null || fen <= 0) throw new Error(t('contractPayments.form.amountInvalid'));
      if (fen > refundable)
        throw new Error(t('contractPayments.form.overRoom', { room: formatMoney(refundable) }));
    },
  };

  const onFinish = (values: Values) => {
    if (!payment || !action) return;
    const date = values.date?.format('YYYY-MM-DD') ?? '';
    const body =
      action === 'pay'
        ? {
            paidOn: date,
            bankAccount: values.bankAccount!.trim(),
            method: values.method!,
            reference: values.reference?.trim() || undefined,
          }
        : action === 'cancel'
          ? { reason: values.reason!.trim() }
          : {
              amount: yuanTextToFen(values.amount ?? null) ?? 0,
              refundedOn: date,
              reason: values.reason!.trim(),
              idempotencyKey: key,
            };
    mutation.mutate(
      { id: payment.id, action, body },
      {
        onSuccess: () => {
          message.success(
            t(
              `contractPayments.form.${action === 'pay' ? 'paid' : action === 'cancel' ? 'canceled' : 'refunded'}`,
            ),
          );
          onClose();
        },
        onError: (error) => showFieldErrors(form, error),
      },
    );
  };

  const title =
    action === 'pay'
      ? t('contractPayments.form.payTitle', { number: payment?.number })
      : action === 'cancel'
        ? t('contractPayments.form.cancelTitle', { number: payment?.number })
        : t('contractPayments.form.refundTitle', { number: payment?.number });

  return (
    <Modal
      open={!!target}
      title={title}
      onCancel={onClose}
      onOk={() => form.submit()}
      okText={action ? t(`contractPayments.${action}`) : undefined}
      okButtonProps={{ danger: action !== 'pay', 'data-testid': 'payment-action-save' }}
      confirmLoading={mutation.isPending}
      width={520}
      forceRender
    >
      {payment && (
        <Typography.Paragraph type="secondary">
          {payment.planItemSeq ? `${payment.planItemSeq}. ${payment.planItemName} · ` : ''}
          {formatMoney(payment.amount)}
          {action === 'refund' &&
            ` · ${t('contractPayments.form.refundable', { amount: formatMoney(refundable) })}`}
        </Typography.Paragraph>
      )}
      <FormError error={mutation.error} />
      <Form<Values> form={form} layout="vertical" onFinish={onFinish}>
        {action === 'refund' && (
          <Form.Item
            name="amount"
            label={t('contractPayments.form.amount')}
            rules={[
              {
                required: true,
                message: t('validation.required', { field: t('contractPayments.form.amount') }),
              },
              refundRule,
            ]}
          >
            <InputNumber<string>
              stringMode
              min="0"
              precision={2}
              style={{ width: '100%' }}
              data-testid="refund-amount"
            />
          </Form.Item>
        )}
        {action !== 'cancel' && (
          <Form.Item
            name="date"
            label={t(action === 'pay' ? 'contractPayments.form.paidOn' : 'contractPayments.form.refundedOn')}
            rules={[
              {
                required: true,
                message: t('validation.requiredSelect', { field: t('contractPayments.form.paidOn') }),
              },
            ]}
          >
            <DatePicker style={{ width: '100%' }} data-testid="payment-action-date" />
          </Form.Item>
        )}
        {action === 'pay' && (
          <>
            <Form.Item
              name="bankAccount"
              label={t('contractPayments.form.bankAccount')}
              rules={[required(t('contractPayments.form.bankAccount'))]}
            >
              <Input
                maxLength={100}
                placeholder={t('contractPayments.form.bankAccountPlaceholder')}
                data-testid="pay-bank"
              />
            </Form.Item>
            <Form.Item name="method" label={t('contractPayments.form.method')} rules={[{ required: true }]}>
              <Select
                data-testid="pay-method"
                options={paymentMethodSchema.options.map((value) => ({
                  value,
                  label: t(`contractPayments.methods.${value}`),
                }))}
              />
            </Form.Item>
            <Form.Item name="reference" label={t('contractPayments.form.reference')}>
              <Input maxLength={100} data-testid="pay-reference" />
            </Form.Item>
          </>
        )}
        {action !== 'pay' && (
          <Form.Item
            name="reason"
            label={t(
              action === 'cancel'
                ? 'contractPayments.form.cancelReason'
                : 'contractPayments.form.refundReason',
            )}
            rules={[
              required(
                t(
                  action === 'cancel'
                    ? 'contractPayments.form.cancelReason'
                    : 'contractPayments.form.refundReason',
                ),
              ),
            ]}
          >
            <Input.TextArea
              maxLength={500}
              autoSize={{ minRows: 2, maxRows: 4 }}
              data-testid="payment-action-reason"
            />
          </Form.Item>
        )}
      </Form>
    </Modal>
  );
}
