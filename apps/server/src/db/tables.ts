import type { Kysely, Transaction } from 'kysely';

/**
 * Every table of the installation, by name. Empty here: each part's `<part>.tables.ts` adds its
 * tables by declaration merging (`declare module '../../db/index.js' { interface Database ... }`),
 * so a query on `Kysely<Database>` checks table and column names wherever it is written.
 */
// biome-ignore lint/suspicious/noEmptyInterface: filled by declaration merging in each part's tables file.
export interface Database {}

/**
 * The typed handle every repository and service takes: the database or a transaction on it. The
 * transaction is named because a caller's `Transaction<any>` (modules not yet typed) is assignable
 * to `Transaction<Database>` but not to `Kysely<Database>` (kysely's `fn.any` overloads differ).
 */
export type Db = Kysely<Database> | Transaction<Database>;
