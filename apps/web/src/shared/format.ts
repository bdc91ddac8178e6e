import dayjs from 'dayjs';

const currencySymbols: Record<string, string> = { CNY: '¥', USD: '$', EUR: '€', HKD: 'HK$' };
const groupDigits = new Intl.NumberFormat('en-US', { maximumFractionDigits: 0 });

/**
 * Money is stored as an integer of minor units (分). Formatting works on integers only, so no float
 * rounding can creep in: 123456 → "¥1,234.56", -5 → "-¥0.05".
 */
export function formatMoney(minorUnits: number | null | undefined, currency = 'CNY'): string {
  if (minorUnits === null || minorUnits === undefined) return '';
  const sign = minorUnits < 0 ? '-' : '';
  const abs = Math.abs(Math.trunc(minorUnits));
  const major = Math.floor(abs / 100);
  const minor = String(abs % 100).padStart(2, '0');
  const symbol = currencySymbols[currency] ?? `${currency} `;
  return `${sign}${symbol}${groupDigits.format(major)}.${minor}`;
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
