import { z } from 'zod';
import { codeSchema, nameSchema } from './common.js';
import {
  fieldRef,
  userIds,
  type WfApprovalMode,
  type WfAssignee,
  type WfCond,
  type WfFieldPerm,
  wfApprovalModes,
  wfAssigneeSchema,
  wfCondSchema,
  wfDurationSchema,
  wfFieldKeySchema,
  wfFieldPermsSchema,
  wfNodeIdSchema,
} from './workflow-parts.js';

/*
 * The approval flow definition (WORKFLOW.md §3 "Flow JSON"): a tree rooted at a start node, each
 * node with at most one `next`; branch nodes add `branches`. The engine compiles it to a flat graph.
 * A sub-process node (子流程) starts another published flow, found by its definition key, as a child
 * instance; the child is started by the parent's initiator.
 *
 * Optional fields take the engine's defaults (listed at the top of the server's workflow.decide.ts),
 * which follow DingTalk where DingTalk and Feishu differ. The types are written out by hand because
 * the tree is recursive; the schemas are annotated with them so both stay in step.
 */

export interface WfCommon {
  id: string;
  name: string;
  next?: WfNode;
}
export interface WfStartNode extends WfCommon {
  type: 'start';
  initiators?: { users?: string[]; depts?: string[]; roles?: string[] };
  fieldPerms?: Record<string, WfFieldPerm>;
}
export interface WfTimeout {
  after: string | { field: string };
  remind?: { every: string; max: number };
  then: 'none' | 'pass' | 'reject' | 'escalate';
  escalateTo?: WfAssignee;
}
export interface WfApprovalNode extends WfCommon {
  type: 'approval' | 'handle';
  assignee: WfAssignee;
  mode: WfApprovalMode;
  /** Vote nodes: percent of approvals needed (1-100), an integer so no float ever decides. */
  passRatio?: number;
  /**
   * Nobody to approve: `admin` (the default) hands the task to the flow's administrators, `users` to
   * the users named, `reject` ends the flow; `pass` skips the node and only when a flow says so.
   */
  onEmpty?: { do: 'pass' | 'reject' | 'admin' | 'users'; users?: string[] };
  /**
   * 必审: a person must decide here. Nothing auto-passes it (no onEmpty pass, onSelf skip or timeout
   * pass, refused at publish), and a document whose approver for it resolves to nobody cannot be submitted.
   */
  mandatory?: boolean;
  onSelf?: 'self' | 'skip' | 'deptHead';
  onReject?: { to: 'end' | 'prev' | 'node'; nodeId?: string };
  returnTo?: 'any' | 'prev' | 'start' | string[];
  resubmit?: 'rerun' | 'backToReturner';
  timeout?: WfTimeout;
  buttons?: {
    transfer?: boolean;
    addSign?: boolean;
    delegate?: boolean;
    return?: boolean;
    withdraw?: boolean;
  };
  commentRequired?: boolean;
  signatureRequired?: boolean;
  fieldPerms?: Record<string, WfFieldPerm>;
}
export interface WfCcNode extends WfCommon {
  type: 'cc';
  assignee: WfAssignee;
  initiatorMayAdd?: boolean;
  when?: 'reach' | 'end';
}
export interface WfBranch {
  id: string;
  name: string;
  priority: number;
  when?: WfCond;
  next?: WfNode;
}
export interface WfBranchNode extends WfCommon {
  type: 'condition' | 'inclusive' | 'parallel';
  branches: WfBranch[];
}
export interface WfDelayNode extends WfCommon {
  type: 'delay';
  wait: { duration: string } | { timeOfDay: string } | { field: string };
}
export interface WfTriggerNode extends WfCommon {
  type: 'trigger';
  http: {
    method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
    url: string;
    headers?: Record<string, string>;
    body?: string;
    /** form field → dotted path into the JSON response */
    responseMap?: Record<string, string>;
  };
  retry?: { maxAttempts: number; backoff?: string };
  onFail?: 'halt' | 'continue';
  awaitCallback?: boolean;
}
/**
 * 子流程: starts the active, published flow `definitionKey` as a child instance, by the parent's
 * initiator. `inputMap` is child field → parent field; `outputMap` is parent field → child field
 * (read from the child's final form). With `wait` (default true) the node waits for the child: its
 * approval completes the node, its rejection or withdrawal rejects the node and ends the parent.
 */
