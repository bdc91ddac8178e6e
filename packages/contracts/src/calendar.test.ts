import { describe, expect, it } from 'vitest';
import {
  addDays,
  addWorkingDays,
  businessDate,
  businessDayRange,
  countWorkingDays,
  daysBetween,
  isCalendarDate,
  isWorkingDay,
  nextWorkingDay,
  workingDaysInRange,
  zonedInstant,
} from './calendar.js';

describe('business dates', () => {
  it('is the date in Beijing, not in UTC', () => {
    expect(businessDate('2026-03-04T16:30:00Z')).toBe('2026-03-05');
    expect(businessDate(new Date('2026-03-04T15:59:59.999Z'))).toBe('2026-03-04');
    expect(businessDate('2026-03-04T16:00:00Z')).toBe('2026-03-05');
    expect(businessDate('2026-03-04T16:30:00Z', 'UTC')).toBe('2026-03-04');
    expect(businessDate('2026-12-31T16:00:00Z')).toBe('2027-01-01');
  });

  it('finds the instant of a local time', () => {
    expect(zonedInstant('2026-03-05', '08:30')).toBe('2026-03-05T00:30:00.000Z');
    expect(zonedInstant('2026-03-05')).toBe('2026-03-04T16:00:00.000Z');
    expect(zonedInstant('2026-07-01', '09:00', 'Europe/Berlin')).toBe('2026-07-01T07:00:00.000Z');
    expect(businessDayRange('2026-03-05')).toEqual({
      from: '2026-03-04T16:00:00.000Z',
      to: '2026-03-05T16:00:00.000Z',
    });
  });

  it('adds and counts days over month, year and leap-day ends', () => {
    expect(addDays('2026-02-28', 1)).toBe('2026-03-01');
    expect(addDays('2028-02-28', 1)).toBe('2028-02-29');
    expect(addDays('2026-12-31', 1)).toBe('2027-01-01');
    expect(addDays('2026-03-01', -1)).toBe('2026-02-28');
    expect(daysBetween('2026-03-05', '2026-03-12')).toBe(7);
    expect(daysBetween('2026-03-12', '2026-03-05')).toBe(-7);
    expect(daysBetween('2026-01-01', '2027-01-01')).toBe(365);
  });

  it('refuses what is not a date', () => {
    expect(() => addDays('2026-02-30', 1)).toThrow(RangeError);
    expect(() => daysBetween('2026-3-5', '2026-03-06')).toThrow(RangeError);
    expect(isCalendarDate('2026-02-29')).toBe(false);
    expect(isCalendarDate('2028-02-29')).toBe(true);
  });
});

describe('Chinese working days', () => {
  it('knows holidays and 调休 working weekends', () => {
    expect(isWorkingDay('2026-03-04')).toBe(true); // a Wednesday
    expect(isWorkingDay('2026-03-07')).toBe(false); // a Saturday
    expect(isWorkingDay('2026-02-14')).toBe(true); // Saturday worked before the Spring Festival
    expect(isWorkingDay('2026-02-16')).toBe(false); // 除夕 week, a Monday
    expect(isWorkingDay('2026-10-01')).toBe(false); // National Day
    expect(isWorkingDay('2026-09-20')).toBe(true); // Sunday worked for National Day
  });

  it('adds working days over the Spring Festival', () => {
    // 2026: the holiday runs 15–23 February; Saturday 14 and Saturday 28 February are worked.
    expect(addWorkingDays('2026-02-13', 1)).toBe('2026-02-14');
    expect(addWorkingDays('2026-02-13', 2)).toBe('2026-02-24');
    expect(addWorkingDays('2026-02-24', -1)).toBe('2026-02-14');
    expect(addWorkingDays('2026-02-12', 5)).toBe('2026-02-26');
    expect(addWorkingDays('2026-02-15', 0)).toBe('2026-02-15');
    expect(nextWorkingDay('2026-02-15')).toBe('2026-02-24');
    expect(nextWorkingDay('2026-02-24')).toBe('2026-02-24');
  });

  it('lists and counts the working days of a range', () => {
    expect(workingDaysInRange('2026-02-12', '2026-02-25')).toEqual([
      '2026-02-12',
      '2026-02-13',
      '2026-02-14',
      '2026-02-24',
      '2026-02-25',
    ]);
    // 2–13 February (10), Saturday 14, 24–27 February (4), Saturday 28
    expect(countWorkingDays('2026-02-01', '2026-02-28')).toBe(16);
    expect(countWorkingDays('2026-03-05', '2026-03-04')).toBe(0);
  });
});
