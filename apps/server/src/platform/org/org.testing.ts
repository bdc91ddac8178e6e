import type { ApiClient, TestApp } from '../../testing/test-app.js';

export const API = '/api/v1';
let seq = 0;
/** A code no other test run has used (entity, department and position codes are unique). */
export const code = (prefix: string) => `${prefix}${Date.now().toString(36).slice(-5)}${seq++}`.toUpperCase();

/** The demo admin, signed in once per test file. */
export function adminOf(t: () => TestApp): () => Promise<ApiClient> {
  let adminClient: ApiClient | undefined;
  return async () => {
    adminClient ??= await t().login('admin');
    return adminClient;
  };
}
