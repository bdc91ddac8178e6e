import { addDays, businessDate, type Contract, type WfFlow } from '@concord/contracts';
import type { ContractsDemoServices as Services } from './demo-services.js';
import type { RequestContext } from '../../../platform/http/index.js';
import { workflowFactories } from '../../../platform/workflow/index.js';
import { archiveFactories } from '../contracts.archive.factories.js';

/** Where each demo entity keeps its originals, and who keeps them. */
const archives: Record<string, { archivist: string; location: string; box: string }> = {
  GRP: { archivist: 'wang.fang', location: '集团总部法务部档案室 A 柜', box: 'JT' },
  CONS: { archivist: 'zheng.hao', location: '协和建设综合档案室 2 号柜', box: 'JS' },
  TECH: { archivist: 'ma.chao', location: '协和科技行政部档案柜', box: 'KJ' },
};

/** Who borrows an original in each entity. */
const borrowers: Record<string, string> = { GRP: 'li.na', CONS: 'zhou.qiang', TECH: 'he.jun' };

const SIGNED = ['IN_FORCE', 'COMPLETED', 'TERMINATED'];
const SEALABLE = ['APPROVED', 'IN_FORCE'];

/** The seal use flow: the requester's supervisor approves (the next one up when a level has no head). */
const sealFlow: WfFlow = {
  schemaVersion: 1,
  settings: { dedupe: 'none', initiatorWithdraw: 'beforeFirstAction' },
  root: {
    id: 'start',
    name: '发起人',
    type: 'start',
    next: {
      id: 'supervisor',
      name: '直属主管审批',
      type: 'approval',
      assignee: { supervisor: { level: 1, of: 'initiator' }, fallbackUp: true },
      mode: 'and',
    },
  },
} as WfFlow;

/** Today in China plus some days, as YYYY-MM-DD. */
const dateFrom = (base: Date, days: number) => addDays(businessDate(base), days);

/**
 * Demo archive records, borrows (one of them overdue) and seal requests on the demo contracts, in
 * every entity (the route guard test needs a borrow and a seal request outside CONS). Called by the
 * contract seeding after the contracts exist; dates are relative to today so the overdue borrow
 * stays overdue.
 */
export async function seedContractArchive(services: Services, contractIds: string[]): Promise<void> {
  const system = services.systemContext('seed-demo');
  const today = services.clock.now();
  const userId = async (username: string) => {
    const user = await services.users.findByUsername(username);
    if (!user) throw new Error(`demo user ${username} missing`);
    return user.id;
  };
  const as = async (id: string, entityId: string) => services.auth.contextForUser(id, entityId, 'seed-demo');

  const definitions = await services.workflowDefinitions.list(system);
  if (!definitions.some((d) => d.businessType === 'contract.seal')) {
    await workflowFactories.publishedFlow(services, system, {
      key: 'contract-seal',
      name: '合同用印审批',
      businessType: 'contract.seal',
      priority: 0,
      flow: sealFlow,
    });
  }

  const entities = new Map((await services.org.listEntities(system)).map((e) => [e.id, e.code]));
  const contracts: Contract[] = [];
  for (const id of contractIds) contracts.push(await services.contracts.get(system, id));

  // Archive records: every signed contract; borrows on the first of each entity.
  const borrowed = new Set<string>();
  let index = 0;
  for (const contract of contracts.filter((c) => SIGNED.includes(c.status))) {
    const code = entities.get(contract.entityId) ?? 'GRP';
    const place = archives[code] ?? archives.GRP;
    index += 1;
    await archiveFactories.archiveRecord(services, system, contract.id, {
      location: place.location,
      boxNumber: `${place.box}-2026-${String(index).padStart(3, '0')}`,
      archivistId: await userId(place.archivist),
      archivedDate: contract.signDate ?? dateFrom(today, -30),
      copies: 2,
      note: '双方签字盖章正本',
    });
    if (borrowed.has(code)) continue;
    borrowed.add(code);
    const borrowerId = await userId(borrowers[code] ?? 'li.na');
    // One returned borrow, then one still out: overdue in CONS, due next week elsewhere.
    const returned = await archiveFactories.borrow(services, system, contract.id, {
      borrowerId,
      borrowedDate: dateFrom(today, -40),
      dueDate: dateFrom(today, -33),
      purpose: '核对付款条款',
    });
    await archiveFactories.returnedBorrow(services, system, returned.id, {
      returnedDate: dateFrom(today, -34),
      note: '原件完好',
    });
    await archiveFactories.borrow(services, system, contract.id, {
      borrowerId,
      borrowedDate: dateFrom(today, code === 'CONS' ? -20 : -3),
      dueDate: dateFrom(today, code === 'CONS' ? -6 : 7),
      purpose: code === 'CONS' ? '工程结算审计调阅' : '年度合同检查',
    });
  }

  // Seal requests: one per entity on an approved or signed contract, asked by someone who may.
  const sealed = new Set<string>();
  for (const contract of contracts.filter((c) => SEALABLE.includes(c.status))) {
    const code = entities.get(contract.entityId) ?? 'GRP';
    if (sealed.has(code)) continue;
    const ctx = await requesterFor(services, contract, as);
    if (!ctx) continue;
    sealed.add(code);
    const request = await archiveFactories.sealRequest(services, ctx, contract.id, {
      sealType: 'CONTRACT_SEAL',
      copies: 2,
      purpose: '合同正本盖章，寄送对方',
    });
    if (code === 'TECH') continue; // left waiting for approval
    const detail = await services.workflowViews.detail(ctx, request.instanceId!);
    const approverId = detail.path.find((step) => step.state === 'active')?.approvers[0]?.id;
    if (!approverId) continue;
    const approverUser = await services.users.loadUser(services.db, approverId);
    const approver = await as(approverId, approverUser.entityId);
    const task = (await services.workflowViews.detail(approver, request.instanceId!)).myTask;
    if (!task) continue;
    await services.workflow.act(approver, request.instanceId!, {
      action: 'approve',
      taskId: task.taskId,
      comment: '同意用印',
    });
    if (code === 'CONS') {
      // Stamped by the group's administrator, who keeps the seals in the demo.
      const admin = await userId('admin');
      const keeper = await as(admin, (await services.users.loadUser(services.db, admin)).entityId);
      await archiveFactories.sealUsed(services, keeper, request.id, {
        usedDate: dateFrom(today, 0),
        note: '已盖章两份',
      });
    }
  }
}

/** The contract's owner, else its department head, else anyone holding contract.seal over it. */
async function requesterFor(
  services: Services,
  contract: Contract,
  as: (id: string, entityId: string) => Promise<RequestContext>,
): Promise<RequestContext | null> {
  const candidates = [contract.ownerId, await services.org.headOfDepartment(contract.departmentId)];
  for (const username of ['wang.fang', 'admin']) {
    const user = await services.users.findByUsername(username);
    if (user) candidates.push(user.id);
  }
  for (const id of candidates) {
    if (!id) continue;
    const ctx = await as(id, contract.entityId).catch(() => null);
    if (!ctx?.access.has('contract.seal')) continue;
    const scope = await ctx.access.require('contract.seal');
    const visible =
      scope.all ||
      scope.entityIds.has(contract.entityId) ||
      scope.departmentIds.has(contract.departmentId) ||
      scope.userIds.has(contract.ownerId);
    if (visible) return ctx;
  }
  return null;
}
