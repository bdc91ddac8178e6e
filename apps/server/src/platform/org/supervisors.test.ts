import { randomUUID } from 'node:crypto';
import { beforeAll, expect, it } from 'vitest';
import { describeEachDialect } from '../../testing/test-app.js';
import { holdersOfRole } from '../iam/index.js';

describeEachDialect('supervisors', (t) => {
  const id: Record<string, string> = {};
  let consId = '';

  beforeAll(async () => {
    const { given } = t();
    for (const username of [
      'wu.min',
      'feng.bo',
      'zhou.qiang',
      'zhao.lei',
      'zheng.hao',
      'sun.li',
      'lin.feng',
      'zhu.hong',
      'huang.lei',
    ]) {
      id[username] = (await given.userByUsername(username)).id;
    }
    consId = (await given.entityByCode('CONS')).id;
  });

  const org = () => t().services.org;
  const setHead = (departmentId: string, headUserId: string | null) =>
    org().updateDepartment(t().services.systemContext(), departmentId, { headUserId });

  it('level 1 is the head of the own department, then each ancestor head up to the top', async () => {
    expect(await org().supervisorOf(id['wu.min'], 1)).toBe(id['feng.bo']);
    expect(await org().supervisorOf(id['wu.min'], 2)).toBe(id['zhou.qiang']);
    expect(await org().supervisorOf(id['wu.min'], 3)).toBe(id['zhao.lei']);
    expect(await org().supervisorOf(id['wu.min'], 4)).toBeNull();
    expect(await org().supervisorOf(id['wu.min'], 0)).toBeNull();
    expect(await org().supervisorLadder(id['wu.min'])).toEqual([
      id['feng.bo'],
      id['zhou.qiang'],
      id['zhao.lei'],
    ]);
  });

  it("a department head's level 1 is the head of the parent department", async () => {
    expect(await org().supervisorOf(id['feng.bo'], 1)).toBe(id['zhou.qiang']);
    expect(await org().supervisorLadder(id['feng.bo'])).toEqual([id['zhou.qiang'], id['zhao.lei']]);
    expect(await org().supervisorLadder(id['zhou.qiang'])).toEqual([id['zhao.lei']]);
    // The company's top has nobody above (CONS's MGT has no parent).
    expect(await org().supervisorLadder(id['zhao.lei'])).toEqual([]);
    expect(await org().supervisorOf(id['zhao.lei'], 1)).toBeNull();
    // A non-head member of the top department reports to its head.
    expect(await org().supervisorLadder(id['zheng.hao'])).toEqual([id['zhao.lei']]);
  });

  it('stays within the entity: TECH users climb TECH departments only', async () => {
    expect(await org().supervisorLadder(id['lin.feng'])).toEqual([id['zhu.hong'], id['huang.lei']]);
  });

  it('answers the head of a department, or null', async () => {
    const { given } = t();
    const eng1 = await given.departmentByCode('CONS', 'ENG-1');
    expect(await org().headOfDepartment(eng1.id)).toBe(id['feng.bo']);
    const fresh = await given.department({ entityId: consId });
    expect(await org().headOfDepartment(fresh.id)).toBeNull();
    expect(await org().headOfDepartment(randomUUID())).toBeNull();
  });

  it('skips a department without a head', async () => {
    const { given } = t();
    const eng = await given.departmentByCode('CONS', 'ENG');
    const headless = await given.department({ entityId: consId, parentId: eng.id, name: 'Headless' });
    const team = await given.department({ entityId: consId, parentId: headless.id, name: 'Team' });
    const member = await given.user({ departmentId: headless.id });
    expect(await org().supervisorLadder(member.id)).toEqual([id['zhou.qiang'], id['zhao.lei']]);

    const lead = await given.user({ departmentId: team.id });
    const worker = await given.user({ departmentId: team.id });
    await setHead(team.id, lead.id);
    expect(await org().supervisorLadder(worker.id)).toEqual([lead.id, id['zhou.qiang'], id['zhao.lei']]);
    // The team lead's level 1 jumps over the headless level to ENG's head.
    expect(await org().supervisorOf(lead.id, 1)).toBe(id['zhou.qiang']);
    // A headless team: its members go straight to the next head up.
    await setHead(team.id, null);
    expect(await org().supervisorOf(worker.id, 1)).toBe(id['zhou.qiang']);
  });

  it('skips a head whose account is disabled, as if the department had none', async () => {
    const { given, services } = t();
    const eng = await given.departmentByCode('CONS', 'ENG');
    const team = await given.department({ entityId: consId, parentId: eng.id, name: 'Left' });
    const lead = await given.user({ departmentId: team.id });
    const worker = await given.user({ departmentId: team.id });
    await setHead(team.id, lead.id);
    expect(await org().supervisorOf(worker.id, 1)).toBe(lead.id);
    await services.users.setActive(services.systemContext(), lead.id, false);
    expect(await org().supervisorLadder(worker.id)).toEqual([id['zhou.qiang'], id['zhao.lei']]);
  });

  it('does not list the same person twice when they head two levels in a row', async () => {
    const { given } = t();
    const eng = await given.departmentByCode('CONS', 'ENG');
    const sub = await given.department({ entityId: consId, parentId: eng.id, name: 'Also Zhou' });
    await setHead(sub.id, id['zhou.qiang']);
    const member = await given.user({ departmentId: sub.id });
    expect(await org().supervisorLadder(member.id)).toEqual([id['zhou.qiang'], id['zhao.lei']]);
  });

  it('climbs the main department only, not extra departments', async () => {
    const { given } = t();
    const proc = await given.departmentByCode('CONS', 'PROC');
    const eng1 = await given.departmentByCode('CONS', 'ENG-1');
    const user = await given.user({ departmentId: proc.id, extraDepartmentIds: [eng1.id] });
    expect(await org().supervisorLadder(user.id)).toEqual([
      (await given.userByUsername('xu.tao')).id,
      id['zhao.lei'],
    ]);
  });

  it('follows a user moved to another department', async () => {
    const { given, services } = t();
    const eng1 = await given.departmentByCode('CONS', 'ENG-1');
    const fin = await given.departmentByCode('CONS', 'FIN');
    const user = await given.user({ departmentId: eng1.id });
    expect(await org().supervisorOf(user.id, 1)).toBe(id['feng.bo']);
    await services.users.update(services.systemContext(), user.id, { departmentId: fin.id });
    expect(await org().supervisorLadder(user.id)).toEqual([id['sun.li'], id['zhao.lei']]);
  });

  it('answers an empty ladder for an unknown user', async () => {
    expect(await org().supervisorLadder(randomUUID())).toEqual([]);
    expect(await org().supervisorOf(randomUUID(), 1)).toBeNull();
  });

  it('chains to the top, to a level, or to the first supervisor matching a predicate', async () => {
    const user = id['wu.min'];
    const all = [id['feng.bo'], id['zhou.qiang'], id['zhao.lei']];
    expect(await org().supervisorChain(user, { kind: 'top' })).toEqual(all);
    expect(await org().supervisorChain(user, { kind: 'level', level: 1 })).toEqual([id['feng.bo']]);
    expect(await org().supervisorChain(user, { kind: 'level', level: 2 })).toEqual([
      id['feng.bo'],
      id['zhou.qiang'],
    ]);
    expect(await org().supervisorChain(user, { kind: 'level', level: 9 })).toEqual(all);
    expect(await org().supervisorChain(user, { kind: 'level', level: 0 })).toEqual([]);

    const generalManagers = new Set(await holdersOfRole(t().services.db, 'general_manager', consId));
    expect(generalManagers).toEqual(new Set([id['zhao.lei']]));
    const asked: string[] = [];
    const toGm = await org().supervisorChain(user, {
      kind: 'predicate',
      stopAt: async (candidate) => {
        asked.push(candidate);
        return generalManagers.has(candidate);
      },
    });
    expect(toGm).toEqual(all);
    expect(asked).toEqual(all);

    // Stops at the first match, inclusive, without asking further.
    const deptHeads = new Set(await holdersOfRole(t().services.db, 'dept_head', consId));
    asked.length = 0;
    const toHead = await org().supervisorChain(user, {
      kind: 'predicate',
      stopAt: async (candidate) => {
        asked.push(candidate);
        return deptHeads.has(candidate);
      },
    });
    expect(toHead).toEqual([id['feng.bo']]);
    expect(asked).toEqual([id['feng.bo']]);

    // No match: the whole ladder.
    expect(await org().supervisorChain(user, { kind: 'predicate', stopAt: async () => false })).toEqual(all);
  });

  it('finds holders of a role per entity or across the group', async () => {
    const db = t().services.db;
    const everywhere = await holdersOfRole(db, 'general_manager');
    const names = await t().services.org.userNames(everywhere);
    expect(new Set(names.values())).toEqual(new Set(['张伟', '赵磊', '黄磊']));
    expect(await holdersOfRole(db, 'no_such_role')).toEqual([]);
  });
});
