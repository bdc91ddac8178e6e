import { describe, expect, it } from 'vitest';
import { columnChoiceToStore, mergeColumnSettings } from './columnSettings';
import { sortFromSorter, sortOrderOf } from './ledgerSort';

const input = {
  all: ['number', 'name', 'amount', 'owner', 'note'],
  defaults: ['number', 'name', 'amount'],
  locked: ['number'],
};

describe('column settings', () => {
  it('shows the defaults when nothing (or garbage) is stored', () => {
    expect(mergeColumnSettings(input, null)).toEqual(['number', 'name', 'amount']);
    expect(mergeColumnSettings(input, { visible: 'x' })).toEqual(['number', 'name', 'amount']);
  });

  it('keeps the stored choice in column order, and locked columns always', () => {
    const stored = { visible: ['note', 'name'], known: input.all };
    expect(mergeColumnSettings(input, stored)).toEqual(['number', 'name', 'note']);
  });

  it('shows a column added after the choice by its own default', () => {
    const stored = { visible: ['number', 'name'], known: ['number', 'name', 'owner', 'note'] };
    expect(mergeColumnSettings(input, stored)).toEqual(['number', 'name', 'amount']);
  });

  it('forgets columns that no longer exist', () => {
    const stored = { visible: ['gone', 'owner'], known: [...input.all, 'gone'] };
    expect(mergeColumnSettings(input, stored)).toEqual(['number', 'owner']);
  });

  it('stores nothing for a choice equal to the defaults', () => {
    expect(columnChoiceToStore(input, ['name', 'amount', 'number'])).toBeNull();
    expect(columnChoiceToStore(input, ['name', 'owner'])).toEqual({
      visible: ['number', 'name', 'owner'],
      known: input.all,
    });
  });
});

describe('ledger sort', () => {
  it('maps between the URL sort and antd', () => {
    expect(sortOrderOf('-amount', 'amount')).toBe('descend');
    expect(sortOrderOf('amount', 'amount')).toBe('ascend');
    expect(sortOrderOf('name', 'amount')).toBeNull();
    expect(sortFromSorter({ columnKey: 'amount', order: 'descend' })).toBe('-amount');
    expect(sortFromSorter([{ columnKey: 'name', order: 'ascend' }])).toBe('name');
    expect(sortFromSorter({ columnKey: 'name', order: undefined })).toBeUndefined();
  });
});
