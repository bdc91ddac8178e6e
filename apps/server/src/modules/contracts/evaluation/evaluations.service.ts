import {
  type ContractEvaluation,
  type ContractEvaluationCreate,
  type ContractEvaluationView,
  contractEvaluationCreateSchema,
  criteriaProblem,
  DEFAULT_EVALUATION_CRITERIA,
  type EvaluationCriterion,
  type EvaluationGrade,
  evaluationCriteriaSchema,
  gradeOf,
  type PartnerRating,
  weightedTotal,
} from '@concord/contracts';
import { type Db, newId, readJson } from '../../../db/index.js';
import { AccessControl, isInScope } from '../../../platform/access/index.js';
import type { AuditService } from '../../../platform/audit/index.js';
import { AppError, notFound, type RequestContext } from '../../../platform/http/index.js';
import type { Clock } from '../../../platform/jobs/index.js';
import * as contracts from '../register/contracts.repository.js';
import { scopedFacts } from '../register/contracts.rules.js';
import { warmScopes } from '../register/contracts.drafts.js';
import * as repo from './evaluations.repository.js';
import type { ContractEvaluationTable } from '../contracts.tables.js';

/** What evaluations need outside the module (wired in the module definition). Each takes the caller's transaction. */
export interface EvaluationPorts {
  userNames(db: Db, ids: string[]): Promise<Map<string, string>>;
  /** Recomputes the partner's rating from its evaluations and writes its history row (partners module). */
  recomputeRating(
    trx: Db,
    ctx: RequestContext,
    partnerId: string,
    source: { contractId: string; label: string },
  ): Promise<{ rating: PartnerRating | null }>;
}

/** A contract may be evaluated while in force (before completing it) or once closed. */
export const EVALUABLE_STATUSES = ['IN_FORCE', 'COMPLETED', 'TERMINATED'];

const messages = {
  status: {
    'zh-CN': '只有已生效、已完成或已终止的合同可以评价',
    'en-US': 'only contracts in force, completed or terminated can be evaluated',
  },
  exists: {
    'zh-CN': '该合同已有回归评价，每份合同只评价一次',
    'en-US': 'the contract is already evaluated; each contract is evaluated once',
  },
} as const;

/** A category's scorecard: its own when set and valid, else the default (quality, schedule, service, compliance). */
export function effectiveCriteria(stored: unknown): EvaluationCriterion[] {
  const parsed = evaluationCriteriaSchema.safeParse(readJson<unknown>(stored, null));
  return parsed.success ? parsed.data : DEFAULT_EVALUATION_CRITERIA;
}

/**
 * Scores the criteria: every criterion scored once (0–100), nothing else. Returns the scorecard
 * rows, the weighted total (× 100) and its grade, or throws VALIDATION_FAILED.
 */
export function scoreCard(
  criteria: EvaluationCriterion[],
  scores: { code: string; score: number }[],
): { items: repo.EvaluationScore[]; totalScore: number; grade: EvaluationGrade } {
  const problem = criteriaProblem(criteria);
  if (problem) throw validation('scores', `the category's criteria are unusable: ${problem}`);
  const byCode = new Map<string, number>();
  for (const s of scores) {
    if (byCode.has(s.code)) throw validation('scores', `criterion ${s.code} is scored twice`);
    byCode.set(s.code, s.score);
  }
  const unknown = [...byCode.keys()].filter((code) => !criteria.some((c) => c.code === code));
  if (unknown.length) throw validation('scores', `unknown criteria: ${unknown.join(', ')}`);
  const missing = criteria.filter((c) => !byCode.has(c.code)).map((c) => c.code);
  if (missing.length) throw validation('scores', `criteria not scored: ${missing.join(', ')}`);
  const items = criteria.map((c) => ({
    code: c.code,
    name: c.name,
    weight: c.weight,
    score: byCode.get(c.code)!,
  }));
  const totalScore = weightedTotal(items);
  return { items, totalScore, grade: gradeOf(totalScore) };
}

function validation(path: string, message: string): AppError {
  return new AppError('VALIDATION_FAILED', { detail: `${path}: ${message}` }, [{ path, message }]);
}

