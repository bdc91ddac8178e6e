import type { ContractScheduleItem } from '@concord/contracts';
import { describe, expect, it } from 'vitest';
import {
  type DraftItem,
  draftOf,
  emptyRow,
  fenForShare,
  fillRemainder,
  inputsOf,
  rowProblems,
  shareOf,
  sumFen,
} from './scheduleMath';

const row = (amountText: string | undefined, extra: Partial<DraftItem> = {}): DraftItem => ({
  ...emptyRow(),
  name: '进度款',
  dueDate: '2026-06-30',
  amountText,
  ...extra,
});

const item = (amount: number, extra: Partial<ContractScheduleItem> = {}): ContractScheduleItem =>
  ({
    id: `item-${amount}`,
    seq: 1,
    name: '预付款',
    dueDate: '2026-03-31',
    amount,
    percentage: null,
    condition: null,
    paid: 0,
    requested: 0,
    ...extra,
  }) as ContractScheduleItem;

describe('the plan editor arithmetic', () => {
  it('reads typed amounts in the currency’s digits, never through a float', () => {
    expect(sumFen([row('0.10'), row('0.20')], 'CNY')).toBe(30);
    expect(sumFen([row('1234.56'), row('')], 'CNY')).toBe(123_456);
    // Yen have no minor unit: 1234 yen are 1234, and a decimal is malformed (counted as nothing).
    expect(sumFen([row('1234')], 'JPY')).toBe(1234);
    expect(sumFen([row('12.5')], 'JPY')).toBe(0);
  });

  it('shows stored amounts as input text in the currency’s digits', () => {
    expect(draftOf([item(339_000, { paid: 1000, requested: 500 })], 'CNY')[0]).toMatchObject({
      amountText: '3390.00',
      used: 1500,
    });
    expect(draftOf([item(339_000)], 'JPY')[0].amountText).toBe('339000');
  });

  it('turns shares into amounts and back with half-up rounding in integers', () => {
    expect(fenForShare(100_000_001, 3333)).toBe(33_330_000);
    expect(fenForShare(3, 5000)).toBe(2);
    expect(fenForShare(1, 5000)).toBe(1);
    expect(shareOf(25_000, 100_000)).toBe(2500);
    expect(shareOf(1, 0)).toBeNull();
  });

  it('puts the remainder on the last row, in the currency', () => {
    const filled = fillRemainder([row('300.00'), row(undefined)], 100_000, 'CNY');
    expect(filled[1]).toMatchObject({ amountText: '700.00', percentage: 7000 });
    expect(fillRemainder([row('300'), row(undefined)], 1000, 'JPY')[1].amountText).toBe('700');
    expect(fillRemainder([], 1000, 'CNY')).toEqual([]);
  });

  it('names what is wrong with a row and sends nothing while anything is', () => {
    expect(rowProblems(row('0'), 'CNY')).toEqual(['amount']);
    expect(rowProblems(row('5.00', { used: 600 }), 'CNY')).toEqual(['belowUsed']);
    expect(rowProblems({ ...row('1.00'), name: ' ', dueDate: null }, 'CNY')).toEqual(['name', 'dueDate']);
    expect(inputsOf([row('1.00'), row('abc')], 'CNY')).toBeNull();
    expect(inputsOf([row('1.00', { id: 'a', condition: ' 验收后 ' })], 'CNY')).toEqual([
      { id: 'a', name: '进度款', dueDate: '2026-06-30', amount: 100, percentage: null, condition: '验收后' },
    ]);
  });
});
