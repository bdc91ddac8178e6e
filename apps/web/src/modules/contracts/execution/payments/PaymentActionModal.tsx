import {
  type ContractPayment,
  contractPaymentCancelSchema,
  contractPaymentPaySchema,
  contractRefundCreateSchema,
  paymentMethodSchema,
} from '@concord/contracts';
import { App, Form, Input, Select, Typography } from 'antd';
import type { Rule } from 'antd/es/form';
import dayjs from 'dayjs';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { DateInput, MoneyInput } from '../../../../shared/FormInputs';
import { FormModal, fieldErrorsInto } from '../../../../shared/FormModal';
import { formatMoney } from '../../../../shared/format';
import { useZodRules } from '../../../../shared/zodRules';
import { type PayBody, usePaymentAction } from './paymentsApi';

export type PaymentAction = 'pay' | 'cancel' | 'refund';

/** The fields of the three bodies, named as the bodies name them (the server's errors land there). */
interface Values {
  paidOn?: string | null;
  refundedOn?: string | null;
  bankAccount?: string;
  method?: PayBody['method'];
  reference?: string;
  /** Minor units of the contract's currency. */
  amount?: number | null;
  reason?: string;
}

/** Executing (finance), canceling an approved request, or refunding a paid payment or a receipt. */
export function PaymentActionModal({
  contractId,
  currency,
  target,
  onClose,
}: {
  contractId: string;
  /** The contract's currency, which its payments are in. */
  currency: string;
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
    const today = dayjs().format('YYYY-MM-DD');
    form.setFieldsValue({ paidOn: today, refundedOn: today, method: 'TRANSFER' });
    setKey(crypto.randomUUID());
  }, [target, form, mutation.reset]);

  const reasonLabel = t(
    action === 'cancel' ? 'contractPayments.form.cancelReason' : 'contractPayments.form.refundReason',
  );
  const payRules = useZodRules(contractPaymentPaySchema, {
    paidOn: t('contractPayments.form.paidOn'),
    bankAccount: t('contractPayments.form.bankAccount'),
    method: t('contractPayments.form.method'),
    reference: t('contractPayments.form.reference'),
  });
  const cancelRules = useZodRules(contractPaymentCancelSchema, { reason: reasonLabel });
  const refundRules = useZodRules(
    contractRefundCreateSchema,
    {
      amount: t('contractPayments.form.amount'),
      refundedOn: t('contractPayments.form.refundedOn'),
      reason: reasonLabel,
    },
    { money: ['amount'], currency, picked: ['refundedOn'] },
  );
  const withinRefundable: Rule = {
    validator: async (_rule, minor: number | null | undefined) => {
      if (minor && minor > refundable)
        throw new Error(t('contractPayments.form.overRoom', { room: formatMoney(refundable, currency) }));
    },
  };

  const onFinish = (values: Values) => {
    if (!payment || !action) return;
    const body =
      action === 'pay'
        ? {
            paidOn: values.paidOn ?? '',
            bankAccount: values.bankAccount!.trim(),
            method: values.method!,
            reference: values.reference?.trim() || undefined,
          }
        : action === 'cancel'
          ? { reason: values.reason!.trim() }
          : {
              amount: values.amount ?? 0,
              refundedOn: values.refundedOn ?? '',
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
        onError: fieldErrorsInto(form),
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
    <FormModal<Values>
      open={!!target}
      title={title}
      form={form}
      onSubmit={onFinish}
      onCancel={onClose}
      okText={action ? t(`contractPayments.${action}`) : undefined}
      okDanger={action !== 'pay'}
      okTestId="payment-action-save"
      pending={mutation.isPending}
      error={mutation.error}
      width={520}
      intro={
        payment && (
          <Typography.Paragraph type="secondary">
            {payment.planItemSeq ? `${payment.planItemSeq}. ${payment.planItemName} · ` : ''}
            {formatMoney(payment.amount, currency)}
            {action === 'refund' &&
              ` · ${t('contractPayments.form.refundable', { amount: formatMoney(refundable, currency) })}`}
          </Typography.Paragraph>
        )
      }
    >
      {action === 'refund' && (
        <>
          <Form.Item
            name="amount"
            label={t('contractPayments.form.amount')}
            rules={[...refundRules.amount, withinRefundable]}
          >
            <MoneyInput currency={currency} testId="refund-amount" />
          </Form.Item>
          <Form.Item
            name="refundedOn"
            label={t('contractPayments.form.refundedOn')}
            rules={refundRules.refundedOn}
          >
            <DateInput testId="payment-action-date" />
          </Form.Item>
        </>
      )}
      {action === 'pay' && (
        <>
          <Form.Item name="paidOn" label={t('contractPayments.form.paidOn')} rules={payRules.paidOn}>
            <DateInput testId="payment-action-date" />
          </Form.Item>
          <Form.Item
            name="bankAccount"
            label={t('contractPayments.form.bankAccount')}
            rules={payRules.bankAccount}
          >
            <Input
              maxLength={100}
              placeholder={t('contractPayments.form.bankAccountPlaceholder')}
              data-testid="pay-bank"
            />
          </Form.Item>
          <Form.Item name="method" label={t('contractPayments.form.method')} rules={payRules.method}>
            <Select
              data-testid="pay-method"
              options={paymentMethodSchema.options.map((value) => ({
                value,
                label: t(`contractPayments.methods.${value}`),
              }))}
            />
          </Form.Item>
          <Form.Item name="reference" label={t('contractPayments.form.reference')} rules={payRules.reference}>
            <Input maxLength={100} data-testid="pay-reference" />
          </Form.Item>
        </>
      )}
      {action !== 'pay' && (
        <Form.Item
          name="reason"
          label={reasonLabel}
          rules={action === 'cancel' ? cancelRules.reason : refundRules.reason}
        >
          <Input.TextArea
            maxLength={500}
            autoSize={{ minRows: 2, maxRows: 4 }}
            data-testid="payment-action-reason"
          />
        </Form.Item>
      )}
    </FormModal>
  );
}
