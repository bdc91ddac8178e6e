/**
 * Two Concord nodes against one PostgreSQL, behind a small round-robin proxy: do they behave as one?
 *   npm run bench:cluster                                  # a fresh database on the local server
 *   npm run bench:cluster -- --db postgres://u:p@host:5432/postgres --seconds 10 --connections 20
 * Checks (each prints PASS or FAIL, and the run exits 1 on a FAIL): a session opened on one node works
 * on the other; a role taken away on one node is refused on the other at its next request (the
 * access stamp); a scheduled job runs exactly once; two approvals of one task racing on the two
 * nodes leave exactly one approval. Then the ledger's first page (W1) and the mixed day's requests
 * (W8's mix, as fast as the connections go) at a fixed number of connections: requests per second
 * on one node, and through the proxy on two, as ratios.
 * No timing is asserted; on a 2-core machine both nodes, PostgreSQL and the load share the cores.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import fs from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import pg from 'pg';
import { httpClient } from './workloads/http-client.js';
import { loop, type Round } from './workloads/measure.js';
import { prepareDay } from './workloads/mixed.js';

const { values: args } = parseArgs({
  options: {
    db: { type: 'string', default: 'postgres://concord:concord@localhost:5432/postgres' },
    seconds: { type: 'string', default: '8' },
    connections: { type: 'string', default: '20' },
  },
});
const PASSWORD = 'Concord2026';
const ports = { proxy: 3960, nodes: [3961, 3962] };
const seconds = Number(args.seconds);
const connections = Number(args.connections);

// ------------------------------------------------------------------------------------ database
const admin = new URL(args.db as string);
const databaseName = `concord_cluster_${process.pid}`;
/** A connection to `url` for the length of `run`. */
async function withConnection<T>(url: string, run: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return await run(client);
  } finally {
    await client.end();
  }
}
/** The server's maintenance database (to create and drop the cluster's). */
const withServer = <T>(run: (client: pg.Client) => Promise<T>) => withConnection(admin.toString(), run);
await withServer((client) => client.query(`create database ${databaseName}`));
const databaseUrl = Object.assign(new URL(admin.toString()), { pathname: `/${databaseName}` }).toString();
/** The cluster's database (the nodes' own). */
const withDatabase = <T>(run: (client: pg.Client) => Promise<T>) => withConnection(databaseUrl, run);

