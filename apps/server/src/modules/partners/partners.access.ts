import type { Kysely } from 'kysely';
import { isInScope, type Scope } from '../../platform/access/index.js';
import { AppError, notFound, type RequestContext } from '../../platform/http/index.js';
import * as repo from './partners.repository.js';
import type { PartnerTable } from './partners.tables.js';

const NOBODY: Scope = { all: false, entityIds: new Set(), departmentIds: new Set(), userIds: new Set() };

/** The caller as a viewer of partners: their `partner.view` scope (required) and themselves. */
export async function viewerOf(ctx: RequestContext): Promise<repo.Viewer> {
  return { scope: await ctx.access.require('partner.view'), userId: ctx.actor?.userId ?? null };
}

/**
 * The same without requiring the permission, for other modules that refer to partners: a user
 * without `partner.view` still reaches shared partners and the ones they registered.
 */
export async function referrerOf(ctx: RequestContext): Promise<repo.Viewer> {
  const scope = ctx.access.has('partner.view') ? await ctx.access.require('partner.view') : NOBODY;
  return { scope, userId: ctx.actor?.userId ?? null };
}

/** A partner the viewer may see, or 404. */
export async function visiblePartner(
  db: Kysely<any>,
  viewer: repo.Viewer,
  id: string,
): Promise<PartnerTable> {
  const row = await repo.findPartner(db, id);
  if (!row || !(await repo.isVisible(db, viewer, id))) throw notFound();
  return row;
}

/** True when the record is in the permission's scope or registered by the caller. */
export function holds(scope: Scope, ctx: RequestContext, row: PartnerTable): boolean {
  if (ctx.actor && row.owner_id === ctx.actor.userId) return true;
  return isInScope(scope, {
    entityId: row.entity_id,
    departmentId: row.department_id,
    ownerId: row.owner_id,
  });
}

/**
 * A partner the caller may change with `permission`: visible (404 otherwise) and in that
 * permission's scope or registered by them (403 otherwise: others may see shared partners, but only
 * the registering side edits them).
 */
export async function partnerFor(
  db: Kysely<any>,
  ctx: RequestContext,
  permission: 'partner.manage' | 'partner.blacklist',
  id: string,
): Promise<PartnerTable> {
  const scope = await ctx.access.require(permission);
  const row = await visiblePartner(db, await referrerOf(ctx), id);
  if (!holds(scope, ctx, row)) throw new AppError('FORBIDDEN');
  return row;
}
