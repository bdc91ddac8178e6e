import type { Kysely } from 'kysely';

/**
 * Every table of the installation, by name. Empty here: each part's `<part>.tables.ts` adds its
 * tables by declaration merging (`declare module '../../db/index.js' { interface Database ... }`),
 * so a query on `Kysely<Database>` checks table and column names wherever it is written.
 */
// biome-ignore lint/suspicious/noEmptyInterface: filled by declaration merging in each part's tables file.
export interface Database {}

/**
 * The typed handle every repository and service takes. A transaction is a `Kysely<Database>` too,
 * so the same function runs inside or outside one.
 */
export type Db = Kysely<Database>;
