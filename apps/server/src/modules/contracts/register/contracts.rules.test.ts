/**
 * The register's pure rules: the tax split of a tax-inclusive amount and the status machine, every
 * status against every event.
 */
import { type ContractStatus, contractStatusSchema, MAX_AMOUNT, splitTax } from '@concord/contracts';
import { describe, expect, it } from 'vitest';
import { AppError } from '../../../platform/http/index.js';
import { actionsFor, type ContractEvent, canTransition, daysBetween, nextStatus } from './contracts.rules.js';
import { fitPlan } from '../execution/execution.rules.js';

describe('splitTax', () => {
  it('computes the tax inside an amount and rounds half up to the 分', () => {
    expect(splitTax(113_000, 1300)).toEqual({ taxAmount: 13_000, amountExclTax: 100_000 });
    // 1,000,000 × 1300 / 11300 = 115,044.247… → 115,044
    expect(splitTax(1_000_000, 1300)).toEqual({ taxAmount: 115_044, amountExclTax: 884_956 });
    // 100 × 600 / 10600 = 5.66 → 6; 100 × 900 / 10900 = 8.26 → 8
    expect(splitTax(100, 600)).toEqual({ taxAmount: 6, amountExclTax: 94 });
    expect(splitTax(100, 900)).toEqual({ taxAmount: 8, amountExclTax: 92 });
    // exactly half a 分 (a 100% rate halves the amount): 1.5 → 2, 0.5 → 1, 2.5 → 3
    expect(splitTax(3, 10000)).toEqual({ taxAmount: 2, amountExclTax: 1 });
    expect(splitTax(1, 10000)).toEqual({ taxAmount: 1, amountExclTax: 0 });
    expect(splitTax(5, 10000)).toEqual({ taxAmount: 3, amountExclTax: 2 });
  });

  it('has no tax at 0% and none on a zero amount', () => {
    expect(splitTax(12_345_678, 0)).toEqual({ taxAmount: 0, amountExclTax: 12_345_678 });
    expect(splitTax(0, 1300)).toEqual({ taxAmount: 0, amountExclTax: 0 });
  });

  it('stays exact for the largest amounts (amount × rate passes 2^53)', () => {
    expect(splitTax(MAX_AMOUNT, 1300)).toEqual({
      taxAmount: 115_044_247_787_611,
      amountExclTax: 884_955_752_212_389,
    });
    expect(splitTax(MAX_AMOUNT, 600)).toEqual({
      taxAmount: 56_603_773_584_906,
      amountExclTax: 943_396_226_415_094,
    });
    expect(splitTax(MAX_AMOUNT, 900)).toEqual({
      taxAmount: 82_568_807_339_450,
      amountExclTax: 917_431_192_660_550,
    });
  });

  it('is the nearest 分 (half up) and the parts add up, for every amount up to 30,000 分 at 13%, 9%, 6%', () => {
    for (const rate of [1300, 900, 600, 300]) {
      const denominator = BigInt(10000 + rate);
      for (let amount = 0; amount <= 30_000; amount++) {
        const { taxAmount, amountExclTax } = splitTax(amount, rate);
        expect(Number.isInteger(taxAmount)).toBe(true);
        if (taxAmount + amountExclTax !== amount)
          throw new Error(`parts of ${amount} at ${rate} do not add up`);
        // 2 × (tax × d − amount × rate) must lie in (−d, d]: within half a 分, a tie rounded up.
        const twice = 2n * (BigInt(taxAmount) * denominator - BigInt(amount) * BigInt(rate));
        if (!(twice > -denominator && twice <= denominator))
          throw new Error(`tax of ${amount} at ${rate} is off`);
      }
    }
  });
});

const statuses = contractStatusSchema.options;
const events: ContractEvent[] = [
  'edit',
  'delete',
  'submit',
  'approved',
  'rejected',
  'withdrawn',
  'sign',
  'complete',
  'terminate',
  'void',
  'change',
];

