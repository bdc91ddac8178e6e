import {
  gradeOf,
  idParamsSchema,
  type PartnerRating,
  type PartnerRatingHistory,
  partnerRatingHistorySchema,
} from '@concord/contracts';
import { type Db, newId } from '../../db/index.js';
import { defineRoute, type RequestContext, type RouteDefinition } from '../../platform/http/index.js';
import type { Clock } from '../../platform/jobs/index.js';
import { viewerOf, visiblePartner } from './partners.access.js';
import type { PartnersService } from './partners.service.js';

/** Evaluations older than this do not count towards the rating. */
export const RATING_WINDOW_YEARS = 3;

/**
 * The total scores (× 100, 0–10000) of the partner's closing evaluations made at or after `since`
 * (an ISO instant); a module that evaluates partners (contracts) adds its source with
 * `PartnerRatings.addScoreSource`. Takes the caller's transaction.
 */
export type EvaluationScoresOf = (trx: Db, partnerId: string, since: string) => Promise<number[]>;

/** The rating of these evaluation scores: the grade of their average (rounded half up), or null without any. */
export function ratingOfScores(scores: number[]): { rating: PartnerRating | null; score: number | null } {
  if (!scores.length) return { rating: null, score: null };
  const average = Math.floor(
    (2 * scores.reduce((sum, s) => sum + s, 0) + scores.length) / (2 * scores.length),
  );
  return { rating: gradeOf(average), score: average };
}

/** The instant `years` years before `now` (same day and time). */
export function yearsBefore(now: Date, years: number): string {
  const at = new Date(now.getTime());
  at.setUTCFullYear(at.getUTCFullYear() - years);
  return at.toISOString();
}

/**
 * Partner ratings (A–D) from the closing evaluations of the partner's contracts: each evaluation
 * recomputes the rating as the grade of the average total score of the last three years, sets it
 * through `PartnersService.setRating` and writes a history row, in the evaluation's transaction.
 */
export class PartnerRatings {
  readonly #scoreSources: EvaluationScoresOf[] = [];

  constructor(
    private readonly db: Db,
    private readonly partners: PartnersService,
    private readonly clock: Clock,
  ) {}

  /** Adds a module's evaluations to those the rating averages (the partner library knows no contract). */
  addScoreSource(source: EvaluationScoresOf): void {
    this.#scoreSources.push(source);
  }

  /** Recomputes the partner's rating inside the caller's transaction (the caller checked access). */
  async recompute(
    trx: Db,
    ctx: RequestContext,
    partnerId: string,
    source: { contractId: string; label: string } | null,
  ): Promise<{ rating: PartnerRating | null; score: number | null; evaluationCount: number }> {
    const now = this.clock.now();
    const since = yearsBefore(now, RATING_WINDOW_YEARS);
    const scores = (
      await Promise.all(this.#scoreSources.map((source) => source(trx, partnerId, since)))
    ).flat();
    const { rating, score } = ratingOfScores(scores);
    await this.partners.setRating(trx, ctx, partnerId, rating);
    await trx
      .insertInto('partner_rating_history')
      .values({
        id: newId(),
        partner_id: partnerId,
        rating,
        score,
        evaluation_count: scores.length,
        source_contract_id: source?.contractId ?? null,
        source_label: source?.label.slice(0, 300) ?? null,
        created_at: now.toISOString(),
      })
      .execute();
    return { rating, score, evaluationCount: scores.length };
  }

  /** The partner's rating history, newest first (whoever may see the partner). */
  async history(ctx: RequestContext, partnerId: string): Promise<PartnerRatingHistory> {
    const viewer = await viewerOf(ctx);
    await visiblePartner(this.db, viewer, partnerId);
    const rows = await this.db
      .selectFrom('partner_rating_history')
      .selectAll()
      .where('partner_id', '=', partnerId)
      .orderBy('created_at', 'desc')
      .orderBy('id', 'desc')
      .limit(200)
      .execute();
    return {
      items: rows.map((row) => ({
        id: row.id,
        rating: row.rating as PartnerRating | null,
        score: row.score,
        evaluationCount: row.evaluation_count,
        sourceContractId: row.source_contract_id,
        sourceLabel: row.source_label,
        createdAt: new Date(row.created_at).toISOString(),
      })),
    };
  }
}

export function partnerRatingRoutes(ratings: PartnerRatings): RouteDefinition[] {
  return [
    defineRoute({
      method: 'GET',
      url: '/partners/:id/rating-history',
      summary: "A partner's rating history (recomputed from closing evaluations)",
      tags: ['partners'],
      recordType: 'partner',
      params: idParamsSchema,
      response: partnerRatingHistorySchema,
      handler: ({ ctx, params }) => ratings.history(ctx, params.id),
    }),
  ];
}
