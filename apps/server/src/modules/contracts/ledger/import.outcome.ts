import { CONTRACT_IMPORT_REPORT_MAX_ERRORS, type ContractImportReport } from '@concord/contracts';
import { columnOrder } from './import.rows.js';

/** What one pass over an import file found, batch after batch, and what it wrote. */
export interface PassOutcome {
  errors: ContractImportReport['errors'];
  warnings: ContractImportReport['warnings'];
  truncated: boolean;
  imported: number;
  /** Rows without an error (written, or to be written once their warnings are confirmed). */
  valid: number;
  /** Counterparties created (or, checking, to be created), each at the first row naming it. */
  newPartners: ContractImportReport['newPartners'];
  /** The credit codes in newPartners. */
  partnersListed: Set<string>;
  /** Contract number → the first row of the file that has it. */
  firstRow: Map<string, number>;
}

/** An empty outcome, before the first batch. */
export function emptyOutcome(): PassOutcome {
  return {
    errors: [],
    warnings: [],
    truncated: false,
    imported: 0,
    valid: 0,
    newPartners: [],
    partnersListed: new Set(),
    firstRow: new Map(),
  };
}

/** A batch's problems added to the report in row and column order, up to the report's limit. */
export function keep(
  outcome: PassOutcome,
  into: ContractImportReport['errors'],
  found: ContractImportReport['errors'],
): void {
  found.sort((a, b) => a.row - b.row || columnOrder(a.column) - columnOrder(b.column));
  const room = CONTRACT_IMPORT_REPORT_MAX_ERRORS - into.length;
  if (found.length > room) outcome.truncated = true;
  into.push(...found.slice(0, Math.max(0, room)));
}

export function report(
  rows: number,
  outcome: PassOutcome,
  { dryRun, accept }: { dryRun: boolean; accept: boolean },
): ContractImportReport {
  return {
    rows,
    imported: outcome.imported,
    committed: outcome.imported > 0,
    dryRun,
    valid: outcome.valid,
    errors: outcome.errors,
    warnings: outcome.warnings,
    warningsAccepted: accept,
    newPartners: outcome.newPartners,
    ...(outcome.truncated ? { errorsTruncated: true as const } : {}),
  };
}
