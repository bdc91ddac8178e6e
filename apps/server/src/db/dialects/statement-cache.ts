import type Database from 'better-sqlite3';
import type { SqliteDatabase, SqliteStatement } from 'kysely';

/**
 * The SQLite handle Kysely runs on, with its statements kept by SQL text: Kysely prepares every
 * statement it runs, and preparing (parsing and planning) costs as much as running a small query.
 * A statement still being iterated (a streamed read) is busy; a second run of the same text then
 * gets a statement of its own. SQLite re-prepares a kept statement itself after a schema change.
 * Bounded: the least recently used text goes first. Each kept statement binds booleans as 0/1
 * (`bindable`), which better-sqlite3 cannot bind itself.
 */
export function withStatementCache(raw: Database.Database, capacity = 500): SqliteDatabase {
  const statements = new Map<string, BindingStatement>();
  return {
    close: () => {
      statements.clear();
      raw.close();
    },
    prepare(sql: string): SqliteStatement {
      const kept = statements.get(sql);
      if (kept && !kept.busy) {
        // Re-inserted last: a Map iterates in insertion order, so the first key is the least recent.
        statements.delete(sql);
        statements.set(sql, kept);
        return kept;
      }
      const statement = new BindingStatement(raw.prepare(sql));
      if (!kept) {
        statements.set(sql, statement);
        if (statements.size > capacity) {
          const oldest = statements.keys().next().value;
          if (oldest !== undefined) statements.delete(oldest);
        }
      }
      return statement;
    },
  };
}

/**
 * better-sqlite3 cannot bind booleans: SQLite stores them as 0 and 1, and so does Concord. Mapped
 * here, on the values bound, rather than by a Kysely plugin rewriting every query's operation tree
 * before it compiles (a copy of every node: 4% of an approval's event-loop time).
 */
export function bindable(parameters: readonly unknown[]): readonly unknown[] {
  for (let i = 0; i < parameters.length; i++) {
    if (typeof parameters[i] === 'boolean')
      return parameters.map((v) => (typeof v === 'boolean' ? Number(v) : v));
  }
  return parameters;
}

/** A prepared statement that binds booleans as 0/1 (bindable). */
class BindingStatement implements SqliteStatement {
  constructor(private readonly statement: Database.Statement) {}
  get reader(): boolean {
    return this.statement.reader;
  }
  get busy(): boolean {
    return this.statement.busy;
  }
  all(parameters: readonly unknown[]): unknown[] {
    return this.statement.all(bindable(parameters));
  }
  run(parameters: readonly unknown[]): { changes: number | bigint; lastInsertRowid: number | bigint } {
    return this.statement.run(bindable(parameters));
  }
  iterate(parameters: readonly unknown[]): IterableIterator<unknown> {
    return this.statement.iterate(bindable(parameters));
  }
}
