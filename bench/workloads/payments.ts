/**
 * W4 payment requests (付款申请) with idempotency keys, as the group's general manager (contract.payment
 * and contract.override over every company): ¥1 against plan items of expense contracts in force,
 * spread over many contracts, each request starting its approval. The key travels in the body
 * (`idempotencyKey`; Concord reads no Idempotency-Key header). Every fifth request sends the body of
 * the one before again with its key, often while the first is still in flight: it must answer with
 * the same payment and write nothing. The answer per round: one payment row per key, and every
 * replay answered with its key's payment.
 * Baselines: the bare SQL looks the key up (as Concord does first) and, for a new key, replays the
 * request's transaction as Concord ran it for a sample request (see replay.ts) on the next plan
 * item with a fresh key and number; the bare Fastify route does the same behind HTTP.
 */
import type { Session } from './concord.js';
import { type Bench, drain, medianOf, type Round, type Way, ways } from './measure.js';
import { Template, transactionOf } from './replay.js';

interface Target {
  contractId: string;
  itemId: string;
}
interface Request {
  target: Target;
  key: string;
  /** The index of the request whose key this one sends again. */
  replayOf?: number;
}

export async function paymentWorkloads(bench: Bench): Promise<void> {
  const { concord, bare, route, report, options } = bench;
  const perRound = options.checkOnly ? 20 : 300;
  const gm: Session = await concord.login('zhang.wei');
  // Plan items with room (their own figures, then the contract's), one per contract.
  const candidates = await bare.all<{
    item_id: string;
    contract_id: string;
    room: number;
    contract_room: number;
  }>(
    bare.sql(`select i.id as item_id, i.contract_id, i.amount - i.requested_amount - i.paid_amount as room,
        coalesce(c.settled_amount, c.current_amount) - c.requested_amount - c.paid_amount as contract_room
      from contract c join contract_plan_item i on i.contract_id = c.id
      where c.status = 'IN_FORCE' and c.direction = 'EXPENSE'
      order by c.id, i.seq limit ?`),
    [20_000],
  );
  const seen = new Set<string>();
  const targets: Target[] = [];
  for (const c of candidates) {
    if (seen.has(c.contract_id) || Number(c.room) < 10_000 || Number(c.contract_room) < 10_000) continue;
    seen.add(c.contract_id);
    targets.push({ contractId: c.contract_id, itemId: c.item_id });
    if (targets.length >= 1000) break;
  }
  if (targets.length < 20)
    throw new Error(`only ${targets.length} plan items with room on expense contracts in force`);

  const body = (request: Request) => ({
    planItemId: request.target.itemId,
    amount: 100,
    purpose: '基准测试付款申请',
    idempotencyKey: request.key,
    overrideReason: '基准测试：预付款，开票和验收在后',
  });
  const ask = (request: Request) =>
    concord.call<{ id: string; number: string; status: string }>(
      gm,
      'POST',
      `/contracts/${request.target.contractId}/payments`,
      body(request),
    );

  // The sample: its transaction is what the baselines replay.
  const run = `bench-${process.pid}-${Date.now().toString(36)}`;
  const sampleRequest: Request = { target: targets[0], key: `${run}-sample` };
  const { result: sample, statements } = await concord.capture(() => ask(sampleRequest));
  const template = new Template(transactionOf(statements, /^insert into "contract_payment"/), [
    sampleRequest.target.contractId,
    sampleRequest.target.itemId,
    sampleRequest.key,
    sample.number,
  ]);
  const paymentAt = template.indexOf(sample.id);
  let numbered = 0;
  const findKey = async (key: string) =>
    (
      await bare.all<{ id: string }>(bare.sql('select id from contract_payment where idempotency_key = ?'), [
        key,
      ])
    )[0]?.id;
  async function bareRequest(request: Request): Promise<string> {
    const earlier = await findKey(request.key);
    if (earlier) return earlier;
    try {
      const values = await template.replay(bare, [
        request.target.contractId,
        request.target.itemId,
        request.key,
        `${sample.number}-B${++numbered}`,
      ]);
      return values[paymentAt];
    } catch (error) {
      // Two first uses of one key: the loser answers like a replay, as Concord's does.
      const raced = await findKey(request.key);
      if (raced) return raced;
      throw error;
    }
  }

  let next = 1;
  function requests(way: string, round: number | string, count: number): Request[] {
    return Array.from({ length: count }, (_, i) =>
      i % 5 === 4
        ? {
            target: targets[(next - 1) % targets.length],
            key: `${run}-${way}-${round}-${i - 1}`,
            replayOf: i - 1,
          }
        : { target: targets[next++ % targets.length], key: `${run}-${way}-${round}-${i}` },
    );
  }
  async function answer(list: Request[], ids: Map<string, Set<string>>, prefix: string): Promise<string> {
    const keys = new Set(list.map((r) => r.key));
    const [row] = await bare.all<{ n: number; k: number }>(
      bare.sql(
        'select count(*) as n, count(distinct idempotency_key) as k from contract_payment where idempotency_key like ?',
      ),
      [`${prefix}-%`],
    );
    const oneEach = [...keys].every((key) => ids.get(key)?.size === 1);
    const replays = list.filter((r) => r.replayOf !== undefined).length;
    return Number(row.n) === keys.size && Number(row.k) === keys.size && oneEach
      ? `${keys.size}+${replays} agreed`
      : `${row.n} rows/${keys.size} keys`;
  }

  let routeList: Request[] = [];
  route.set('W4 pay', async (input) => ({ id: await bareRequest(routeList[Number(input.i)]) }));
  const send: Record<Way, (request: Request, i: number) => Promise<string>> = {
    concord: async (request) => (await ask(request)).id,
    fastify: async (_, i) => {
      const response = await fetch(`${route.base}/w/${encodeURIComponent('W4 pay')}`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ i }),
      });
      if (response.status !== 200)
        throw new Error(`bare payment: ${response.status} ${await response.text()}`);
      return ((await response.json()) as { id: string }).id;
    },
    sql: (request) => bareRequest(request),
  };
  async function roundOf(way: Way, round: number | string, count: number) {
    const list = requests(way, round, count);
    routeList = list;
    const ids = new Map<string, Set<string>>();
    const indexed = list.map((request, i) => ({ request, i }));
    const figures = await drain(indexed, way === 'sql' ? 1 : options.connections, async ({ request, i }) => {
      const id = await send[way](request, i);
      const set = ids.get(request.key) ?? new Set<string>();
      set.add(id);
      ids.set(request.key, set);
      return false;
    });
    return { figures, answer: await answer(list, ids, `${run}-${way}-${round}`) };
  }

  await roundOf('concord', 'warm', options.connections * 2);
  const byWay: Record<Way, Round[]> = { concord: [], fastify: [], sql: [] };
  const answers: Partial<Record<Way, string>> = {};
  const keys = perRound - Math.floor(perRound / 5);
  const expected = `${keys}+${perRound - keys} agreed`;
  for (let round = 0; round < options.rounds; round++) {
    for (const way of ways) {
      const { figures, answer } = await roundOf(way, round, perRound);
      byWay[way].push(figures);
      if (answers[way] === undefined || answers[way] === expected) answers[way] = answer;
    }
  }
  for (const way of ways) {
    report.add({
      workload: 'W4 payment request (idempotent)',
      way,
      ...medianOf(byWay[way]),
      answer: answers[way]!,
      agrees: answers[way] === expected,
      note: way === 'concord' ? `${targets.length} plan items` : `replays ${template.statements} statements`,
    });
  }
  report.ratios(byWay);
}
