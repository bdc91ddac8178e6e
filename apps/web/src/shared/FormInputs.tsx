import { DatePicker, type DatePickerProps, InputNumber, type InputNumberProps } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useEffect, useState } from 'react';
import { fenToYuanText, yuanTextToFen } from './yuan';

const currencySymbols: Record<string, string> = { CNY: '¥', USD: '$', EUR: '€', HKD: 'HK$' };

interface MoneyInputProps
  extends Omit<InputNumberProps<string>, 'value' | 'onChange' | 'stringMode' | 'precision' | 'min' | 'max'> {
  /** 分 (integer minor units), as the API takes it. */
  value?: number | null;
  onChange?: (fen: number | null) => void;
  currency?: string;
  /** Whether amounts below zero may be typed (refunds, adjustments). */
  allowNegative?: boolean;
  testId?: string;
}

/**
 * Money typed in yuan with two decimals, given to the form as integer 分. The typed text is kept as
 * typed ("12." stays while typing) and only re-read from the value when the value changes elsewhere.
 */
export function MoneyInput({
  value,
  onChange,
  currency = 'CNY',
  allowNegative = false,
  testId,
  ...props
}: MoneyInputProps) {
  const [text, setText] = useState<string | undefined>(() => fenToYuanText(value));
  useEffect(() => {
    setText((typed) => (yuanTextToFen(typed) === (value ?? null) ? typed : fenToYuanText(value)));
  }, [value]);
  return (
    <InputNumber<string>
      style={{ width: '100%' }}
      prefix={currencySymbols[currency] ?? currency}
      placeholder="0.00"
      {...props}
      stringMode
      precision={2}
      min={allowNegative ? undefined : '0'}
      value={text}
      onChange={(next) => {
        const typed = next ?? undefined;
        setText(typed);
        onChange?.(yuanTextToFen(typed));
      }}
      data-testid={testId}
    />
  );
}

interface DateInputProps
  extends Omit<DatePickerProps, 'value' | 'defaultValue' | 'onChange' | 'picker' | 'multiple'> {
  /** A calendar date, `YYYY-MM-DD`, as the API takes it. */
  value?: string | null;
  onChange?: (date: string | null) => void;
  testId?: string;
}

/** A calendar date picked in the user's locale and given to the form as `YYYY-MM-DD`. */
export function DateInput({ value, onChange, testId, ...props }: DateInputProps) {
  return (
    <DatePicker
      style={{ width: '100%' }}
      {...props}
      value={value ? dayjs(value) : null}
      onChange={(date: Dayjs | null) => onChange?.(date ? date.format('YYYY-MM-DD') : null)}
      data-testid={testId}
    />
  );
}

export type { RemoteResult } from './remoteResult';
export { type RemoteOption, RemoteSelect } from './RemoteSelect';
