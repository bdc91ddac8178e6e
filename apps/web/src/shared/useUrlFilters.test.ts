import { describe, expect, it } from 'vitest';
import { pagedViewOf } from './useUrlFilters';

describe('the paged view of a ledger read from the URL', () => {
  const sorts = ['dueDate', 'overdueAmount'];

  it('starts on page 1 with the default size and the server’s own order', () => {
    expect(pagedViewOf({}, sorts)).toEqual({ page: 1, pageSize: 20, sort: undefined });
    expect(pagedViewOf({}, sorts, 50).pageSize).toBe(50);
  });

  it('keeps a sort the server offers, ascending or descending', () => {
    expect(pagedViewOf({ sort: 'dueDate' }, sorts).sort).toBe('dueDate');
    expect(pagedViewOf({ sort: '-overdueAmount' }, sorts).sort).toBe('-overdueAmount');
  });

  it('drops a sort the server would refuse instead of asking for a 400', () => {
    expect(pagedViewOf({ sort: 'password' }, sorts).sort).toBeUndefined();
    expect(pagedViewOf({ sort: '--dueDate' }, sorts).sort).toBeUndefined();
  });

  it('reads page and size as positive integers, the size capped at the API’s 200', () => {
    expect(pagedViewOf({ page: '3', pageSize: '50' }, sorts)).toMatchObject({ page: 3, pageSize: 50 });
    expect(pagedViewOf({ page: 'abc', pageSize: '0' }, sorts)).toMatchObject({ page: 1, pageSize: 20 });
    expect(pagedViewOf({ page: '-2', pageSize: '1.5' }, sorts)).toMatchObject({ page: 1, pageSize: 20 });
    expect(pagedViewOf({ pageSize: '5000' }, sorts).pageSize).toBe(200);
  });
});
