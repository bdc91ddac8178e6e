import { InputNumber, type InputNumberProps } from 'antd';

/** A tax rate typed in percent with two decimals (the body carries basis points: 13% = 1300). */
export function TaxRateInput({ testId, ...props }: InputNumberProps<number> & { testId?: string }) {
  return (
    <InputNumber<number>
      // No min or max: 150 stays 150 and the rule beside it says the rate must be 0-100%, rather
      // than the input quietly making it 100%.
      precision={2}
      suffix="%"
      style={{ width: '100%' }}
      {...props}
      data-testid={testId}
    />
  );
}
