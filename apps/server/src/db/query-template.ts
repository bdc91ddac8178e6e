import { type Compilable, CompiledQuery } from 'kysely';
import { isPostgres } from './database.js';
import type { Db } from './tables.js';

interface Compiled {
  sql: string;
  parameters: readonly unknown[];
  /** For each parameter, the index of the value it takes, or -1 for a constant of the query. */
  slots: number[];
}

const standIn = (i: number) => `\u0000concord-value-${i}\u0000`;

/**
 * A hot read whose SQL depends only on how many values it takes, not on what they are: built and
 * compiled by Kysely once per dialect and count of values, then bound to each call's values. The
 * ledger page's rows statement (30 columns, three joins) took ~50 µs to build on every request.
 *
 * `build` gets a stand-in for every value and must use each one only as a value (a parameter),
 * never in the query's shape (a column name, an `if`): the stand-ins are found in the compiled
 * parameters and replaced. A stand-in that does not come out as a parameter fails the first call.
 * Values are bound as given (strings and numbers; the SQLite plugin's boolean conversion is not
 * applied to them).
 */
export class QueryTemplate<R> {
  readonly #compiled = new Map<string, Compiled>();
  constructor(private readonly build: (db: Db, values: string[]) => Compilable<R>) {}

  bind(db: Db, values: readonly (string | number | null)[]): CompiledQuery<R> {
    const key = `${isPostgres(db) ? 'postgres' : 'sqlite'}/${values.length}`;
    let compiled = this.#compiled.get(key);
    if (!compiled) {
      compiled = this.#compile(db, values.length);
      this.#compiled.set(key, compiled);
    }
    const { slots, parameters } = compiled;
    return CompiledQuery.raw(
      compiled.sql,
      parameters.map((constant, i) => (slots[i] === -1 ? constant : values[slots[i]])),
    ) as CompiledQuery<R>;
  }

  #compile(db: Db, count: number): Compiled {
    const standIns = Array.from({ length: count }, (_, i) => standIn(i));
    const index = new Map(standIns.map((value, i) => [value, i]));
    const query = this.build(db, standIns).compile();
    const slots = query.parameters.map((p) => (typeof p === 'string' ? (index.get(p) ?? -1) : -1));
    const used = new Set(slots);
    const unused = standIns.findIndex((_, i) => !used.has(i));
    if (unused !== -1) throw new Error(`QueryTemplate: value ${unused} is not a parameter of the query`);
    return { sql: query.sql, parameters: query.parameters, slots };
  }
}
