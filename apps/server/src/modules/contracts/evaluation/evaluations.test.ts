/**
 * Closing evaluation (回归评价) on both dialects: the weighted total and grade of a scorecard, the
 * category's own criteria, once per contract, completion refused without it, and the partner's
 * rating recomputed (average of its evaluations) with a history row each time.
 */
import { gradeOf, weightedTotal } from '@concord/contracts';
import { beforeAll, describe, expect, it } from 'vitest';
import { type ApiClient, describeEachDialect } from '../../../testing/test-app.js';
import {
  approvedContract,
  type ContractFixture,
  expectProblem,
  givenContract,
  publishContractFlows,
} from '../contracts.testing.js';
import { effectiveCriteria, scoreCard } from './evaluations.service.js';

describe('evaluation math', () => {
  it('weights scores in basis points and grades the total', () => {
    const criteria = effectiveCriteria(null);
    expect(criteria.map((c) => [c.code, c.weight])).toEqual([
      ['quality', 4000],
      ['schedule', 3000],
      ['service', 2000],
      ['compliance', 1000],
    ]);
    const card = scoreCard(criteria, [
      { code: 'compliance', score: 100 },
      { code: 'quality', score: 95 },
      { code: 'schedule', score: 80 },
      { code: 'service', score: 70 },
    ]);
    // 0.4 × 95 + 0.3 × 80 + 0.2 × 70 + 0.1 × 100 = 86.00
    expect(card.totalScore).toBe(8600);
    expect(card.grade).toBe('B');
    expect(card.items.map((i) => i.code)).toEqual(['quality', 'schedule', 'service', 'compliance']);
    // Rounded half up to 1/100 of a point: 0.3333 × 1 → 0.33.
    expect(weightedTotal([{ weight: 3333, score: 1 }])).toBe(33);
    expect(weightedTotal([{ weight: 3350, score: 1 }])).toBe(34);
    expect([9000, 8999, 7500, 7499, 6000, 5999, 0].map(gradeOf)).toEqual(['A', 'B', 'B', 'C', 'C', 'D', 'D']);
    expect(() => scoreCard(criteria, [{ code: 'quality', score: 90 }])).toThrow(/not scored/);
    expect(() =>
      scoreCard(criteria, [
        ...criteria.map((c) => ({ code: c.code, score: 90 })),
        { code: 'price', score: 1 },
      ]),
    ).toThrow(/unknown criteria: price/);
    expect(() => scoreCard([{ code: 'a', name: 'A', weight: 5000 }], [{ code: 'a', score: 1 }])).toThrow(
      /10000/,
    );
    // A stored scorecard that does not sum to 100% falls back to the default.
    expect(effectiveCriteria(JSON.stringify([{ code: 'a', name: 'A', weight: 10 }]))).toEqual(criteria);
  });
});

