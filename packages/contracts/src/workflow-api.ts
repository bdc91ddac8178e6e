import { z } from 'zod';
import { codeSchema, idSchema, instantSchema, nameSchema, pageQuerySchema } from './common.js';
import { formFieldSchema } from './forms.js';
import { currencySchema } from './money.js';
import { wfFlowSchema } from './workflow.js';
import { wfFieldPermSchema, wfNodeIdSchema } from './workflow-parts.js';

/*
 * The approval engine's HTTP API: flow definitions (admin), the approval centre and the actions on
 * an instance. Amounts are integers of 分.
 */

// ---------------------------------------------------------------- definitions
/** What a definition is bound to: a business type (`form.seal`, `contract.sign`, ...) and optional conditions. */
export const businessTypeSchema = z
  .string()
  .trim()
  .min(1)
  .max(60)
  .regex(/^[a-z][a-zA-Z0-9_]*(\.[a-zA-Z0-9_-]+)+$/, 'a business type such as form.seal or contract.sign');

export const wfDefinitionSummarySchema = z.object({
  id: idSchema,
  key: z.string(),
  name: z.string(),
  businessType: z.string(),
  /** Only documents of this legal entity use the definition; null = any entity. */
  entityId: idSchema.nullable(),
  category: z.string().nullable(),
  /** Amount range in minor units of `amountCurrency` (inclusive); null = unbounded. */
  minAmount: z.number().int().nullable(),
  maxAmount: z.number().int().nullable(),
  /** The currency the range is stated in: a document in another currency never matches a range (ADR 0007). */
  amountCurrency: currencySchema,
  /** When several definitions match a document, the highest priority wins. */
  priority: z.number().int(),
  active: z.boolean(),
  currentVersion: z.number().int().nullable(),
  hasUnpublishedChanges: z.boolean(),
  updatedAt: instantSchema,
});
export type WfDefinitionSummary = z.infer<typeof wfDefinitionSummarySchema>;

export const wfDefinitionSchema = wfDefinitionSummarySchema.extend({
  /** The flow being edited (the designer's state); null before the first save. */
  draftFlow: wfFlowSchema.nullable(),
  versions: z.array(
    z.object({
      id: idSchema,
      version: z.number().int(),
      publishedAt: instantSchema,
      publishedBy: z.string().nullable(),
    }),
  ),
});
export type WfDefinition = z.infer<typeof wfDefinitionSchema>;

const bindingFields = {
  entityId: idSchema.nullable().optional(),
  category: z.string().trim().max(60).nullable().optional(),
  minAmount: z.number().int().min(0).max(Number.MAX_SAFE_INTEGER).nullable().optional(),
  maxAmount: z.number().int().min(0).max(Number.MAX_SAFE_INTEGER).nullable().optional(),
  amountCurrency: currencySchema.optional(),
  priority: z.number().int().min(0).max(1000).optional(),
};
export const wfDefinitionCreateSchema = z.strictObject({
  key: codeSchema,
  name: nameSchema,
  businessType: businessTypeSchema,
  ...bindingFields,
  flow: wfFlowSchema.optional(),
});
export const wfDefinitionUpdateSchema = z.strictObject({
  name: nameSchema.optional(),
  ...bindingFields,
  active: z.boolean().optional(),
  /** Saves the draft; publishing makes it the next version. */
  flow: wfFlowSchema.optional(),
});
/** A business type a module approves through the engine, by its name. */
export const wfBusinessTypeSchema = z.object({ type: z.string(), label: z.string() });
export type WfBusinessType = z.infer<typeof wfBusinessTypeSchema>;

export const wfValidateBodySchema = z.strictObject({
  flow: wfFlowSchema,
  /** The entity the flow is bound to; absent or null checks staffing in every active entity. */
  entityId: idSchema.nullable().optional(),
});
export const wfCompileErrorSchema = z.object({
  code: z.string(),
  nodeId: z.string().nullable(),
  message: z.string(),
});
/** An approval step that would find nobody in some entity (publishing is still allowed). */
export const wfStaffingGapSchema = z.object({
  nodeId: z.string(),
  nodeName: z.string(),
  mandatory: z.boolean(),
  entities: z.array(z.object({ id: idSchema, name: z.string() })),
  message: z.string(),
});
export type WfStaffingGap = z.infer<typeof wfStaffingGapSchema>;
export const wfValidateResultSchema = z.object({
  errors: z.array(wfCompileErrorSchema),
  warnings: z.array(wfStaffingGapSchema),
});

// ---------------------------------------------------------------- approval centre
export const wfTabs = ['todo', 'done', 'initiated', 'cc'] as const;
export const wfTaskListQuerySchema = pageQuerySchema
  .extend({
    tab: z.enum(wfTabs).default('todo'),
    status: z.enum(['RUNNING', 'RETURNED', 'APPROVED', 'REJECTED', 'CANCELED', 'ERROR']).optional(),
    businessType: z.string().trim().max(60).optional(),
  })
  .strict();

