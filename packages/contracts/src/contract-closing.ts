import { z } from 'zod';
import { dateSchema, idSchema, instantSchema } from './common.js';
import { moneySchema } from './money.js';

/*
 * Closing a contract: the settlement (结算) with deductions and warranty retention (质保金), the
 * closing evaluation (回归评价) scored against the category's criteria, and the partner rating
 * history the evaluations feed. Amounts are integers of 分; weights are basis points.
 */

// ---------------------------------------------------------------- evaluation criteria and grades
export const EVALUATION_WEIGHT_TOTAL = 10000;
export const EVALUATION_MAX_CRITERIA = 20;

export const evaluationCriterionSchema = z.strictObject({
  code: z
    .string()
    .trim()
    .min(1)
    .max(32)
    .regex(/^[A-Za-z][A-Za-z0-9_-]*$/, { error: 'letters, digits, - and _ only' }),
  name: z.string().trim().min(1).max(50),
  /** Basis points of the total score; all criteria of a category sum to 10000. */
  weight: z.number().int().min(1).max(EVALUATION_WEIGHT_TOTAL),
});
export type EvaluationCriterion = z.infer<typeof evaluationCriterionSchema>;

/** A category's scorecard: distinct codes, weights summing to 10000. */
export const evaluationCriteriaSchema = z
  .array(evaluationCriterionSchema)
  .min(1)
  .max(EVALUATION_MAX_CRITERIA)
  .superRefine((criteria, check) => {
    const problem = criteriaProblem(criteria);
    if (problem) check.addIssue({ code: 'custom', message: problem });
  });

/** The scorecard of a category that sets none of its own. */
export const DEFAULT_EVALUATION_CRITERIA: EvaluationCriterion[] = [
  { code: 'quality', name: '质量', weight: 4000 },
  { code: 'schedule', name: '进度', weight: 3000 },
  { code: 'service', name: '服务', weight: 2000 },
  { code: 'compliance', name: '合规', weight: 1000 },
];

/** Why a scorecard cannot be used (duplicate codes, weights not summing to 10000), or null. */
export function criteriaProblem(criteria: { code: string; weight: number }[]): string | null {
  if (new Set(criteria.map((c) => c.code)).size !== criteria.length)
    return 'criterion codes must be distinct';
  const total = criteria.reduce((sum, c) => sum + c.weight, 0);
  if (total !== EVALUATION_WEIGHT_TOTAL) return `weights must sum to 100% (10000 bp), not ${total}`;
  return null;
}

export const evaluationGrades = ['A', 'B', 'C', 'D'] as const;
export type EvaluationGrade = (typeof evaluationGrades)[number];

/**
 * The weighted total × 100 (0–10000) of scores 0–100 under weights in basis points summing to
 * 10000: Σ weight × score / 100, rounded half up. Integers only.
 */
export function weightedTotal(items: { weight: number; score: number }[]): number {
  const sum = items.reduce((total, item) => total + item.weight * item.score, 0);
  return Math.floor((sum + 50) / 100);
}

/** A ≥ 90, B ≥ 75, C ≥ 60, else D (on the total × 100). */
export function gradeOf(totalScore: number): EvaluationGrade {
  if (totalScore >= 9000) return 'A';
  if (totalScore >= 7500) return 'B';
  if (totalScore >= 6000) return 'C';
  return 'D';
}

// ---------------------------------------------------------------- evaluation
export const contractEvaluationCreateSchema = z.strictObject({
  scores: z
    .array(
      z.strictObject({ code: z.string().trim().min(1).max(32), score: z.number().int().min(0).max(100) }),
    )
    .min(1)
    .max(EVALUATION_MAX_CRITERIA),
  comment: z.string().trim().max(2000).nullable().default(null),
});
export type ContractEvaluationCreate = z.input<typeof contractEvaluationCreateSchema>;

export const contractEvaluationSchema = z.object({
  id: idSchema,
  contractId: idSchema,
  partnerId: idSchema,
  scores: z.array(
    z.object({ code: z.string(), name: z.string(), weight: z.number().int(), score: z.number().int() }),
  ),
  /** Weighted score × 100 (0–10000). */
  totalScore: z.number().int(),
  grade: z.enum(evaluationGrades),
  comment: z.string().nullable(),
  evaluatedBy: idSchema,
  evaluatedByName: z.string(),
  createdAt: instantSchema,
});
export type ContractEvaluation = z.infer<typeof contractEvaluationSchema>;

/** The evaluation tab: the category's criteria and the evaluation once made. */
export const contractEvaluationViewSchema = z.object({
  criteria: z.array(evaluationCriterionSchema),
  evaluation: contractEvaluationSchema.nullable(),
  /** True when the caller may evaluate the contract now (in force or closed, not yet evaluated). */
  canEvaluate: z.boolean(),
});
export type ContractEvaluationView = z.infer<typeof contractEvaluationViewSchema>;

