import { z } from 'zod';
import { codeSchema, idSchema } from './common.js';
import { type Currency, currencySchema } from './money.js';

/*
 * The parts a flow definition (workflow.ts) is built from: ids, field references and durations,
 * field permissions, conditions (分支条件) and who approves (审批人). Split from the node tree so each
 * file reads as one thing.
 */

/** A node or branch id inside one flow: short, URL- and log-safe. */
export const wfNodeIdSchema = z
  .string()
  .trim()
  .min(1)
  .max(64)
  .regex(/^[A-Za-z0-9_-]+$/, 'only letters, digits, "_" and "-"');
/** A form field key (dots allowed for nested values). */
export const wfFieldKeySchema = z
  .string()
  .trim()
  .min(1)
  .max(64)
  .regex(/^[A-Za-z_][A-Za-z0-9_.]*$/, 'a field key starts with a letter or "_"');
/** ISO-8601 duration limited to days, hours, minutes and seconds (no months: they have no fixed length). */
export const wfDurationSchema = z
  .string()
  .max(40)
  .regex(/^P(?!$)(\d+D)?(T(?=\d)(\d+H)?(\d+M)?(\d+S)?)?$/, 'an ISO-8601 duration such as PT24H or P2D');

/** A list of user ids, at most `max`. */
export const userIds = (max: number) => z.array(idSchema).max(max);
/** `{ field }`: a value read from the form. */
export const fieldRef = z.strictObject({ field: wfFieldKeySchema });

export const wfFieldPermSchema = z.enum(['edit', 'read', 'hidden']);
export type WfFieldPerm = z.infer<typeof wfFieldPermSchema>;
export const wfFieldPermsSchema = z
  .record(wfFieldKeySchema, wfFieldPermSchema)
  .refine((perms) => Object.keys(perms).length <= 300, 'at most 300 field permissions');

// ---- conditions: structured JSON, never evaluated as code ----
export const wfCondOps = [
  'eq',
  'ne',
  'gt',
  'gte',
  'lt',
  'lte',
  'between',
  'in',
  'notIn',
  'contains',
  'empty',
] as const;
export type WfCondOp = (typeof wfCondOps)[number];
export type WfScalar = string | number | boolean | null;
export type WfCondValue = WfScalar | Array<string | number>;
export type WfCond =
  | { all: WfCond[] }
  | { any: WfCond[] }
  /**
   * `currency` marks an amount condition: the value is in that currency's minor units and a
   * document in another currency is never compared with it (ADR 0007).
   */
  | { field: string; op: WfCondOp; value?: WfCondValue; currency?: Currency }
  | { initiatorIn: { users?: string[]; depts?: string[]; roles?: string[] } };

const scalarSchema = z.union([z.string().max(1000), z.number(), z.boolean(), z.null()]);
export const wfCondValueSchema = z.union([
  scalarSchema,
  z.array(z.union([z.string().max(1000), z.number()])).max(200),
]);
export const wfCondSchema: z.ZodType<WfCond> = z
  .lazy(() =>
    z.union([
      z.strictObject({ all: z.array(wfCondSchema).min(1).max(50) }),
      z.strictObject({ any: z.array(wfCondSchema).min(1).max(50) }),
      z.strictObject({
        field: wfFieldKeySchema,
        op: z.enum(wfCondOps),
        value: wfCondValueSchema.optional(),
        currency: currencySchema.optional(),
      }),
      z.strictObject({
        initiatorIn: z.strictObject({
          users: userIds(200).optional(),
          depts: userIds(200).optional(),
          roles: z.array(codeSchema).max(50).optional(),
        }),
      }),
    ]),
  )
  .meta({ id: 'WfCond' }); // named: conditions nest, and the API description refers to it

// ---- who approves ----
export type WfSupervisorOf = 'initiator' | { field: string };
export type WfAssignee =
  | { users: string[] }
  | { role: string }
  | { supervisor: { level: number; of: WfSupervisorOf }; fallbackUp?: boolean }
  | { supervisorChain: { until: 'top' | { level: number } | { role: string } } }
  | { deptHead: { of: WfSupervisorOf } }
  | { initiatorSelect: { multiple: boolean; range?: string[] } }
  | { initiator: true }
  | { formField: string }
  | { previousApproverSelect: true };

const ofSchema = z.union([z.literal('initiator'), fieldRef]);
export const wfAssigneeSchema: z.ZodType<WfAssignee> = z.union([
  z.strictObject({ users: userIds(200).min(1) }),
  z.strictObject({ role: codeSchema }),
  z.strictObject({
    supervisor: z.strictObject({ level: z.number().int().min(1).max(20), of: ofSchema }),
    fallbackUp: z.boolean().optional(),
  }),
  z.strictObject({
    supervisorChain: z.strictObject({
      until: z.union([
        z.literal('top'),
        z.strictObject({ level: z.number().int().min(1).max(20) }),
        z.strictObject({ role: codeSchema }),
      ]),
    }),
  }),
  z.strictObject({ deptHead: z.strictObject({ of: ofSchema }) }),
  z.strictObject({
    initiatorSelect: z.strictObject({ multiple: z.boolean(), range: userIds(500).optional() }),
  }),
  z.strictObject({ initiator: z.literal(true) }),
  z.strictObject({ formField: wfFieldKeySchema }),
  z.strictObject({ previousApproverSelect: z.literal(true) }),
]);

// ---- nodes ----
export const wfApprovalModes = ['and', 'or', 'seq', 'vote', 'random'] as const;
export type WfApprovalMode = (typeof wfApprovalModes)[number];
