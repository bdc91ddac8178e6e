import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import {
  type Contract,
  contractInvoiceAllocationSchema,
  contractInvoiceLinkSchema,
} from '@concord/contracts';
import { App, Button, Flex, Form, Radio, Select, Typography } from 'antd';
import dayjs from 'dayjs';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { MoneyInput } from '../../../../shared/FormInputs';
import { FormModal, fieldErrorsInto } from '../../../../shared/FormModal';
import { formatMoney } from '../../../../shared/format';
import { useZodRules } from '../../../../shared/zodRules';
import { InvoiceFields, type InvoiceFieldValues, invoiceBodyOf } from '../../../invoices/InvoiceFields';
import { useInvoiceList, useLinkContractInvoice } from '../../../invoices/invoicesApi';
import { useContractSchedule } from '../schedule/scheduleApi';

/** The plan item choice that splits the invoice across several plan items. */
const SPLIT = 'split';

interface LinkValues extends InvoiceFieldValues {
  mode: 'new' | 'existing';
  invoiceId?: string;
  /** '' for the contract as a whole, SPLIT for several plan items (`allocations`). */
  planItemId: string;
  amount: number | null;
  allocations?: { planItemId?: string; amount?: number | null }[];
}

/**
 * 关联发票: register a new invoice (counterparty prefilled) or pick one from the registry, the amount
 * this contract uses, and where it counts: the contract as a whole, one plan item, or split across
 * several plan items (each once, the parts at most the amount; the rest counts on the whole contract).
 */