describeEachDialect('contract evaluation', (t) => {
  let f: ContractFixture;
  let creator: ApiClient;
  let reviewer: ApiClient;
  let gm: ApiClient;
  let clients: { creator: ApiClient; reviewer: ApiClient; gm: ApiClient };

  beforeAll(async () => {
    f = await publishContractFlows(t());
    creator = await t().login('feng.bo');
    reviewer = await t().login('zhou.qiang');
    gm = await t().login('zhao.lei');
    clients = { creator, reviewer, gm };
  });

  const scores = (values: Record<string, number>) =>
    Object.entries(values).map(([code, score]) => ({ code, score }));

  it('scores a contract once, requires it to complete, and rates the partner from its evaluations', async () => {
    const first = await approvedContract(t(), clients, f, { sign: true });
    const view = (await creator.get(`/api/v1/contracts/${first.id}/evaluation`)).json();
    expect(view).toMatchObject({ evaluation: null, canEvaluate: true });
    expect(view.criteria.map((c: any) => c.weight)).toEqual([4000, 3000, 2000, 1000]);

    // Completion is refused without the evaluation.
    const refused = expectProblem(
      await gm.post(`/api/v1/contracts/${first.id}/complete`, {}),
      409,
      'CONTRACT_EVALUATION_REQUIRED',
    );
    expect(refused.detail).toBe('合同完成前须先进行回归评价');

    // Every criterion, each once, 0–100.
    expectProblem(
      await creator.post(`/api/v1/contracts/${first.id}/evaluation`, { scores: scores({ quality: 90 }) }),
      400,
      'VALIDATION_FAILED',
    );
    expectProblem(
      await creator.post(`/api/v1/contracts/${first.id}/evaluation`, {
        scores: scores({ quality: 101, schedule: 80, service: 70, compliance: 100 }),
      }),
      400,
      'VALIDATION_FAILED',
    );
    const made = await creator.post(`/api/v1/contracts/${first.id}/evaluation`, {
      scores: scores({ quality: 95, schedule: 80, service: 70, compliance: 100 }),
      comment: '质量好，交期略有延误',
    });
    expect(made.statusCode, made.body).toBe(200);
    expect(made.json()).toMatchObject({
      contractId: first.id,
      partnerId: f.partners.cons,
      totalScore: 8600,
      grade: 'B',
      comment: '质量好，交期略有延误',
      evaluatedByName: '冯波',
    });
    expect(made.json().scores).toEqual([
      { code: 'quality', name: '质量', weight: 4000, score: 95 },
      { code: 'schedule', name: '进度', weight: 3000, score: 80 },
      { code: 'service', name: '服务', weight: 2000, score: 70 },
      { code: 'compliance', name: '合规', weight: 1000, score: 100 },
    ]);
    const twice = expectProblem(
      await creator.post(`/api/v1/contracts/${first.id}/evaluation`, {
        scores: scores({ quality: 100, schedule: 100, service: 100, compliance: 100 }),
      }),
      409,
      'CONTRACT_EVALUATION_STATE',
    );
    expect(twice.detail).toContain('每份合同只评价一次');
    expect((await creator.get(`/api/v1/contracts/${first.id}/evaluation`)).json()).toMatchObject({
      canEvaluate: false,
      evaluation: { totalScore: 8600, grade: 'B' },
    });

    // The partner is rated B (one evaluation of 86.00), with its history.
    const partner = async () => (await creator.get(`/api/v1/partners/${f.partners.cons}`)).json();
    expect((await partner()).rating).toBe('B');
    const history1 = (await creator.get(`/api/v1/partners/${f.partners.cons}/rating-history`)).json();
    expect(history1.items).toHaveLength(1);
    expect(history1.items[0]).toMatchObject({
      rating: 'B',
      score: 8600,
      evaluationCount: 1,
      sourceContractId: first.id,
    });
    expect(history1.items[0].sourceLabel).toContain(first.number);

    const done = await gm.post(`/api/v1/contracts/${first.id}/complete`, { reason: '履约完毕' });
    expect(done.statusCode, done.body).toBe(200);
    expect(done.json().status).toBe('COMPLETED');

    // A second contract with the same partner, scored 100: the average 93.00 makes it A.
    const second = await approvedContract(t(), clients, f, { sign: true });
    const top = await gm.post(`/api/v1/contracts/${second.id}/evaluation`, {
      scores: scores({ quality: 100, schedule: 100, service: 100, compliance: 100 }),
    });
    expect(top.json()).toMatchObject({ totalScore: 10000, grade: 'A' });
    expect((await partner()).rating).toBe('A');
    const history2 = (await creator.get(`/api/v1/partners/${f.partners.cons}/rating-history`)).json();
    expect(
      history2.items.map((h: any) => [h.rating, h.score, h.evaluationCount, h.sourceContractId]),
    ).toEqual([
      ['A', 9300, 2, second.id],
      ['B', 8600, 1, first.id],
    ]);
    // Drafts cannot be evaluated.
    const draft = await givenContract(creator, f);
    expectProblem(
      await creator.post(`/api/v1/contracts/${draft.id}/evaluation`, {
        scores: scores({ quality: 90, schedule: 90, service: 90, compliance: 90 }),
      }),
      409,
      'CONTRACT_EVALUATION_STATE',
    );
    // A user outside CONS neither sees the history of a CONS partner nor evaluates its contracts.
    const techUser = await t().login('lin.feng');
    expect([403, 404]).toContain(
      (await techUser.get(`/api/v1/partners/${f.partners.cons}/rating-history`)).statusCode,
    );
  });

  it("scores against the category's own criteria, edited in the category admin", async () => {
    const admin = await t().login('admin');
    const bad = await admin.patch(`/api/v1/contract-categories/${f.otherCategory.id}`, {
      evaluationCriteria: [
        { code: 'price', name: '价格', weight: 6000 },
        { code: 'delivery', name: '交付', weight: 3000 },
      ],
    });
    expectProblem(bad, 400, 'VALIDATION_FAILED');
    const saved = await admin.patch(`/api/v1/contract-categories/${f.otherCategory.id}`, {
      evaluationCriteria: [
        { code: 'price', name: '价格', weight: 6000 },
        { code: 'delivery', name: '交付', weight: 4000 },
      ],
    });
    expect(saved.statusCode, saved.body).toBe(200);
    expect(saved.json()).toMatchObject({ evaluationCriteriaDefault: false });
    expect(saved.json().evaluationCriteria).toEqual([
      { code: 'price', name: '价格', weight: 6000 },
      { code: 'delivery', name: '交付', weight: 4000 },
    ]);
    const contract = await approvedContract(t(), clients, f, {
      sign: true,
      overrides: { categoryId: f.otherCategory.id, partnerId: f.partners.shared },
    });
    const view = (await creator.get(`/api/v1/contracts/${contract.id}/evaluation`)).json();
    expect(view.criteria.map((c: any) => c.code)).toEqual(['price', 'delivery']);
    expectProblem(
      await creator.post(`/api/v1/contracts/${contract.id}/evaluation`, {
        scores: scores({ quality: 90, schedule: 90, service: 90, compliance: 90 }),
      }),
      400,
      'VALIDATION_FAILED',
    );
    const made = await creator.post(`/api/v1/contracts/${contract.id}/evaluation`, {
      scores: scores({ price: 50, delivery: 70 }),
    });
    // 0.6 × 50 + 0.4 × 70 = 58.00: D.
    expect(made.json()).toMatchObject({ totalScore: 5800, grade: 'D' });
    // Back to the default scorecard.
    const reset = await admin.patch(`/api/v1/contract-categories/${f.otherCategory.id}`, {
      evaluationCriteria: null,
    });
    expect(reset.json()).toMatchObject({ evaluationCriteriaDefault: true });
    expect(reset.json().evaluationCriteria.map((c: any) => c.code)).toEqual([
      'quality',
      'schedule',
      'service',
      'compliance',
    ]);
  });
});