// ------------------------------------------------------------------------------------ nodes
const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'concord-cluster-'));
const nodes: ChildProcess[] = [];
function startNode(port: number): Promise<void> {
  const child = spawn(path.resolve('node_modules/.bin/tsx'), ['apps/server/src/main.ts'], {
    env: {
      ...process.env,
      PORT: String(port),
      DATABASE_URL: databaseUrl,
      DATA_DIR: dataDir,
      LOG_LEVEL: 'warn',
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  nodes.push(child);
  return new Promise((resolve, reject) => {
    let output = '';
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      if (output.includes('Concord is running')) resolve();
    };
    child.stdout?.on('data', onData);
    child.stderr?.on('data', (chunk: Buffer) => {
      output += chunk.toString();
    });
    child.on('exit', (code) => reject(new Error(`node on ${port} exited (${code}):\n${output}`)));
  });
}

// The first node migrates and seeds the demo; the second starts on the ready database.
await startNode(ports.nodes[0]);
await startNode(ports.nodes[1]);

// ------------------------------------------------------------------------------------ proxy
let turn = 0;
const agent = new http.Agent({ keepAlive: true, maxSockets: 256 });
const proxy = http.createServer((request, response) => {
  const port = ports.nodes[turn++ % ports.nodes.length];
  const upstream = http.request(
    { host: '127.0.0.1', port, path: request.url, method: request.method, headers: request.headers, agent },
    (answer) => {
      response.writeHead(answer.statusCode ?? 502, answer.headers);
      answer.pipe(response);
    },
  );
  upstream.on('error', () => {
    response.writeHead(502).end();
  });
  request.pipe(upstream);
});
await new Promise<void>((resolve) => proxy.listen(ports.proxy, '127.0.0.1', resolve));

// ------------------------------------------------------------------------------------ client
interface Session {
  cookie: string;
  csrf: string;
}
const base = (port: number) => `http://127.0.0.1:${port}/api/v1`;
async function login(port: number, username: string): Promise<Session> {
  const response = await fetch(`${base(port)}/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username, password: PASSWORD }),
  });
  if (response.status !== 200) throw new Error(`login ${username} on ${port}: ${response.status}`);
  const cookie = (response.headers.get('set-cookie') ?? '').split(';')[0];
  const session = (await response.json()) as { csrfToken: string };
  return { cookie, csrf: session.csrfToken };
}
async function call(port: number, session: Session, method: string, url: string, body?: unknown) {
  const response = await fetch(`${base(port)}${url}`, {
    method,
    headers: {
      cookie: session.cookie,
      'x-csrf-token': session.csrf,
      ...(body === undefined ? {} : { 'content-type': 'application/json' }),
    },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await response.text();
  return { status: response.status, body: text ? JSON.parse(text) : null };
}

interface Figures extends Round {
  errors: number;
}
/**
 * The runner's closed loop (`connections` callers for `seconds`), counting the requests that failed
 * or answered wrongly; the run fails on any.
 */
async function closedLoop(request: () => Promise<boolean>): Promise<Figures> {
  let errors = 0;
  const round = await loop(
    async () => {
      if (!(await request().catch(() => false))) errors++;
    },
    connections,
    seconds,
  );
  return { ...round, errors };
}

const results: { check: string; pass: boolean; detail: string }[] = [];

const check = (name: string, pass: boolean, detail: string) => {
  results.push({ check: name, pass, detail });
  console.log(`${pass ? 'PASS' : 'FAIL'}  ${name}: ${detail}`);
};

try {
  const [one, two] = ports.nodes;

  // A session opened on node 1 is a session on node 2 (sessions live in the database).
  const gm = await login(one, 'zhang.wei');
  const onTwo = await call(two, gm, 'GET', '/auth/session');
  check(
    'session on both nodes',
    onTwo.status === 200,
    `signed in on :${one}, /auth/session on :${two} → ${onTwo.status}`,
  );

  // A role taken away on node 1 is refused at the user's next request on node 2.
  const staff = await login(two, 'wu.min');
  const before = await call(two, staff, 'GET', '/contracts?limit=1');
  const administrator = await login(one, 'admin');
  const users = await call(one, administrator, 'GET', '/org/users?q=wu.min&pageSize=5');
  const wu = users.body.items.find((u: { username: string }) => u.username === 'wu.min');
  const held = (await call(one, administrator, 'GET', `/org/users/${wu.id}`)).body.roles as {
    roleId: string;
    entityId: string;
  }[];
  const revoked = await call(one, administrator, 'PUT', `/org/users/${wu.id}/roles`, { assignments: [] });
  const after = await call(two, staff, 'GET', '/contracts?limit=1');
  // Given back: the mixed day below writes as this user.
  const restored = await call(one, administrator, 'PUT', `/org/users/${wu.id}/roles`, {
    assignments: held.map(({ roleId, entityId }) => ({ roleId, entityId })),
  });
  check(
    'access change seen by the other node',
    before.status === 200 && revoked.status < 300 && after.status === 403 && restored.status < 300,
    `ledger on :${two} ${before.status}, roles removed on :${one} ${revoked.status}, ledger on :${two} → ${after.status}, roles given back ${restored.status}`,
  );

  // The hourly session purge is due at start: both nodes declared it, it must have run once.
  await new Promise((resolve) => setTimeout(resolve, 5_000));
  const runs = await withDatabase(async (client) => {
    const { rows } = await client.query(
      "select status, count(*)::int as n from job where type = 'iam.purgeSessions' group by status",
    );
    return rows as { status: string; n: number }[];
  });
  const total = runs.reduce((sum, row) => sum + row.n, 0);
  check(
    'scheduled job runs exactly once',
    total === 1 && runs[0]?.status === 'done',
    `iam.purgeSessions rows: ${JSON.stringify(runs)}`,
  );

  // Two approvals of one task racing on the two nodes: one approval, the other refused.
  const approvers = ['li.na', 'zhao.lei', 'zhou.qiang', 'huang.lei', 'feng.bo', 'zhang.wei', 'chen.jing'];
  let raced = false;
  for (const username of approvers) {
    const approver = await login(one, username);
    const todo = await call(one, approver, 'GET', '/workflow/tasks?tab=todo&pageSize=1');
    const task = todo.body?.items?.[0];
    if (!task?.taskId) continue;
    const detail = await call(one, approver, 'GET', `/workflow/instances/${task.instanceId}`);
    const action = {
      action: 'approve',
      taskId: task.taskId,
      comment: 'cluster race',
      lockVersion: detail.body.lockVersion,
    };
    const answers = await Promise.all(
      ports.nodes.map((port) =>
        call(port, approver, 'POST', `/workflow/instances/${task.instanceId}/actions`, action),
      ),
    );
    const statuses = answers.map((answer) => answer.status).sort();
    const history = await call(two, approver, 'GET', `/workflow/instances/${task.instanceId}`);
    const approvals = JSON.stringify(history.body).split('cluster race').length - 1;
    check(
      'racing approvals keep one',
      statuses[0] === 200 && statuses[1] === 409 && approvals === 1,
      `${username} approved task ${task.taskId} on both nodes at once → ${statuses.join(', ')}; approvals recorded: ${approvals}`,
    );
    raced = true;
    break;
  }
  if (!raced) check('racing approvals keep one', false, 'no demo approver had a task to approve');

  // W1: the ledger's first page, `connections` loops for `seconds`, on one node and through the proxy.
  async function throughput(port: number): Promise<Figures> {
    const session = await login(port, 'zhang.wei');
    return closedLoop(async () => {
      const response = await fetch(`${base(port)}/contracts?limit=20`, {
        headers: { cookie: session.cookie },
      });
      await response.arrayBuffer();
      return response.status === 200;
    });
  }
  // W8's mix (80% reads, 15% lists and searches, 5% writes) as fast as `connections` loops go: the
  // mixed day's throughput, where the runner's W8 holds a fixed rate. Its answer: every request
  // answered with its own record, and every draft it registered in the database.
  const sample = await withDatabase(async (client) => ({
    ids: (await client.query<{ id: string }>('select id from contract order by id limit 5000')).rows.map(
      (row) => row.id,
    ),
    names: (
      await client.query<{ partner_name: string }>(
        'select distinct partner_name from contract order by partner_name limit 500',
      )
    ).rows.map((row) => row.partner_name),
  }));
  async function mixedThroughput(port: number): Promise<Figures> {
    const day = await prepareDay(httpClient(base(port)), sample);
    const figures = await closedLoop(() => day.arrival().run());
    const stored = await withDatabase(
      async (client) =>
        (
          await client.query<{ n: string }>('select count(*) as n from contract where name like $1', [
            `${day.tag} %`,
          ])
        ).rows[0].n,
    );
    return Number(stored) === day.drafted() ? figures : { ...figures, errors: figures.errors + 1 };
  }

  const single = await throughput(one);
  const pair = await throughput(ports.proxy);
  const mixedSingle = await mixedThroughput(one);
  const mixedPair = await mixedThroughput(ports.proxy);
  console.log('');
  console.log(`${connections} connections, ${seconds} s each (PostgreSQL, ${os.cpus().length} cores)`);
  console.log(`${''.padEnd(32)}    req/s    p50 ms   p99 ms   errors`);
  for (const [name, figures] of [
    ['W1 ledger first page, one node', single],
    ['W1 ledger first page, two nodes', pair],
    ['W8 mixed day, one node', mixedSingle],
    ['W8 mixed day, two nodes', mixedPair],
  ] as const) {
    console.log(
      `${name.padEnd(32)} ${figures.perSecond.toFixed(1).padStart(8)} ${figures.p50.toFixed(1).padStart(9)} ${figures.p99.toFixed(1).padStart(8)} ${String(figures.errors).padStart(8)}`,
    );
  }
  console.log(
    `two nodes / one node: W1 ${(pair.perSecond / single.perSecond).toFixed(2)}×, W8 ${(mixedPair.perSecond / mixedSingle.perSecond).toFixed(2)}×`,
  );
  const errors = [single, pair, mixedSingle, mixedPair].map((figures) => figures.errors);
  check(
    'no errors under load',
    errors.every((n) => n === 0),
    `${errors.join(' + ')} wrong or non-200 answers (W1 one node, two nodes; W8 one node, two nodes)`,
  );
} finally {
  proxy.close();
  agent.destroy();
  for (const node of nodes) node.kill('SIGTERM');
  await new Promise((resolve) => setTimeout(resolve, 1_000));
  await withServer((client) => client.query(`drop database if exists ${databaseName} with (force)`));
  fs.rmSync(dataDir, { recursive: true, force: true });
}
process.exit(results.every((result) => result.pass) ? 0 : 1);
