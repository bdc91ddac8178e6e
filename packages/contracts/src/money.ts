import { z } from 'zod';

/*
 * Money: an integer of minor units (分 for CNY) with a currency code, never a float. Formatting and
 * parsing go through decimal strings, so no amount in the safe range ever passes through a binary
 * fraction; splitting an amount hands out every last 分 (largest remainder).
 */

/** The largest amount Concord accepts: 10^15 分 (ten trillion yuan), well inside JavaScript's safe integers. */
export const MAX_AMOUNT = 1_000_000_000_000_000;

/** An amount in minor units (分), zero or more. */
export const moneySchema = z.number().int().min(0).max(MAX_AMOUNT);
/** A difference or balance in minor units, which may be negative. */
export const signedMoneySchema = z.number().int().min(-MAX_AMOUNT).max(MAX_AMOUNT);

export const currencySchema = z.enum(['CNY', 'USD', 'EUR', 'HKD', 'JPY', 'GBP']);
export type Currency = z.infer<typeof currencySchema>;

/**
 * The currency of an amount that states none: every amount before currencies was in CNY. The
 * approval engine and its designer read an amount condition without a currency in it (ADR 0007).
 */
export const HOME_CURRENCY: Currency = 'CNY';

export type MoneyLocale = 'zh-CN' | 'en-US' | (string & {});

const digitsCache = new Map<string, number>();

/** Decimal places of a currency's minor unit: 2 for CNY (分), 0 for JPY. */
export function minorDigits(currency: string): number {
  let digits = digitsCache.get(currency);
  if (digits === undefined) {
    digits = new Intl.NumberFormat('en-US', { style: 'currency', currency }).resolvedOptions()
      .maximumFractionDigits as number;
    digitsCache.set(currency, digits);
  }
  return digits;
}

/** 123450 → "1234.50" (CNY): the exact decimal text of an amount, for inputs and for Intl. */
export function moneyText(minor: number, currency: string = 'CNY'): string {
  if (!Number.isSafeInteger(minor)) throw new RangeError(`Not an amount in minor units: ${minor}`);
  const digits = minorDigits(currency);
  const sign = minor < 0 ? '-' : '';
  const abs = String(Math.abs(minor)).padStart(digits + 1, '0');
  if (digits === 0) return `${sign}${abs}`;
  return `${sign}${abs.slice(0, -digits)}.${abs.slice(-digits)}`;
}

/**
 * 123450 → 1234.5: an amount as a number of major units, only for spreadsheet cells (Excel keeps
 * doubles; the cell's number format shows the two decimals). Never compute with the result.
 */
export const toMajorUnits = (minor: number, currency: string = 'CNY'): number =>
  Number(moneyText(minor, currency));

/** 123450 → "1234.50": yuan text of 分, for an input's initial value. */
export const yuanText = (fen: number): string => moneyText(fen, 'CNY');

const formatters = new Map<string, Intl.NumberFormat>();

function formatter(currency: string, locale: string): Intl.NumberFormat {
  const key = `${locale}|${currency}`;
  let format = formatters.get(key);
  if (!format) {
    format = new Intl.NumberFormat(locale, {
      style: 'currency',
      currency,
      // Concord's home currency shows as ¥ in every language (en-US would say CN¥).
      currencyDisplay: currency === 'CNY' ? 'narrowSymbol' : 'symbol',
    });
    formatters.set(key, format);
  }
  return format;
}

/**
 * An amount for people: formatMoney(123456789) → "¥1,234,567.89", -5 → "-¥0.05",
 * formatMoney(1250, 'USD', 'en-US') → "$12.50". Intl formats the exact decimal string.
 */
export function formatMoney(minor: number, currency: string = 'CNY', locale: MoneyLocale = 'zh-CN'): string {
  // Intl.NumberFormat takes decimal strings as exact values (ES2023); the lib typing lags behind.
  return formatter(currency, locale).format(moneyText(minor, currency) as unknown as number);
}

