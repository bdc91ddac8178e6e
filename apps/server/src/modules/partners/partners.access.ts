import type { Db } from '../../db/index.js';
import { isInScope, type Scope } from '../../platform/access/index.js';
import { AppError, notFound, type RequestContext } from '../../platform/http/index.js';
import * as repo from './partners.repository.js';
import type { PartnerTable } from './partners.tables.js';

/*
 * Scopes are resolved before a transaction opens: resolving one may read the organisation tree
 * through the root connection, which SQLite's single connection would never hand out meanwhile.
 */

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
export async function visiblePartner(db: Db, viewer: repo.Viewer, id: string): Promise<PartnerTable> {
  const row = await repo.findPartner(db, id);
  if (!row || !(await repo.isVisible(db, viewer, id))) throw notFound();
  return row;
}

/** True when the record is in the permission's scope or registered by the caller. */
export function holds(scope: Scope | null, ctx: RequestContext, row: PartnerTable): boolean {
  if (!scope) return false;
  if (ctx.actor && row.owner_id === ctx.actor.userId) return true;
  return isInScope(scope, {
    entityId: row.entity_id,
    departmentId: row.department_id,
    ownerId: row.owner_id,
  });
}

/** What a change needs to know of the caller, resolved before its transaction. */
export interface ChangeAccess {
  /** The scope of the permission the change needs. */
  scope: Scope;
  viewer: repo.Viewer;
  abilities: Abilities;
}

/** The scopes behind what the detail page offers (null: the permission is not held). */
export interface Abilities {
  view: Scope | null;
  manage: Scope | null;
  blacklist: Scope | null;
}

export async function abilitiesOf(ctx: RequestContext): Promise<Abilities> {
  const scopeOf = async (permission: string) =>
    ctx.access.has(permission) ? await ctx.access.require(permission) : null;
  return {
    view: await scopeOf('partner.view'),
    manage: await scopeOf('partner.manage'),
    blacklist: await scopeOf('partner.blacklist'),
  };
}

/**
 * Whether the caller may learn who registered a partner (entity id, user): when the partner is in
 * their view scope or belongs to the entity they act in. A partner shared by a sibling subsidiary
 * shows only the entity's name.
 */
export function originShown(viewScope: Scope | null, ctx: RequestContext, row: PartnerTable): boolean {
  return holds(viewScope, ctx, row) || row.entity_id === ctx.actor?.actingEntityId;
}

export async function changeAccess(
  ctx: RequestContext,
  permission: 'partner.manage' | 'partner.blacklist',
): Promise<ChangeAccess> {
  const scope = await ctx.access.require(permission);
  return { scope, viewer: await referrerOf(ctx), abilities: await abilitiesOf(ctx) };
}

/**
 * A partner the caller may change: visible (404 otherwise) and in the permission's scope or
 * registered by them (403 otherwise: others may see a shared partner, but the registering side
 * keeps it).
 */
export async function changeablePartner(
  db: Db,
  ctx: RequestContext,
  access: ChangeAccess,
  id: string,
): Promise<PartnerTable> {
  const row = await visiblePartner(db, access.viewer, id);
  if (!holds(access.scope, ctx, row)) throw new AppError('FORBIDDEN');
  return row;
}

/**
 * Checking an attachment asks the files service, which consults file.view and every part that
 * vouches for readers (each with a permission of its own): resolve all of the caller's scopes first.
 */
export async function warmAllScopes(ctx: RequestContext): Promise<void> {
  for (const permission of ctx.access.permissions()) await ctx.access.require(permission);
}