export interface WfSubprocessNode extends WfCommon {
  type: 'subprocess';
  definitionKey: string;
  inputMap?: Record<string, string>;
  outputMap?: Record<string, string>;
  wait?: boolean;
}
export type WfNode =
  | WfStartNode
  | WfApprovalNode
  | WfCcNode
  | WfBranchNode
  | WfDelayNode
  | WfTriggerNode
  | WfSubprocessNode;

export interface WfSettings {
  dedupe: 'none' | 'all' | 'consecutive';
  initiatorWithdraw: 'never' | 'beforeFirstAction' | 'always';
  approverWithdraw?: boolean;
  allowRevoke?: boolean;
  admins?: string[];
}
export interface WfFlow {
  schemaVersion: 1;
  settings: WfSettings;
  root: WfStartNode;
}

// z.lazy, not a getter: a getter in a spread object would be read before wfNodeSchema exists.
const nextSchema = z.lazy(() => wfNodeSchema).optional();
const common = { id: wfNodeIdSchema, name: nameSchema, next: nextSchema };
const initiatorsSchema = z.strictObject({
  users: userIds(500).optional(),
  depts: userIds(500).optional(),
  roles: z.array(codeSchema).max(50).optional(),
});

export const wfStartNodeSchema: z.ZodType<WfStartNode> = z
  .strictObject({
    ...common,
    type: z.literal('start'),
    initiators: initiatorsSchema.optional(),
    fieldPerms: wfFieldPermsSchema.optional(),
  })
  // Named: it is a flow's root and one of the nodes, so the API description refers to it.
  .meta({ id: 'WfStartNode' });

export const wfTimeoutSchema: z.ZodType<WfTimeout> = z.strictObject({
  after: z.union([wfDurationSchema, fieldRef]),
  remind: z.strictObject({ every: wfDurationSchema, max: z.number().int().min(1).max(50) }).optional(),
  // biome-ignore lint/suspicious/noThenProperty: WORKFLOW.md names the field "then"; its value is a string, never a thenable
  then: z.enum(['none', 'pass', 'reject', 'escalate']),
  escalateTo: wfAssigneeSchema.optional(),
});

export const wfApprovalNodeSchema: z.ZodType<WfApprovalNode> = z.strictObject({
  ...common,
  type: z.enum(['approval', 'handle']),
  assignee: wfAssigneeSchema,
  mode: z.enum(wfApprovalModes),
  passRatio: z.number().int().min(1).max(100).optional(),
  onEmpty: z
    .strictObject({ do: z.enum(['pass', 'reject', 'admin', 'users']), users: userIds(200).optional() })
    .optional(),
  mandatory: z.boolean().optional(),
  onSelf: z.enum(['self', 'skip', 'deptHead']).optional(),
  onReject: z
    .strictObject({ to: z.enum(['end', 'prev', 'node']), nodeId: wfNodeIdSchema.optional() })
    .optional(),
  returnTo: z.union([z.enum(['any', 'prev', 'start']), z.array(wfNodeIdSchema).min(1).max(100)]).optional(),
  resubmit: z.enum(['rerun', 'backToReturner']).optional(),
  timeout: wfTimeoutSchema.optional(),
  buttons: z
    .strictObject({
      transfer: z.boolean().optional(),
      addSign: z.boolean().optional(),
      delegate: z.boolean().optional(),
      return: z.boolean().optional(),
      withdraw: z.boolean().optional(),
    })
    .optional(),
  commentRequired: z.boolean().optional(),
  signatureRequired: z.boolean().optional(),
  fieldPerms: wfFieldPermsSchema.optional(),
});

