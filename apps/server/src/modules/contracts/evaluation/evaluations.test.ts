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

  const fullMarks = () => scores({ quality: 100, schedule: 100, service: 100, compliance: 100 });
  /** 86.00, grade B: 0.4 × 95 + 0.3 × 80 + 0.2 × 70 + 0.1 × 100. */
  const eightySix = () => scores({ quality: 95, schedule: 80, service: 70, compliance: 100 });
  /** A CONS supplier of its own (registered by 冯波, so his department scope sees it): its rating is this test's alone. */
  const ownPartner = async () =>
    (await t().given.partner({ as: await creator.context(t().services), entityId: f.cons.entityId })).id;
  const signedWith = (partnerId?: string) =>
    approvedContract(t(), clients, f, { sign: true, overrides: partnerId ? { partnerId } : {} });

  it('shows the default scorecard and refuses completion before the evaluation', async () => {
    const contract = await signedWith();
    const view = (await creator.get(`/api/v1/contracts/${contract.id}/evaluation`)).json();
    expect(view).toMatchObject({ evaluation: null, canEvaluate: true });
    expect(view.criteria.map((c: any) => c.weight)).toEqual([4000, 3000, 2000, 1000]);
    const refused = expectProblem(
      await gm.post(`/api/v1/contracts/${contract.id}/complete`, {}),
      409,
      'CONTRACT_EVALUATION_REQUIRED',
    );
    expect(refused.detail).toBe('合同完成前须先进行回归评价');
  });

  it('requires every criterion, each once, scored 0–100', async () => {
    const contract = await signedWith();
    expectProblem(
      await creator.post(`/api/v1/contracts/${contract.id}/evaluation`, { scores: scores({ quality: 90 }) }),
      400,
      'VALIDATION_FAILED',
    );
    expectProblem(
      await creator.post(`/api/v1/contracts/${contract.id}/evaluation`, {
        scores: scores({ quality: 101, schedule: 80, service: 70, compliance: 100 }),
      }),
      400,
      'VALIDATION_FAILED',
    );
  });

  it('scores a contract once, weighted and graded', async () => {
    const partnerId = await ownPartner();
    const contract = await signedWith(partnerId);
    const made = await creator.post(`/api/v1/contracts/${contract.id}/evaluation`, {
      scores: eightySix(),
      comment: '质量好，交期略有延误',
    });
    expect(made.statusCode, made.body).toBe(201);
    expect(made.json()).toMatchObject({
      contractId: contract.id,
      partnerId,
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
      await creator.post(`/api/v1/contracts/${contract.id}/evaluation`, { scores: fullMarks() }),
      409,
      'CONTRACT_EVALUATION_STATE',
    );
    expect(twice.detail).toContain('每份合同只评价一次');
    expect((await creator.get(`/api/v1/contracts/${contract.id}/evaluation`)).json()).toMatchObject({
      canEvaluate: false,
      evaluation: { totalScore: 8600, grade: 'B' },
    });
    const done = await gm.post(`/api/v1/contracts/${contract.id}/complete`, { reason: '履约完毕' });
    expect(done.statusCode, done.body).toBe(200);
    expect(done.json().status).toBe('COMPLETED');
  });

  it('rates the partner from the average of its evaluations, with a history row each time', async () => {
    const partnerId = await ownPartner();
    const partner = async () => (await creator.get(`/api/v1/partners/${partnerId}`)).json();
    const history = async () =>
      (await creator.get(`/api/v1/partners/${partnerId}/rating-history`)).json().items as any[];
    const first = await signedWith(partnerId);
    await creator.post(`/api/v1/contracts/${first.id}/evaluation`, { scores: eightySix() });
    // One evaluation of 86.00: B.
    expect((await partner()).rating).toBe('B');
    const once = await history();
    expect(once).toHaveLength(1);
    expect(once[0]).toMatchObject({
      rating: 'B',
      score: 8600,
      evaluationCount: 1,
      sourceContractId: first.id,
    });
    expect(once[0].sourceLabel).toContain(first.number);

    // A second contract scored 100: the average 93.00 makes it A.
    const second = await signedWith(partnerId);
    const top = await gm.post(`/api/v1/contracts/${second.id}/evaluation`, { scores: fullMarks() });
    expect(top.json()).toMatchObject({ totalScore: 10000, grade: 'A' });
    expect((await partner()).rating).toBe('A');
    expect((await history()).map((h) => [h.rating, h.score, h.evaluationCount, h.sourceContractId])).toEqual([
      ['A', 9300, 2, second.id],
      ['B', 8600, 1, first.id],
    ]);
  });

  it('refuses to evaluate a draft, and shows no rating history outside the entity', async () => {
    const draft = await givenContract(creator, f);
    expectProblem(
      await creator.post(`/api/v1/contracts/${draft.id}/evaluation`, {
        scores: scores({ quality: 90, schedule: 90, service: 90, compliance: 90 }),
      }),
      409,
      'CONTRACT_EVALUATION_STATE',
    );
    // A user outside CONS does not see the history of a CONS partner.
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
