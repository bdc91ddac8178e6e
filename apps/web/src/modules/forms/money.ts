import { parseYuan, toMajorUnits } from '@concord/contracts';

/** Yuan from a number input (two decimals) to whole 分, without float drift: 12.34 → 1234. */
export function yuanToFen(yuan: number | null | undefined): number | null {
  if (yuan === null || yuan === undefined) return null;
  return parseYuan(yuan);
}

/** 分 to yuan for a number input: 1234 → 12.34. */
export function fenToYuan(fen: number | null | undefined): number | null {
  if (fen === null || fen === undefined) return null;
  return toMajorUnits(fen);
}
