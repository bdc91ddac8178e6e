/** Test helpers of the partner library: suppliers with fresh, valid credit codes, and the partner list as a client sees it. */
import { creditCodeCheckChar, type Partner, type PartnerCreate } from '@concord/contracts';
import { expect } from 'vitest';
import type { ApiClient } from '../../testing/test-app.js';

/** A unified social credit code (统一社会信用代码) no other test uses, with its check character. */
export function freshCreditCode(): string {
  const digits = `91310000${Array.from({ length: 9 }, () => Math.floor(Math.random() * 10)).join('')}`;
  return digits + creditCodeCheckChar(digits);
}

/** A supplier of `entityId`, shared with the group; override what a test is about. */
export function supplierInput(entityId: string, overrides: Partial<PartnerCreate> = {}): PartnerCreate {
  return {
    name: '测试供应商有限公司',
    creditCode: freshCreditCode(),
    kinds: ['supplier'],
    type: 'enterprise',
    industry: null,
    region: null,
    address: null,
    remarks: null,
    entityId,
    sharedWithGroup: true,
    ...overrides,
  };
}

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
