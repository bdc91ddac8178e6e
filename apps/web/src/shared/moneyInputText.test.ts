import { describe, expect, it } from 'vitest';
import { MAX_AMOUNT } from '@concord/contracts';
import { inputTextToMinor, minorToInputText, moneyInputFormat, typedMinor } from './moneyInputText';

describe('money input text', () => {
  it('types CNY with two decimals, as 分', () => {
    expect(moneyInputFormat('CNY')).toEqual({ precision: 2, placeholder: '0.00', symbol: '¥' });
    expect(inputTextToMinor('1234.5', 'CNY')).toBe(123450);
    expect(inputTextToMinor('12.', 'CNY')).toBe(1200);
    expect(inputTextToMinor('0.001', 'CNY')).toBeNull();
    expect(minorToInputText(123450, 'CNY')).toBe('1234.50');
  });

  it('types JPY without decimals: the minor unit is the yen', () => {
    expect(moneyInputFormat('JPY')).toEqual({ precision: 0, placeholder: '0', symbol: 'JP¥' });
    expect(inputTextToMinor('1234', 'JPY')).toBe(1234);
    expect(inputTextToMinor('12.5', 'JPY')).toBeNull();
    expect(minorToInputText(1234, 'JPY')).toBe('1234');
  });

  it('keeps two decimals for USD and shows its symbol', () => {
    expect(moneyInputFormat('USD')).toEqual({ precision: 2, placeholder: '0.00', symbol: '$' });
    expect(inputTextToMinor('-0.05', 'USD')).toBe(-5);
    expect(minorToInputText(-5, 'USD')).toBe('-0.05');
  });

  it('gives a figure beyond what Concord stores as just above the bound, so the rule can name it', () => {
    expect(typedMinor('100000000000000000', 'CNY')).toBe(MAX_AMOUNT + 1);
    expect(typedMinor('-100000000000000000', 'CNY')).toBe(-(MAX_AMOUNT + 1));
    expect(typedMinor('1234.5', 'CNY')).toBe(123450);
    expect(typedMinor('0.001', 'CNY')).toBeNull(); // too many decimals: not an amount at all
    expect(typedMinor('12.345', 'CNY')).toBeNull();
    expect(typedMinor('abc', 'CNY')).toBeNull();
    expect(typedMinor(undefined, 'CNY')).toBeNull();
  });

  it('leaves an empty or malformed input without a value', () => {
    expect(inputTextToMinor(undefined, 'CNY')).toBeNull();
    expect(inputTextToMinor('', 'CNY')).toBeNull();
    expect(inputTextToMinor('abc', 'JPY')).toBeNull();
    expect(minorToInputText(null, 'JPY')).toBeUndefined();
  });
});
