import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { type Contract, type ContractSettlementView, MAX_AMOUNT } from '@concord/contracts';
import { Alert, App, Button, DatePicker, Flex, Form, Input, Modal, Typography } from 'antd';
import type { Rule } from 'antd/es/form';
import type { Dayjs } from 'dayjs';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { FormError } from '../../../../shared/FormError';
import { formatMoney } from '../../../../shared/format';
import { showFieldErrors } from '../../../../shared/formRules';
import { fenToYuanText, yuanTextToFen } from '../../shared/money';
import { useCreateSettlement } from './closingApi';

interface Values {
  finalAmount: string;
  deductions: { reason: string; amount: string }[];
  retentionAmount?: string;
  retentionReleaseDate?: Dayjs;
  note?: string;
}

const fenOf = (text: string | undefined) => yuanTextToFen(text ?? '') ?? 0;

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
  const finalAmount = Form.useWatch('finalAmount', form);
  const deductions = Form.useWatch('deductions', form) ?? [];
  const retention = Form.useWatch('retentionAmount', form);
  const settled = fenOf(finalAmount) - deductions.reduce((sum, d) => sum + fenOf(d?.amount), 0);
  const committed = view.paidAmount + view.requestedAmount;

  useEffect(() => {
    if (!open) return;
    create.reset();
    form.resetFields();
    form.setFieldsValue({ finalAmount: fenToYuanText(view.currentAmount), deductions: [] });
  }, [open, form, create.reset, view.currentAmount]);

  const amount = (allowZero: boolean): Rule => ({
    validator: async (_rule, value) => {
      if ((value === undefined || value === '') && allowZero) return;
      const fen = yuanTextToFen(value as string);
      if (fen === null || fen < (allowZero ? 0 : 1) || fen > MAX_AMOUNT)
        throw new Error(t('contractClosing.settlement.form.amountInvalid'));
    },
  });
  const required = (field: string) => ({
    required: true,
    message: t('contractClosing.settlement.form.required', { field }),
  });

  const submit = async () => {
    const values = await form.validateFields();
    try {
      await create.mutateAsync({
        finalAmount: fenOf(values.finalAmount),
        deductions: (values.deductions ?? []).map((d) => ({ reason: d.reason, amount: fenOf(d.amount) })),
        retentionAmount: fenOf(values.retentionAmount),
        retentionReleaseDate: values.retentionReleaseDate?.format('YYYY-MM-DD') ?? null,
        note: values.note?.trim() || null,
      });
      message.success(t('contractClosing.settlement.created'));
      onClose();
    } catch (error) {
      showFieldErrors(form, error);
    }
  };

  return (
    <Modal
      open={open}
      title={t('contractClosing.settlement.form.title')}
      onCancel={onClose}
      onOk={() => void submit()}
      okText={t('contractClosing.settlement.form.submit')}
      confirmLoading={create.isPending}
      okButtonProps={{ 'data-testid': 'settlement-submit' } as never}
      destroyOnHidden
      width={640}
    >
      <Form form={form} layout="vertical" data-testid="settlement-form">
        <Form.Item
          name="finalAmount"
          label={t('contractClosing.settlement.form.finalAmount')}
          rules={[required(t('contractClosing.settlement.form.finalAmount')), amount(true)]}
        >
          <Input inputMode="decimal" prefix="¥" data-testid="settlement-final-amount" />
        </Form.Item>
        <Typography.Text strong>{t('contractClosing.settlement.form.deductions')}</Typography.Text>
        <Form.List name="deductions">
          {(fields, { add, remove }) => (
            <Flex vertical gap={8} style={{ marginTop: 8, marginBottom: 16 }}>
              {fields.map((field, index) => (
                <Flex key={field.key} gap={8} align="start" wrap>
                  <Form.Item
                    name={[field.name, 'reason']}
                    rules={[required(t('contractClosing.settlement.form.reason'))]}
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
                    rules={[required(t('contractClosing.settlement.form.amount')), amount(false)]}
                    style={{ flex: '1 1 120px', marginBottom: 0 }}
                  >
                    <Input
                      inputMode="decimal"
                      prefix="¥"
                      placeholder={t('contractClosing.settlement.form.amount')}
                      data-testid={`settlement-deduction-amount-${index}`}
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
                onClick={() => add({ reason: '', amount: '' })}
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
            rules={[amount(true)]}
            style={{ flex: '1 1 200px' }}
          >
            <Input inputMode="decimal" prefix="¥" data-testid="settlement-retention-amount" />
          </Form.Item>
          <Form.Item
            name="retentionReleaseDate"
            label={t('contractClosing.settlement.form.retentionReleaseDate')}
            rules={[
              {
                validator: async (_rule, value) => {
                  if (fenOf(retention) > 0 && !value)
                    throw new Error(
                      t('contractClosing.settlement.form.required', {
                        field: t('contractClosing.settlement.form.retentionReleaseDate'),
                      }),
                    );
                },
              },
            ]}
            dependencies={['retentionAmount']}
            style={{ flex: '1 1 200px' }}
          >
            <DatePicker style={{ width: '100%' }} data-testid="settlement-retention-date" />
          </Form.Item>
        </Flex>
        <Form.Item name="note" label={t('contractClosing.settlement.form.note')}>
          <Input.TextArea maxLength={2000} rows={2} />
        </Form.Item>
        <Flex vertical gap={8}>
          <Typography.Text strong data-testid="settlement-preview">
            {t('contractClosing.settlement.form.settledPreview', { amount: formatMoney(settled) })}
          </Typography.Text>
          <Typography.Text type="secondary">
            {t('contractClosing.settlement.form.paidHint', { amount: formatMoney(committed) })}
          </Typography.Text>
          {settled < committed && (
            <Alert type="error" showIcon message={t('contractClosing.settlement.form.belowPaid')} />
          )}
          {fenOf(retention) > settled && (
            <Alert type="error" showIcon message={t('contractClosing.settlement.form.retentionTooLarge')} />
          )}
          <FormError error={create.error} />
        </Flex>
      </Form>
    </Modal>
  );
}
