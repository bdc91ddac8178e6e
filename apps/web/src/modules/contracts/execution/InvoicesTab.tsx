import { PlusOutlined } from '@ant-design/icons';
import { type Contract, type ContractInvoice, contractInvoiceLinkSchema } from '@concord/contracts';
import { App, Button, Descriptions, Flex, Form, Radio, Select, Typography } from 'antd';
import type { ColumnType } from 'antd/es/table';
import dayjs from 'dayjs';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { usePermissions } from '../../../app/auth/session';
import { AsyncContent } from '../../../shared/AsyncContent';
import { EmptyState } from '../../../shared/EmptyState';
import { errorMessage } from '../../../shared/errorMessage';
import { MoneyInput } from '../../../shared/FormInputs';
import { FormModal, fieldErrorsInto } from '../../../shared/FormModal';
import { formatDate, formatMoney } from '../../../shared/format';
import { ResponsiveTable } from '../../../shared/ResponsiveTable';
import { RowActions } from '../../../shared/RowActions';
import { useConfirm } from '../../../shared/useConfirm';
import { useZodRules } from '../../../shared/zodRules';
import { InvoiceFields, type InvoiceFieldValues, invoiceBodyOf } from '../../invoices/InvoiceFields';
import { InvoiceStatusTag } from '../../invoices/InvoiceStatusTag';
import {
  useContractInvoices,
  useInvoiceList,
  useLinkContractInvoice,
  useReleaseContractInvoice,
} from '../../invoices/invoicesApi';
import { useContractSchedule } from './schedule/scheduleApi';

const LINKABLE = ['IN_FORCE', 'COMPLETED', 'TERMINATED'];

/**
 * 发票: the invoices a contract uses (received on expense contracts, issued on income ones), per plan
 * item or for the contract as a whole, with the invoiced total; link one (registering it inline or
 * picking one already in the registry) or release a link, when the caller holds contract.invoice.
 */
