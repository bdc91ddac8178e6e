import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import {
  type Contract,
  type ContractSettlementView,
  contractSettlementCreateSchema,
  settlementDeductionSchema,
} from '@concord/contracts';
import { Alert, App, Button, Flex, Form, Input, Typography } from 'antd';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { DateInput, MoneyInput } from '../../../../shared/FormInputs';
import { FormModal, fieldErrorsInto } from '../../../../shared/FormModal';
import { formatMoney } from '../../../../shared/format';
import { useZodRules } from '../../../../shared/zodRules';
import { useCreateSettlement } from './closingApi';

/** Amounts in minor units of the contract's currency. */
interface Values {
  finalAmount?: number | null;
  deductions: { reason: string; amount?: number | null }[];
  retentionAmount?: number | null;
  retentionReleaseDate?: string | null;
  note?: string;
}

/** 发起结算: final amount, a list of deductions, retention with its release date; the settled amount live. */
export function SettlementModal({
  contract,
  view,
  open,
  onClose,
}: {
  contract: Contract;
  view: ContractSettlementView;
  open: boolean;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const create = useCreateSettlement(contract.id);
  const finalAmount = Form.useWatch('finalAmount', form) ?? 0;
  const deductions = Form.useWatch('deductions', form) ?? [];
  const retention = Form.useWatch('retentionAmount', form) ?? 0;
  const settled = finalAmount - deductions.reduce((sum, d) => sum + (d?.amount ?? 0), 0);
  const committed = view.paidAmount + view.requestedAmount;
  const { currency } = contract;

  useEffect(() => {
    if (!open) return;
    create.reset();
    form.resetFields();
    form.setFieldsValue({ finalAmount: view.currentAmount, deductions: [] });
  }, [open, form, create.reset, view.currentAmount]);

  // The release date is the server's question once some retention is held back.
  const rules = useZodRules(
    contractSettlementCreateSchema,
    {
      finalAmount: t('contractClosing.settlement.form.finalAmount'),
      retentionAmount: t('contractClosing.settlement.form.retentionAmount'),
      retentionReleaseDate: t('contractClosing.settlement.form.retentionReleaseDate'),
      note: t('contractClosing.settlement.form.note'),
    },
    {
      money: ['finalAmount', 'retentionAmount'],
      currency,
      required: retention > 0 ? ['retentionReleaseDate'] : [],
      picked: ['retentionReleaseDate'],
    },
  );
  const deductionRules = useZodRules(
    settlementDeductionSchema,
    {
      reason: t('contractClosing.settlement.form.reason'),
      amount: t('contractClosing.settlement.form.amount'),
    },
    { money: ['amount'], currency },
  );

  const onFinish = (values: Values) =>
    create.mutate(
      {
        finalAmount: values.finalAmount ?? 0,
        deductions: (values.deductions ?? []).map((d) => ({
          reason: d.reason.trim(),
          amount: d.amount ?? 0,
        })),
        retentionAmount: values.retentionAmount ?? 0,
        retentionReleaseDate: values.retentionReleaseDate ?? null,
        note: values.note?.trim() || null,
      },
      {
        onSuccess: () => {
          message.success(t('contractClosing.settlement.created'));
          onClose();
        },
        onError: fieldErrorsInto(form),
      },
    );

  return (
    <FormModal<Values>
      open={open}
      title={t('contractClosing.settlement.form.title')}
      form={form}
      onSubmit={onFinish}
      onCancel={onClose}
      okText={t('contractClosing.settlement.form.submit')}
      pending={create.isPending}
      error={create.error}
      okTestId="settlement-submit"
      formTestId="settlement-form"
      width={640}
      after={
        <Flex vertical gap={8}>
          <Typography.Text strong data-testid="settlement-preview">
            {t('contractClosing.settlement.form.settledPreview', { amount: formatMoney(settled, currency) })}
          </Typography.Text>
          <Typography.Text type="secondary">
            {t('contractClosing.settlement.form.paidHint', { amount: formatMoney(committed, currency) })}
          </Typography.Text>
          {settled < committed && (
            <Alert type="error" showIcon message={t('contractClosing.settlement.form.belowPaid')} />
          )}
          {retention > settled && (
            <Alert type="error" showIcon message={t('contractClosing.settlement.form.retentionTooLarge')} />
          )}
        </Flex>
      }
    >
      <Form.Item
        name="finalAmount"
        label={t('contractClosing.settlement.form.finalAmount')}
        rules={rules.finalAmount}
      >
        <MoneyInput currency={currency} testId="settlement-final-amount" />
      </Form.Item>
      <Typography.Text strong>{t('contractClosing.settlement.form.deductions')}</Typography.Text>
      <Form.List name="deductions">
        {(fields, { add, remove }) => (
          <Flex vertical gap={8} style={{ marginTop: 8, marginBottom: 16 }}>
            {fields.map((field, index) => (
              <Flex key={field.key} gap={8} align="start" wrap>
                <Form.Item
                  name={[field.name, 'reason']}
                  rules={deductionRules.reason}
                  style={{ flex: '2 1 180px', marginBottom: 0 }}
                >
                  <Input
                    maxLength={200}
                    placeholder={t('contractClosing.settlement.form.reason')}
                    data-testid={`settlement-deduction-reason-${index}`}
                  />
                </Form.Item>
                <Form.Item
                  name={[field.name, 'amount']}
                  rules={deductionRules.amount}
                  style={{ flex: '1 1 120px', marginBottom: 0 }}
                >
                  <MoneyInput
                    currency={currency}
                    placeholder={t('contractClosing.settlement.form.amount')}
                    testId={`settlement-deduction-amount-${index}`}
                  />
                </Form.Item>
                <Button
                  icon={<DeleteOutlined />}
                  aria-label={t('contractClosing.settlement.form.remove')}
                  onClick={() => remove(field.name)}
                />
              </Flex>
            ))}
            <Button
              type="dashed"
              icon={<PlusOutlined />}
              onClick={() => add({ reason: '', amount: null })}
              data-testid="settlement-add-deduction"
            >
              {t('contractClosing.settlement.form.addDeduction')}
            </Button>
          </Flex>
        )}
      </Form.List>
      <Flex gap={12} wrap>
        <Form.Item
          name="retentionAmount"
          label={t('contractClosing.settlement.form.retentionAmount')}
          rules={rules.retentionAmount}
          style={{ flex: '1 1 200px' }}
        >
          <MoneyInput currency={currency} testId="settlement-retention-amount" />
        </Form.Item>
        <Form.Item
          name="retentionReleaseDate"
          label={t('contractClosing.settlement.form.retentionReleaseDate')}
          rules={rules.retentionReleaseDate}
          dependencies={['retentionAmount']}
          style={{ flex: '1 1 200px' }}
        >
          <DateInput testId="settlement-retention-date" />
        </Form.Item>
      </Flex>
      <Form.Item name="note" label={t('contractClosing.settlement.form.note')} rules={rules.note}>
        <Input.TextArea maxLength={2000} rows={2} />
      </Form.Item>
    </FormModal>
  );
}
