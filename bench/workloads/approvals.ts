/**
 * W3 contract approvals by 10-50 concurrent approvers. The contracts are made for the run through
 * the API: drafts registered by demo users of several departments and companies (category OTHER,
 * ¥10,000, so the flow `contract.sign` takes the department head, then legal where the company has
 * one, no general manager) and submitted. The approvers are whoever the flow names (the heads and the
 * legal staff), each with sessions of their own; `connections` (kept within 10-50) approvals are in
 * flight at once, an approval going back in the queue for its next node. Per round each way
 * approves its own contracts to the end; the answer: all of them APPROVED, their approvals too, no
 * task left open.
 * Baselines: the bare SQL replays the approval transaction Concord ran for a sample contract of the
 * same registrant at the same node (see replay.ts) on the way's twin contracts; the bare Fastify
 * route does the same behind HTTP. Concord's request also answers with the approval's detail, which
 * the replay leaves out.
 */
import { HttpError, type Session } from './concord.js';
import { type Bench, drain, medianOf, type Round, type Way, ways } from './measure.js';
import { Template, transactionOf } from './replay.js';

const REGISTRANTS = [
  'wu.min',
  'lin.feng',
  'guo.xin',
  'chen.jing',
  'zhou.qiang',
  'xu.tao',
  'zhu.hong',
  'he.jun',
  'feng.bo',
  'liu.yang',
  'yang.xue',
  'wang.fang',
];

interface Step {
  approver: string;
  taskKey: string;
  lockVersion: number;
  /** The approval's status after this step (RUNNING, then APPROVED). */
  after: string;
  template: Template;
}
interface Registrant {
  session: Session;
  draft: Record<string, unknown>;
  steps: Step[];
}
interface Item {
  registrant: Registrant;
  contractId: string;
  instanceId: string;
  step: number;
}

