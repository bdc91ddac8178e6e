import { z } from 'zod';
import { codeSchema, dateSchema, idSchema, instantSchema, nameSchema, queryBool } from './common.js';

/*
 * Numbering rules (编号规则): a pattern of literal text and tokens that produces document numbers
 * such as `HT-TECH-202611-0001`. The sequence counts per period (year, month or never reset) and,
 * when the pattern shows the entity code, per entity; so a pattern always yields unique numbers.
 */
export const numberingTokens = ['prefix', 'entity', 'yyyy', 'yy', 'mm', 'seq'] as const;
export type NumberingToken = (typeof numberingTokens)[number];

export const numberingResets = ['YEAR', 'MONTH', 'NEVER'] as const;
export type NumberingReset = (typeof numberingResets)[number];

export const NUMBERING_SEQ_MIN_WIDTH = 3;
export const NUMBERING_SEQ_MAX_WIDTH = 8;

const patternText = z.string().trim().min(1).max(80);
const prefixText = z
  .string()
  .trim()
  .max(20)
  .regex(/^[^{}]*$/, 'no "{" or "}"');
const seqWidth = z.number().int().min(NUMBERING_SEQ_MIN_WIDTH).max(NUMBERING_SEQ_MAX_WIDTH);

export const numberingRuleSchema = z.object({
  id: idSchema,
  code: z.string(),
  name: z.string(),
  pattern: z.string(),
  prefix: z.string(),
  seqWidth: z.number().int(),
  reset: z.enum(numberingResets),
  active: z.boolean(),
  description: z.string().nullable(),
  /** The number the next document would get in the caller's acting entity today (nothing is used up). */
  nextNumber: z.string(),
  createdAt: instantSchema,
  updatedAt: instantSchema,
});
export type NumberingRule = z.infer<typeof numberingRuleSchema>;

export const numberingRuleCreateSchema = z.strictObject({
  code: codeSchema,
  name: nameSchema,
  pattern: patternText,
  prefix: prefixText.default(''),
  seqWidth: seqWidth.default(4),
  reset: z.enum(numberingResets).default('YEAR'),
  active: z.boolean().default(true),
  description: z.string().trim().max(500).nullable().default(null),
});
export type NumberingRuleCreate = z.infer<typeof numberingRuleCreateSchema>;

/** The code stays as created: documents and categories look rules up by it. */
export const numberingRuleUpdateSchema = z.strictObject({
  name: nameSchema.optional(),
  pattern: patternText.optional(),
  prefix: prefixText.optional(),
  seqWidth: seqWidth.optional(),
  reset: z.enum(numberingResets).optional(),
  active: z.boolean().optional(),
  description: z.string().trim().max(500).nullable().optional(),
});
export type NumberingRuleUpdate = z.infer<typeof numberingRuleUpdateSchema>;

export const numberingRuleListQuerySchema = z.strictObject({
  page: z.coerce.number().int().min(1).max(100000).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(20),
  sort: z
    .string()
    .max(60)
    .regex(/^-?[a-zA-Z]+$/)
    .optional(),
  q: z.string().trim().max(100).optional(),
  active: queryBool,
});
export type NumberingRuleListQuery = z.infer<typeof numberingRuleListQuerySchema>;

/** The next number of a rule for one entity and date, without using it up. */
export const numberingPreviewQuerySchema = z.strictObject({
  entityId: idSchema.optional(),
  date: dateSchema.optional(),
});
export const numberingPreviewSchema = z.object({
  number: z.string(),
  entityCode: z.string(),
  date: z.string(),
});
export type NumberingPreview = z.infer<typeof numberingPreviewSchema>;

export type NumberingPatternIssue =
  | { kind: 'noSeq' }
  | { kind: 'manySeq' }
  | { kind: 'unknownToken'; token: string }
  | { kind: 'brace' }
  | { kind: 'noYear' }
  | { kind: 'noMonth' };

