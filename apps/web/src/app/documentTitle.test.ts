import { describe, expect, it } from 'vitest';
import { documentTitle } from './documentTitle';
import { menuLabelKeyFor } from './menu';

describe('document titles', () => {
  it('name each page by its menu entry (a detail page by its list), else by the product alone', () => {
    expect(menuLabelKeyFor('/contracts')).toBe('contracts.menuLabel');
    expect(menuLabelKeyFor('/approvals/0190a000-0000-7000-8000-000000000001')).toBe('approvals.menuLabel');
    expect(menuLabelKeyFor('/account/password')).toBeNull();
    expect(documentTitle('合同台账', 'Concord 协同办公')).toBe('合同台账 · Concord 协同办公');
    expect(documentTitle(null, 'Concord Office')).toBe('Concord Office');
  });
});