/**
 * Closing evaluations (回归评价): one scorecard per contract against its category's weighted
 * criteria; each recomputes the partner's rating in the same transaction. Completing a contract
 * requires one (contracts.lifecycle.ts `close`).
 */
export class ContractEvaluationsService {
  constructor(
    private readonly db: Db,
    private readonly audit: AuditService,
    private readonly ports: EvaluationPorts,
    private readonly clock: Clock,
  ) {}

  async view(ctx: RequestContext, contractId: string): Promise<ContractEvaluationView> {
    const scope = await ctx.access.require('contract.view');
    const contract = await contracts.findContract(this.db, contractId);
    if (!contract) throw notFound();
    AccessControl.assertVisible(scope, scopedFacts(contract));
    const row = await repo.findByContract(this.db, contractId);
    const evaluation = row ? await this.present(this.db, row) : null;
    let canEvaluate = false;
    if (!row && EVALUABLE_STATUSES.includes(contract.status) && ctx.access.has('contract.evaluate')) {
      canEvaluate = isInScope(await ctx.access.require('contract.evaluate'), scopedFacts(contract));
    }
    return {
      criteria: evaluation
        ? evaluation.scores.map(({ code, name, weight }) => ({ code, name, weight }))
        : effectiveCriteria(await repo.criteriaOf(this.db, contract.category_id)),
      evaluation,
      canEvaluate,
    };
  }

  async create(
    ctx: RequestContext,
    contractId: string,
    input: ContractEvaluationCreate,
  ): Promise<ContractEvaluation> {
    const actor = ctx.actor;
    if (!actor) throw new AppError('UNAUTHENTICATED');
    const scope = await ctx.access.require('contract.evaluate');
    await warmScopes(ctx);
    const data = contractEvaluationCreateSchema.parse(input);
    return this.db.transaction().execute(async (trx) => {
      const contract = await contracts.lockContract(trx, contractId);
      if (!contract) throw notFound();
      AccessControl.assertVisible(scope, scopedFacts(contract));
      if (!EVALUABLE_STATUSES.includes(contract.status))
        throw new AppError('CONTRACT_EVALUATION_STATE', { detail: messages.status[ctx.locale] });
      if (await repo.hasEvaluation(trx, contractId))
        throw new AppError('CONTRACT_EVALUATION_STATE', { detail: messages.exists[ctx.locale] });
      const criteria = effectiveCriteria(await repo.criteriaOf(trx, contract.category_id));
      const card = scoreCard(criteria, data.scores);
      const row: ContractEvaluationTable = {
        id: newId(),
        contract_id: contractId,
        partner_id: contract.partner_id,
        scores: card.items,
        total_score: card.totalScore,
        grade: card.grade,
        comment: data.comment || null,
        evaluated_by: actor.userId,
        created_at: this.clock.now().toISOString(),
      };
      await repo.insertEvaluation(trx, row);
      await this.audit.record(trx, ctx, {
        entityType: 'contract_evaluation',
        entityId: row.id,
        action: 'create',
        after: {
          contractId,
          partnerId: row.partner_id,
          scores: card.items,
          totalScore: card.totalScore,
          grade: card.grade,
          comment: row.comment,
        },
      });
      const label = contract.number ? `${contract.number} ${contract.name}` : contract.name;
      await this.ports.recomputeRating(trx, ctx, contract.partner_id, { contractId, label });
      return this.present(trx, row);
    });
  }

  private async present(db: Db, row: ContractEvaluationTable): Promise<ContractEvaluation> {
    const names = await this.ports.userNames(db, [row.evaluated_by]);
    return {
      id: row.id,
      contractId: row.contract_id,
      partnerId: row.partner_id,
      scores: repo.scoresOf(row),
      totalScore: row.total_score,
      grade: row.grade as EvaluationGrade,
      comment: row.comment,
      evaluatedBy: row.evaluated_by,
      evaluatedByName: names.get(row.evaluated_by) ?? '',
      createdAt: new Date(row.created_at).toISOString(),
    };
  }
}
