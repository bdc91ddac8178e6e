import { MemoryOrg } from './workflow.org.js';
import { loadProxyRules } from './workflow.proxies.js';
import type { Db } from '../../db/index.js';

/** Where the engine's organisation facts come from; the org and IAM services provide them. */
export interface OrgSource {
  orgChart(db: Db): Promise<{
    departments: { id: string; parentId: string | null; headUserId: string | null }[];
    members: Record<string, string>;
    inactive: string[];
  }>;
  roleHoldersIn(db: Db, entityId: string): Promise<Record<string, string[]>>;
}

/**
 * A synchronous snapshot of the organisation for one action, read inside its transaction. Roles are
 * those held in the instance's entity; the approval admins are the flow's, else the entity's
 * holders of the built-in `admin` role. Proxy rules (审批代理) are those in force at `at` (the
 * engine's clock), so new tasks of an absent user go to their proxy.
 */
export async function loadOrgSnapshot(
  db: Db,
  source: OrgSource,
  options: { entityId: string; flowAdmins?: string[]; at: string },
): Promise<MemoryOrg> {
  const [chart, roles, proxies] = await Promise.all([
    source.orgChart(db),
    source.roleHoldersIn(db, options.entityId),
    loadProxyRules(db, options.at),
  ]);
  return new MemoryOrg({
    departments: chart.departments.map((d) => ({
      id: d.id,
      parentId: d.parentId,
      heads: d.headUserId ? [d.headUserId] : [],
    })),
    members: chart.members,
    roles,
    inactive: chart.inactive,
    admins: options.flowAdmins?.length ? options.flowAdmins : (roles.admin ?? []),
    proxies,
  });
}