export async function approvalWorkloads(bench: Bench): Promise<void> {
  const { concord, bare, route, report, options } = bench;
  const concurrency = Math.min(50, Math.max(10, options.connections));
  const perRound = options.checkOnly ? 10 : Math.min(250, Math.max(50, concurrency * 5));
  const users = new Map(
    (await bare.all<{ id: string; username: string }>('select id, username from org_user')).map((u) => [
      u.id,
      u.username,
    ]),
  );
  const admin = await concord.login('admin');
  const other = (
    await concord.call<{ items: { id: string; code: string }[] }>(admin, 'GET', '/contract-categories')
  ).items.find((c) => c.code === 'OTHER');
  if (!other) throw new Error('no contract category OTHER');

  let made = 0;
  const draft = (registrant: Registrant) =>
    concord.call<{ id: string }>(registrant.session, 'POST', '/contracts', {
      ...registrant.draft,
      name: `基准审批合同 ${process.pid}-${++made}`,
    });
  const submit = async (registrant: Registrant, id: string) => {
    const contract = await concord.call<{ id: string; instanceId: string }>(
      registrant.session,
      'POST',
      `/contracts/${id}/submit`,
      {},
    );
    return { contractId: contract.id, instanceId: contract.instanceId };
  };
  async function pending(instanceId: string) {
    const tasks = await bare.all<{ task_key: string; assignee_id: string }>(
      bare.sql(
        "select task_key, assignee_id from wf_task where instance_id = ? and status = 'PENDING' order by task_key",
      ),
      [instanceId],
    );
    const [instance] = await bare.all<{ lock_version: number; status: string }>(
      bare.sql('select lock_version, status from wf_instance where id = ?'),
      [instanceId],
    );
    return { task: tasks[0], lockVersion: Number(instance.lock_version), status: instance.status };
  }
  const approve = (session: Session, instanceId: string, step: Step) =>
    concord.call<{ status: string }>(session, 'POST', `/workflow/instances/${instanceId}/actions`, {
      action: 'approve',
      taskId: step.taskKey,
      lockVersion: step.lockVersion,
      comment: '同意',
    });

  // The registrants, and the steps of a sample approval of each: who approves, and its transaction.
  const registrants: Registrant[] = [];
  for (const username of REGISTRANTS) {
    const session = await concord.login(username).catch(() => null);
    if (!session?.permissions.includes('contract.create')) continue;
    const partners = await concord.call<{ items: { id: string; blacklisted: boolean }[] }>(
      session,
      'GET',
      `/partners?page=1&pageSize=10&usableBy=${session.entityId}&sort=name`,
    );
    const partner = partners.items.find((p) => !p.blacklisted);
    if (!partner) continue;
    const registrant: Registrant = {
      session,
      steps: [],
      draft: {
        categoryId: other.id,
        partnerId: partner.id,
        entityId: session.entityId,
        departmentId: session.departmentId,
        ownerId: session.userId,
        amount: 1_000_000,
        taxRate: 600,
        startDate: '2027-01-01',
        endDate: '2027-12-31',
        body: '第一条 标的：基准测试服务',
      },
    };
    const sample = await submit(registrant, (await draft(registrant)).id);
    for (let state = await pending(sample.instanceId); state.task; state = await pending(sample.instanceId)) {
      const approver = users.get(state.task.assignee_id)!;
      const step = { approver, taskKey: state.task.task_key, lockVersion: state.lockVersion };
      const as = await concord.login(approver);
      const { result, statements } = await concord.capture(() =>
        approve(as, sample.instanceId, step as Step),
      );
      const template = new Template(transactionOf(statements, /^update "wf_instance"/), [
        sample.instanceId,
        sample.contractId,
      ]);
      registrant.steps.push({ ...step, after: result.status, template });
    }
    if (registrant.steps.length) registrants.push(registrant);
  }
  if (!registrants.length) throw new Error('no registrant whose contracts need an approval');
  const approvers = [...new Set(registrants.flatMap((r) => r.steps.map((s) => s.approver)))];
  const sessions = new Map<string, Session[]>();
  for (const approver of approvers) {
    const list: Session[] = [];
    for (let i = 0; i < Math.ceil(concurrency / approvers.length); i++)
      list.push(await concord.login(approver));
    sessions.set(approver, list);
  }
  let turn = 0;
  const sessionOf = (approver: string) => {
    const list = sessions.get(approver)!;
    return list[turn++ % list.length];
  };

  /**
   * The contracts of a round, registered and then submitted, 4 at a time. Not both at once: on
   * PostgreSQL a registration (its ledger rollup bucket, then the audit head) and a submission (the
   * audit head, then the bucket) deadlock each other (a Concord bug, reported).
   */
  async function items(count: number): Promise<Item[]> {
    const slots = Array.from({ length: count }, (_, i) => ({
      registrant: registrants[i % registrants.length],
      id: '',
    }));
    await drain(slots, 4, async (slot) => {
      slot.id = (await draft(slot.registrant)).id;
      return false;
    });
    const made: Item[] = [];
    await drain(slots, 4, async (slot) => {
      made.push({ registrant: slot.registrant, ...(await submit(slot.registrant, slot.id)), step: 0 });
      return false;
    });
    return made;
  }
  async function answer(list: Item[]): Promise<string> {
    const marks = list.map(() => '?').join(', ');
    const count = async (sql: string, extra: unknown[] = []) =>
      Number(
        (
          await bare.all<{ n: number }>(bare.sql(sql.replace('(...)', `(${marks})`)), [
            ...list.map((i) => i.instanceId),
            ...extra,
          ])
        )[0].n,
      );
    const contracts = Number(
      (
        await bare.all<{ n: number }>(
          bare.sql(`select count(*) as n from contract where id in (${marks}) and status = 'APPROVED'`),
          list.map((i) => i.contractId),
        )
      )[0].n,
    );
    const instances = await count(
      "select count(*) as n from wf_instance where id in (...) and status = 'APPROVED'",
    );
    const open = await count('select count(*) as n from wf_task where instance_id in (...) and open = ?', [
      bare.dialect === 'sqlite' ? 1 : true,
    ]);
    return contracts === list.length && instances === list.length && open === 0
      ? `${list.length} approved`
      : `${contracts}+${instances}/${list.length}, ${open} open`;
  }

  const stepOf = (item: Item) => item.registrant.steps[item.step];
  const concordWork = async (item: Item) => {
    const step = stepOf(item);
    const detail = await approve(sessionOf(step.approver), item.instanceId, step).catch((error: unknown) => {
      throw error instanceof HttpError
        ? new Error(`approval of ${item.instanceId}: ${error.message}`)
        : error;
    });
    if (detail.status !== step.after)
      throw new Error(`approval ${item.instanceId}: ${detail.status}, not ${step.after}`);
    return ++item.step < item.registrant.steps.length;
  };
  const bareWork = async (item: Item) => {
    await stepOf(item).template.replay(bare, [item.instanceId, item.contractId]);
    return ++item.step < item.registrant.steps.length;
  };
  let routeItems: Item[] = [];
  route.set('W3 approve', async (input) => ({ more: await bareWork(routeItems[Number(input.i)]) }));
  const work: Record<Way, (list: Item[]) => Promise<Round>> = {
    concord: (list) => drain(list, concurrency, concordWork),
    fastify: (list) => {
      routeItems = list;
      const indexed = list.map((_, i) => i);
      return drain(indexed, concurrency, async (i) => {
        const response = await fetch(`${route.base}/w/${encodeURIComponent('W3 approve')}`, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({ i }),
        });
        if (response.status !== 200)
          throw new Error(`bare approve: ${response.status} ${await response.text()}`);
        return ((await response.json()) as { more: boolean }).more;
      });
    },
    sql: (list) => drain(list, 1, bareWork),
  };

  const expected = `${perRound} approved`;
  await work.concord(await items(concurrency));
  const byWay: Record<Way, Round[]> = { concord: [], fastify: [], sql: [] };
  const answers: Partial<Record<Way, string>> = {};
  for (let round = 0; round < options.rounds; round++) {
    for (const way of ways) {
      const list = await items(perRound);
      byWay[way].push(await work[way](list));
      const got = await answer(list);
      if (answers[way] === undefined || answers[way] === expected) answers[way] = got;
    }
  }
  const statements = registrants[0].steps[0].template.statements;
  for (const way of ways) {
    const figures = medianOf(byWay[way]);
    report.add({
      workload: `W3 approve (${concurrency} at once)`,
      way,
      ...figures,
      answer: answers[way]!,
      agrees: answers[way] === expected,
      target: way === 'concord' ? { text: 'p99 ≤ 100 ms', met: figures.p99 <= 100 } : undefined,
      note:
        way === 'concord'
          ? `${approvers.length} approvers, ${registrants.length} registrants`
          : `replays ${statements} statements`,
    });
  }
  report.ratios(byWay);
}
