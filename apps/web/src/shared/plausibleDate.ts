/**
 * Dates a business document plausibly carries: a contract signed in 1900 or ending in 2199 is a slip
 * of the keyboard far more often than a fact. Such a date is not refused (old contracts are
 * registered too) but questioned, under the field (every DateInput), before it is saved.
 */
const EARLIEST_YEAR = 1990;
const YEARS_AHEAD = 30;

export function isPlausibleDate(date: string, today: Date = new Date()): boolean {
  const year = Number(date.slice(0, 4));
  return Number.isInteger(year) && year >= EARLIEST_YEAR && year <= today.getFullYear() + YEARS_AHEAD;
}
