import { describe, expect, it } from 'vitest';
import { isPlausibleDate } from './plausibleDate';

describe('plausible dates', () => {
  const today = new Date('2026-12-08T00:00:00Z');
  it('questions a date before 1990 or more than thirty years ahead', () => {
    expect(isPlausibleDate('1900-01-01', today)).toBe(false);
    expect(isPlausibleDate('1989-12-31', today)).toBe(false);
    expect(isPlausibleDate('2057-01-01', today)).toBe(false);
    expect(isPlausibleDate('2199-12-31', today)).toBe(false);
  });
  it('accepts the dates contracts carry', () => {
    expect(isPlausibleDate('1990-01-01', today)).toBe(true);
    expect(isPlausibleDate('2026-03-05', today)).toBe(true);
    expect(isPlausibleDate('2056-12-31', today)).toBe(true);
  });
});
