import type { Locale, SessionInfo } from '@concord/contracts';
import { ApiError } from '../api/ApiError';
import { api, apiRequest, setCsrfToken } from '../api/client';

export const sessionQueryKey = ['session'] as const;

/** Keeps the CSRF token in step with every SessionInfo the server hands out. */
export function rememberSession(info: SessionInfo | null): SessionInfo | null {
  setCsrfToken(info?.csrfToken ?? null);
  return info;
}

/** The session probe: `null` when nobody is signed in (a 401 is the expected answer then). */
export async function fetchSession(signal?: AbortSignal): Promise<SessionInfo | null> {
  try {
    const info = await apiRequest<SessionInfo>('GET', '/auth/session', { signal, ignoreUnauthorized: true });
    return rememberSession(info);
  } catch (error) {
    if (error instanceof ApiError && error.status === 401) return rememberSession(null);
    throw error;
  }
}

export async function login(body: { username: string; password: string }): Promise<SessionInfo> {
  const info = await apiRequest<SessionInfo>('POST', '/auth/login', { body, ignoreUnauthorized: true });
  rememberSession(info);
  return info;
}

export async function logout(): Promise<void> {
  await apiRequest('POST', '/auth/logout', { body: {}, ignoreUnauthorized: true });
  rememberSession(null);
}

export async function switchEntity(entityId: string): Promise<SessionInfo> {
  const info = await api.post<SessionInfo>('/auth/entity', { entityId });
  rememberSession(info);
  return info;
}

export interface ProfileUpdate {
  displayName?: string;
  email?: string | null;
  phone?: string | null;
  locale?: Locale;
}

export async function updateProfile(body: ProfileUpdate): Promise<SessionInfo> {
  const info = await api.patch<SessionInfo>('/auth/profile', body);
  rememberSession(info);
  return info;
}

export function changePassword(body: {
  currentPassword: string;
  newPassword: string;
}): Promise<{ ok: true }> {
  return api.post('/auth/password', body);
}
