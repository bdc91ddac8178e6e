import { PostgresDialect } from 'kysely';
import pg from 'pg';
import { preparingPool } from './postgres-prepared.js';

// PostgreSQL type OIDs whose default parsing would make the JSON differ from SQLite's.
const INT8 = 20;
const NUMERIC = 1700;
const DATE = 1082;
const TIMESTAMP = 1114;
const TIMESTAMPTZ = 1184;

function toSafeNumber(text: string): number {
  const n = Number(text);
  if (!Number.isSafeInteger(n) && Number.isInteger(n)) {
    throw new Error(`Integer ${text} is outside the safe range of a JavaScript number`);
  }
  return n;
}

/** Parsers so that bigint/numeric come back as numbers, dates as `YYYY-MM-DD`, instants as ISO UTC. */
const typeParsers: Record<number, (text: string) => unknown> = {
  [INT8]: toSafeNumber,
  [NUMERIC]: toSafeNumber,
  [DATE]: (text) => text,
  [TIMESTAMP]: (text) => new Date(`${text.replace(' ', 'T')}Z`).toISOString(),
  [TIMESTAMPTZ]: (text) => new Date(text).toISOString(),
};

const types = {
  getTypeParser(oid: number, format?: 'text' | 'binary') {
    const parser = typeParsers[oid];
    if (parser && format !== 'binary') return parser;
    return (pg.types.getTypeParser as (oid: number, format?: string) => unknown)(oid, format);
  },
};

export function openPostgres(
  url: string,
  options: { schema?: string; maxConnections?: number } = {},
): { dialect: PostgresDialect; pool: pg.Pool } {
  const pool = new pg.Pool({
    connectionString: url,
    max: options.maxConnections ?? 10,
    types: types as pg.CustomTypesConfig,
    // Statements are prepared once per connection (postgres-prepared.ts) and planned for each run's
    // values, as unprepared ones are. A per-schema search path lets parallel test files share one
    // database without seeing each other.
    options: [
      '-c plan_cache_mode=force_custom_plan',
      ...(options.schema ? [`-c search_path=${options.schema}`] : []),
    ].join(' '),
  });
  return { dialect: new PostgresDialect({ pool: preparingPool(pool) }), pool };
}
