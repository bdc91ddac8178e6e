import { type WfFlow, type WfNode, wfFlowSchema } from '@concord/contracts';
import { describe, expect, it } from 'vitest';
import { compileFlow } from './workflow.compiler.js';
import { approval, chain, flow, users } from './workflow.testing.js';

const codes = (wf: WfFlow, formFields?: string[]) => {
  const result = compileFlow(wf, { formFields });
  return result.ok ? [] : result.errors.map((e) => `${e.code}@${e.nodeId}`);
};

const condition = (branches: Array<{ id: string; when?: any; next?: WfNode }>): WfNode => ({
  id: 'c1',
  name: 'c1',
  type: 'condition',
  branches: branches.map((b, i) => ({ name: b.id, priority: i + 1, ...b })),
});
const big = { field: 'amount', op: 'gte', value: 10000 } as const;

describe('workflow compiler', () => {
  it('flattens the tree: successors, branch entries, parents and upstream sets', () => {
    const wf = flow(
      chain(
        approval('n1', users('A')),
        condition([
          { id: 'b1', when: big, next: chain(approval('gm', users('G')), approval('ceo', users('C'))) },
          { id: 'b2' },
        ]),
        approval('n3', users('B')),
      ),
    );
    const result = compileFlow(wf);
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    const { nodes, rootId } = result.graph;
    expect(rootId).toBe('start');
    expect(nodes.start.next).toBe('n1');
    expect(nodes.c1.next).toBe('n3');
    expect(nodes.c1.branches?.map((b) => [b.id, b.first])).toEqual([
      ['b1', 'gm'],
      ['b2', null],
    ]);
    expect(nodes.ceo).toMatchObject({ next: null, parent: { nodeId: 'c1', branchId: 'b1' } });
    expect(nodes.ceo.upstream).toEqual(['start', 'n1', 'c1', 'gm']);
    expect(nodes.n3.upstream).toEqual(['start', 'n1', 'c1', 'gm', 'ceo']);
    expect(nodes.n1.def).not.toHaveProperty('next');
    // The graph is plain JSON: it is stored as compiled_json.
    expect(JSON.parse(JSON.stringify(result.graph))).toEqual(result.graph);
  });

  it('S11 a condition node without a default branch does not publish', () => {
    const wf = flow(
      condition([
        { id: 'b1', when: big },
        { id: 'b2', when: { field: 'amount', op: 'lt', value: 10000 } },
      ]),
    );
    expect(codes(wf)).toEqual(['CONDITION_DEFAULT@c1']);
    expect(codes(flow(condition([{ id: 'b1' }, { id: 'b2' }])))).toEqual(['CONDITION_DEFAULT@c1']);
    const result = compileFlow(wf);
    expect(!result.ok && result.errors[0].message).toMatch(/exactly one default branch/);
  });

  it('refuses duplicate ids, across nodes and branches', () => {
    expect(codes(flow(chain(approval('n1', users('A')), approval('n1', users('B')))))).toEqual([
      'DUPLICATE_ID@n1',
    ]);
    expect(codes(flow(condition([{ id: 'c1', when: big }, { id: 'b2' }])))).toEqual(['DUPLICATE_ID@c1']);
  });

  it('refuses an empty branch list', () => {
    expect(codes(flow({ id: 'p1', name: 'p', type: 'parallel', branches: [] }))).toEqual([
      'EMPTY_BRANCHES@p1',
    ]);
  });

  it('refuses return and reject targets that are not upstream', () => {
    const wf = flow(
      chain(
        approval('n1', users('A'), { returnTo: ['n2'] }),
        approval('n2', users('B'), { onReject: { to: 'node', nodeId: 'n3' } }),
        approval('n3', users('C'), { returnTo: ['n1', 'start'], onReject: { to: 'node' } }),
      ),
    );
    expect(codes(wf)).toEqual([
      'RETURN_TARGET_NOT_UPSTREAM@n1',
      'REJECT_TARGET_NOT_UPSTREAM@n2',
      'REJECT_TARGET_MISSING@n3',
    ]);
  });

  it('a node in a sibling branch is not upstream', () => {
    const wf = flow({
      id: 'p1',
      name: 'p',
      type: 'parallel',
      branches: [
        { id: 'x', name: 'x', priority: 1, next: approval('fin', users('A')) },
        { id: 'y', name: 'y', priority: 2, next: approval('legal', users('B'), { returnTo: ['fin'] }) },
      ],
    });
    expect(codes(wf)).toEqual(['RETURN_TARGET_NOT_UPSTREAM@legal']);
  });

  it('refuses a vote node without passRatio and empty-users fallback without users', () => {
    expect(codes(flow(approval('v', users('A', 'B'), { mode: 'vote' })))).toEqual(['VOTE_WITHOUT_RATIO@v']);
    expect(codes(flow(approval('u', users('A'), { onEmpty: { do: 'users' } })))).toEqual([
      'ON_EMPTY_USERS_MISSING@u',
    ]);
  });

  it('refuses a mandatory node that could pass without a decision', () => {
    const mandatory = (extra: object) => flow(approval('m', users('A'), { mandatory: true, ...extra }));
    expect(codes(mandatory({}))).toEqual([]);
    expect(codes(mandatory({ onEmpty: { do: 'admin' } }))).toEqual([]);
    expect(codes(mandatory({ onEmpty: { do: 'pass' } }))).toEqual(['MANDATORY_AUTO_PASS@m']);
    expect(codes(mandatory({ onSelf: 'skip' }))).toEqual(['MANDATORY_AUTO_PASS@m']);
    // biome-ignore lint/suspicious/noThenProperty: the flow JSON's own field name
    expect(codes(mandatory({ timeout: { after: 'P1D', then: 'pass' } }))).toEqual(['MANDATORY_AUTO_PASS@m']);
    expect(codes(flow(approval('n', users('A'), { onEmpty: { do: 'pass' } })))).toEqual([]);
  });

  it('checks field references against the form when the field list is given', () => {
    const wf = flow(
      chain(
        approval('n1', { formField: 'approver' }, { fieldPerms: { amount: 'edit', bogus: 'read' } }),
        condition([{ id: 'b1', when: { field: 'nope', op: 'eq', value: 1 } }, { id: 'b2' }]),
      ),
    );
    expect(codes(wf)).toEqual([]);
    expect(codes(wf, ['amount', 'approver'])).toEqual(['UNKNOWN_FIELD@n1', 'UNKNOWN_FIELD@c1']);
  });

  it('refuses malformed conditions', () => {
    const wf = flow(
      condition([{ id: 'b1', when: { field: 'amount', op: 'between', value: 5 } }, { id: 'b2' }]),
    );
    expect(codes(wf)).toEqual(['BAD_CONDITION@c1']);
  });

  it('refuses a start node below the root', () => {
    const wf = flow(chain(approval('n1', users('A')), { id: 's2', name: 's2', type: 'start' }));
    expect(codes(wf)).toEqual(['START_NOT_ROOT@s2']);
  });
});

