import { formatMoney as formatSharedMoney, type MoneyLocale } from '@concord/contracts';
import dayjs from 'dayjs';

/**
 * Money is stored as an integer of minor units (分); the shared formatter works on the exact decimal
 * string, so no float rounding can creep in: 123456 → "¥1,234.56", -5 → "-¥0.05".
 */
export function formatMoney(
  minorUnits: number | null | undefined,
  currency = 'CNY',
  locale: MoneyLocale = 'zh-CN',
): string {
  if (minorUnits === null || minorUnits === undefined || !Number.isFinite(minorUnits)) return '';
  const whole = Math.trunc(minorUnits);
  try {
    return formatSharedMoney(whole, currency, locale);
  } catch {
    // An unknown currency code (Intl refuses it) still shows the amount rather than breaking the page.
    return `${currency} ${formatSharedMoney(whole, 'CNY', locale).replace('¥', '')}`;
  }
}

/** Basis points to a percentage with one decimal: 1300 → "13.0%". */
export function formatPercentFromBasisPoints(basisPoints: number | null | undefined): string {
  if (basisPoints === null || basisPoints === undefined) return '';
  return `${(basisPoints / 100).toFixed(1)}%`;
}

/** A calendar date (`YYYY-MM-DD`) or an instant shown as the local calendar date. */
export function formatDate(value: string | null | undefined): string {
  if (!value) return '';
  return /^\d{4}-\d{2}-\d{2}$/.test(value) ? value : dayjs(value).format('YYYY-MM-DD');
}

/** An ISO instant in the browser's time zone, to the minute. */
export function formatDateTime(value: string | null | undefined): string {
  if (!value) return '';
  return dayjs(value).format('YYYY-MM-DD HH:mm');
}

/** An ISO instant to the second, for logs where the order of events matters. */
export function formatDateTimeSeconds(value: string | null | undefined): string {
  if (!value) return '';
  return dayjs(value).format('YYYY-MM-DD HH:mm:ss');
}
