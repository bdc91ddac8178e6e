import { currencySchema, taxExemptionSchema } from '@concord/contracts';
import { Card, Col, Form, type FormInstance, Row, Select } from 'antd';
import { useTranslation } from 'react-i18next';
import { MoneyInput } from '../../../shared/FormInputs';
import { TaxRateInput } from '../shared/TaxRateInput';
import { AmountSummary } from './AmountSummary';
import { col } from './formLayout';
import type { ContractFormValues } from './formValues';
import type { ContractRules } from './useContractRules';

/** 金额: the amount including tax, the tax rate and the currency, with the tax split shown as typed. */
export function ContractAmountSection({
  form,
  rules,
}: {
  form: FormInstance<ContractFormValues>;
  rules: ContractRules;
}) {
  const { t } = useTranslation();
  const currency = Form.useWatch('currency', form);
  const taxRate = Form.useWatch('taxRate', form);
  return (
    <Card size="small" title={t('contracts.form.sectionAmount')}>
      <Row gutter={16}>
        <Col {...col(8)}>
          <Form.Item name="amount" label={t('contracts.field.amountInclTax')} rules={rules.amount}>
            <MoneyInput currency={currency} testId="contract-amount" />
          </Form.Item>
        </Col>
        <Col {...col(8)}>
          <Form.Item name="taxRate" label={t('contracts.field.taxRate')} rules={rules.taxRate}>
            <TaxRateInput testId="contract-tax-rate" />
          </Form.Item>
        </Col>
        <Col {...col(8)}>
          <Form.Item name="currency" label={t('contracts.field.currency')} rules={rules.currency}>
            <Select
              data-testid="contract-currency"
              options={currencySchema.options.map((code) => ({
                value: code,
                label: t(`contracts.currency.${code}`),
              }))}
            />
          </Form.Item>
        </Col>
        {taxRate === 0 && (
          <Col {...col(8)}>
            <Form.Item
              name="taxExemption"
              label={t('contracts.field.taxExemption')}
              extra={t('contracts.form.taxExemptionHint')}
            >
              <Select
                allowClear
                data-testid="contract-tax-exemption"
                placeholder={t('contracts.taxExemption.none')}
                options={taxExemptionSchema.options.map((kind) => ({
                  value: kind,
                  label: t(`contracts.taxExemption.${kind}`),
                }))}
              />
            </Form.Item>
          </Col>
        )}
        <Col span={24}>
          <Form.Item
            noStyle
            shouldUpdate={(a, b) =>
              a.amount !== b.amount || a.taxRate !== b.taxRate || a.currency !== b.currency
            }
          >
            {() => (
              <AmountSummary
                amount={form.getFieldValue('amount')}
                taxRate={form.getFieldValue('taxRate')}
                currency={form.getFieldValue('currency')}
              />
            )}
          </Form.Item>
        </Col>
      </Row>
    </Card>
  );
}
