import type { Problem } from '@concord/contracts';
import { i18n } from '../i18n';
import { ApiError, clientErrorCodes } from './ApiError';

export const apiBase = '/api/v1';

export type QueryValue = string | number | boolean | null | undefined;
export type QueryParams = Record<string, QueryValue>;

interface RequestOptions {
  query?: QueryParams;
  body?: unknown;
  signal?: AbortSignal;
  /** The session probe and login answer 401 as a normal outcome; they must not bounce to /login. */
  ignoreUnauthorized?: boolean;
}

// The CSRF token lives in memory only: it comes with every SessionInfo and dies with the tab.
let csrfToken: string | null = null;
let unauthorizedHandler: () => void = () => {};

export function setCsrfToken(token: string | null): void {
  csrfToken = token;
}

/** Registered once by the session layer: what to do when any call finds the session gone. */
export function setUnauthorizedHandler(handler: () => void): void {
  unauthorizedHandler = handler;
}

export function toQueryString(query: QueryParams | undefined): string {
  if (!query) return '';
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) {
    if (value === undefined || value === null || value === '') continue;
    params.set(key, String(value));
  }
  const text = params.toString();
  return text ? `?${text}` : '';
}

function buildHeaders(method: string, hasBody: boolean): Headers {
  const headers = new Headers({ Accept: 'application/json', 'Accept-Language': i18n.language });
  if (hasBody) headers.set('Content-Type', 'application/json');
  if (method !== 'GET' && csrfToken) headers.set('X-CSRF-Token', csrfToken);
  return headers;
}

async function send(method: string, path: string, options: RequestOptions): Promise<Response> {
  const hasBody = options.body !== undefined;
  let response: Response;
  try {
    response = await fetch(`${apiBase}${path}${toQueryString(options.query)}`, {
      method,
      credentials: 'same-origin',
      headers: buildHeaders(method, hasBody),
      body: hasBody ? JSON.stringify(options.body) : undefined,
      signal: options.signal,
    });
  } catch (error) {
    if (error instanceof DOMException && error.name === 'AbortError') throw error;
    throw new ApiError({ status: 0, code: clientErrorCodes.network, detail: i18n.t('errors.network') });
  }
  if (!response.ok) throw await toApiError(response, options);
  return response;
}

async function toApiError(response: Response, options: RequestOptions): Promise<ApiError> {
  if (response.status === 401 && !options.ignoreUnauthorized) unauthorizedHandler();
  const type = response.headers.get('Content-Type') ?? '';
  if (type.includes('json')) {
    try {
      const problem = (await response.json()) as Problem;
      if (problem && typeof problem.code === 'string') return ApiError.fromProblem(problem);
    } catch {
      // fall through to the generic error below
    }
  }
  return new ApiError({
    status: response.status,
    code: clientErrorCodes.badResponse,
    detail: i18n.t('errors.badResponse', { status: response.status }),
    requestId: response.headers.get('X-Request-Id') ?? undefined,
  });
}

export async function apiRequest<T>(method: string, path: string, options: RequestOptions = {}): Promise<T> {
  const response = await send(method, path, options);
  if (response.status === 204) return undefined as T;
  return (await response.json()) as T;
}

export const api = {
  get: <T>(path: string, query?: QueryParams, signal?: AbortSignal) =>
    apiRequest<T>('GET', path, { query, signal }),
  post: <T>(path: string, body?: unknown) => apiRequest<T>('POST', path, { body: body ?? {} }),
  put: <T>(path: string, body: unknown) => apiRequest<T>('PUT', path, { body }),
  patch: <T>(path: string, body: unknown) => apiRequest<T>('PATCH', path, { body }),
  delete: <T>(path: string) => apiRequest<T>('DELETE', path),
};

function fileNameFrom(response: Response, fallback: string): string {
  const disposition = response.headers.get('Content-Disposition') ?? '';
  const encoded = /filename\*=UTF-8''([^;]+)/i.exec(disposition);
  if (encoded) return decodeURIComponent(encoded[1]);
  const plain = /filename="?([^";]+)"?/i.exec(disposition);
  return plain ? plain[1] : fallback;
}

/** Bytes received so far, and the whole size when the server sent a Content-Length (a stream may not). */
export type DownloadProgress = (received: number, total: number | null) => void;

async function readWithProgress(response: Response, onProgress: DownloadProgress): Promise<Blob> {
  const length = Number(response.headers.get('Content-Length'));
  const total = Number.isFinite(length) && length > 0 ? length : null;
  if (!response.body) return response.blob();
  const reader = response.body.getReader();
  const chunks: BlobPart[] = [];
  let received = 0;
  onProgress(0, total);
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    chunks.push(value);
    received += value.byteLength;
    onProgress(received, total);
  }
  return new Blob(chunks, { type: response.headers.get('Content-Type') ?? undefined });
}

/**
 * Downloads a file (Excel exports) through fetch rather than a plain link, so a failed export shows
 * the server's problem message instead of navigating the tab to a JSON error page.
 */
export async function downloadFile(
  path: string,
  query: QueryParams,
  fallbackName: string,
  onProgress?: DownloadProgress,
): Promise<void> {
  const response = await send('GET', path, { query });
  const blob = onProgress ? await readWithProgress(response, onProgress) : await response.blob();
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = fileNameFrom(response, fallbackName);
  document.body.appendChild(link);
  link.click();
  link.remove();
  // Give the browser a moment to start the download before the blob URL is revoked.
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

/** Bytes sent so far of the whole request body. */
export type UploadProgress = (sent: number, total: number) => void;

function problemOfXhr(xhr: XMLHttpRequest): ApiError {
  if (xhr.status === 401) unauthorizedHandler();
  try {
    const problem = JSON.parse(xhr.responseText) as Problem;
    if (problem && typeof problem.code === 'string') return ApiError.fromProblem(problem);
  } catch {
    // fall through to the generic error below
  }
  return new ApiError({
    status: xhr.status,
    code: clientErrorCodes.badResponse,
    detail: i18n.t('errors.badResponse', { status: xhr.status }),
    requestId: xhr.getResponseHeader('X-Request-Id') ?? undefined,
  });
}

/**
 * Sends one file as multipart form data (field `file`) and returns the JSON answer. It goes through
 * XMLHttpRequest, not fetch, because only XHR reports upload progress; headers, CSRF token and
 * problem+json errors are those of every other call.
 */
export function uploadFile<T>(
  path: string,
  file: File,
  query?: QueryParams,
  onProgress?: UploadProgress,
): Promise<T> {
  const data = new FormData();
  data.append('file', file, file.name);
  return new Promise<T>((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open('POST', `${apiBase}${path}${toQueryString(query)}`);
    xhr.withCredentials = true;
    xhr.setRequestHeader('Accept', 'application/json');
    xhr.setRequestHeader('Accept-Language', i18n.language);
    if (csrfToken) xhr.setRequestHeader('X-CSRF-Token', csrfToken);
    if (onProgress) xhr.upload.onprogress = (event) => onProgress(event.loaded, event.total || file.size);
    xhr.onerror = () =>
      reject(new ApiError({ status: 0, code: clientErrorCodes.network, detail: i18n.t('errors.network') }));
    xhr.onload = () => {
      if (xhr.status < 200 || xhr.status >= 300) return reject(problemOfXhr(xhr));
      try {
        resolve(JSON.parse(xhr.responseText) as T);
      } catch {
        reject(problemOfXhr(xhr));
      }
    };
    xhr.send(data);
  });
}
