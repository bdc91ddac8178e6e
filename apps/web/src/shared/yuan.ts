import { parseYuan, yuanText } from '@concord/contracts';

/*
 * Money typed in yuan (two decimals at most), held and sent as integer 分. Inputs run in string
 * mode so large amounts (up to 10^13 yuan) never pass through a float; the parsing and the text
 * are the shared ones in packages/contracts (money.ts).
 */

/** "1234.5" → 123450; null for empty or malformed input, or more than two decimals. */
export const yuanTextToFen = (text: string | number | null | undefined): number | null => parseYuan(text);

/** 123450 → "1234.50", for an input's initial value. */
export function fenToYuanText(fen: number | null | undefined): string | undefined {
  if (fen === null || fen === undefined) return undefined;
  return yuanText(fen);
}
