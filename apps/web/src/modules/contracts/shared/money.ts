import { parseYuan, yuanText } from '@concord/contracts';

/*
 * Money in the contract pages: typed in yuan (two decimals at most), held and sent as integer 分.
 * The inputs run in string mode so large amounts (up to 10^13 yuan) never pass through a float;
 * the parsing and the text are the shared ones in packages/contracts (money.ts).
 */

/** "1234.5" → 123450; null for empty or malformed input, or more than two decimals. */
export const yuanTextToFen = (text: string | number | null | undefined): number | null => parseYuan(text);

/** 123450 → "1234.50", for an input's initial value. */
export function fenToYuanText(fen: number | null | undefined): string | undefined {
  if (fen === null || fen === undefined) return undefined;
  return yuanText(fen);
}

/** A percentage as typed (13, 6.5) → basis points (1300, 650). */
export function percentToBasisPoints(percent: string | number | null | undefined): number | null {
  if (percent === null || percent === undefined || percent === '') return null;
  const value = Number(percent);
  if (!Number.isFinite(value)) return null;
  return Math.round(value * 100);
}

/** Basis points → a percentage for an input: 1300 → 13. */
export function basisPointsToPercent(basisPoints: number | null | undefined): number | undefined {
  if (basisPoints === null || basisPoints === undefined) return undefined;
  return basisPoints / 100;
}
