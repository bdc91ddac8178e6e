import { describe, expect, it } from 'vitest';
import { keyStartsWith, keys } from './queryKeys';

describe('query keys', () => {
  it('keeps the arrays the pages used before the factory', () => {
    expect(keys.contracts.list({ q: 'a' })).toEqual(['contracts', 'ledger', { q: 'a' }]);
    expect(keys.contracts.detail('c1')).toEqual(['contracts', 'detail', 'c1']);
    expect(keys.contracts.audit('c1', 2)).toEqual(['contracts', 'detail', 'c1', 'audit', 2]);
    expect(keys.contracts.payments('c1', 1)).toEqual(['contracts', 'detail', 'c1', 'payments', 1]);
    expect(keys.partners.list({ page: 1 })).toEqual(['partners', 'list', { page: 1 }]);
    expect(keys.partners.audit('p1', 1)).toEqual(['audit', 'partner', 'p1', 1]);
    expect(keys.partners.picker('acme')).toEqual(['partners', 'contract-picker', 'acme']);
  });

  it('nests every read of a contract under its detail key, so one invalidation reaches them all', () => {
    const detail = keys.contracts.detail('c1');
    for (const key of [
      keys.contracts.versions('c1'),
      keys.contracts.changes('c1'),
      keys.contracts.archive('c1'),
      keys.contracts.paymentPosition('c1'),
      keys.contracts.schedule('c1'),
      keys.contracts.settlement('c1'),
      keys.contracts.invoices('c1'),
    ])
      expect(keyStartsWith(key, detail)).toBe(true);
    expect(keyStartsWith(keys.contracts.detail('c2'), detail)).toBe(false);
  });

  it('puts lists under the prefixes writes invalidate', () => {
    expect(keyStartsWith(keys.contracts.list({}), keys.contracts.lists)).toBe(true);
    expect(keyStartsWith(keys.contracts.lists, keys.contracts.all)).toBe(true);
    expect(keyStartsWith(keys.partners.picker(''), keys.partners.all)).toBe(true);
    expect(keyStartsWith(keys.partners.ratingHistory('p1'), keys.partners.detail('p1'))).toBe(true);
    expect(keyStartsWith(keys.partners.audit('p1', 3), keys.partners.audits)).toBe(true);
    expect(keyStartsWith(keys.contractPlans.picker('e1', 2026), keys.contractPlans.all)).toBe(true);
    expect(keyStartsWith(keys.contractCategories.picker, keys.contractCategories.all)).toBe(true);
    expect(keyStartsWith(keys.contractOverdueTotals({}), ['contract-overdue'])).toBe(true);
    expect(keyStartsWith(keys.contractOverdue({}), ['contract-overdue'])).toBe(true);
  });
});
