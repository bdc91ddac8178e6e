import { describe, expect, it } from 'vitest';
import { minorToShown, restated, shownToMinor } from './currencyAmounts';

describe('amount bounds in the flow designer', () => {
  it('types amounts in major units of their currency and stores minor units', () => {
    expect(minorToShown(123_450, 'CNY')).toBe(1234.5);
    expect(shownToMinor(1234.5, 'CNY')).toBe(123_450);
    expect(shownToMinor(0.1 + 0.2, 'USD')).toBe(30);
    expect(minorToShown(5000, 'JPY')).toBe(5000);
    expect(shownToMinor(5000, 'JPY')).toBe(5000);
    expect(minorToShown(null, 'CNY')).toBeNull();
    expect(shownToMinor(null, 'CNY')).toBeNull();
  });

  it('keeps the typed number when the currency of a condition changes, and converts nothing', () => {
    expect(restated(1_000_000, 'CNY', 'USD')).toBe(1_000_000);
    expect(restated([150, 1_000_000], 'CNY', 'JPY')).toEqual([2, 10_000]);
    expect(restated(10_000, 'JPY', 'CNY')).toBe(1_000_000);
    expect(restated(1_000_000, 'CNY', undefined)).toBe(10_000);
    expect(restated(12, undefined, 'CNY')).toBe(1200);
    expect(restated('abc', 'CNY', 'USD')).toBe('abc');
  });
});