export function InvoicesTab({ contract }: { contract: Contract }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const confirm = useConfirm();
  const { can } = usePermissions();
  const list = useContractInvoices(contract.id);
  const schedule = useContractSchedule(contract.id);
  const release = useReleaseContractInvoice(contract.id);
  const [adding, setAdding] = useState(false);
  const money = (fen: number) => formatMoney(fen, contract.currency);
  const canLink = can('contract.invoice') && LINKABLE.includes(contract.status);
  const itemName = (id: string | null) => {
    const item = id ? schedule.data?.items.find((i) => i.id === id) : null;
    return item ? `${item.seq}. ${item.name}` : t('invoices.contract.wholeContract');
  };

  const onRelease = async (row: ContractInvoice) => {
    const ok = await confirm({
      title: t('invoices.contract.releaseConfirm', { number: row.invoice.number }),
      content: t('invoices.contract.releaseHint', { amount: money(row.amount) }),
      okText: t('invoices.contract.release'),
      danger: true,
    });
    if (!ok) return;
    release.mutate(row.usageId, {
      onSuccess: () => message.success(t('invoices.contract.released')),
      onError: (error) => message.error(errorMessage(error, t)),
    });
  };

  const columns: ColumnType<ContractInvoice>[] = [
    {
      key: 'number',
      title: t('invoices.field.number'),
      render: (_, r) => (
        <Flex vertical>
          <Link to={`/invoices?open=${r.invoice.id}`}>{r.invoice.number}</Link>
          {r.invoice.code && (
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {t('invoices.field.code')} {r.invoice.code}
            </Typography.Text>
          )}
        </Flex>
      ),
    },
    { key: 'type', title: t('invoices.field.type'), render: (_, r) => t(`invoices.type.${r.invoice.type}`) },
    {
      key: 'issueDate',
      title: t('invoices.field.issueDate'),
      render: (_, r) => formatDate(r.invoice.issueDate),
    },
    {
      key: 'party',
      title:
        contract.direction === 'EXPENSE' ? t('invoices.field.sellerName') : t('invoices.field.buyerName'),
      render: (_, r) => (contract.direction === 'EXPENSE' ? r.invoice.sellerName : r.invoice.buyerName),
    },
    { key: 'planItem', title: t('invoices.contract.planItem'), render: (_, r) => itemName(r.planItemId) },
    {
      key: 'total',
      title: t('invoices.field.totalAmount'),
      align: 'right',
      render: (_, r) => money(r.invoice.totalAmount),
    },
    {
      key: 'amount',
      title: t('invoices.contract.amount'),
      align: 'right',
      render: (_, r) => money(r.amount),
    },
    {
      key: 'status',
      title: t('invoices.field.status'),
      render: (_, r) => <InvoiceStatusTag status={r.invoice.status} />,
    },
    ...(canLink
      ? [
          {
            key: 'actions',
            title: t('common.actions'),
            render: (_: unknown, r: ContractInvoice) => (
              <RowActions
                actions={[
                  {
                    key: 'release',
                    label: t('invoices.contract.release'),
                    danger: true,
                    onClick: () => void onRelease(r),
                    testId: 'contract-invoice-release',
                  },
                ]}
              />
            ),
          },
        ]
      : []),
  ];

  return (
    <Flex vertical gap={16}>
      <Flex justify="space-between" align="center" wrap gap={8}>
        <Descriptions size="small" column={{ xs: 1, sm: 3 }} style={{ flex: 1 }}>
          <Descriptions.Item label={t('invoices.contract.invoiced')}>
            <Typography.Text strong data-testid="contract-invoiced-total">
              {money(list.data?.total ?? 0)}
            </Typography.Text>
          </Descriptions.Item>
          <Descriptions.Item label={t('invoices.contract.contractAmount')}>
            {money(contract.currentAmount)}
          </Descriptions.Item>
          <Descriptions.Item label={t('invoices.contract.direction')}>
            {t(`invoices.direction.${contract.direction === 'INCOME' ? 'ISSUED' : 'RECEIVED'}`)}
          </Descriptions.Item>
        </Descriptions>
        {canLink && (
          <Button
            type="primary"
            icon={<PlusOutlined />}
            onClick={() => setAdding(true)}
            data-testid="contract-invoice-add"
          >
            {t('invoices.contract.add')}
          </Button>
        )}
      </Flex>
      <AsyncContent
        isLoading={list.isLoading}
        error={list.data ? null : list.error}
        onRetry={() => void list.refetch()}
      >
        <ResponsiveTable<ContractInvoice>
          rowKey="usageId"
          data-testid="contract-invoices-table"
          columns={columns}
          dataSource={list.data?.items}
          loading={list.isFetching}
          pagination={false}
          size="middle"
          empty={
            <EmptyState
              description={t(canLink ? 'invoices.contract.emptyCanAdd' : 'invoices.contract.empty')}
            />
          }
          cardTitle={(r) => `${r.invoice.number} · ${money(r.amount)}`}
          cardHiddenColumns={['number', 'amount', 'actions']}
          cardActions={(r) =>
            canLink
              ? [
                  <Button key="release" type="link" danger onClick={() => void onRelease(r)}>
                    {t('invoices.contract.release')}
                  </Button>,
                ]
              : []
          }
        />
      </AsyncContent>
      <LinkInvoiceModal contract={contract} open={adding} onClose={() => setAdding(false)} />
    </Flex>
  );
}

interface LinkValues extends InvoiceFieldValues {
  mode: 'new' | 'existing';
  invoiceId?: string;
  /** '' for the contract as a whole. */
  planItemId: string;
  amount: number | null;
}

/** 关联发票: register a new invoice (counterparty prefilled) or pick one from the registry, and the amount this contract uses. */
function LinkInvoiceModal({
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

  const onFinish = (values: LinkValues) => {
    const body =
      values.mode === 'existing'
        ? { invoiceId: values.invoiceId, planItemId: values.planItemId || null, amount: values.amount ?? 0 }
        : {
            invoice: invoiceBodyOf(values),
            planItemId: values.planItemId || null,
            amount: values.amount ?? 0,
          };
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
            options={[
              { value: '', label: t('invoices.contract.wholeContract') },
              ...(schedule.data?.items ?? []).map((item) => ({
                value: item.id,
                label: `${item.seq}. ${item.name}（${money(item.amount)}）`,
              })),
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
    </FormModal>
  );
}
