import type { Locale, WfApprovalNode, WfFlow, WfNode } from '@concord/contracts';
import type { Db } from '../../db/index.js';

/**
 * Staffing gaps (审批人缺位): approval steps that would find nobody in some entity the flow serves,
 * found when the flow is designed rather than when a document reaches the step. Only rules that do
 * not depend on who submits can be checked ahead: a role (held per entity) and named users (who may
 * all be disabled). Supervisors and department heads depend on the initiator and are not checked.
 */
export interface StaffingSource {
  activeEntities(db: Db): Promise<{ id: string; name: string }[]>;
  roleHoldersIn(db: Db, entityId: string): Promise<Record<string, string[]>>;
  inactiveUsers(db: Db): Promise<string[]>;
  roleNames(db: Db, codes: string[]): Promise<Map<string, string>>;
}

export interface StaffingGap {
  nodeId: string;
  nodeName: string;
  mandatory: boolean;
  /** The entities where the step finds nobody (every one for named users all disabled). */
  entities: { id: string; name: string }[];
  message: string;
}

function approvalNodes(node: WfNode | undefined, found: WfApprovalNode[] = []): WfApprovalNode[] {
  for (let current = node; current; current = current.next) {
    if (current.type === 'approval' || current.type === 'handle') found.push(current);
    if ('branches' in current) for (const branch of current.branches) approvalNodes(branch.next, found);
  }
  return found;
}

/** The gaps of a flow in one entity (a flow bound to it) or in every active entity (a group-wide flow). */
export async function staffingGaps(
  db: Db,
  source: StaffingSource,
  flow: WfFlow,
  options: { entityId: string | null; locale: Locale },
): Promise<StaffingGap[]> {
  const nodes = approvalNodes(flow.root);
  if (nodes.length === 0) return [];
  const entities = (await source.activeEntities(db)).filter(
    (e) => options.entityId === null || e.id === options.entityId,
  );
  const inactive = new Set(await source.inactiveUsers(db));
  const holders = new Map<string, Record<string, string[]>>();
  for (const entity of entities) holders.set(entity.id, await source.roleHoldersIn(db, entity.id));
  const roleCodes = nodes.flatMap((n) => ('role' in n.assignee ? [n.assignee.role] : []));
  const roleNames = await source.roleNames(db, [...new Set(roleCodes)]);
  const gaps: StaffingGap[] = [];
  for (const node of nodes) {
    const assignee = node.assignee;
    let missing: { id: string; name: string }[] = [];
    let who = '';
    if ('role' in assignee) {
      missing = entities.filter(
        (e) => !(holders.get(e.id)?.[assignee.role] ?? []).some((userId) => !inactive.has(userId)),
      );
      who = roleNames.get(assignee.role) ?? assignee.role;
    } else if ('users' in assignee && assignee.users.every((userId) => inactive.has(userId))) {
      missing = entities;
    } else continue;
    if (missing.length === 0) continue;
    gaps.push({
      nodeId: node.id,
      nodeName: node.name,
      mandatory: node.mandatory === true,
      entities: missing,
      message: gapMessage(node, who, missing, options.locale),
    });
  }
  return gaps;
}

function gapMessage(
  node: WfApprovalNode,
  role: string,
  entities: { name: string }[],
  locale: Locale,
): string {
  const zh = locale === 'zh-CN';
  const where = entities.map((e) => e.name).join(zh ? '、' : ', ');
  const nobody = role
    ? zh
      ? `在 ${where} 没有人担任“${role}”`
      : `nobody holds "${role}" in ${where}`
    : zh
      ? '指定的审批人都已停用'
      : 'every user named is disabled';
  const then = node.mandatory
    ? zh
      ? '这是必审节点，那里的单据将无法提交'
      : 'it is mandatory, so documents there cannot be submitted'
    : emptyConsequence(node, zh);
  return zh ? `“${node.name}”：${nobody}；${then}。` : `"${node.name}": ${nobody}; ${then}.`;
}

function emptyConsequence(node: WfApprovalNode, zh: boolean): string {
  switch (node.onEmpty?.do ?? 'admin') {
    case 'pass':
      return zh ? '按设置将自动通过（无人审核）' : 'it will pass without review, as set';
    case 'reject':
      return zh ? '按设置将自动驳回' : 'it will be rejected, as set';
    case 'users':
      return zh ? '将转给指定人员' : 'it goes to the users named';
    default:
      return zh ? '将转给流程管理员' : 'it goes to the flow administrators';
  }
}
