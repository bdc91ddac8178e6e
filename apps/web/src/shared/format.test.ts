import { describe, expect, it } from 'vitest';
import { formatMoney, formatPercentFromBasisPoints } from './format';

describe('formatMoney', () => {
  it('shows 分 as yuan with separators and two decimals', () => {
    expect(formatMoney(123456789)).toBe('¥1,234,567.89');
    expect(formatMoney(-5)).toBe('-¥0.05');
    expect(formatMoney(0)).toBe('¥0.00');
    expect(formatMoney(99_999_999_999_999)).toBe('¥999,999,999,999.99');
  });

  it('shows other currencies by their symbol and nothing for no amount', () => {
    expect(formatMoney(1250, 'USD', 'en-US')).toBe('$12.50');
    expect(formatMoney(1250, 'HKD')).toBe('HK$12.50');
    expect(formatMoney(null)).toBe('');
    expect(formatMoney(undefined)).toBe('');
    expect(formatMoney(Number.NaN)).toBe('');
    expect(formatMoney(123456, 'XX1')).toBe('XX1 1,234.56');
  });

  it('shows basis points as a percentage with one decimal', () => {
    expect(formatPercentFromBasisPoints(1300)).toBe('13.0%');
    expect(formatPercentFromBasisPoints(null)).toBe('');
  });
});