export const wfInstanceStatusSchema = z.enum([
  'DRAFT',
  'RUNNING',
  'RETURNED',
  'APPROVED',
  'REJECTED',
  'CANCELED',
  'REVERTED',
  'ERROR',
]);
export type WfInstanceStatus = z.infer<typeof wfInstanceStatusSchema>;

export const wfListItemSchema = z.object({
  instanceId: idSchema,
  /** The open (todo) or decided (done) task; null for the initiated and CC tabs. */
  taskId: z.string().nullable(),
  title: z.string(),
  businessType: z.string(),
  initiatorId: idSchema,
  initiatorName: z.string(),
  status: wfInstanceStatusSchema,
  /** The node the task belongs to, or where the instance stands now. */
  nodeName: z.string().nullable(),
  taskStatus: z.string().nullable(),
  submittedAt: instantSchema.nullable(),
  /** When the task was created (todo), decided (done) or the CC was sent. */
  at: instantSchema,
  /** CC tab: whether the user has opened it. */
  read: z.boolean().nullable(),
});
export type WfListItem = z.infer<typeof wfListItemSchema>;

/** The approval monitor (审批监控): every task waiting on someone, for an administrator to move. */
export const wfPendingTaskSortFields = ['createdAt', 'title'] as const;
export const wfPendingTaskQuerySchema = pageQuerySchema
  .extend({
    assigneeId: idSchema.optional(),
    businessType: z.string().trim().max(60).optional(),
    /** Only tasks of users who can no longer sign in. */
    disabledOnly: z.enum(['true', 'false']).optional(),
  })
  .strict();
export const wfPendingTaskSchema = z.object({
  instanceId: idSchema,
  taskId: z.string(),
  title: z.string(),
  businessType: z.string(),
  nodeName: z.string(),
  assigneeId: idSchema,
  assigneeName: z.string(),
  assigneeActive: z.boolean(),
  /** Waiting its turn in a sequence (依次审批) rather than the assignee's to decide now. */
  waiting: z.boolean(),
  createdAt: instantSchema,
});
export type WfPendingTask = z.infer<typeof wfPendingTaskSchema>;

/**
 * The approval centre's counts stop here: a long-serving approver has hundreds of thousands of done
 * tasks, and counting them exactly read every one (0.9 s at a million contracts, on the request's
 * connection). A count above the cap is answered as `WF_COUNT_CAP + 1` and shown as "999+".
 */
export const WF_COUNT_CAP = 999;

export const wfCountsSchema = z.object({
  /** Each count is exact up to WF_COUNT_CAP; WF_COUNT_CAP + 1 means "more than the cap". */
  todo: z.number().int(),
  done: z.number().int(),
  initiated: z.number().int(),
  /** Unread CCs. */
  cc: z.number().int(),
});

// ---------------------------------------------------------------- instance detail and actions
export const wfActionNames = [
  'approve',
  'reject',
  'return',
  'transfer',
  'addSign',
  'removeSign',
  'delegate',
  'delegateReply',
  'unapprove',
  'withdraw',
  'remind',
  'addCc',
  'resubmit',
] as const;
export type WfActionName = (typeof wfActionNames)[number];

export const wfTimelineEntrySchema = z.object({
  seq: z.number().int(),
  at: instantSchema,
  action: z.string(),
  reasonCode: z.string(),
  actorId: z.string(),
  actorName: z.string().nullable(),
  onBehalfOfName: z.string().nullable(),
  nodeId: z.string().nullable(),
  nodeName: z.string().nullable(),
  comment: z.string().nullable(),
  detail: z.record(z.string(), z.unknown()).nullable(),
  /** Files attached to the comment (download at /api/v1/files/:id/content). */
  attachments: z.array(z.object({ id: idSchema, name: z.string() })),
});

export const wfPathStepSchema = z.object({
  nodeId: z.string(),
  name: z.string(),
  type: z.string(),
  /** done, active, pending (predicted), skipped */
  state: z.enum(['done', 'active', 'pending', 'skipped']),
  approvers: z.array(z.object({ id: z.string(), name: z.string(), status: z.string().nullable() })),
  /** 必审: a person must decide this step; it never passes by itself. */
  mandatory: z.boolean().optional(),
  /**
   * Set on a predicted step whose own rule finds nobody: what happens then. `admin` / `users`: the
   * approvers listed stand in; `pass`: skipped (the flow says so); `reject`: the flow ends rejected;
   * `halt`: nobody to stand in, the flow would stop; `blocked`: a mandatory step, submission refused.
   */
  empty: z.enum(['admin', 'users', 'pass', 'reject', 'halt', 'blocked']).nullable().optional(),
  /** 发起人自选: the initiator picks this step's approvers before submitting (send them as `selections`). */
  select: z
    .object({ multiple: z.boolean(), range: z.array(z.string()).nullable() })
    .nullable()
    .optional(),
});

