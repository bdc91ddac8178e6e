import { type InvoiceType, invoiceInputSchema, invoiceTypes } from '@concord/contracts';
import { Form, Input, Select, Typography } from 'antd';
import type { FormInstance } from 'antd';
import { useTranslation } from 'react-i18next';
import { formatMoney } from '../../shared/format';
import { DateInput, MoneyInput } from '../../shared/FormInputs';
import { useZodRules } from '../../shared/zodRules';
import type { invoicesZhCN } from '../../locales/invoices.zh-CN';
import type { InvoiceCreateBody } from './invoicesApi';

/** What the invoice fields edit; the total is computed from amount and tax. */
export interface InvoiceFieldValues {
  direction: 'RECEIVED' | 'ISSUED';
  type: InvoiceType;
  code?: string;
  number: string;
  sellerTaxId: string;
  sellerName: string;
  buyerTaxId: string;
  buyerName: string;
  issueDate: string | null;
  amountExclTax: number | null;
  taxAmount: number | null;
  remarks?: string;
}

export const isDigital = (type: InvoiceType | undefined) => !!type?.startsWith('DIGITAL_');

/** The registry's body from the fields (tax ids upper-cased, the total as amount + tax). */
export function invoiceBodyOf(values: InvoiceFieldValues): Omit<InvoiceCreateBody, 'entityId'> {
  const amount = values.amountExclTax ?? 0;
  const tax = values.taxAmount ?? 0;
  return {
    direction: values.direction,
    type: values.type,
    code: isDigital(values.type) ? null : values.code?.trim() || null,
    number: values.number.trim(),
    sellerTaxId: values.sellerTaxId.trim().toUpperCase(),
    sellerName: values.sellerName.trim(),
    buyerTaxId: values.buyerTaxId.trim().toUpperCase(),
    buyerName: values.buyerName.trim(),
    issueDate: values.issueDate ?? '',
    amountExclTax: amount,
    taxAmount: tax,
    totalAmount: amount + tax,
    remarks: values.remarks?.trim() || null,
  };
}

const row = { display: 'flex', gap: 12, flexWrap: 'wrap' } as const;

/**
 * The fields of an invoice (发票信息), shared by the registry's register dialog and the contract's
 * inline registration. The code/number rules follow the type: paper and electronic invoices have a
 * 10- or 12-digit code and an 8-digit number, fully digital ones a 20-digit number and no code.
 */
export function InvoiceFields({ form, lockDirection }: { form: FormInstance; lockDirection?: boolean }) {
  const { t } = useTranslation();
  const type = Form.useWatch('type', form) as InvoiceType | undefined;
  const amount = (Form.useWatch('amountExclTax', form) as number | null) ?? 0;
  const tax = (Form.useWatch('taxAmount', form) as number | null) ?? 0;
  const digital = isDigital(type);
  const label = (field: keyof typeof invoicesZhCN.invoices.field) => t(`invoices.field.${field}`);
  // The shapes of code and number follow the type: the server's rules check them, and so do these.
  const rules = useZodRules(
    invoiceInputSchema,
    {
      direction: label('direction'),
      type: label('type'),
      code: label('code'),
      number: label('number'),
      sellerTaxId: label('sellerTaxId'),
      sellerName: label('sellerName'),
      buyerTaxId: label('buyerTaxId'),
      buyerName: label('buyerName'),
      issueDate: label('issueDate'),
      amountExclTax: label('amountExclTax'),
      taxAmount: label('taxAmount'),
      remarks: label('remarks'),
    },
    {
      money: ['amountExclTax', 'taxAmount'],
      // Paper and electronic invoices carry a code; the field is shown only for them.
      required: ['code'],
      picked: ['issueDate'],
      invalid: { sellerTaxId: t('invoices.validation.taxId'), buyerTaxId: t('invoices.validation.taxId') },
    },
  );
  return (
    <>
      <div style={row}>
        <Form.Item
          name="direction"
          label={t('invoices.field.direction')}
          style={{ flex: '1 1 140px' }}
          rules={rules.direction}
        >
          <Select
            disabled={lockDirection}
            data-testid="invoice-direction"
            options={(['RECEIVED', 'ISSUED'] as const).map((d) => ({
              value: d,
              label: t(`invoices.direction.${d}`),
            }))}
          />
        </Form.Item>
        <Form.Item
          name="type"
          label={t('invoices.field.type')}
          style={{ flex: '2 1 220px' }}
          rules={rules.type}
        >
          <Select
            data-testid="invoice-type"
            options={invoiceTypes.map((value) => ({ value, label: t(`invoices.type.${value}`) }))}
          />
        </Form.Item>
      </div>
      <div style={row}>
        {!digital && (
          <Form.Item
            name="code"
            label={t('invoices.field.code')}
            style={{ flex: '1 1 160px' }}
            rules={[...rules.code, { pattern: /^(\d{10}|\d{12})$/, message: t('invoices.validation.code') }]}
          >
            <Input inputMode="numeric" maxLength={12} data-testid="invoice-code" />
          </Form.Item>
        )}
        <Form.Item
          name="number"
          label={t('invoices.field.number')}
          style={{ flex: '1 1 200px' }}
          rules={[
            ...rules.number,
            digital
              ? { pattern: /^\d{20}$/, message: t('invoices.validation.digitalNumber') }
              : { pattern: /^\d{8}$/, message: t('invoices.validation.number') },
          ]}
        >
          <Input inputMode="numeric" maxLength={20} data-testid="invoice-number" />
        </Form.Item>
        <Form.Item
          name="issueDate"
          label={t('invoices.field.issueDate')}
          style={{ flex: '1 1 150px' }}
          rules={rules.issueDate}
        >
          <DateInput testId="invoice-issue-date" />
        </Form.Item>
      </div>
      {(['seller', 'buyer'] as const).map((side) => (
        <div style={row} key={side}>
          <Form.Item
            name={`${side}Name`}
            label={t(`invoices.field.${side}Name`)}
            style={{ flex: '2 1 220px' }}
            rules={rules[`${side}Name`]}
          >
            <Input maxLength={200} data-testid={`invoice-${side}-name`} />
          </Form.Item>
          <Form.Item
            name={`${side}TaxId`}
            label={t(`invoices.field.${side}TaxId`)}
            style={{ flex: '1 1 200px' }}
            rules={[
              ...rules[`${side}TaxId`],
              { pattern: /^[0-9A-Za-z]{15,20}$/, message: t('invoices.validation.taxId') },
            ]}
          >
            <Input maxLength={20} data-testid={`invoice-${side}-tax-id`} />
          </Form.Item>
        </div>
      ))}
      <div style={row}>
        <Form.Item
          name="amountExclTax"
          label={t('invoices.field.amountExclTax')}
          style={{ flex: '1 1 160px' }}
          rules={rules.amountExclTax}
        >
          <MoneyInput testId="invoice-amount" />
        </Form.Item>
        <Form.Item
          name="taxAmount"
          label={t('invoices.field.taxAmount')}
          style={{ flex: '1 1 160px' }}
          rules={rules.taxAmount}
        >
          <MoneyInput testId="invoice-tax" />
        </Form.Item>
        <Form.Item label={t('invoices.field.totalAmount')} style={{ flex: '1 1 160px' }}>
          <Typography.Text strong data-testid="invoice-total">
            {formatMoney(amount + tax)}
          </Typography.Text>
        </Form.Item>
      </div>
      <Form.Item name="remarks" label={t('invoices.field.remarks')} rules={rules.remarks}>
        <Input.TextArea rows={2} maxLength={500} />
      </Form.Item>
    </>
  );
}
