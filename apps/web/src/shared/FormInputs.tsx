import { keepPreviousData, useQuery } from '@tanstack/react-query';
import {
  DatePicker,
  type DatePickerProps,
  InputNumber,
  type InputNumberProps,
  Select,
  type SelectProps,
} from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { type ReactNode, useEffect, useMemo, useState } from 'react';
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

export interface RemoteOption {
  value: string;
  label: ReactNode;
  disabled?: boolean;
  title?: string;
}

interface RemoteSelectProps<T>
  extends Omit<SelectProps<string>, 'options' | 'onSearch' | 'showSearch' | 'loading' | 'mode'> {
  /** The query key of one search (the typed text is its last part). */
  queryKey: (q: string) => readonly unknown[];
  /** Asks the API for the records matching the text (the API pages and limits). */
  search: (q: string, signal: AbortSignal) => Promise<T[]>;
  toOption: (item: T) => RemoteOption;
  /** The label of the current value when it is not among the results (an edited record's own). */
  currentLabel?: ReactNode;
}

const searchDelayMs = 300;

/**
 * A select that searches an API list as the user types (after a short pause), for records too
 * many to load up front. Nothing is fetched until it is opened; a picked option keeps its label
 * after the search text changes.
 */
export function RemoteSelect<T>({
  queryKey,
  search,
  toOption,
  currentLabel,
  value,
  ...props
}: RemoteSelectProps<T>) {
  const [input, setInput] = useState('');
  const [q, setQ] = useState('');
  const [opened, setOpened] = useState(false);
  useEffect(() => {
    const timer = setTimeout(() => setQ(input.trim()), searchDelayMs);
    return () => clearTimeout(timer);
  }, [input]);

  const { data, isFetching } = useQuery({
    queryKey: queryKey(q),
    queryFn: ({ signal }) => search(q, signal),
    enabled: opened,
    placeholderData: keepPreviousData,
  });
  const [seen, setSeen] = useState<Record<string, RemoteOption>>({});
  const found = useMemo(() => (data ?? []).map(toOption), [data, toOption]);
  useEffect(() => {
    if (found.length === 0) return;
    setSeen((previous) => {
      const next = { ...previous };
      for (const option of found) next[option.value] = option;
      return next;
    });
  }, [found]);

  const options = useMemo(() => {
    if (!value || found.some((option) => option.value === value)) return found;
    return [seen[value] ?? { value, label: currentLabel ?? value.slice(0, 8) }, ...found];
  }, [found, value, seen, currentLabel]);

  return (
    <Select<string>
      allowClear
      {...props}
      value={value}
      showSearch={{ filterOption: false, onSearch: setInput }}
      onOpenChange={(open) => open && setOpened(true)}
      options={options}
      loading={isFetching}
      popupMatchSelectWidth={false}
    />
  );
}
