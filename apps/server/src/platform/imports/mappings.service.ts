import type { Db } from '../../db/index.js';
import type { AuditService } from '../audit/index.js';
import { AppError, type RequestContext } from '../http/index.js';
import type { Clock } from '../jobs/index.js';
import { type ColumnMapping, columnLetter } from './layout.js';
import { findMapping, saveMapping } from './mappings.repository.js';

/**
 * Column mappings saved per source (the acting entity, the import, the header's fingerprint): the
 * mapping step of an import offers the saved one, and saves the one a user imported with. Each
 * import checks its own permission before it asks; this service trusts its caller for that.
 */
export class ImportMappings {
  constructor(
    private readonly db: Db,
    private readonly audit: AuditService,
    private readonly clock: Clock,
  ) {}

  /** The saved mapping of the first fingerprint (in the order given) that has one. */
  find(ctx: RequestContext, kind: string, fingerprints: string[]) {
    const entityId = ctx.actor?.actingEntityId;
    if (!entityId) throw new AppError('UNAUTHENTICATED');
    return findMapping(this.db, entityId, kind, fingerprints);
  }

  /** Saves the mapping for this source, audited with each field's column ("合同编号 ← A"). */
  async save(
    trx: Db,
    ctx: RequestContext,
    input: {
      kind: string;
      fingerprint: string;
      mapping: ColumnMapping[];
      fieldLabel: (field: string) => string;
    },
  ): Promise<void> {
    const actor = ctx.actor;
    if (!actor) throw new AppError('UNAUTHENTICATED');
    const { id, before } = await saveMapping(trx, {
      entityId: actor.actingEntityId,
      kind: input.kind,
      fingerprint: input.fingerprint,
      mapping: input.mapping,
      userId: actor.userId,
      at: this.clock.now().toISOString(),
    });
    const described = (mapping: ColumnMapping[]) =>
      mapping.map((m) => `${input.fieldLabel(m.field)} ← ${columnLetter(m.column)}`);
    const after = { kind: input.kind, fingerprint: input.fingerprint, mapping: described(input.mapping) };
    if (before && described(before).join() === after.mapping.join()) return;
    await this.audit.record(trx, ctx, {
      entityType: 'import_mapping',
      entityId: id,
      action: before ? 'update' : 'create',
      before: before ? { ...after, mapping: described(before) } : undefined,
      after,
    });
  }
}
