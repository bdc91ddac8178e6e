import { describe, expect, it } from 'vitest';
import { denseReadIndex, pageReadsMany } from './ledger.page.repository.js';
import type { LedgerFilter } from './ledger.repository.js';

const ENTITY = '01a2506b-7aef-7410-9de8-16a0cf845ddf';
const newestFirst = { field: 'createdAt', descending: true };

/** Whether the page of `filter`, newest first, reads its ids on the heavy-read pool. */
const onThePool = (filter: LedgerFilter) => pageReadsMany(filter, denseReadIndex(newestFirst, filter));

describe('which ledger pages read their ids on the heavy-read pool', () => {
  it('keeps on the connection a page its index reads in order and stops after the limit', () => {
    expect(onThePool({})).toBe(false);
    expect(onThePool({ sort: '-createdAt' })).toBe(false);
    expect(onThePool({ status: [], q: '' })).toBe(false);
    expect(onThePool({ overdueOnly: false })).toBe(false);
    // A subsidiary's contracts in one status: the equality index seeks both.
    expect(onThePool({ entityId: ENTITY, status: ['IN_FORCE'] })).toBe(false);
  });

  it('sends a page whose filter makes the read skip or sort matches', () => {
    expect(onThePool({ entityId: ENTITY, status: ['IN_FORCE'], signDateFrom: '2024-01-01' })).toBe(true);
    expect(onThePool({ entityId: ENTITY, status: ['IN_FORCE', 'APPROVED'] })).toBe(true);
    expect(onThePool({ entityId: ENTITY })).toBe(true);
    expect(onThePool({ q: '采购' })).toBe(true);
    expect(onThePool({ overdueOnly: true })).toBe(true);
    expect(onThePool({ amountMin: 0 })).toBe(true);
    // The equality index answers the default order only: sorted by amount it reads the amount index.
    const byAmount = { field: 'amount', descending: true };
    const filter = { entityId: ENTITY, status: ['IN_FORCE' as const] };
    expect(pageReadsMany(filter, denseReadIndex(byAmount, filter))).toBe(true);
  });
});
