/** Test helpers of the partner library: suppliers with fresh, valid credit codes. */
import { creditCodeCheckChar, type PartnerCreate } from '@concord/contracts';

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
