import { type ContractSettlement, type RetentionRelease, retentionReleaseSchema } from '@concord/contracts';
import { AccessControl, isInScope } from '../../../platform/access/index.js';
import type { AuditService } from '../../../platform/audit/index.js';
import { AppError, forbidden, notFound, type RequestContext } from '../../../platform/http/index.js';
import * as contracts from '../register/contracts.repository.js';
import { scopedFacts } from '../register/contracts.rules.js';
import { warmScopes } from '../register/contracts.drafts.js';
import type { ContractFiguresService } from '../execution/figures.service.js';
import * as repo from './settlements.repository.js';
import { type ContractSettlementsService, type SettlementPorts, stateError } from './settlements.service.js';
import type { Db } from '../../../db/index.js';

/**
 * Warranty retention (质保金) of an approved settlement: held until its release date (reminded of by
 * the daily scan in settlements.jobs.ts) and released here, explicitly, once paid back or returned.
 */
export class ContractRetentionService {
  constructor(
    private readonly db: Db,
    private readonly audit: AuditService,
    private readonly ports: Pick<SettlementPorts, 'today'>,
    private readonly figures: ContractFiguresService,
    private readonly settlements: Pick<ContractSettlementsService, 'get'>,
  ) {}

  /** Records that the retention of an approved settlement was released (paid back / returned). */
  async releaseRetention(
    ctx: RequestContext,
    id: string,
    input: RetentionRelease,
  ): Promise<ContractSettlement> {
    const scope = await ctx.access.require('contract.settle');
    await warmScopes(ctx);
    const data = retentionReleaseSchema.parse(input);
    await this.db.transaction().execute(async (trx) => {
      const visible = await repo.findSettlement(trx, id);
      if (!visible) throw notFound();
      AccessControl.assertVisible(scope, scopedFacts(visible));
      await contracts.lockContract(trx, visible.contract_id);
      const before = (await repo.lockSettlement(trx, id))!;
      if (before.status !== 'APPROVED') throw stateError(ctx, 'notApproved');
      if (before.retention_amount <= 0) throw stateError(ctx, 'noRetention');
      if (before.retention_released_on) throw stateError(ctx, 'released', before.retention_released_on);
      const releasedOn = data.releasedOn ?? this.ports.today();
      // Before its date the retention is released only as an override: with a reason, by someone
      // allowed to override for this contract, and said so in the audit.
      const dueOn = before.retention_release_date;
      const early = dueOn !== null && releasedOn < dueOn;
      if (early) {
        if (!data.note) {
          const message =
            ctx.locale === 'zh-CN'
              ? `质保金到期日为 ${dueOn}，提前释放须填写原因`
              : `the retention is due on ${dueOn}: an early release needs a reason`;
          throw new AppError('VALIDATION_FAILED', { detail: `note: ${message}` }, [
            { path: 'note', message },
          ]);
        }
        const overrideScope = ctx.access.has('contract.override')
          ? await ctx.access.require('contract.override')
          : null;
        if (!overrideScope || !isInScope(overrideScope, scopedFacts(visible))) throw forbidden();
      }
      await repo.updateSettlement(trx, id, { retention_released_on: releasedOn });
      await this.figures.refresh(trx, before.contract_id);
      await this.audit.record(trx, ctx, {
        entityType: 'contract_settlement',
        entityId: id,
        action: 'release-retention',
        changes: [
          { field: 'retentionReleasedOn', old: null, new: releasedOn },
          ...(early ? [{ field: 'releasedBeforeDue', old: null, new: dueOn }] : []),
          ...(data.note ? [{ field: 'releaseNote', old: null, new: data.note }] : []),
        ],
      });
    });
    return this.settlements.get(ctx, id);
  }
}
