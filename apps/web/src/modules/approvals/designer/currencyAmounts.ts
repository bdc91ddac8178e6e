import { type Currency, minorDigits, type WfCondValue } from '@concord/contracts';

/*
 * Amount bounds in the designer (a definition's range, an amount condition) are stated in a
 * currency and typed in major units (yuan, dollars; yen have no decimals), stored as integer minor
 * units. The engine never compares them with a document in another currency (ADR 0007).
 */

/** 123450 → 1234.5 for CNY; null stays null. */
export function minorToShown(minor: number | null | undefined, currency: string): number | null {
  if (minor === null || minor === undefined) return null;
  return minor / 10 ** minorDigits(currency);
}

/** 1234.5 → 123450 for CNY; an empty box is null. */
export function shownToMinor(shown: number | null, currency: string): number | null {
  if (shown === null) return null;
  return Math.round(shown * 10 ** minorDigits(currency));
}

/**
 * A condition's value when its currency changes: the typed number stays as typed (¥10,000 becomes
 * $10,000; yen have no decimals, so ¥1.50 becomes ¥2). No conversion: that is not a rate.
 */
export function restated(
  value: WfCondValue | undefined,
  from: Currency | undefined,
  to: Currency | undefined,
): WfCondValue | undefined {
  const one = (minor: string | number) => {
    if (typeof minor !== 'number') return minor;
    const shown = from ? minorToShown(minor, from) : minor;
    return to ? (shownToMinor(shown, to) ?? minor) : (shown ?? minor);
  };
  if (Array.isArray(value)) return value.map(one);
  return typeof value === 'number' ? one(value) : value;
}