/** The legal transitions, written out by hand from the domain (status → event → next status). */
const legal: Partial<Record<ContractStatus, Partial<Record<ContractEvent, ContractStatus>>>> = {
  DRAFT: { edit: 'DRAFT', delete: 'DRAFT', submit: 'IN_APPROVAL', void: 'VOIDED' },
  IN_APPROVAL: { approved: 'APPROVED', rejected: 'DRAFT', withdrawn: 'DRAFT' },
  APPROVED: { sign: 'IN_FORCE', void: 'VOIDED', change: 'APPROVED' },
  IN_FORCE: { complete: 'COMPLETED', terminate: 'TERMINATED', change: 'IN_FORCE' },
  COMPLETED: {},
  TERMINATED: {},
  VOIDED: {},
};

describe('contract status machine', () => {
  const cases = statuses.flatMap((status) =>
    events.map((event) => ({ status, event, to: legal[status]?.[event] })),
  );

  it('covers all 7 statuses × 11 events', () => {
    expect(cases).toHaveLength(77);
    expect(cases.filter((c) => c.to).length).toBe(13);
  });

  it.each(cases.filter((c) => c.to))('$status --$event--> $to', ({ status, event, to }) => {
    expect(canTransition(status, event)).toBe(true);
    expect(nextStatus(status, event)).toBe(to);
  });

  it.each(cases.filter((c) => !c.to))('$status refuses $event', ({ status, event }) => {
    expect(canTransition(status, event)).toBe(false);
    let thrown: unknown;
    try {
      nextStatus(status, event);
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toBeInstanceOf(AppError);
    const error = thrown as AppError;
    expect(error.code).toBe('CONTRACT_ILLEGAL_TRANSITION');
    expect(error.status).toBe(409);
    expect(error.params).toEqual({ from: `contract.status.${status}`, action: `contract.action.${event}` });
  });

  it('names the status and the refused step in both languages', () => {
    let error: AppError | undefined;
    try {
      nextStatus('IN_APPROVAL', 'sign');
    } catch (e) {
      error = e as AppError;
    }
    expect(error?.messageFor('zh-CN')).toBe('合同当前状态为「审批中」，不能签订生效');
    expect(error?.messageFor('en-US')).toBe('The contract is "in approval"; it cannot be signed');
  });

  it('offers the user actions each status allows, without a second change while one is pending', () => {
    expect(actionsFor('DRAFT', false)).toEqual(['edit', 'delete', 'submit', 'void']);
    expect(actionsFor('IN_APPROVAL', false)).toEqual([]);
    expect(actionsFor('APPROVED', false)).toEqual(['sign', 'void', 'change']);
    expect(actionsFor('APPROVED', true)).toEqual(['sign', 'void']);
    expect(actionsFor('IN_FORCE', false)).toEqual(['complete', 'terminate', 'change']);
    expect(actionsFor('IN_FORCE', true)).toEqual(['complete', 'terminate']);
    for (const closed of ['COMPLETED', 'TERMINATED', 'VOIDED'] as const)
      expect(actionsFor(closed, false)).toEqual([]);
  });

  it('counts whole days to an end date, negative once past', () => {
    expect(daysBetween('2026-03-01', '2026-03-31')).toBe(30);
    expect(daysBetween('2026-02-28', '2026-03-01')).toBe(1);
    expect(daysBetween('2028-02-28', '2028-03-01')).toBe(2);
    expect(daysBetween('2026-03-31', '2026-03-01')).toBe(-30);
    expect(daysBetween('2026-12-31', '2026-12-31')).toBe(0);
  });
});

describe('fitPlan: a plan fitted to a settled amount', () => {
  const items = [
    { id: 'a', amount: 300, used: 300 },
    { id: 'b', amount: 500, used: 100 },
    { id: 'c', amount: 200, used: 0 },
  ];
  it('takes a shortfall off the last items first, never below what is used', () => {
    expect([...fitPlan(items, 950)]).toEqual([['c', 150]]);
    expect([...fitPlan(items, 600)]).toEqual([
      ['c', 0],
      ['b', 300],
    ]);
    expect([...fitPlan(items, 400)]).toEqual([
      ['c', 0],
      ['b', 100],
    ]);
  });
  it('adds an excess to the last item and leaves an exact plan alone', () => {
    expect([...fitPlan(items, 1100)]).toEqual([['c', 300]]);
    expect(fitPlan(items, 1000).size).toBe(0);
    expect(fitPlan([], 500).size).toBe(0);
  });
  it('refuses to shrink below what is paid and requested', () => {
    expect(() => fitPlan(items, 399)).toThrow();
  });
});