/**
 * Parses an amount as typed or pasted in major units into minor units, exactly: "1234.5" → 123450,
 * "1,234.56" / "¥1,234.56" / "-0.05" also work. Null for anything else: empty text, more decimals
 * than the currency has, or an amount outside ±MAX_AMOUNT.
 */
export function parseMoney(
  text: string | number | null | undefined,
  currency: string = 'CNY',
): number | null {
  if (text === null || text === undefined) return null;
  const digits = minorDigits(currency);
  const value =
    typeof text === 'number'
      ? Number.isFinite(text)
        ? text.toFixed(digits)
        : ''
      : text.trim().replace(/[,，\s¥￥$€£]/g, '');
  const match = /^([-+]?)(\d+)(?:\.(\d*))?$/.exec(value) ?? /^([-+]?)()\.(\d+)$/.exec(value);
  if (!match) return null;
  const [, sign, whole, fraction = ''] = match;
  if (fraction.length > digits) return null;
  const minor = Number(`${whole || '0'}${fraction.padEnd(digits, '0')}`);
  if (!Number.isSafeInteger(minor) || minor > MAX_AMOUNT) return null;
  return sign === '-' && minor !== 0 ? -minor : minor;
}

/** "1234.5" → 123450: yuan as typed to 分, exactly; null when it is not an amount. */
export const parseYuan = (text: string | number | null | undefined): number | null => parseMoney(text, 'CNY');

/**
 * Splits `total` minor units in proportion to `weights` so the parts sum exactly to the total:
 * each part is rounded down and the units left over go to the largest remainders (earlier parts
 * first on a tie). allocate(100, [1, 1, 1]) → [34, 33, 33]; a negative total splits as its mirror.
 */
export function allocate(total: number, weights: readonly number[]): number[] {
  if (!Number.isSafeInteger(total)) throw new RangeError(`Not an amount in minor units: ${total}`);
  if (weights.length === 0) throw new RangeError('allocate needs at least one weight');
  if (weights.some((w) => !Number.isSafeInteger(w) || w < 0)) {
    throw new RangeError('allocate takes whole, non-negative weights (分, basis points, counts)');
  }
  const sum = weights.reduce((a, w) => a + BigInt(w), 0n);
  if (sum === 0n) throw new RangeError('allocate needs a weight above zero');
  const whole = BigInt(Math.abs(total));
  // BigInt: total × weight can pass 2^53 even when both fit.
  const parts = weights.map((w, index) => {
    const product = whole * BigInt(w);
    return { index, share: product / sum, remainder: product % sum };
  });
  let left = whole - parts.reduce((a, p) => a + p.share, 0n);
  const byRemainder = [...parts].sort((a, b) =>
    a.remainder === b.remainder ? a.index - b.index : a.remainder > b.remainder ? -1 : 1,
  );
  for (const part of byRemainder) {
    if (left === 0n) break;
    part.share += 1n;
    left -= 1n;
  }
  const sign = total < 0 ? -1 : 1;
  return parts.map((p) => (p.share === 0n ? 0 : sign * Number(p.share)));
}

/** Orders totals rows: the home currency (CNY) first, then the others by code. */
export function compareCurrencies(a: string, b: string): number {
  if (a === b) return 0;
  if (a === 'CNY' || b === 'CNY') return a === 'CNY' ? -1 : 1;
  return a < b ? -1 : 1;
}

/** Totals are never summed across currencies: sums amounts per currency, in first-seen order. */
export function sumByCurrency<T>(
  rows: Iterable<T>,
  currency: (row: T) => string,
  amount: (row: T) => number,
): Map<string, number> {
  const totals = new Map<string, number>();
  for (const row of rows) {
    const code = currency(row);
    totals.set(code, (totals.get(code) ?? 0) + amount(row));
  }
  return totals;
}
