import { type Db, readJson, writeJson } from '../../../db/index.js';
import type { ContractEvaluationTable } from '../contracts.tables.js';

export interface EvaluationScore {
  code: string;
  name: string;
  weight: number;
  score: number;
}

export async function findByContract(
  db: Db,
  contractId: string,
): Promise<ContractEvaluationTable | undefined> {
  return (await db
    .selectFrom('contract_evaluation')
    .selectAll()
    .where('contract_id', '=', contractId)
    .executeTakeFirst()) as ContractEvaluationTable | undefined;
}

/** True when the contract has its closing evaluation (completing it requires one). */
export async function hasEvaluation(db: Db, contractId: string): Promise<boolean> {
  return !!(await db
    .selectFrom('contract_evaluation')
    .select('id')
    .where('contract_id', '=', contractId)
    .executeTakeFirst());
}

export async function insertEvaluation(db: Db, row: ContractEvaluationTable): Promise<void> {
  await db
    .insertInto('contract_evaluation')
    .values({ ...row, scores: writeJson(row.scores) })
    .execute();
}

export const scoresOf = (row: ContractEvaluationTable): EvaluationScore[] =>
  readJson<EvaluationScore[]>(row.scores, []);

/** The stored scorecard of a category (null: the category sets none). */
export async function criteriaOf(db: Db, categoryId: string): Promise<unknown> {
  const row = await db
    .selectFrom('contract_category')
    .select('evaluation_criteria')
    .where('id', '=', categoryId)
    .executeTakeFirst();
  return row?.evaluation_criteria ?? null;
}

/** Total scores of a partner's evaluations made at or after `since` (for its rating). */
export async function evaluationScoresOf(db: Db, partnerId: string, since: string): Promise<number[]> {
  const rows = await db
    .selectFrom('contract_evaluation')
    .select('total_score')
    .where('partner_id', '=', partnerId)
    .where('created_at', '>=', since)
    .execute();
  return rows.map((r) => r.total_score);
}
