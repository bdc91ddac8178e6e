/** Data sizes of the benchmark tiers (issue "fast at a million contracts"). */
export const tiers = {
  /** CI: under a minute. */
  S: { contracts: 20_000, partners: 2_000 },
  M: { contracts: 100_000, partners: 10_000 },
  L: { contracts: 1_000_000, partners: 50_000 },
} as const;
export type TierName = keyof typeof tiers;
