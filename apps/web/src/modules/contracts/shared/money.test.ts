import { describe, expect, it } from 'vitest';
import { basisPointsToPercent, fenToYuanText, percentToBasisPoints, yuanTextToFen } from './money';

describe('the money inputs of the contract pages (string mode)', () => {
  it('turn typed yuan into exact 分', () => {
    expect(yuanTextToFen('1234.5')).toBe(123450);
    expect(yuanTextToFen('1,234.56')).toBe(123456);
    expect(yuanTextToFen('1.15')).toBe(115);
    expect(yuanTextToFen('10000000000000')).toBe(1_000_000_000_000_000);
    expect(yuanTextToFen('-0.05')).toBe(-5);
  });

  it('refuse what is not an amount in yuan', () => {
    for (const text of ['', 'abc', '1.234', '1e5', '10000000000000.01', null, undefined]) {
      expect(yuanTextToFen(text)).toBeNull();
    }
  });

  it('show 分 as the text of an input', () => {
    expect(fenToYuanText(123450)).toBe('1234.50');
    expect(fenToYuanText(5)).toBe('0.05');
    expect(fenToYuanText(null)).toBeUndefined();
    expect(yuanTextToFen(fenToYuanText(1_000_000_000_000_000))).toBe(1_000_000_000_000_000);
  });

  it('turn percentages into basis points and back', () => {
    expect(percentToBasisPoints('13')).toBe(1300);
    expect(percentToBasisPoints(6.5)).toBe(650);
    expect(basisPointsToPercent(650)).toBe(6.5);
  });
});
