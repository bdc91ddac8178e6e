import {
  type Contract,
  type ContractPaymentPosition,
  contractReceiptCreateSchema,
  paymentMethodSchema,
} from '@concord/contracts';
import { App, Form, Input, Select } from 'antd';
import type { Rule } from 'antd/es/form';
import dayjs from 'dayjs';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatMoney } from '../../../../shared/format';
import { DateInput, MoneyInput } from '../../../../shared/FormInputs';
import { FormModal, fieldErrorsInto } from '../../../../shared/FormModal';
import { useZodRules } from '../../../../shared/zodRules';
import { type ReceiptBody, useRegisterReceipt } from './paymentsApi';

interface Values {
  planItemId?: string;
  /** 分 */
  amount?: number | null;
  /** YYYY-MM-DD */
  receivedOn: string;
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
    form.setFieldsValue({
      planItemId: first?.id,
      receivedOn: dayjs().format('YYYY-MM-DD'),
      method: 'TRANSFER',
    });
    setKey(crypto.randomUUID());
  }, [open, form, register.reset, position.items]);

  // The server's schema gives required, bounds and lengths; what is left to receive is this item's.
  const rules = useZodRules(
    contractReceiptCreateSchema,
    {
      planItemId: t('contractPayments.form.item'),
      amount: t('contractPayments.form.amount'),
      receivedOn: t('contractPayments.form.receivedOn'),
      bankAccount: t('contractPayments.form.bankAccount'),
      method: t('contractPayments.form.method'),
      reference: t('contractPayments.form.reference'),
    },
    { money: ['amount'] },
  );
  const roomRule: Rule = {
    validator: async (_rule, fen: number | null | undefined) => {
      if (item && fen && fen > item.room)
        throw new Error(t('contractPayments.form.overRoom', { room: formatMoney(item.room) }));
    },
  };

  const onFinish = (values: Values) => {
    register.mutate(
      {
        planItemId: values.planItemId!,
        amount: values.amount ?? 0,
        receivedOn: values.receivedOn,
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
        onError: fieldErrorsInto(form),
      },
    );
  };

  return (
    <FormModal<Values>
      open={open}
      title={t('contractPayments.form.receiptTitle')}
      form={form}
      onSubmit={onFinish}
      onCancel={onClose}
      okText={t('contractPayments.receive')}
      pending={register.isPending}
      error={register.error}
      okTestId="receipt-save"
      width={560}
    >
      <Form.Item name="planItemId" label={t('contractPayments.form.item')} rules={rules.planItemId}>
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
      <Form.Item name="amount" label={t('contractPayments.form.amount')} rules={[...rules.amount, roomRule]}>
        <MoneyInput currency={contract.currency} testId="receipt-amount" />
      </Form.Item>
      <Form.Item name="receivedOn" label={t('contractPayments.form.receivedOn')} rules={rules.receivedOn}>
        <DateInput testId="receipt-date" />
      </Form.Item>
      <Form.Item name="bankAccount" label={t('contractPayments.form.bankAccount')} rules={rules.bankAccount}>
        <Input
          maxLength={100}
          placeholder={t('contractPayments.form.bankAccountPlaceholder')}
          data-testid="receipt-bank"
        />
      </Form.Item>
      <Form.Item name="method" label={t('contractPayments.form.method')} rules={rules.method}>
        <Select
          options={paymentMethodSchema.options.map((value) => ({
            value,
            label: t(`contractPayments.methods.${value}`),
          }))}
        />
      </Form.Item>
      <Form.Item name="reference" label={t('contractPayments.form.reference')} rules={rules.reference}>
        <Input maxLength={100} />
      </Form.Item>
    </FormModal>
  );
}
