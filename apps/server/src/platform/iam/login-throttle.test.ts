import { describe, expect, it } from 'vitest';
import { describeEachDialect } from '../../testing/test-app.js';
import { blockMinutes, purgeStaleThrottle, recordLoginFailure, throttleKeys } from './login-throttle.js';

describe('sign-in throttle', () => {
  it('doubles the block past the free attempts, up to 15 minutes', () => {
    expect([4, 5, 6, 7, 8, 9, 10, 30].map((failures) => blockMinutes(failures, 5))).toEqual([
      0, 1, 2, 4, 8, 15, 15, 15,
    ]);
  });

  it('counts a name the same however it is typed, against the pair, the name and the address', () => {
    expect(throttleKeys(' Wang.Fang ', '10.0.0.1').map((k) => [k.key, k.free])).toEqual([
      ['pair:wang.fang|10.0.0.1', 5],
      ['account:wang.fang', 50],
      ['address:10.0.0.1', 100],
    ]);
  });
});

describeEachDialect('sign-in throttle rows', (t) => {
  it('are forgotten a day after the last failure, unless still blocking', async () => {
    const db = t().services.db;
    const start = new Date('2026-12-01T08:00:00Z');
    await db
      .transaction()
      .execute((trx) => recordLoginFailure(trx, throttleKeys('someone', '10.9.0.1'), start));
    const count = async () => (await db.selectFrom('iam_login_throttle').select('key').execute()).length;
    expect(await purgeStaleThrottle(db, new Date('2026-12-01T20:00:00Z'))).toBe(0);
    expect(await count()).toBe(3);
    expect(await purgeStaleThrottle(db, new Date('2026-12-02T08:00:01Z'))).toBe(3);
    expect(await count()).toBe(0);
  });
});
