/**
 * Typed failures of the approval engine core. Each code has one HTTP status so the route layer can
 * turn a `WorkflowError` into problem+json without knowing the engine.
 */
export const workflowErrorStatus = {
  NOT_ASSIGNEE: 403,
  NOT_INITIATOR: 403,
  NOT_ALLOWED_INITIATOR: 403,
  FIELD_NOT_EDITABLE: 403,
  ACTION_DISABLED: 403,
  NOT_FOUND: 404,
  STALE: 409,
  ALREADY_DECIDED: 409,
  INVALID_STATE: 409,
  ALREADY_ACTED: 409,
  NEXT_NODE_ACTED: 409,
  ADD_SIGN_NOT_ALLOWED: 409,
  MANDATORY_APPROVER_MISSING: 409,
  INVALID_RETURN_TARGET: 400,
  MISSING_SELECTION: 400,
  INVALID_SELECTION: 400,
  COMMENT_REQUIRED: 400,
  SIGNATURE_REQUIRED: 400,
  INVALID_COMMAND: 400,
} as const;

export type WorkflowErrorCode = keyof typeof workflowErrorStatus;

export class WorkflowError extends Error {
  readonly status: number;

  constructor(
    readonly code: WorkflowErrorCode,
    message: string,
    readonly params: Record<string, unknown> = {},
  ) {
    super(message);
    this.name = 'WorkflowError';
    this.status = workflowErrorStatus[code];
  }
}
