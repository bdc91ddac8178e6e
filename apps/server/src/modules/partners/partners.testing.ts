import type { Partner } from '@concord/contracts';
import { expect } from 'vitest';
import type { ApiClient } from '../../testing/test-app.js';

/** The partner list as the client sees it (up to 200 rows), with extra query parameters (`&q=...`). */
export async function listPartners(
  client: ApiClient,
  query = '',
): Promise<{ items: Partner[]; total: number }> {
  const response = await client.get(`/api/v1/partners?pageSize=200${query}`);
  expect(response.statusCode, response.body).toBe(200);
  return response.json();
}

/** The names on a page of partners, in its order. */
export const partnerNames = (page: { items: Partner[] }): string[] => page.items.map((p) => p.name);