describe('workflow flow schema', () => {
  const uid = '0190a3b4-0000-7000-8000-000000000001';

  it('parses a flow with every node type', () => {
    const parsed = wfFlowSchema.safeParse({
      schemaVersion: 1,
      settings: { dedupe: 'all', initiatorWithdraw: 'beforeFirstAction', admins: [uid] },
      root: {
        id: 'start',
        name: '发起人',
        type: 'start',
        fieldPerms: { amount: 'edit' },
        next: {
          id: 'n1',
          name: '主管',
          type: 'approval',
          assignee: { supervisor: { level: 1, of: 'initiator' }, fallbackUp: true },
          mode: 'or',
          // biome-ignore lint/suspicious/noThenProperty: the flow JSON's own field name
          timeout: { after: 'PT24H', remind: { every: 'PT4H', max: 3 }, then: 'pass' },
          next: {
            id: 'c1',
            name: '金额',
            type: 'condition',
            branches: [
              {
                id: 'b1',
                name: '大额',
                priority: 1,
                when: { all: [{ field: 'amount', op: 'gte', value: 10000 }] },
              },
              {
                id: 'b2',
                name: '其他',
                priority: 2,
                next: { id: 'cc', name: '抄送', type: 'cc', assignee: { users: [uid] } },
              },
            ],
            next: {
              id: 'd1',
              name: '等待',
              type: 'delay',
              wait: { duration: 'PT2H' },
              next: {
                id: 't1',
                name: 'ERP',
                type: 'trigger',
                http: { method: 'POST', url: 'https://erp.example.com/x' },
              },
            },
          },
        },
      },
    });
    expect(parsed.error?.issues).toBeUndefined();
  });

  it('is strict and bounded', () => {
    const base = { schemaVersion: 1, settings: { dedupe: 'none', initiatorWithdraw: 'always' } };
    const extra = wfFlowSchema.safeParse({ ...base, root: { id: 's', name: 's', type: 'start', extra: 1 } });
    expect(extra.success).toBe(false);
    const longName = wfFlowSchema.safeParse({
      ...base,
      root: { id: 's', name: 'x'.repeat(101), type: 'start' },
    });
    expect(longName.success).toBe(false);
    const badDuration = wfFlowSchema.safeParse({
      ...base,
      root: {
        id: 's',
        name: 's',
        type: 'start',
        next: {
          id: 'n',
          name: 'n',
          type: 'approval',
          mode: 'and',
          assignee: { initiator: true },
          // biome-ignore lint/suspicious/noThenProperty: the flow JSON's own field name
          timeout: { after: '24h', then: 'pass' },
        },
      },
    });
    expect(badDuration.success).toBe(false);
    const subprocess = (next: Record<string, unknown>) =>
      wfFlowSchema.safeParse({ ...base, root: { id: 's', name: 's', type: 'start', next } }).success;
    const sp = { id: 'x', name: 'x', type: 'subprocess', definitionKey: 'k' };
    expect(subprocess(sp)).toBe(true);
    expect(subprocess({ ...sp, wait: false, inputMap: { a: 'b' }, outputMap: { c: 'd' } })).toBe(true);
    expect(subprocess({ ...sp, definitionKey: '' })).toBe(false);
    expect(subprocess({ id: 'x', name: 'x', type: 'subprocess' })).toBe(false);
    expect(subprocess({ ...sp, starter: 'initiator' })).toBe(false);
    expect(subprocess({ ...sp, inputMap: { 'bad key': 'b' } })).toBe(false);
  });

  it('checks a sub-process node: a definition key, and parent-side mapped fields against the form', () => {
    const node = {
      id: 'sub',
      name: 'sub',
      type: 'subprocess',
      definitionKey: 'child',
      inputMap: { childAmount: 'amount' },
      outputMap: { contractNo: 'no' },
    } as WfNode;
    expect(compileFlow(flow(node), { formFields: ['amount', 'contractNo'] }).ok).toBe(true);
    const unknown = compileFlow(flow(node), { formFields: ['contractNo'] });
    expect(!unknown.ok && unknown.errors.map((e) => [e.code, e.nodeId])).toEqual([['UNKNOWN_FIELD', 'sub']]);
    const unknownOut = compileFlow(flow(node), { formFields: ['amount'] });
    expect(!unknownOut.ok && unknownOut.errors[0].message).toContain('outputMap');
    const noKey = compileFlow(flow({ ...node, definitionKey: '' } as WfNode));
    expect(!noKey.ok && noKey.errors[0].code).toBe('SUBPROCESS_KEY_MISSING');
  });
});
