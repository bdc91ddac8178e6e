import { MAX_AMOUNT, minorDigits, moneyText, parseMoney } from '@concord/contracts';

/*
 * Money typed in the currency's major unit (yuan, dollars, yen) with as many decimals as its minor
 * unit has (two for CNY, none for JPY), held and sent as integer minor units. Inputs run in string
 * mode so large amounts never pass through a float; the parsing and the text are the shared ones in
 * packages/contracts (money.ts).
 */

const symbols: Record<string, string> = { CNY: '¥', USD: '$', EUR: '€', HKD: 'HK$', JPY: 'JP¥', GBP: '£' };

/** "1234.5" → 123450 (CNY), "1234" → 1234 (JPY); null for empty or malformed text, or too many decimals. */
export const inputTextToMinor = (text: string | number | null | undefined, currency: string): number | null =>
  parseMoney(text, currency);

/**
 * The value a money input gives its form for the text typed: the amount, or, for a number beyond
 * what Concord stores, just above the bound, so the field's rule says "at most ¥…" instead of the
 * value silently becoming empty (and the message "required" for a figure the user did type).
 */
export function typedMinor(text: string | undefined, currency: string): number | null {
  const minor = inputTextToMinor(text, currency);
  if (minor !== null || !text) return minor;
  const digits = text.trim().replace(/[,，\s¥￥$€£]/g, '');
  const match = /^([-+]?)(\d+)(?:\.(\d*))?$/.exec(digits);
  // Only a well-formed figure too large to store; too many decimals is no amount at all.
  if (!match || (match[3] ?? '').length > minorDigits(currency)) return null;
  return match[1] === '-' ? -(MAX_AMOUNT + 1) : MAX_AMOUNT + 1;
}

/** 123450 → "1234.50" (CNY), 1234 → "1234" (JPY): an input's text for a value. */
export function minorToInputText(minor: number | null | undefined, currency: string): string | undefined {
  if (minor === null || minor === undefined) return undefined;
  return moneyText(minor, currency);
}

/** How an amount input of the currency looks: its decimals, its empty text and its symbol. */
export function moneyInputFormat(currency: string): {
  precision: number;
  placeholder: string;
  symbol: string;
} {
  const precision = minorDigits(currency);
  return {
    precision,
    placeholder: precision === 0 ? '0' : `0.${'0'.repeat(precision)}`,
    symbol: symbols[currency] ?? currency,
  };
}