export function LinkInvoiceModal({
  contract,
  open,
  onClose,
}: {
  contract: Contract;
  open: boolean;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<LinkValues>();
  const link = useLinkContractInvoice(contract.id);
  const schedule = useContractSchedule(contract.id, open);
  const mode = Form.useWatch('mode', form) ?? 'new';
  const target = Form.useWatch('planItemId', form) ?? '';
  const used = (Form.useWatch('amount', form) as number | null | undefined) ?? 0;
  const parts = (Form.useWatch('allocations', form) as LinkValues['allocations']) ?? [];
  const allocated = parts.reduce((sum, p) => sum + (p?.amount ?? 0), 0);
  const amountExcl = (Form.useWatch('amountExclTax', form) as number | null) ?? 0;
  const tax = (Form.useWatch('taxAmount', form) as number | null) ?? 0;
  const [search, setSearch] = useState('');
  const direction = contract.direction === 'INCOME' ? 'ISSUED' : 'RECEIVED';
  const candidates = useInvoiceList({ q: search || undefined, direction, status: 'VALID', pageSize: 20 });
  const money = (fen: number) => formatMoney(fen, contract.currency);

  useEffect(() => {
    if (!open) return;
    link.reset();
    form.resetFields();
    const partner = { name: contract.partnerName, taxId: contract.partnerCreditCode ?? '' };
    const us = { name: contract.entityName, taxId: '' };
    const [seller, buyer] = direction === 'RECEIVED' ? [partner, us] : [us, partner];
    form.setFieldsValue({
      mode: 'new',
      planItemId: '',
      direction,
      type: 'DIGITAL_SPECIAL',
      issueDate: dayjs().format('YYYY-MM-DD'),
      sellerName: seller.name,
      sellerTaxId: seller.taxId,
      buyerName: buyer.name,
      buyerTaxId: buyer.taxId,
    });
  }, [open, form, link.reset, contract, direction]);

  // A new invoice is usually used in full by this contract: follow its total until the user edits the amount
  // (while the field still holds the total set last; "touched" does not tell: setting the field touches it).
  const followed = useRef<number | null>(null);
  useEffect(() => {
    if (mode !== 'new') return;
    const current = (form.getFieldValue('amount') as number | null | undefined) ?? null;
    if (current !== null && current !== followed.current) return;
    followed.current = amountExcl + tax || null;
    form.setFieldsValue({ amount: followed.current });
  }, [mode, amountExcl, tax, form]);

  // The body takes an existing invoice or a new one: the pick is required only when picking.
  const rules = useZodRules(
    contractInvoiceLinkSchema,
    {
      invoiceId: t('invoices.contract.pick'),
      amount: t('invoices.contract.amount'),
    },
    {
      money: ['amount'],
      currency: contract.currency,
      required: mode === 'existing' ? ['invoiceId'] : [],
      picked: ['invoiceId'],
    },
  );

  // Each part of a split: a plan item of the contract and an amount, by the same schema as the server.
  const partRules = useZodRules(
    contractInvoiceAllocationSchema,
    { planItemId: t('invoices.contract.planItem'), amount: t('invoices.contract.splitAmount') },
    { money: ['amount'], currency: contract.currency, picked: ['planItemId'] },
  );

  const onFinish = (values: LinkValues) => {
    const split = values.planItemId === SPLIT;
    const where = split
      ? {
          planItemId: null,
          allocations: (values.allocations ?? []).map((a) => ({
            planItemId: a.planItemId ?? '',
            amount: a.amount ?? 0,
          })),
        }
      : { planItemId: values.planItemId || null };
    const body =
      values.mode === 'existing'
        ? { invoiceId: values.invoiceId, ...where, amount: values.amount ?? 0 }
        : { invoice: invoiceBodyOf(values), ...where, amount: values.amount ?? 0 };
    link.mutate(body, {
      onSuccess: () => {
        message.success(t('invoices.contract.linked'));
        onClose();
      },
      onError: fieldErrorsInto(form),
    });
  };

  return (
    <FormModal<LinkValues>
      open={open}
      title={t('invoices.contract.addTitle')}
      form={form}
      onSubmit={onFinish}
      onCancel={onClose}
      okText={t('invoices.contract.link')}
      pending={link.isPending}
      error={link.error}
      okTestId="contract-invoice-save"
      width={700}
    >
      <Form.Item name="mode">
        <Radio.Group
          optionType="button"
          data-testid="contract-invoice-mode"
          options={[
            { value: 'new', label: t('invoices.contract.modeNew') },
            { value: 'existing', label: t('invoices.contract.modeExisting') },
          ]}
        />
      </Form.Item>
      {mode === 'existing' ? (
        <Form.Item name="invoiceId" label={t('invoices.contract.pick')} rules={rules.invoiceId}>
          <Select
            showSearch={{ filterOption: false, onSearch: setSearch }}
            loading={candidates.isFetching}
            data-testid="contract-invoice-pick"
            options={(candidates.data?.items ?? []).map((i) => ({
              value: i.id,
              label: `${i.number} · ${i.sellerName} · ${money(i.totalAmount)}（${t('invoices.field.available')} ${money(i.totalAmount - i.usedAmount)}）`,
            }))}
          />
        </Form.Item>
      ) : (
        <InvoiceFields form={form} lockDirection />
      )}
      <div style={{ display: 'flex', gap: 12, flexWrap: 'wrap' }}>
        <Form.Item name="planItemId" label={t('invoices.contract.planItem')} style={{ flex: '2 1 240px' }}>
          <Select
            data-testid="contract-invoice-plan-item"
            loading={schedule.isLoading}
            onChange={(value) => {
              // Splitting starts with every plan item, to be filled in or removed.
              if (value === SPLIT && !form.getFieldValue('allocations')?.length) {
                form.setFieldsValue({
                  allocations: (schedule.data?.items ?? []).map((item) => ({
                    planItemId: item.id,
                    amount: null,
                  })),
                });
              }
            }}
            options={[
              { value: '', label: t('invoices.contract.wholeContract') },
              ...(schedule.data?.items ?? []).map((item) => ({
                value: item.id,
                label: `${item.seq}. ${item.name}（${money(item.amount)}）`,
              })),
              ...((schedule.data?.items.length ?? 0) > 1
                ? [{ value: SPLIT, label: t('invoices.contract.split') }]
                : []),
            ]}
          />
        </Form.Item>
        <Form.Item
          name="amount"
          label={t('invoices.contract.amount')}
          style={{ flex: '1 1 180px' }}
          rules={rules.amount}
        >
          <MoneyInput currency={contract.currency} testId="contract-invoice-amount" />
        </Form.Item>
      </div>
      {target === SPLIT && (
        <Form.List
          name="allocations"
          rules={[
            {
              // The server's rules, said before sending: each plan item once, the parts at most the amount.
              validator: async (_, list: LinkValues['allocations']) => {
                const ids = (list ?? []).map((p) => p?.planItemId).filter(Boolean);
                if (new Set(ids).size !== ids.length) throw new Error(t('invoices.contract.splitRepeated'));
                const sum = (list ?? []).reduce((total, p) => total + (p?.amount ?? 0), 0);
                const amount = (form.getFieldValue('amount') as number | null) ?? 0;
                if (sum > amount)
                  throw new Error(
                    t('invoices.contract.splitOver', { allocated: money(sum), amount: money(amount) }),
                  );
              },
            },
          ]}
        >
          {(rows, { add, remove }, { errors }) => (
            <Flex vertical gap={8} data-testid="contract-invoice-allocations">
              {rows.map((row, index) => (
                <Flex key={row.key} gap={8} align="start" wrap>
                  <Form.Item
                    name={[row.name, 'planItemId']}
                    rules={partRules.planItemId}
                    style={{ flex: '2 1 240px', marginBottom: 0 }}
                  >
                    <Select
                      aria-label={t('invoices.contract.planItem')}
                      data-testid={`contract-invoice-allocation-item-${index}`}
                      options={(schedule.data?.items ?? []).map((item) => ({
                        value: item.id,
                        label: `${item.seq}. ${item.name}（${money(item.amount)}）`,
                      }))}
                    />
                  </Form.Item>
                  <Form.Item
                    name={[row.name, 'amount']}
                    rules={partRules.amount}
                    style={{ flex: '1 1 160px', marginBottom: 0 }}
                  >
                    <MoneyInput
                      currency={contract.currency}
                      aria-label={t('invoices.contract.splitAmount')}
                      testId={`contract-invoice-allocation-amount-${index}`}
                    />
                  </Form.Item>
                  <Button
                    aria-label={t('invoices.contract.splitRemove')}
                    icon={<DeleteOutlined />}
                    onClick={() => remove(row.name)}
                    data-testid={`contract-invoice-allocation-remove-${index}`}
                  />
                </Flex>
              ))}
              <Form.ErrorList errors={errors} />
              <Flex justify="space-between" align="center" wrap gap={8}>
                <Button type="dashed" icon={<PlusOutlined />} onClick={() => add({ amount: null })}>
                  {t('invoices.contract.splitAdd')}
                </Button>
                <Typography.Text
                  type={allocated > used ? 'danger' : 'secondary'}
                  data-testid="contract-invoice-split-sum"
                >
                  {t('invoices.contract.splitSum', {
                    allocated: money(allocated),
                    amount: money(used),
                    rest: money(Math.max(0, used - allocated)),
                  })}
                </Typography.Text>
              </Flex>
            </Flex>
          )}
        </Form.List>
      )}
    </FormModal>
  );
}
