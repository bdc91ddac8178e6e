/**
 * The organisation facts the engine core reads, as a synchronous snapshot taken before `decide`
 * runs (the service loads what the instance can need inside its transaction). Keeping it
 * synchronous keeps the core pure and its tests free of async plumbing.
 */
export interface OrgSnapshot {
  /**
   * Supervisors nearest first, one rung per department level (own department, parent, ...). A rung
   * is usually one head but may hold several co-heads who all approve (DingTalk). A department
   * without a head gives an empty rung, so `fallbackUp` can decide whether the next one up stands
   * in (OrgService.supervisorLadder is the fallbackUp view: it drops empty rungs). The user is never
   * on their own ladder, which is how a department head's level 1 becomes the parent's head.
   */
  supervisorLadder(userId: string): string[][];
  headOfDepartment(departmentId: string): string | null;
  /** Holders of a role, in a stable order; `entityId` narrows to one legal entity when given. */
  usersWithRole(roleCode: string, entityId?: string | null): string[];
  userDepartment(userId: string): string | null;
  isActive(userId: string): boolean;
  /** Approval administrators, the fallback when a node has no approver and the flow names none. */
  readonly admins: string[];
  /** Active proxy (代理) for a user at an instant, from wf_proxy_rule; null when none applies. */
  proxyFor(userId: string, at: string): string | null;
}

export interface MemoryDepartment {
  id: string;
  parentId: string | null;
  heads: string[];
}

export interface ProxyRule {
  userId: string;
  proxyId: string;
  startAt: string;
  endAt: string;
}

export interface MemoryOrgInit {
  departments: MemoryDepartment[];
  /** userId → departmentId */
  members: Record<string, string>;
  /** roleCode → holders */
  roles?: Record<string, string[]>;
  inactive?: string[];
  admins?: string[];
  proxies?: ProxyRule[];
}

/** In-memory organisation for tests and previews; the ladder follows OrgService.supervisorLadder. */
export class MemoryOrg implements OrgSnapshot {
  readonly admins: string[];
  private readonly departments: Map<string, MemoryDepartment>;

  constructor(private readonly init: MemoryOrgInit) {
    this.admins = init.admins ?? [];
    this.departments = new Map(init.departments.map((d) => [d.id, d]));
  }

  supervisorLadder(userId: string): string[][] {
    const ladder: string[][] = [];
    let departmentId: string | null = this.init.members[userId] ?? null;
    const seen = new Set<string>();
    while (departmentId && !seen.has(departmentId)) {
      seen.add(departmentId);
      const department = this.departments.get(departmentId);
      if (!department) break;
      const heads = department.heads.filter((h) => h !== userId);
      const previous = ladder[ladder.length - 1];
      const ownHeadship = department.heads.length > 0 && heads.length === 0;
      // A department the user heads alone is not a rung (they shift up one level); a headless
      // department is an empty rung; the same head twice in a row counts once, as in OrgService.
      if (!ownHeadship && !(heads.length > 0 && previous && sameMembers(previous, heads))) ladder.push(heads);
      departmentId = department.parentId;
    }
    return ladder;
  }

  headOfDepartment(departmentId: string): string | null {
    return this.departments.get(departmentId)?.heads[0] ?? null;
  }

  usersWithRole(roleCode: string): string[] {
    return this.init.roles?.[roleCode] ?? [];
  }

  userDepartment(userId: string): string | null {
    return this.init.members[userId] ?? null;
  }

  isActive(userId: string): boolean {
    return !this.init.inactive?.includes(userId);
  }

  proxyFor(userId: string, at: string): string | null {
    const rule = this.init.proxies?.find((p) => p.userId === userId && p.startAt <= at && at < p.endAt);
    return rule?.proxyId ?? null;
  }
}

const sameMembers = (a: string[], b: string[]) => a.length === b.length && a.every((x) => b.includes(x));
