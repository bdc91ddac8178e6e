/** Yuan as typed (two decimals at most) to whole 分, without float drift: 12.34 → 1234. */
export function yuanToFen(yuan: number | null | undefined): number | null {
  if (yuan === null || yuan === undefined || Number.isNaN(yuan)) return null;
  return Math.round(Number(yuan.toFixed(2)) * 100);
}

/** 分 to yuan for an input: 1234 → 12.34. */
export function fenToYuan(fen: number | null | undefined): number | null {
  if (fen === null || fen === undefined) return null;
  return fen / 100;
}
