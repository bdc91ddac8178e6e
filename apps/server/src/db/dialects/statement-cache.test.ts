import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { withStatementCache } from './statement-cache.js';

function database() {
  const raw = new Database(':memory:');
  raw.exec('create table t (n integer); insert into t values (1), (2), (3)');
  return raw;
}

describe('SQLite statement cache', () => {
  it('prepares a text once and runs it again with other parameters', () => {
    const cached = withStatementCache(database());
    const first = cached.prepare('select n from t where n > ?');
    const again = cached.prepare('select n from t where n > ?');
    expect(again).toBe(first);
    expect(again.all([1])).toEqual([{ n: 2 }, { n: 3 }]);
    expect(first.all([2])).toEqual([{ n: 3 }]);
  });

  it('gives a statement of its own to a run of a text still being iterated', () => {
    const cached = withStatementCache(database());
    const sql = 'select n from t order by n';
    const streaming = cached.prepare(sql).iterate([]);
    expect(streaming.next().value).toEqual({ n: 1 });
    const other = cached.prepare(sql);
    expect(other.all([])).toEqual([{ n: 1 }, { n: 2 }, { n: 3 }]);
    expect([...streaming]).toEqual([{ n: 2 }, { n: 3 }]);
    // Done iterating, the kept statement serves again.
    expect(cached.prepare(sql).all([])).toHaveLength(3);
  });

  it('keeps at most its capacity, dropping the least recently used text', () => {
    const cached = withStatementCache(database(), 2);
    const a = cached.prepare('select 1');
    const b = cached.prepare('select 2');
    cached.prepare('select 1');
    cached.prepare('select 3');
    expect(cached.prepare('select 1')).toBe(a);
    const two = cached.prepare('select 2');
    expect(two).not.toBe(b);
    expect(cached.prepare('select 2')).toBe(two);
  });

  it('still answers after the schema changed under a kept statement', () => {
    const raw = database();
    const cached = withStatementCache(raw);
    expect(cached.prepare('select * from t where n = ?').all([1])).toEqual([{ n: 1 }]);
    raw.exec('alter table t add column label text');
    expect(cached.prepare('select * from t where n = ?').all([1])).toEqual([{ n: 1, label: null }]);
  });

  it('binds booleans as 0 and 1, in reads, writes and streamed reads', () => {
    const cached = withStatementCache(database());
    cached.prepare('insert into t values (?)').run([true]);
    expect(cached.prepare('select count(*) as c from t where n = ?').all([true])).toEqual([{ c: 2 }]);
    expect([...cached.prepare('select n from t where n = ? or n = ?').iterate([false, 3])]).toEqual([
      { n: 3 },
    ]);
  });
});
