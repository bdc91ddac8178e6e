import type { WfTriggerNode } from '@concord/contracts';
import type { FlowGraph } from './workflow.compiler.js';

export const WORKFLOW_WEBHOOK_JOB = 'workflow.webhook';

/** What a trigger node's call reports back to the core (`webhookResult`). */
export interface WebhookOutcome {
  ok: boolean;
  response?: unknown;
  error?: string;
}

const TIMEOUT_MS = 10_000;
/** Longest response text kept (and parsed); the rest is cut off. */
const MAX_RESPONSE_CHARS = 64_000;

export function isHttpUrl(url: string): boolean {
  try {
    const { protocol } = new URL(url);
    return protocol === 'http:' || protocol === 'https:';
  } catch {
    return false;
  }
}

/** Trigger nodes whose URL is not http(s): refused when a flow is published. */
export function webhookUrlErrors(graph: FlowGraph): { path: string; message: string }[] {
  return Object.values(graph.nodes)
    .filter((n) => n.def.type === 'trigger' && !isHttpUrl((n.def as WfTriggerNode).http.url))
    .map((n) => ({ path: n.id, message: 'BAD_WEBHOOK_URL: only http(s) URLs may be called' }));
}

/**
 * Performs one trigger call. HTTP failures (network, timeout, non-2xx) come back as `ok: false`
 * for the core to retry or halt on; this function never throws for them.
 */
export async function callWebhook(
  http: WfTriggerNode['http'],
  idempotencyKey: string,
  fetchImpl: typeof fetch = fetch,
): Promise<WebhookOutcome> {
  if (!isHttpUrl(http.url)) return { ok: false, error: 'only http(s) URLs may be called' };
  const hasBody = http.body !== undefined && http.body !== '' && http.method !== 'GET';
  const headers: Record<string, string> = {
    accept: 'application/json',
    ...(hasBody ? { 'content-type': 'application/json' } : {}),
    ...(http.headers ?? {}),
    'Idempotency-Key': idempotencyKey,
  };
  try {
    const res = await fetchImpl(http.url, {
      method: http.method,
      headers,
      body: hasBody ? http.body : undefined,
      redirect: 'manual',
      signal: AbortSignal.timeout(TIMEOUT_MS),
    });
    const text = (await res.text()).slice(0, MAX_RESPONSE_CHARS);
    const response = parseBody(text);
    if (!res.ok) return { ok: false, response, error: `HTTP ${res.status}` };
    return { ok: true, response };
  } catch (error) {
    const message =
      error instanceof Error
        ? error.name === 'TimeoutError'
          ? `timeout after ${TIMEOUT_MS / 1000} s`
          : error.message
        : String(error);
    return { ok: false, error: message.slice(0, 500) };
  }
}

function parseBody(text: string): unknown {
  if (text === '') return undefined;
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
}
