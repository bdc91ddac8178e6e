import { describe, expect, it } from 'vitest';
import {
  allocate,
  formatMoney,
  MAX_AMOUNT,
  moneySchema,
  moneyText,
  parseMoney,
  parseYuan,
  sumByCurrency,
  yuanText,
} from './money.js';

describe('formatMoney', () => {
  it('shows 分 as yuan with separators and two decimals', () => {
    expect(formatMoney(123456789)).toBe('¥1,234,567.89');
    expect(formatMoney(0)).toBe('¥0.00');
    expect(formatMoney(5)).toBe('¥0.05');
    expect(formatMoney(-5)).toBe('-¥0.05');
    expect(formatMoney(-123456789)).toBe('-¥1,234,567.89');
  });

  it('is exact at the top of the range, where a float would drift', () => {
    expect(formatMoney(MAX_AMOUNT - 1)).toBe('¥9,999,999,999,999.99');
    expect(formatMoney(Number.MAX_SAFE_INTEGER)).toBe('¥90,071,992,547,409.91');
  });

  it('follows the currency and the language', () => {
    expect(formatMoney(123456, 'CNY', 'en-US')).toBe('¥1,234.56');
    expect(formatMoney(1250, 'USD', 'en-US')).toBe('$12.50');
    expect(formatMoney(1250, 'USD', 'zh-CN')).toBe('US$12.50');
    expect(formatMoney(1250, 'JPY', 'en-US')).toBe('¥1,250');
  });

  it('refuses what is not an integer of minor units', () => {
    expect(() => formatMoney(12.5)).toThrow(RangeError);
  });
});

describe('parseMoney / parseYuan', () => {
  it('reads yuan as typed into exact 分', () => {
    expect(parseYuan('1234.5')).toBe(123450);
    expect(parseYuan('1234.56')).toBe(123456);
    expect(parseYuan('0.1')).toBe(10);
    expect(parseYuan('.5')).toBe(50);
    expect(parseYuan('12.')).toBe(1200);
    expect(parseYuan(' ¥1,234,567.89 ')).toBe(123456789);
    expect(parseYuan('-0.05')).toBe(-5);
    expect(parseYuan('-0')).toBe(0);
    // 1.15 * 100 is 114.99999999999999 in floating point
    expect(parseYuan('1.15')).toBe(115);
    expect(parseYuan('9999999999999.99')).toBe(MAX_AMOUNT - 1);
  });

  it('rejects what is not an amount', () => {
    for (const text of ['', ' ', 'abc', '1.234', '1e3', '1-2', '--1', '10000000000000.01', null, undefined]) {
      expect(parseYuan(text)).toBeNull();
    }
  });

  it('takes numbers from number inputs, rounded to the currency', () => {
    expect(parseYuan(12.34)).toBe(1234);
    expect(parseYuan(0.1 + 0.2)).toBe(30);
    expect(parseYuan(Number.NaN)).toBeNull();
  });

  it('knows currencies without minor units', () => {
    expect(parseMoney('1250', 'JPY')).toBe(1250);
    expect(parseMoney('12.5', 'JPY')).toBeNull();
  });

  it('round-trips through the input text', () => {
    for (const fen of [0, 5, 10, 123450, -5, MAX_AMOUNT]) expect(parseYuan(yuanText(fen))).toBe(fen);
    expect(yuanText(123450)).toBe('1234.50');
    expect(yuanText(-5)).toBe('-0.05');
    expect(moneyText(1250, 'JPY')).toBe('1250');
  });
});

describe('allocate', () => {
  const sum = (parts: number[]) => parts.reduce((a, b) => a + b, 0);

  it('hands out every 分, the leftovers to the largest remainders', () => {
    expect(allocate(100, [1, 1, 1])).toEqual([34, 33, 33]);
    expect(allocate(100, [3000, 3000, 4000])).toEqual([30, 30, 40]);
    expect(allocate(10, [1, 2])).toEqual([3, 7]);
    expect(allocate(5, [1, 0, 1])).toEqual([3, 0, 2]);
    expect(allocate(0, [1, 1])).toEqual([0, 0]);
  });

  it('always sums to the whole', () => {
    let seed = 7;
    const next = () => {
      seed = (seed * 48271) % 2147483647;
      return seed;
    };
    for (let run = 0; run < 200; run += 1) {
      const total = next() % 10_000_000;
      const weights = Array.from({ length: 1 + (next() % 12) }, () => next() % 10_000);
      if (!weights.some((w) => w > 0)) weights[0] = 1;
      const parts = allocate(total, weights);
      expect(sum(parts)).toBe(total);
      expect(parts.every((p) => p >= 0)).toBe(true);
    }
  });

  it('splits a negative total as its mirror', () => {
    expect(allocate(-100, [1, 1, 1])).toEqual([-34, -33, -33]);
    expect(sum(allocate(-7, [2, 3]))).toBe(-7);
  });

  it('stays exact when total × weight passes 2^53', () => {
    const parts = allocate(MAX_AMOUNT, [MAX_AMOUNT, MAX_AMOUNT, 1]);
    expect(sum(parts)).toBe(MAX_AMOUNT);
    expect(parts).toEqual([500_000_000_000_000, 500_000_000_000_000, 0]);
  });

  it('refuses weights it cannot split by', () => {
    expect(() => allocate(100, [])).toThrow(RangeError);
    expect(() => allocate(100, [0, 0])).toThrow(RangeError);
    expect(() => allocate(100, [-1, 2])).toThrow(RangeError);
    expect(() => allocate(100, [0.5, 0.5])).toThrow(RangeError);
  });
});

describe('schemas and totals', () => {
  it('accepts whole 分 in the safe range only', () => {
    expect(moneySchema.safeParse(MAX_AMOUNT).success).toBe(true);
    expect(moneySchema.safeParse(MAX_AMOUNT + 1).success).toBe(false);
    expect(moneySchema.safeParse(1.5).success).toBe(false);
    expect(moneySchema.safeParse(-1).success).toBe(false);
  });

  it('sums per currency, never across', () => {
    const rows = [
      { c: 'CNY', a: 100 },
      { c: 'USD', a: 7 },
      { c: 'CNY', a: 50 },
    ];
    expect([
      ...sumByCurrency(
        rows,
        (r) => r.c,
        (r) => r.a,
      ),
    ]).toEqual([
      ['CNY', 150],
      ['USD', 7],
    ]);
  });
});
