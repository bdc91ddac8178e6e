import { describe, expect, it } from 'vitest';
import { itemsOf, nextPageOf } from './remoteResult';

describe('remote select results', () => {
  const page = (n: number, total: number) => ({ items: ['a', 'b'], total, page: n, pageSize: 2 });

  it('asks for the next page while the pages so far hold fewer than the total', () => {
    expect(nextPageOf(page(1, 5))).toBe(2);
    expect(nextPageOf(page(2, 5))).toBe(3);
    expect(nextPageOf(page(3, 5))).toBeUndefined();
    expect(nextPageOf(page(1, 2))).toBeUndefined();
  });

  it('takes a plain list as the only page', () => {
    expect(nextPageOf(['a', 'b'])).toBeUndefined();
    expect(itemsOf(['a', 'b'])).toEqual(['a', 'b']);
    expect(itemsOf(page(1, 5))).toEqual(['a', 'b']);
  });
});
