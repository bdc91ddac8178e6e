import type { WfCond } from '@concord/contracts';
import { describe, expect, it } from 'vitest';
import { evaluateCond, type InitiatorFacts, readField } from './workflow.conditions.js';

const who: InitiatorFacts = { userId: 'EMP', departmentIds: ['TEAM'], roles: ['SALES_REP'] };
const form = {
  amount: 12000,
  text: '10000',
  city: 'Shanghai',
  tags: ['it', 'travel'],
  date: '2026-03-02',
  nested: { level: 3 },
  blank: '',
};
const check = (cond: WfCond, data: Record<string, unknown> = form) => evaluateCond(cond, data, who);

describe('workflow conditions', () => {
  it('compares numbers, numeric strings and dates', () => {
    expect(check({ field: 'amount', op: 'gte', value: 10000 })).toBe(true);
    expect(check({ field: 'amount', op: 'lt', value: 10000 })).toBe(false);
    expect(check({ field: 'text', op: 'eq', value: 10000 })).toBe(true);
    expect(check({ field: 'date', op: 'gt', value: '2026-03-01' })).toBe(true);
    expect(check({ field: 'amount', op: 'between', value: [10000, 12000] })).toBe(true);
    expect(check({ field: 'amount', op: 'between', value: [1, 2] })).toBe(false);
    expect(check({ field: 'nested.level', op: 'eq', value: 3 })).toBe(true);
  });

  it('handles lists, text and emptiness', () => {
    expect(check({ field: 'city', op: 'in', value: ['Beijing', 'Shanghai'] })).toBe(true);
    expect(check({ field: 'city', op: 'notIn', value: ['Beijing'] })).toBe(true);
    expect(check({ field: 'tags', op: 'contains', value: 'it' })).toBe(true);
    expect(check({ field: 'city', op: 'contains', value: 'hang' })).toBe(true);
    expect(check({ field: 'blank', op: 'empty' })).toBe(true);
    expect(check({ field: 'missing', op: 'empty' })).toBe(true);
    expect(check({ field: 'city', op: 'empty', value: false })).toBe(true);
    expect(check({ field: 'city', op: 'ne', value: 'Beijing' })).toBe(true);
  });

  it('is false, never an exception, for missing or mistyped values', () => {
    expect(check({ field: 'missing', op: 'gt', value: 1 })).toBe(false);
    expect(check({ field: 'missing', op: 'eq', value: 1 })).toBe(false);
    expect(check({ field: 'city', op: 'gt', value: 5 })).toBe(false);
    expect(check({ field: 'amount', op: 'in', value: 5 as never })).toBe(false);
  });

  it('combines with all/any and asks about the initiator', () => {
    const big = { field: 'amount', op: 'gte', value: 10000 } as const;
    expect(check({ all: [big, { field: 'city', op: 'eq', value: 'Shanghai' }] })).toBe(true);
    expect(check({ all: [big, { field: 'city', op: 'eq', value: 'Beijing' }] })).toBe(false);
    expect(check({ any: [{ field: 'city', op: 'eq', value: 'Beijing' }, big] })).toBe(true);
    expect(check({ initiatorIn: { depts: ['TEAM'] } })).toBe(true);
    expect(check({ initiatorIn: { roles: ['SALES_REP'] } })).toBe(true);
    expect(check({ initiatorIn: { users: ['BOSS'], depts: ['HR'] } })).toBe(false);
  });

  it('compares an amount condition only with a document of its currency', () => {
    const cnyBig = { field: 'amount', op: 'gte', value: 10000, currency: 'CNY' } as const;
    expect(evaluateCond(cnyBig, form, who, 'CNY')).toBe(true);
    expect(evaluateCond(cnyBig, form, who)).toBe(true); // a document without a currency is in CNY
    expect(evaluateCond(cnyBig, form, who, 'USD')).toBe(false);
    expect(evaluateCond({ any: [cnyBig] }, form, who, 'USD')).toBe(false);
    expect(evaluateCond({ field: 'amount', op: 'gte', value: 10000 }, form, who, 'USD')).toBe(true);
  });

  it('reads nested fields without walking into arrays or prototypes', () => {
    expect(readField(form, 'nested.level')).toBe(3);
    expect(readField(form, 'tags.length')).toBeUndefined();
    expect(readField(form, 'city.length')).toBeUndefined();
  });
});
