import type { Problem } from '@concord/contracts';

export interface FieldError {
  path: string;
  message: string;
}

/**
 * A failed API call. Carries the problem+json fields so pages can show the server's message
 * (already in the user's language) together with the request id support staff need.
 */
export class ApiError extends Error {
  readonly status: number;
  readonly code: string;
  readonly detail: string;
  readonly requestId: string | undefined;
  readonly fieldErrors: FieldError[];

  constructor(init: {
    status: number;
    code: string;
    detail: string;
    requestId?: string;
    fieldErrors?: FieldError[];
  }) {
    super(init.detail);
    this.name = 'ApiError';
    this.status = init.status;
    this.code = init.code;
    this.detail = init.detail;
    this.requestId = init.requestId;
    this.fieldErrors = init.fieldErrors ?? [];
  }

  static fromProblem(problem: Problem): ApiError {
    return new ApiError({
      status: problem.status,
      code: problem.code,
      detail: problem.detail,
      requestId: problem.requestId,
      fieldErrors: problem.errors,
    });
  }
}

export function isApiError(error: unknown): error is ApiError {
  return error instanceof ApiError;
}

/** Client-side codes for failures that never reached the API (network down, proxy error pages). */
export const clientErrorCodes = {
  network: 'NETWORK_ERROR',
  badResponse: 'BAD_RESPONSE',
} as const;
