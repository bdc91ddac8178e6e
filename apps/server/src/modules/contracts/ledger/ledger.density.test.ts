import { describe, expect, it } from 'vitest';
import { DensityMemo } from './ledger.density.js';

describe('density memo', () => {
  it('measures a query once while its answer is fresh, then again', async () => {
    let clock = 0;
    const memo = new DensityMemo(1_000, 10, () => clock);
    let measured = 0;
    const measure = async () => ++measured % 2 === 1;
    expect(await memo.dense('q', measure)).toBe(true);
    clock = 999;
    expect(await memo.dense('q', measure)).toBe(true);
    expect(measured).toBe(1);
    clock = 1_000;
    expect(await memo.dense('q', measure)).toBe(false);
    expect(measured).toBe(2);
  });

  it('keeps at most its capacity, dropping the least recently used', async () => {
    const memo = new DensityMemo(60_000, 2, () => 0);
    let measured = 0;
    const measure = async () => {
      measured++;
      return true;
    };
    await memo.dense('a', measure);
    await memo.dense('b', measure);
    await memo.dense('a', measure); // a is now the most recent
    await memo.dense('c', measure); // b goes
    expect(measured).toBe(3);
    await memo.dense('a', measure);
    expect(measured).toBe(3);
    await memo.dense('b', measure);
    expect(measured).toBe(4);
  });
});
