/** The approval engine's pure core: compile a flow, then decide commands against instance state. */
export { workflowModule } from './workflow.module.js';
export type { Command, Effect, NotifyReason } from './workflow.commands.js';
export {
  type CompileError,
  type CompileErrorCode,
  type CompileOptions,
  type CompileResult,
  compileErrorCodes,
  compileFlow,
  type FlowGraph,
  type GraphBranch,
  type GraphNode,
} from './workflow.compiler.js';
export { evaluateCond, type FormData, type InitiatorFacts, readField } from './workflow.conditions.js';
export { type DecideResult, decide, previewPath, returnTargetsOf } from './workflow.decide.js';
export { WorkflowError, type WorkflowErrorCode, workflowErrorStatus } from './workflow.errors.js';
export {
  MemoryOrg,
  type MemoryDepartment,
  type MemoryOrgInit,
  type OrgSnapshot,
  type ProxyRule,
} from './workflow.org.js';
export * from './workflow.state.js';
export { WorkflowDefinitionsService, type FormFieldsOf } from './workflow.definitions.service.js';
export { WorkflowService, type StartInput, WORKFLOW_TIMER_JOB } from './workflow.service.js';
export { type ApprovalSubject, ApprovalSubjects } from './workflow.subjects.js';
export { WorkflowViews } from './workflow.views.js';
export { type ProxyPeople, WorkflowProxiesService } from './workflow.proxies.js';
export { WORKFLOW_WEBHOOK_JOB } from './workflow.webhook.js';
export { workflowFactories } from './workflow.factories.js';