export const wfCcNodeSchema: z.ZodType<WfCcNode> = z.strictObject({
  ...common,
  type: z.literal('cc'),
  assignee: wfAssigneeSchema,
  initiatorMayAdd: z.boolean().optional(),
  when: z.enum(['reach', 'end']).optional(),
});

export const wfBranchSchema: z.ZodType<WfBranch> = z.strictObject({
  id: wfNodeIdSchema,
  name: nameSchema,
  priority: z.number().int().min(0).max(1000),
  when: wfCondSchema.optional(),
  next: nextSchema,
});

export const wfBranchNodeSchema: z.ZodType<WfBranchNode> = z.strictObject({
  ...common,
  type: z.enum(['condition', 'inclusive', 'parallel']),
  branches: z.array(wfBranchSchema).min(1).max(20),
});

export const wfDelayNodeSchema: z.ZodType<WfDelayNode> = z.strictObject({
  ...common,
  type: z.literal('delay'),
  wait: z.union([
    z.strictObject({ duration: wfDurationSchema }),
    z.strictObject({ timeOfDay: z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'HH:MM') }),
    fieldRef,
  ]),
});

export const wfTriggerNodeSchema: z.ZodType<WfTriggerNode> = z.strictObject({
  ...common,
  type: z.literal('trigger'),
  http: z.strictObject({
    method: z.enum(['GET', 'POST', 'PUT', 'PATCH', 'DELETE']),
    url: z.url({ protocol: /^https?$/ }).max(2000),
    headers: z
      .record(z.string().min(1).max(100), z.string().max(2000))
      .refine((h) => Object.keys(h).length <= 50, 'at most 50 headers')
      .optional(),
    body: z.string().max(20000).optional(),
    responseMap: z
      .record(wfFieldKeySchema, z.string().min(1).max(200))
      .refine((m) => Object.keys(m).length <= 100, 'at most 100 mapped fields')
      .optional(),
  }),
  retry: z
    .strictObject({ maxAttempts: z.number().int().min(1).max(10), backoff: wfDurationSchema.optional() })
    .optional(),
  onFail: z.enum(['halt', 'continue']).optional(),
  awaitCallback: z.boolean().optional(),
});

const fieldMapSchema = z
  .record(wfFieldKeySchema, wfFieldKeySchema)
  .refine((m) => Object.keys(m).length <= 100, 'at most 100 mapped fields');

export const wfSubprocessNodeSchema: z.ZodType<WfSubprocessNode> = z.strictObject({
  ...common,
  type: z.literal('subprocess'),
  definitionKey: codeSchema,
  inputMap: fieldMapSchema.optional(),
  outputMap: fieldMapSchema.optional(),
  wait: z.boolean().optional(),
});

export const wfNodeSchema: z.ZodType<WfNode> = z
  .lazy(() =>
    z.union([
      wfStartNodeSchema,
      wfApprovalNodeSchema,
      wfCcNodeSchema,
      wfBranchNodeSchema,
      wfDelayNodeSchema,
      wfTriggerNodeSchema,
      wfSubprocessNodeSchema,
    ]),
  )
  .meta({
    // A named schema: the API description refers to it (a flow node holds nodes) instead of an
    // unnamed definition it would otherwise leave out.
    id: 'WfNode',
  });

export const wfSettingsSchema: z.ZodType<WfSettings> = z.strictObject({
  dedupe: z.enum(['none', 'all', 'consecutive']),
  initiatorWithdraw: z.enum(['never', 'beforeFirstAction', 'always']),
  approverWithdraw: z.boolean().optional(),
  allowRevoke: z.boolean().optional(),
  admins: userIds(50).optional(),
});

export const wfFlowSchema: z.ZodType<WfFlow> = z.strictObject({
  schemaVersion: z.literal(1),
  settings: wfSettingsSchema,
  root: wfStartNodeSchema,
});
