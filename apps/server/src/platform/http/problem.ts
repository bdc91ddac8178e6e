import { type ErrorCode, formatErrorMessage, type Locale, type Problem } from '@concord/contracts';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { hasZodFastifySchemaValidationErrors } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { AppError } from './errors.js';
import { issueMessage } from './validation-messages.js';

const titles: Record<number, string> = {
  400: 'Bad Request',
  401: 'Unauthorized',
  403: 'Forbidden',
  404: 'Not Found',
  405: 'Method Not Allowed',
  409: 'Conflict',
  413: 'Payload Too Large',
  415: 'Unsupported Media Type',
  423: 'Locked',
  429: 'Too Many Requests',
  500: 'Internal Server Error',
};

export function localeOf(request: FastifyRequest): Locale {
  if (request.ctx?.locale) return request.ctx.locale;
  const header = String(request.headers['accept-language'] ?? '').toLowerCase();
  return header.startsWith('en') ? 'en-US' : 'zh-CN';
}

function problem(
  request: FastifyRequest,
  status: number,
  code: ErrorCode | string,
  detail: string,
  errors?: Problem['errors'],
): Problem {
  return {
    type: `https://concord.dev/problems/${code.toLowerCase().replaceAll('_', '-')}`,
    title: titles[status] ?? 'Error',
    status,
    code,
    detail,
    requestId: request.id,
    ...(errors ? { errors } : {}),
  };
}

export function sendProblem(reply: FastifyReply, body: Problem): FastifyReply {
  return reply.code(body.status).type('application/problem+json; charset=utf-8').send(body);
}

/** Maps anything thrown into problem+json; only genuine bugs become 500. */
export function toProblem(error: unknown, request: FastifyRequest): Problem {
  const locale = localeOf(request);
  if (error instanceof AppError) {
    return problem(request, error.status, error.code, error.messageFor(locale), error.fieldErrors);
  }
  if (hasZodFastifySchemaValidationErrors(error)) {
    const errors = error.validation.map((v) => ({
      path: `${error.validationContext ?? ''}${v.instancePath || ''}`.replace(/\//g, '.').replace(/\.+$/, ''),
      message: localizedIssue(v, locale),
    }));
    const detail = errors
      .slice(0, 5)
      .map((e) => `${e.path}: ${e.message}`)
      .join('; ');
    return problem(
      request,
      400,
      'VALIDATION_FAILED',
      formatErrorMessage('VALIDATION_FAILED', locale, { detail }),
      errors,
    );
  }
  const fastifyError = error as { statusCode?: number; code?: string; message?: string };
  const status = fastifyError.statusCode ?? 500;
  if (status === 413) {
    return problem(request, 413, 'PAYLOAD_TOO_LARGE', formatErrorMessage('PAYLOAD_TOO_LARGE', locale));
  }
  if (status === 429) {
    return problem(request, 429, 'TOO_MANY_REQUESTS', formatErrorMessage('TOO_MANY_REQUESTS', locale));
  }
  if (status >= 400 && status < 500) {
    // Fastify's own client errors: malformed JSON, wrong content type, empty body with a JSON type...
    const detail = formatErrorMessage('VALIDATION_FAILED', locale, { detail: fastifyError.message ?? '' });
    return problem(request, status, 'VALIDATION_FAILED', detail);
  }
  return problem(request, 500, 'INTERNAL', formatErrorMessage('INTERNAL', locale, { requestId: request.id }));
}

const englishDefaults = z.locales.en();

/**
 * A refused value's message in the reader's language: a message a schema wrote by hand is kept as
 * written; one zod made itself is worded for people (validation-messages.ts), in both languages.
 */
function localizedIssue(
  v: { keyword: string; message?: string; params: Record<string, unknown> },
  locale: Locale,
): string {
  const message = v.message ?? 'invalid';
  const issue = { ...v.params, code: v.keyword, message, input: v.params.input } as never;
  try {
    const english = englishDefaults.localeError?.(issue);
    const englishText = typeof english === 'string' ? english : english?.message;
    // zod's default names what it received, which the issue does not carry: compare without it.
    const unreceived = (text: string | undefined) => text?.replace(/, received \S+$/, '');
    if (unreceived(englishText) !== unreceived(message)) return message; // written by hand in the schema
    return issueMessage({ ...v.params, code: v.keyword, message }, locale) ?? message;
  } catch {
    return message;
  }
}
