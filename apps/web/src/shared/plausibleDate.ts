import type { Rule } from 'antd/es/form';

/**
 * Dates a business document plausibly carries: a contract signed in 1900 or ending in 2199 is a slip
 * of the keyboard far more often than a fact. Such a date is not refused (old contracts are
 * registered too) but questioned, beside the field, before it is saved.
 */
const EARLIEST_YEAR = 1990;
const YEARS_AHEAD = 30;

export function isPlausibleDate(date: string, today: Date = new Date()): boolean {
  const year = Number(date.slice(0, 4));
  return Number.isInteger(year) && year >= EARLIEST_YEAR && year <= today.getFullYear() + YEARS_AHEAD;
}

/** A warning rule (antd `warningOnly`): shown in amber under the field, the form still submits. */
export function plausibleDateRule(message: (date: string) => string): Rule {
  return {
    warningOnly: true,
    validator: async (_rule, value: unknown) => {
      if (typeof value === 'string' && value.length >= 4 && !isPlausibleDate(value))
        throw new Error(message(value));
    },
  };
}
