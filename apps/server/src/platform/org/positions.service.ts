import type { Position, positionCreateSchema, positionUpdateSchema } from '@concord/contracts';
import type { z } from 'zod';
import { type Db, newId } from '../../db/index.js';
import { AccessControl, isInScope } from '../access/index.js';
import type { AuditService } from '../audit/index.js';
import { AppError, duplicate, invalidReference, notFound, type RequestContext } from '../http/index.js';
import type { Clock } from '../jobs/index.js';
import { auditSnapshot, toPosition } from './org.mappers.js';
import * as repo from './org.repository.js';

type PositionCreate = z.infer<typeof positionCreateSchema>;
type PositionUpdate = z.infer<typeof positionUpdateSchema>;

/** Positions (岗位) of each legal entity: what users hold besides their department. */
export class PositionsService {
  constructor(
    private readonly db: Db,
    private readonly audit: AuditService,
    private readonly clock: Clock,
  ) {}

  async list(ctx: RequestContext, entityId?: string): Promise<Position[]> {
    const scope = await ctx.access.require('org.position.view');
    return (await repo.listPositions(this.db, scope, entityId)).map(toPosition);
  }

  async create(ctx: RequestContext, input: PositionCreate): Promise<Position> {
    const scope = await ctx.access.require('org.position.manage');
    return this.db.transaction().execute(async (trx) => {
      const entity = await repo.findEntity(trx, input.entityId);
      if (!entity || !isInScope(scope, { entityId: entity.id })) throw invalidReference('entity');
      if (await repo.findPositionByCode(trx, entity.id, input.code)) throw duplicate('code', input.code);
      const row = {
        id: newId(),
        entity_id: entity.id,
        code: input.code,
        name: input.name,
        created_at: this.clock.now().toISOString(),
      };
      await repo.insertPosition(trx, row);
      await this.audit.record(trx, ctx, {
        entityType: 'position',
        entityId: row.id,
        action: 'create',
        after: auditSnapshot(row),
      });
      return toPosition(row);
    });
  }

  async update(ctx: RequestContext, id: string, input: PositionUpdate): Promise<Position> {
    const scope = await ctx.access.require('org.position.manage');
    return this.db.transaction().execute(async (trx) => {
      const before = await repo.findPosition(trx, id);
      if (!before) throw notFound();
      AccessControl.assertVisible(scope, { entityId: before.entity_id });
      if (
        input.code &&
        input.code !== before.code &&
        (await repo.findPositionByCode(trx, before.entity_id, input.code))
      ) {
        throw duplicate('code', input.code);
      }
      await repo.updatePosition(trx, id, {
        ...(input.code !== undefined && { code: input.code }),
        ...(input.name !== undefined && { name: input.name }),
      });
      const after = (await repo.findPosition(trx, id))!;
      await this.audit.record(trx, ctx, {
        entityType: 'position',
        entityId: id,
        action: 'update',
        before: auditSnapshot(before),
        after: auditSnapshot(after),
      });
      return toPosition(after);
    });
  }

  async delete(ctx: RequestContext, id: string): Promise<void> {
    const scope = await ctx.access.require('org.position.manage');
    await this.db.transaction().execute(async (trx) => {
      const before = await repo.findPosition(trx, id);
      if (!before) throw notFound();
      AccessControl.assertVisible(scope, { entityId: before.entity_id });
      if (await repo.positionInUse(trx, id)) throw new AppError('HAS_CHILDREN', { what: 'position' });
      await repo.deletePosition(trx, id);
      await this.audit.record(trx, ctx, {
        entityType: 'position',
        entityId: id,
        action: 'delete',
        before: auditSnapshot(before),
      });
    });
  }
}