export const wfInstanceDetailSchema = z.object({
  id: idSchema,
  title: z.string(),
  businessType: z.string(),
  subjectId: z.string(),
  status: wfInstanceStatusSchema,
  lockVersion: z.number().int(),
  initiator: z.object({ id: idSchema, name: z.string(), departmentName: z.string().nullable() }),
  submittedAt: instantSchema.nullable(),
  finishedAt: instantSchema.nullable(),
  /** The form the document was submitted with (ad-hoc forms), to render `formData`; null otherwise. */
  fields: z.array(formFieldSchema).nullable(),
  /** Where the document itself is seen (a contract's page on the right tab); null when it has no page. */
  documentLink: z.string().nullable(),
  /** Form values the viewer may see (hidden fields are left out by the server). */
  formData: z.record(z.string(), z.unknown()),
  /** The currency of the document's money fields (a USD contract's amount shows in dollars). */
  currency: currencySchema,
  /** Per field: what the viewer may do with it now. */
  fieldPerms: z.record(z.string(), wfFieldPermSchema),
  path: z.array(wfPathStepSchema),
  timeline: z.array(wfTimelineEntrySchema),
  /** The viewer's open task here, with the buttons its node allows. */
  myTask: z
    .object({
      taskId: z.string(),
      nodeId: z.string(),
      nodeName: z.string(),
      actions: z.array(z.enum(wfActionNames)),
      commentRequired: z.boolean(),
      returnTargets: z.array(z.object({ nodeId: z.string(), name: z.string() })),
    })
    .nullable(),
  /** Instance-level actions the viewer may take (withdraw, remind, addCc, resubmit). */
  actions: z.array(z.enum(wfActionNames)),
});
export type WfInstanceDetail = z.infer<typeof wfInstanceDetailSchema>;

export const wfActionBodySchema = z.strictObject({
  action: z.enum(wfActionNames),
  /** The viewer's task, for task actions. */
  taskId: z.string().trim().max(20).optional(),
  comment: z.string().trim().max(2000).optional(),
  /** Uploaded files (POST /files) attached to the comment; the actor must be able to see each. */
  attachmentIds: z.array(idSchema).max(10).optional(),
  targetNodeId: wfNodeIdSchema.optional(),
  toUserId: idSchema.optional(),
  userIds: z.array(idSchema).max(20).optional(),
  signType: z.enum(['before', 'after', 'parallel']).optional(),
  /** Field edits, allowed only for fields the node lets this approver edit. */
  formPatch: z.record(z.string().max(64), z.unknown()).optional(),
  /** The lockVersion the viewer saw: a stale action is refused with 409. */
  lockVersion: z.number().int().min(0).optional(),
  /** Sending the same request id twice has one effect (and the same answer). */
  requestId: z.string().trim().min(8).max(64).optional(),
});
export type WfActionBody = z.infer<typeof wfActionBodySchema>;

export const wfPreviewBodySchema = z.strictObject({
  businessType: businessTypeSchema,
  entityId: idSchema.optional(),
  amount: z.number().int().min(0).max(Number.MAX_SAFE_INTEGER).optional(),
  /** The document's currency (default CNY): ranges and amount conditions compare like with like. */
  currency: currencySchema.optional(),
  category: z.string().trim().max(60).optional(),
  formData: z.record(z.string().max(64), z.unknown()).default({}),
});
export const wfPreviewResultSchema = z.object({
  definitionId: idSchema,
  definitionName: z.string(),
  path: z.array(wfPathStepSchema),
});

// ---------------------------------------------------------------- proxy rules (审批代理)
/** While a rule is active, new tasks for `userId` go to `proxyId`, logged as "proxy for user". */
export const wfProxyRuleSchema = z.object({
  id: idSchema,
  userId: idSchema,
  userName: z.string(),
  proxyId: idSchema,
  proxyName: z.string(),
  startAt: instantSchema,
  endAt: instantSchema,
  createdAt: instantSchema,
});
export type WfProxyRule = z.infer<typeof wfProxyRuleSchema>;

export const wfProxyRuleCreateSchema = z.strictObject({
  proxyId: idSchema,
  startAt: instantSchema,
  endAt: instantSchema,
});
export type WfProxyRuleCreate = z.infer<typeof wfProxyRuleCreateSchema>;

export const wfProxyListQuerySchema = z.strictObject({
  /** `all`: every rule in the viewer's scope (holders of workflow.instance.admin); default: my rules. */
  view: z.enum(['mine', 'all']).default('mine'),
});
