/**
 * W8 a mixed day at a fixed arrival rate (open loop: a request starts at its time whether or not the
 * ones before were answered, so a slow server shows as latency, not as fewer requests): 80% reads
 * (a contract's detail, the approval centre's counts, unread notifications), 15% lists and
 * searches (a ledger page, a search by counterparty, the approval to-do list), 5% writes (a draft
 * contract registered). The users: the group's general manager, a finance head, an engineer and a
 * sales head, each signed in once. Each round lasts `--seconds`; the answer per round: every request
 * answered 200 with its own record (a detail has the id asked for, a search's rows the text
 * searched), and every draft in the database. No baseline: the mix is Concord's, there is no bare
 * counterpart of a day.
 */
import { performance } from 'node:perf_hooks';
import type { HttpClient, Session } from './http-client.js';
import { type Bench, median, summary } from './measure.js';

type Kind = 'read' | 'list' | 'write';
interface Arrival {
  kind: Kind;
  run(): Promise<boolean>;
}

/** A small deterministic generator: the same mix every run. */
function random(seed: number) {
  let state = seed >>> 0;
  return () => {
    state = (state * 1664525 + 1013904223) >>> 0;
    return state / 2 ** 32;
  };
}

/** A day's mix on any client of the API: the runner's Concord, a node of `bench:cluster` or its proxy. */
export interface Day {
  /** The next request of the day (deterministic: the same sequence every run). */
  arrival(): Arrival;
  /** The drafts the day registers are named `${tag} n`. */
  tag: string;
  /** How many drafts the day has registered so far. */
  drafted(): number;
}

/**
 * Signs the day's users in and picks what the writes need (a category, a usable counterparty);
 * `sample` holds contract ids to read and counterparty names to search for.
 */
export async function prepareDay(
  client: HttpClient,
  sample: { ids: string[]; names: string[] },
): Promise<Day> {
  const { ids, names } = sample;
  const gm = await client.login('zhang.wei');
  const users: Session[] = [
    gm,
    ...(await Promise.all(['li.na', 'wu.min', 'he.jun'].map((u) => client.login(u)))),
  ];
  const writer = users[2];
  const other = (
    await client.call<{ items: { id: string; code: string }[] }>(writer, 'GET', '/contract-categories')
  ).items.find((c) => c.code === 'OTHER');
  const partner = (
    await client.call<{ items: { id: string; blacklisted: boolean }[] }>(
      writer,
      'GET',
      `/partners?page=1&pageSize=10&usableBy=${writer.entityId}&sort=name`,
    )
  ).items.find((p) => !p.blacklisted);
  if (!other || !partner) throw new Error('W8: no category OTHER or no partner for the drafts');
  const draftOf = { categoryId: other.id, partnerId: partner.id };

  const tag = `基准日 ${process.pid}-${Date.now().toString(36)}`;
  const next = random(20261206);
  const pick = <T>(list: T[]) => list[Math.floor(next() * list.length)];
  let drafts = 0;
  function arrival(): Arrival {
    const u = next();
    const user = pick(users);
    if (u < 0.5) {
      const id = pick(ids);
      return {
        kind: 'read',
        run: async () => (await client.call<{ id: string }>(gm, 'GET', `/contracts/${id}`)).id === id,
      };
    }
    if (u < 0.65)
      return {
        kind: 'read',
        run: async () =>
          typeof (await client.call<{ todo: number }>(user, 'GET', '/workflow/tasks/counts')).todo ===
          'number',
      };
    if (u < 0.8)
      return {
        kind: 'read',
        run: async () =>
          typeof (await client.call<{ count: number }>(user, 'GET', '/notifications/unread-count')).count ===
          'number',
      };
    if (u < 0.85)
      return {
        kind: 'list',
        run: async () =>
          Array.isArray((await client.call<{ items: unknown[] }>(user, 'GET', '/contracts?limit=20')).items),
      };
    if (u < 0.9) {
      const name = pick(names);
      const text = name.slice(0, Math.max(2, Math.min(8, name.length)));
      return {
        kind: 'list',
        run: async () =>
          (
            await client.call<{ items: { number: string | null; name: string; partnerName: string }[] }>(
              gm,
              'GET',
              `/contracts?limit=20&q=${encodeURIComponent(text)}`,
            )
          ).items.every((row) =>
            [row.number ?? '', row.name, row.partnerName].some((v) =>
              v.toLowerCase().includes(text.toLowerCase()),
            ),
          ),
      };
    }
    if (u < 0.95)
      return {
        kind: 'list',
        run: async () =>
          Array.isArray(
            (
              await client.call<{ items: unknown[] }>(
                user,
                'GET',
                '/workflow/tasks?tab=todo&page=1&pageSize=20',
              )
            ).items,
          ),
      };
    return {
      kind: 'write',
      run: async () => {
        const draft = await client.call<{ status: string }>(writer, 'POST', '/contracts', {
          name: `${tag} ${++drafts}`,
          ...draftOf,
          entityId: writer.entityId,
          departmentId: writer.departmentId,
          ownerId: writer.userId,
          amount: 500_000,
          taxRate: 600,
          startDate: '2027-01-01',
          endDate: '2027-06-30',
        });
        return draft.status === 'DRAFT';
      },
    };
  }

  return { arrival, tag, drafted: () => drafts };
}

