import { DatePicker, type DatePickerProps, InputNumber, type InputNumberProps, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useEffect, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { isPlausibleDate } from './plausibleDate';
import { minorToInputText, moneyInputFormat, typedMinor } from './moneyInputText';

interface MoneyInputProps
  extends Omit<InputNumberProps<string>, 'value' | 'onChange' | 'stringMode' | 'precision' | 'min' | 'max'> {
  /** Integer minor units (分 for CNY, yen for JPY), as the API takes it. */
  value?: number | null;
  onChange?: (minor: number | null) => void;
  /** The record's currency: it sets the decimals typed (two for CNY, none for JPY) and the symbol. */
  currency?: string;
  testId?: string;
}

/**
 * Money typed in the currency's major unit with its minor unit's decimals, given to the form as
 * integer minor units. The typed text is kept as typed ("12." stays while typing) and only re-read
 * from the value when the value changes elsewhere.
 */
export function MoneyInput({ value, onChange, currency = 'CNY', testId, ...props }: MoneyInputProps) {
  const format = moneyInputFormat(currency);
  const [text, setText] = useState<string | undefined>(() => minorToInputText(value, currency));
  useEffect(() => {
    setText((typed) =>
      typedMinor(typed, currency) === (value ?? null) ? typed : minorToInputText(value, currency),
    );
  }, [value, currency]);
  return (
    <InputNumber<string>
      style={{ width: '100%' }}
      prefix={format.symbol}
      placeholder={format.placeholder}
      {...props}
      stringMode
      precision={format.precision}
      // No min: a negative amount typed stays as typed, and the field's rule says what is wrong
      // (an input that turned −5,000 into 0.00 changed the value without a word).
      value={text}
      onChange={(next) => {
        const typed = next ?? undefined;
        setText(typed);
        onChange?.(typedMinor(typed, currency));
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

/**
 * A calendar date picked in the user's locale and given to the form as `YYYY-MM-DD`. A date no
 * business document plausibly carries (before 1990, or decades ahead: a slip of the keyboard far
 * more often than a fact) is questioned under the field; it is not refused, the form still saves.
 */
export function DateInput({ value, onChange, testId, ...props }: DateInputProps) {
  const { t } = useTranslation();
  const hintId = useId();
  const implausible = Boolean(value) && !isPlausibleDate(value as string);
  return (
    <>
      <DatePicker
        style={{ width: '100%' }}
        {...props}
        status={implausible ? 'warning' : props.status}
        aria-describedby={implausible ? hintId : undefined}
        value={value ? dayjs(value) : null}
        onChange={(date: Dayjs | null) => onChange?.(date ? date.format('YYYY-MM-DD') : null)}
        data-testid={testId}
      />
      {implausible && (
        <Typography.Text
          type="warning"
          id={hintId}
          role="status"
          style={{ display: 'block' }}
          data-testid={testId ? `${testId}-implausible` : undefined}
        >
          {t('validation.implausibleDate', { date: value })}
        </Typography.Text>
      )}
    </>
  );
}

export type { RemoteResult } from './remoteResult';
export { type RemoteOption, RemoteSelect } from './RemoteSelect';
