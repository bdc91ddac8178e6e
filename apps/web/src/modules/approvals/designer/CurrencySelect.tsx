import { type Currency, currencySchema } from '@concord/contracts';
import { Select } from 'antd';
import { useTranslation } from 'react-i18next';

interface CurrencySelectProps {
  value: Currency | undefined;
  onChange: (currency: Currency | undefined) => void;
  /** Offer "not an amount" (a field whose type the designer does not know). */
  allowClear?: boolean;
  testId?: string;
}

/** The currency an amount bound is stated in. */
export function CurrencySelect({ value, onChange, allowClear = false, testId }: CurrencySelectProps) {
  const { t } = useTranslation();
  return (
    <Select<Currency>
      style={{ width: allowClear ? 128 : 88 }}
      value={value}
      allowClear={allowClear}
      placeholder={t('flows.cond.notAmount')}
      options={currencySchema.options.map((currency) => ({ value: currency, label: currency }))}
      onChange={(next) => onChange(next ?? undefined)}
      aria-label={t('flows.cond.currency')}
      data-testid={testId}
    />
  );
}
