import type Database from 'better-sqlite3';
import type { SqliteDatabase, SqliteStatement } from 'kysely';

/**
 * The SQLite handle Kysely runs on, with its statements kept by SQL text: Kysely prepares every
 * statement it runs, and preparing (parsing and planning) costs as much as running a small query.
 * A statement still being iterated (a streamed read) is busy; a second run of the same text then
 * gets a statement of its own. SQLite re-prepares a kept statement itself after a schema change.
 * Bounded: the least recently used text goes first.
 */
export function withStatementCache(raw: Database.Database, capacity = 500): SqliteDatabase {
  const statements = new Map<string, Database.Statement>();
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
      const statement = raw.prepare(sql);
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
