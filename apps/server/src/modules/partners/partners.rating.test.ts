/**
 * Partner ratings: the grade of the average evaluation score of the last three years, set on the
 * partner and written to its history in the caller's transaction.
 */
import { describe, expect, it } from 'vitest';
import { ManualClock } from '../../platform/jobs/index.js';
import { describeEachDialect } from '../../testing/test-app.js';
import { PartnerRatings, ratingOfScores, yearsBefore } from './partners.rating.js';
import { supplierInput } from './partners.testing.js';

describe('rating of scores', () => {
  it('grades the average, rounded half up, and is null without evaluations', () => {
    expect(ratingOfScores([])).toEqual({ rating: null, score: null });
    expect(ratingOfScores([8600, 10000])).toEqual({ rating: 'A', score: 9300 });
    expect(ratingOfScores([8999, 9000])).toEqual({ rating: 'A', score: 9000 }); // 8999.5 → 9000
    expect(ratingOfScores([7000, 7999])).toEqual({ rating: 'B', score: 7500 }); // 7499.5 → 7500
    expect(ratingOfScores([5999])).toEqual({ rating: 'D', score: 5999 });
    expect(yearsBefore(new Date('2026-03-01T01:00:00.000Z'), 3)).toBe('2023-03-01T01:00:00.000Z');
  });
});

describeEachDialect('partner rating history', (t) => {
  it('recomputes from the scores of the window, sets the rating and keeps the history, newest first', async () => {
    const { services } = t();
    const system = services.systemContext('test');
    const partner = await services.partners.create(
      system,
      supplierInput((await t().given.entityByCode('CONS')).id, { name: '测试评级供应商有限公司' }),
    );
    const clock = new ManualClock('2026-03-01T01:00:00.000Z');
    const asked: string[] = [];
    let scores = [9500];
    const ratings = new PartnerRatings(services.db, services.partners, clock);
    ratings.addScoreSource(async (_trx, partnerId, since) => {
      expect(partnerId).toBe(partner.id);
      asked.push(since);
      return scores;
    });
    const recompute = (label: string) =>
      services.db
        .transaction()
        .execute((trx) => ratings.recompute(trx, system, partner.id, { contractId: partner.id, label }));

    expect(await recompute('HT-1 合同一')).toEqual({ rating: 'A', score: 9500, evaluationCount: 1 });
    expect(asked).toEqual(['2023-03-01T01:00:00.000Z']);
    expect(await services.partners.ratingOf(services.db, partner.id)).toBe('A');

    clock.set('2026-04-01T01:00:00.000Z');
    scores = [9500, 6000, 5000];
    expect(await recompute('HT-2 合同二')).toEqual({ rating: 'C', score: 6833, evaluationCount: 3 });
    expect(await services.partners.ratingOf(services.db, partner.id)).toBe('C');

    const history = await ratings.history(system, partner.id);
    expect(
      history.items.map((h) => [h.rating, h.score, h.evaluationCount, h.sourceLabel, h.createdAt]),
    ).toEqual([
      ['C', 6833, 3, 'HT-2 合同二', '2026-04-01T01:00:00.000Z'],
      ['A', 9500, 1, 'HT-1 合同一', '2026-03-01T01:00:00.000Z'],
    ]);
    // The rating change is audited on the partner.
    const audits = await services.db
      .selectFrom('audit_log')
      .select('action')
      .where('entity_id', '=', partner.id)
      .where('action', '=', 'rate')
      .execute();
    expect(audits).toHaveLength(2);
  });
});
