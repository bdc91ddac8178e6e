/* Money and rates in the contract pages; the yuan ↔ 分 conversion is the shared one. */

export { fenToYuanText, yuanTextToFen } from '../../../shared/yuan';

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
