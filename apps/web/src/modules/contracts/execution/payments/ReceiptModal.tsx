import {
  type Contract,
  type ContractPaymentPosition,
  MAX_AMOUNT,
  paymentMethodSchema,
} from '@concord/contracts';
import { App, DatePicker, Form, Input, InputNumber, Modal, Select } from 'antd';
import type { Rule } from 'antd/es/form';
import dayjs, { type Dayjs } from 'dayjs';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { FormError } from '../../../../shared/FormError';
import { formatMoney } from '../../../../shared/format';
import { showFieldErrors } from '../../../../shared/formRules';
import { yuanTextToFen } from '../../shared/money';
import { type ReceiptBody, useRegisterReceipt } from './paymentsApi';

interface Values {
  planItemId?: string;
  amount?: string;
  receivedOn: Dayjs;
  bankAccount: string;
  method: ReceiptBody['method'];
  reference?: string;
}

/** 登记收款 on an income contract: the plan item (with what is left to receive), amount, date, account. */
export function ReceiptModal({
  contract,
  position,
  open,
  onClose,
}: {
  contract: Contract;
  position: ContractPaymentPosition;
  open: boolean;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const register = useRegisterReceipt(contract.id);
  const [key, setKey] = useState('');
  const itemId = Form.useWatch('planItemId', form);
  const item = position.items.find((i) => i.id === itemId);

  useEffect(() => {
    if (!open) return;
    register.reset();
    form.resetFields();
    const first = position.items.find((i) => i.room > 0);
    form.setFieldsValue({ planItemId: first?.id, receivedOn: dayjs(), method: 'TRANSFER' });
    setKey(crypto.randomUUID());
  }, [open, form, register.reset, position.items]);

  const amountRule: Rule = {
    validator: async (_rule, value) => {
      const fen = yuanTextToFen(value as string);
      if (fen === null || fen <= 0 || fen > MAX_AMOUNT)
        throw new Error(t('contractPayments.form.amountInvalid'));
      if (item && fen > item.room)
        throw new Error(t('contractPayments.form.overRoom', { room: formatMoney(item.room) }));
    },
  };
  const required = (field: string) => ({
    required: true,
    whitespace: true,
    message: t('validation.required', { field }),
  });

  const onFinish = (values: Values) => {
    register.mutate(
      {
        planItemId: values.planItemId!,
        amount: yuanTextToFen(values.amount ?? null) ?? 0,
        receivedOn: values.receivedOn.format('YYYY-MM-DD'),
        bankAccount: values.bankAccount.trim(),
        method: values.method,
        reference: values.reference?.trim() || undefined,
        idempotencyKey: key,
      },
      {
        onSuccess: () => {
          message.success(t('contractPayments.form.received'));
          onClose();
        },
        onError: (error) => showFieldErrors(form, error),
      },
    );
  };

  return (
    <Modal
      open={open}
      title={t('contractPayments.form.receiptTitle')}
      onCancel={onClose}
      onOk={() => form.submit()}
      okText={t('contractPayments.receive')}
      confirmLoading={register.isPending}
      okButtonProps={{ 'data-testid': 'receipt-save' }}
      width={560}
      forceRender
    >
      <FormError error={register.error} />
      <Form<Values> form={form} layout="vertical" onFinish={onFinish}>
        <Form.Item
          name="planItemId"
          label={t('contractPayments.form.item')}
          rules={[
            {
              required: true,
              message: t('validation.requiredSelect', { field: t('contractPayments.form.item') }),
            },
          ]}
        >
          <Select
            data-testid="receipt-item"
            options={position.items.map((i) => ({
              value: i.id,
              disabled: i.room <= 0,
              label: t('contractPayments.form.itemOption', {
                seq: i.seq,
                name: i.name,
                due: i.dueDate,
                room: formatMoney(i.room),
              }),
            }))}
          />
        </Form.Item>
        <Form.Item
          name="amount"
          label={t('contractPayments.form.amount')}
          rules={[
            {
              required: true,
              message: t('validation.required', { field: t('contractPayments.form.amount') }),
            },
            amountRule,
          ]}
        >
          <InputNumber<string>
            stringMode
            min="0"
            precision={2}
            style={{ width: '100%' }}
            data-testid="receipt-amount"
          />
        </Form.Item>
        <Form.Item
          name="receivedOn"
          label={t('contractPayments.form.receivedOn')}
          rules={[
            {
              required: true,
              message: t('validation.requiredSelect', { field: t('contractPayments.form.receivedOn') }),
            },
          ]}
        >
          <DatePicker style={{ width: '100%' }} data-testid="receipt-date" />
        </Form.Item>
        <Form.Item
          name="bankAccount"
          label={t('contractPayments.form.bankAccount')}
          rules={[required(t('contractPayments.form.bankAccount'))]}
        >
          <Input
            maxLength={100}
            placeholder={t('contractPayments.form.bankAccountPlaceholder')}
            data-testid="receipt-bank"
          />
        </Form.Item>
        <Form.Item name="method" label={t('contractPayments.form.method')} rules={[{ required: true }]}>
          <Select
            options={paymentMethodSchema.options.map((value) => ({
              value,
              label: t(`contractPayments.methods.${value}`),
            }))}
          />
        </Form.Item>
        <Form.Item name="reference" label={t('contractPayments.form.reference')}>
          <Input maxLength={100} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
