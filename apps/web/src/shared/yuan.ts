/*
 * Money typed in yuan (two decimals at most), held and sent as integer 分. Inputs run in string
 * mode so large amounts (up to 10^13 yuan) never pass through a float.
 */

/** "1234.5" → 123450; null for empty or malformed input. */
export function yuanTextToFen(text: string | number | null | undefined): number | null {
  if (text === null || text === undefined) return null;
  const value = String(text).trim().replace(/,/g, '');
  const match = /^(-?)(\d+)(?:\.(\d{0,2})\d*)?$/.exec(value);
  if (!match) return null;
  const fen = Number(match[2]) * 100 + Number((match[3] ?? '').padEnd(2, '0'));
  if (!Number.isSafeInteger(fen)) return null;
  return match[1] ? -fen : fen;
}

/** 123450 → "1234.50", for an input's initial value. */
export function fenToYuanText(fen: number | null | undefined): string | undefined {
  if (fen === null || fen === undefined) return undefined;
  const sign = fen < 0 ? '-' : '';
  const abs = Math.abs(fen);
  return `${sign}${Math.floor(abs / 100)}.${String(abs % 100).padStart(2, '0')}`;
}