export async function mixedDay(bench: Bench, rate: number): Promise<void> {
  const { concord, bare, report, options } = bench;
  const seconds = options.checkOnly ? 1 : options.roundSeconds;
  // A contract whose counterparty's bank is JSON text inside JSON (not an object) answers its detail
  // with 500: a fault of the data, reported as a wrong answer; the day reads the others.
  const sane =
    bare.dialect === 'sqlite'
      ? "(partner_bank is null or partner_bank not like '\"%')"
      : "(partner_bank is null or jsonb_typeof(partner_bank) = 'object')";
  const [{ n: broken }] = await bare.all<{ n: number }>(
    `select count(*) as n from contract where not ${sane}`,
  );
  if (Number(broken))
    report.add({
      workload: 'W8 data: contract details',
      way: '',
      answer: `${broken} broken`,
      agrees: false,
      note: 'contract.partner_bank holds a JSON string, not an object (the data generator encodes it twice); their details answer 500',
    });
  const ids = (
    await bare.all<{ id: string }>(
      bare.sql(`select id from contract where ${sane} order by id limit ?`),
      [5000],
    )
  ).map((r) => r.id);
  const names = (
    await bare.all<{ partner_name: string }>(
      bare.sql('select distinct partner_name from contract order by partner_name limit ?'),
      [500],
    )
  ).map((r) => r.partner_name);
  const { arrival, tag, drafted } = await prepareDay(concord, { ids, names });

  const kinds: Kind[] = ['read', 'list', 'write'];
  const byKind: Record<Kind | 'all', { perSecond: number[]; p50: number[]; p99: number[] }> = {
    read: { perSecond: [], p50: [], p99: [] },
    list: { perSecond: [], p50: [], p99: [] },
    write: { perSecond: [], p50: [], p99: [] },
    all: { perSecond: [], p50: [], p99: [] },
  };
  const expectedOf: string[] = [];
  const answers: string[] = [];
  let maxLag = 0;
  const problems: string[] = [];
  for (let round = 0; round < options.rounds; round++) {
    const count = Math.max(1, Math.round(rate * seconds));
    const latencies: Record<Kind, number[]> = { read: [], list: [], write: [] };
    let failed = 0;
    const started = performance.now();
    const flights: Promise<void>[] = [];
    for (let i = 0; i < count; i++) {
      const due = started + (i * 1000) / rate;
      const wait = due - performance.now();
      if (wait > 1) await new Promise((resolve) => setTimeout(resolve, wait));
      maxLag = Math.max(maxLag, performance.now() - due);
      const { kind, run } = arrival();
      const start = performance.now();
      flights.push(
        run().then(
          (ok) => {
            latencies[kind].push(performance.now() - start);
            if (!ok) failed++;
            if (!ok && problems.length < 3) problems.push(`${kind}: a wrong answer`);
          },
          (error: Error) => {
            failed++;
            if (problems.length < 3) problems.push(error.message);
          },
        ),
      );
    }
    await Promise.all(flights);
    const elapsed = (performance.now() - started) / 1000;
    const [{ n }] = await bare.all<{ n: number }>(
      bare.sql('select count(*) as n from contract where name like ?'),
      [`${tag} %`],
    );
    expectedOf.push(`${count} ok`);
    answers.push(
      failed === 0 && Number(n) === drafted() ? `${count} ok` : `${failed} failed, ${n}/${drafted()} drafts`,
    );
    for (const kind of kinds) {
      const figures = summary(latencies[kind], elapsed);
      byKind[kind].perSecond.push(figures.perSecond);
      byKind[kind].p50.push(figures.p50);
      byKind[kind].p99.push(figures.p99);
    }
    const everything = summary([...latencies.read, ...latencies.list, ...latencies.write], elapsed);
    byKind.all.perSecond.push(everything.perSecond);
    byKind.all.p50.push(everything.p50);
    byKind.all.p99.push(everything.p99);
  }
  const wrongRound = answers.findIndex((a, i) => a !== expectedOf[i]);
  for (const problem of problems) console.error(`W8: ${problem}`);
  const answer = wrongRound < 0 ? answers[0] : answers[wrongRound];
  for (const kind of ['all', ...kinds] as const) {
    const label = { all: 'mixed, all', read: '80% reads', list: '15% lists, searches', write: '5% writes' }[
      kind
    ];
    report.add({
      workload: `W8 @${rate}/s: ${label}`,
      way: 'concord',
      perSecond: median(byKind[kind].perSecond),
      p50: median(byKind[kind].p50),
      p99: median(byKind[kind].p99),
      answer: kind === 'all' ? answer : '',
      agrees: kind === 'all' ? wrongRound < 0 : true,
      note: kind === 'all' ? `starts at most ${maxLag.toFixed(0)} ms late` : undefined,
    });
  }
}