/**
 * What is wrong with a pattern, or null. Besides the tokens, a pattern that resets yearly must
 * show the year (and a monthly one the month too), otherwise numbers would repeat.
 */
export function numberingPatternIssue(pattern: string, reset: NumberingReset): NumberingPatternIssue | null {
  const tokens = [...pattern.matchAll(/\{([^{}]*)\}/g)].map((m) => m[1]);
  const unknown = tokens.find((t) => !(numberingTokens as readonly string[]).includes(t));
  if (unknown !== undefined) return { kind: 'unknownToken', token: unknown };
  if (/[{}]/.test(pattern.replace(/\{[^{}]*\}/g, ''))) return { kind: 'brace' };
  const seqCount = tokens.filter((t) => t === 'seq').length;
  if (seqCount === 0) return { kind: 'noSeq' };
  if (seqCount > 1) return { kind: 'manySeq' };
  const hasYear = tokens.includes('yyyy') || tokens.includes('yy');
  if (reset !== 'NEVER' && !hasYear) return { kind: 'noYear' };
  if (reset === 'MONTH' && !tokens.includes('mm')) return { kind: 'noMonth' };
  return null;
}

const issueTexts: Record<NumberingPatternIssue['kind'], { 'zh-CN': string; 'en-US': string }> = {
  noSeq: { 'zh-CN': '必须包含流水号 {seq}', 'en-US': 'it must contain the sequence {seq}' },
  manySeq: { 'zh-CN': '流水号 {seq} 只能出现一次', 'en-US': 'the sequence {seq} may appear only once' },
  unknownToken: {
    'zh-CN': '不认识的占位符 {{token}}，可用：{prefix} {entity} {yyyy} {yy} {mm} {seq}',
    'en-US': 'unknown token {{token}}; use {prefix} {entity} {yyyy} {yy} {mm} {seq}',
  },
  brace: { 'zh-CN': '花括号不成对', 'en-US': 'unbalanced braces' },
  noYear: {
    'zh-CN': '按年或按月重置的规则必须包含年份 {yyyy} 或 {yy}，否则编号会重复',
    'en-US': 'a rule that resets yearly or monthly must show the year ({yyyy} or {yy}), or numbers repeat',
  },
  noMonth: {
    'zh-CN': '按月重置的规则必须包含月份 {mm}，否则编号会重复',
    'en-US': 'a rule that resets monthly must show the month ({mm}), or numbers repeat',
  },
};

/** The issue in words, for the error message and the admin form. */
export function numberingIssueText(issue: NumberingPatternIssue, locale: 'zh-CN' | 'en-US'): string {
  const text = issueTexts[issue.kind][locale];
  return issue.kind === 'unknownToken' ? text.replace('{{token}}', `{${issue.token}}`) : text;
}

/** The period a number is counted in: `2026`, `2026-11` or `all`. */
export function numberingPeriodKey(reset: NumberingReset, date: string): string {
  if (reset === 'YEAR') return date.slice(0, 4);
  if (reset === 'MONTH') return date.slice(0, 7);
  return 'all';
}

/** Sequences count per entity only when the number shows the entity; otherwise group-wide. */
export const numberingCountsPerEntity = (pattern: string): boolean => pattern.includes('{entity}');

/** Fills a pattern. `date` is `YYYY-MM-DD`; the sequence is zero-padded to `seqWidth` (never cut). */
export function formatNumber(
  rule: { pattern: string; prefix: string; seqWidth: number },
  values: { entityCode: string; date: string; seq: number },
): string {
  const replacements: Record<NumberingToken, string> = {
    prefix: rule.prefix,
    entity: values.entityCode,
    yyyy: values.date.slice(0, 4),
    yy: values.date.slice(2, 4),
    mm: values.date.slice(5, 7),
    seq: String(values.seq).padStart(rule.seqWidth, '0'),
  };
  return rule.pattern.replace(/\{([^{}]*)\}/g, (whole, token: string) =>
    token in replacements ? replacements[token as NumberingToken] : whole,
  );
}