// ---------------------------------------------------------------- settlement
export const settlementStatuses = ['IN_APPROVAL', 'APPROVED', 'REJECTED', 'WITHDRAWN'] as const;
export type SettlementStatus = (typeof settlementStatuses)[number];

export const settlementDeductionSchema = z.strictObject({
  reason: z.string().trim().min(1).max(200),
  amount: moneySchema.min(1),
});
export type SettlementDeduction = z.infer<typeof settlementDeductionSchema>;

export const contractSettlementCreateSchema = z.strictObject({
  /** The final amount before deductions (含税, 分). */
  finalAmount: moneySchema,
  deductions: z.array(settlementDeductionSchema).max(50).default([]),
  /** Warranty retention (质保金) held back from the settled amount until its release date. */
  retentionAmount: moneySchema.default(0),
  retentionReleaseDate: dateSchema.nullable().default(null),
  note: z.string().trim().max(2000).nullable().default(null),
  selections: z.record(z.string().max(64), z.array(idSchema).max(20)).optional(),
});
export type ContractSettlementCreate = z.input<typeof contractSettlementCreateSchema>;

export const contractSettlementSchema = z.object({
  id: idSchema,
  contractId: idSchema,
  contractNumber: z.string().nullable(),
  contractName: z.string(),
  finalAmount: z.number().int(),
  deductions: z.array(z.object({ reason: z.string(), amount: z.number().int() })),
  deductionTotal: z.number().int(),
  /** Final amount − deductions: what the contract is executed against once approved. */
  settledAmount: z.number().int(),
  retentionAmount: z.number().int(),
  retentionReleaseDate: dateSchema.nullable(),
  retentionReleasedOn: dateSchema.nullable(),
  note: z.string().nullable(),
  status: z.enum(settlementStatuses),
  instanceId: idSchema.nullable(),
  createdBy: idSchema,
  createdByName: z.string(),
  createdAt: instantSchema,
  decidedAt: instantSchema.nullable(),
});
export type ContractSettlement = z.infer<typeof contractSettlementSchema>;

/** The settlement tab: every settlement of the contract (newest first) and the figures around it. */
export const contractSettlementViewSchema = z.object({
  settlements: z.array(contractSettlementSchema),
  /** The contract's amount after approved changes. */
  currentAmount: z.number().int(),
  /** Null until a settlement is approved. */
  settledAmount: z.number().int().nullable(),
  /** The amount execution runs against: the settled amount once settled, else the current amount. */
  executableAmount: z.number().int(),
  /** Net money settled so far (paid out or received, less refunds) and requested but not yet paid. */
  paidAmount: z.number().int(),
  requestedAmount: z.number().int(),
  /** Executable − paid, net of the retention held back on an income contract (`retentionHeldAmount`). */
  outstandingAmount: z.number().int(),
  /**
   * On an income contract, the approved settlement's retention the customer holds back until its
   * release is recorded (not yet due, so not in the outstanding receivable); 0 otherwise.
   */
  retentionHeldAmount: z.number().int(),
  /** The sum of the payment/receipt plan. */
  plannedAmount: z.number().int(),
  /**
   * True when the contract is settled and its plan no longer sums to the settled amount: the plan
   * is not adjusted automatically; the user re-plans (the schedule checks the executable amount).
   */
  planAdjustmentNeeded: z.boolean(),
  /** True when a settlement may be started now (in force, none in approval or approved). */
  canSettle: z.boolean(),
});
export type ContractSettlementView = z.infer<typeof contractSettlementViewSchema>;

export const retentionReleaseSchema = z.strictObject({
  /** Defaults to today. */
  releasedOn: dateSchema.optional(),
  note: z.string().trim().max(500).nullable().default(null),
});
export type RetentionRelease = z.input<typeof retentionReleaseSchema>;

// ---------------------------------------------------------------- partner rating history
export const partnerRatingHistoryItemSchema = z.object({
  id: idSchema,
  rating: z.enum(evaluationGrades).nullable(),
  /** The average of the evaluations' total scores (× 100) the rating came from; null without any. */
  score: z.number().int().nullable(),
  evaluationCount: z.number().int(),
  sourceContractId: idSchema.nullable(),
  sourceLabel: z.string().nullable(),
  createdAt: instantSchema,
});
export type PartnerRatingHistoryItem = z.infer<typeof partnerRatingHistoryItemSchema>;
export const partnerRatingHistorySchema = z.object({ items: z.array(partnerRatingHistoryItemSchema) });
export type PartnerRatingHistory = z.infer<typeof partnerRatingHistorySchema>;
