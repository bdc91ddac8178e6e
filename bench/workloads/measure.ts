/**
 * The loop every workload shares: connections, rounds, p50/p99, the answer hash, and the report
 * (a table on stdout, rows for the JSON file). No timing is ever asserted: a target is printed
 * beside its figure as met or missed; only a wrong answer fails the run.
 */
import { createHash } from 'node:crypto';
import { performance } from 'node:perf_hooks';
import type { BareSql } from './bare.js';
import type { BareRoute, Concord } from './concord.js';

export interface Options {
  /** Requests in flight at once (for W3: concurrent approvers, kept within 10-50). */
  connections: number;
  /** How long a timed round lasts for the read workloads. */
  roundSeconds: number;
  rounds: number;
  /** Answers only: one short round, tiny sizes, no target judged. */
  checkOnly: boolean;
}

export type Way = 'concord' | 'fastify' | 'sql';
export const ways: readonly Way[] = ['concord', 'fastify', 'sql'];

export const hash = (value: unknown) =>
  createHash('sha256').update(JSON.stringify(value)).digest('hex').slice(0, 12);
export const median = (values: number[]) =>
  [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? 0;

export interface Round {
  perSecond: number;
  p50: number;
  p99: number;
  count: number;
}

export function summary(latencies: number[], seconds: number): Round {
  latencies.sort((a, b) => a - b);
  const at = (q: number) => latencies[Math.min(latencies.length - 1, Math.floor(q * latencies.length))] ?? 0;
  return {
    perSecond: latencies.length / Math.max(seconds, 0.001),
    p50: at(0.5),
    p99: at(0.99),
    count: latencies.length,
  };
}

/** `connections` callers, each sending its next request when the last is answered, for `seconds`. */
export async function loop(
  request: () => Promise<unknown>,
  connections: number,
  seconds: number,
): Promise<Round> {
  const latencies: number[] = [];
  const started = performance.now();
  const end = started + seconds * 1000;
  await Promise.all(
    Array.from({ length: connections }, async () => {
      do {
        const start = performance.now();
        await request();
        latencies.push(performance.now() - start);
      } while (performance.now() < end);
    }),
  );
  return summary(latencies, (performance.now() - started) / 1000);
}

/**
 * A fixed set of work items (writes consume their data), `connections` at a time; an item's work
 * returns true when it has more steps (an approval at its next node), and goes back in the queue.
 */
export async function drain<T>(
  items: T[],
  connections: number,
  work: (item: T) => Promise<boolean>,
): Promise<Round> {
  const queue = [...items];
  const latencies: number[] = [];
  const started = performance.now();
  await Promise.all(
    Array.from({ length: Math.min(connections, queue.length) }, async () => {
      for (let item = queue.shift(); item !== undefined; item = queue.shift()) {
        const start = performance.now();
        const more = await work(item);
        latencies.push(performance.now() - start);
        if (more) queue.push(item);
      }
    }),
  );
  return summary(latencies, (performance.now() - started) / 1000);
}

/**
 * The peak RSS above the start while `work` runs (sampled every 20 ms). The start is taken after a
 * full collection (the npm scripts run with --expose-gc), so what the previous steps left in the heap
 * (the workbook read back, the baseline's rows) is not counted against `work`.
 */
export async function peakRss<T>(work: () => Promise<T>): Promise<{ result: T; growth: number }> {
  global.gc?.();
  const start = process.memoryUsage().rss;
  let peak = start;
  const timer = setInterval(() => {
    peak = Math.max(peak, process.memoryUsage().rss);
  }, 20);
  try {
    const result = await work();
    peak = Math.max(peak, process.memoryUsage().rss);
    return { result, growth: peak - start };
  } finally {
    clearInterval(timer);
  }
}

export interface Target {
  text: string;
  met: boolean;
}

export interface Figures {
  workload: string;
  way: Way | string;
  /** Requests (or rows, see `unit`) per second. */
  perSecond?: number;
  unit?: string;
  p50?: number;
  p99?: number;
  answer: string;
  agrees: boolean;
  target?: Target;
  note?: string;
  [more: string]: unknown;
}

/** The figures of the run: printed as they come, kept for the JSON file. */
export class Report {
  readonly rows: Figures[] = [];
  wrong = 0;
  constructor(private readonly checkOnly: boolean) {}

  header() {
    console.log(
      `${'workload'.padEnd(34)} ${'way'.padEnd(9)} ${'per s'.padStart(10)} ${'p50 ms'.padStart(9)} ${'p99 ms'.padStart(9)}   ${'answer'.padEnd(14)} target`,
    );
  }

  add(figures: Figures) {
    this.rows.push(figures);
    if (!figures.agrees) this.wrong++;
    const number = (value: number | undefined, digits: number, width: number) =>
      (value === undefined ? '' : value.toFixed(digits)).padStart(width);
    const target = figures.target
      ? `${figures.target.text}${this.checkOnly ? ' (not judged)' : figures.target.met ? ': met' : ': MISSED'}`
      : '';
    console.log(
      `${figures.workload.padEnd(34)} ${String(figures.way).padEnd(9)} ${number(figures.perSecond, 0, 10)} ${number(figures.p50, 2, 9)} ${number(figures.p99, 2, 9)}   ${`${figures.answer}${figures.agrees ? '' : ' WRONG'}`.padEnd(14)} ${target}${figures.note ? `  ${figures.note}` : ''}`,
    );
  }

  /** Concord's throughput over each baseline's, under the ways of one workload. */
  ratios(byWay: Partial<Record<Way, Round[]>>) {
    const rate = (way: Way) => median((byWay[way] ?? []).map((r) => r.perSecond));
    const concord = rate('concord');
    const parts = (['fastify', 'sql'] as const)
      .filter((way) => byWay[way]?.length)
      .map((way) => `Concord/bare ${way === 'sql' ? 'SQL' : 'Fastify'} ${(concord / rate(way)).toFixed(2)}×`);
    if (parts.length) console.log(`${''.padEnd(34)} ${parts.join(', ')} (throughput)`);
  }
}

/** The median round of each figure, over the rounds of one way. */
export function medianOf(rounds: Round[]) {
  return {
    perSecond: median(rounds.map((r) => r.perSecond)),
    p50: median(rounds.map((r) => r.p50)),
    p99: median(rounds.map((r) => r.p99)),
    count: rounds.reduce((sum, r) => sum + r.count, 0),
  };
}

/** What a workload group runs against: Concord, the two baselines, the options and the report. */
export interface Bench {
  options: Options;
  concord: Concord;
  bare: BareSql;
  route: BareRoute;
  report: Report;
}

export interface ReadWays {
  concord: () => Promise<string>;
  fastify?: () => Promise<string>;
  sql?: () => Promise<string>;
}

/**
 * A read workload the three ways, interleaved: a warm-up of Concord, then each round asks each way
 * once for its answer (it must equal the bare SQL's, else Concord's first) and times it for
 * `roundSeconds` (the bare SQL by one caller in-process, the HTTP ways by `connections`).
 */
export async function compareReads(
  bench: Bench,
  workload: string,
  readWays: ReadWays,
  target?: (concord: ReturnType<typeof medianOf>) => Target,
): Promise<void> {
  const { options, report } = bench;
  const present = ways.filter((way) => readWays[way]);
  const expected = await (readWays.sql ?? readWays.concord)();
  const answers: Partial<Record<Way, string>> = {};
  const byWay: Partial<Record<Way, Round[]>> = Object.fromEntries(present.map((way) => [way, []]));
  await loop(readWays.concord, options.connections, options.roundSeconds);
  for (let round = 0; round < options.rounds; round++) {
    for (const way of present) {
      const request = readWays[way]!;
      const answer = await request();
      if (answers[way] === undefined || answers[way] === expected) answers[way] = answer;
      const callers = way === 'sql' ? 1 : options.connections;
      byWay[way]!.push(await loop(request, callers, options.roundSeconds));
    }
  }
  for (const way of present) {
    const figures = medianOf(byWay[way]!);
    report.add({
      workload,
      way,
      ...figures,
      answer: answers[way]!,
      agrees: answers[way] === expected,
      target: way === 'concord' && target ? target(figures) : undefined,
    });
  }
  report.ratios(byWay);
}
