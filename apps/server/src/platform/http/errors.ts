import { type ErrorCode, formatErrorMessage, type Locale } from '@concord/contracts';

const statusByCode: Partial<Record<ErrorCode, number>> = {
  VALIDATION_FAILED: 400,
  PAGE_BEYOND_CAP: 400,
  PASSWORD_POLICY: 400,
  PASSWORD_WRONG: 400,
  INVALID_REFERENCE: 400,
  UNAUTHENTICATED: 401,
  LOGIN_FAILED: 401,
  FORBIDDEN: 403,
  CSRF_FAILED: 403,
  ACCOUNT_DISABLED: 403,
  NOT_ALLOWED_ENTITY: 403,
  SELF_ACTION: 403,
  USER_HAS_OPEN_WORK: 409,
  HANDOVER_TARGET_INVALID: 400,
  HANDOVER_NO_SUCCESSOR: 409,
  NOT_FOUND: 404,
  ROUTE_NOT_FOUND: 404,
  DUPLICATE: 409,
  HAS_CHILDREN: 409,
  TREE_CYCLE: 409,
  BUILT_IN: 409,
  CONFLICT: 409,
  PAYLOAD_TOO_LARGE: 413,
  ACCOUNT_LOCKED: 423,
  TOO_MANY_REQUESTS: 429,
  INTERNAL: 500,
  WF_NOT_ASSIGNEE: 403,
  WF_NOT_INITIATOR: 403,
  WF_NOT_ALLOWED_INITIATOR: 403,
  WF_FIELD_NOT_EDITABLE: 403,
  WF_ACTION_DISABLED: 403,
  WF_NOT_FOUND: 404,
  WF_STALE: 409,
  WF_ALREADY_DECIDED: 409,
  WF_INVALID_STATE: 409,
  WF_ALREADY_ACTED: 409,
  WF_NEXT_NODE_ACTED: 409,
  WF_ADD_SIGN_NOT_ALLOWED: 409,
  WF_MANDATORY_APPROVER_MISSING: 409,
  WF_NO_FLOW: 409,
  WF_CURRENCY_MISMATCH: 409,
  WF_FLOW_INVALID: 400,
  PARTNER_CREDIT_CODE_INVALID: 400,
  PARTNER_BLACKLISTED: 409,
  NUMBERING_PATTERN_INVALID: 400,
  CONTRACT_ILLEGAL_TRANSITION: 409,
  CONTRACT_ATTACHMENTS_MISSING: 400,
  CONTRACT_CHANGE_PENDING: 409,
  CONTRACT_IMPORT_INVALID: 400,
  CONTRACT_ARCHIVE_STATE: 409,
  CONTRACT_SEAL_STATE: 409,
  CONTRACT_SETUP_IN_USE: 409,
  INVOICE_INVALID: 400,
  INVOICE_DUPLICATE: 409,
  INVOICE_OVERUSED: 409,
  INVOICE_USED_TWICE: 409,
  INVOICE_VOIDED: 409,
  INVOICE_IN_USE: 409,
  INVOICE_DIRECTION_MISMATCH: 400,
  INVOICE_PARTY_MISMATCH: 400,
  CONTRACT_SETTLEMENT_STATE: 409,
  CONTRACT_SETTLEMENT_BELOW_PAID: 400,
  CONTRACT_EVALUATION_REQUIRED: 409,
  CONTRACT_EVALUATION_STATE: 409,
  CONTRACT_PLAN_SUM: 400,
  CONTRACT_PLAN_BELOW_USED: 409,
  CONTRACT_PLAN_ITEM_IN_USE: 409,
  CONTRACT_OVER_PAYMENT: 409,
  CONTRACT_PAYMENT_NEEDS_OVERRIDE: 409,
  CONTRACT_PAYMENT_RETENTION_HELD: 409,
  CONTRACT_PAYMENT_STATE: 409,
  CONTRACT_OVER_REFUND: 409,
  IDEMPOTENCY_MISMATCH: 409,
  CONTRACT_DELIVERY_STATE: 409,
  CONTRACT_OVER_DELIVERY: 409,
};

/**
 * A failure the caller can act on. Thrown anywhere in a service; the HTTP layer renders it as
 * problem+json with the message in the caller's language.
 */
export class AppError extends Error {
  readonly status: number;
  constructor(
    readonly code: ErrorCode,
    readonly params: Record<string, string | number> = {},
    readonly fieldErrors?: { path: string; message: string }[],
  ) {
    super(formatErrorMessage(code, 'en-US', params));
    this.status = statusByCode[code] ?? 400;
  }
  messageFor(locale: Locale): string {
    return formatErrorMessage(this.code, locale, this.params);
  }
}

export const notFound = () => new AppError('NOT_FOUND');
export const forbidden = () => new AppError('FORBIDDEN');
export const duplicate = (what: string, value: string) => new AppError('DUPLICATE', { what, value });
export const invalidReference = (what: string) => new AppError('INVALID_REFERENCE', { what });
