import { InputNumber, type InputNumberProps } from 'antd';

/** A tax rate typed in percent with two decimals (the body carries basis points: 13% = 1300). */
export function TaxRateInput({ testId, ...props }: InputNumberProps<number> & { testId?: string }) {
  return (
    <InputNumber<number>
      min={0}
      max={100}
      precision={2}
      suffix="%"
      style={{ width: '100%' }}
      {...props}
      data-testid={testId}
    />
  );
}
