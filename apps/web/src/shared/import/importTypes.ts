import type { ReactNode } from 'react';
import type { UploadProgress } from '../../app/api/client';
import type { BackgroundJobState } from '../ExportButton';

/*
 * What a ledger's import gives the kit's import dialog, and what the server answers: the dialog
 * uploads the file for the mapping step, checks it (a dry run) by the columns the user confirms,
 * then imports it. Every import of Concord (contracts now; budgets, customers, bank statements
 * later) answers in these shapes.
 */

/** What happens when some rows fail: nothing is written, or only the valid rows are. */
export type ImportMode = 'all' | 'valid';

/** A problem or a warning, by the file's row number and the template's column name. */
export interface ImportIssue {
  row: number;
  column: string;
  message: string;
}

/** The server's answer to a check or an import. */
export interface ImportReport {
  rows: number;
  imported: number;
  /** False when nothing was written (a dry run, or a failure in `all` mode). */
  committed: boolean;
  /** A check only: nothing was written. */
  dryRun: boolean;
  /** Rows without an error (written, or to be written once their warnings are confirmed). */
  valid: number;
  errors: ImportIssue[];
  /** Values read one of two ways: their rows are written only once the user confirms the reading. */
  warnings: ImportIssue[];
  warningsAccepted: boolean;
  /** Counterparties created (a dry run: to be created), at the first row naming each. */
  newPartners: { row: number; name: string; creditCode: string }[];
  /** More problems were found than the report lists. */
  errorsTruncated?: true;
}

/** An import the server runs in the background: followed until its report is ready. */
export interface BackgroundImport {
  poll(): Promise<BackgroundJobState & { report: ImportReport | null }>;
}

/** A field and the file's column (0 is A) it is read from. */
export interface ColumnMapping {
  field: string;
  column: number;
}

/** The uploaded file as the mapping step shows it: its first rows and the columns proposed. */
export interface ImportInspection {
  fileId: string;
  fileName: string;
  /** The header's row number as found or saved; null when no row names a known column. */
  headerRow: number | null;
  preview: { row: number; cells: string[] }[];
  fields: { key: string; label: string; required: boolean; help: string }[];
  mapping: ColumnMapping[];
  mappingSource: 'saved' | 'matched' | 'none';
  suggestions: { row: number; mapping: ColumnMapping[] }[];
}

/** One check or import of the stored file. */
export interface ImportRun {
  fileId: string;
  mode: 'check' | ImportMode;
  acceptWarnings: boolean;
  layout: { headerRow: number; mapping: ColumnMapping[] };
  /** The ledger's own options, by key (contracts: createPartners). */
  options: Record<string, boolean>;
}

/** A ledger's import: its words, its template and its calls; the dialog does the rest. */
export interface LedgerImport {
  /** The toolbar button's label ("导入合同"); the kit's "导入" unless given. */
  label?: ReactNode;
  title: ReactNode;
  /** The first step: which columns the template has and how to fill them. */
  templateHint: ReactNode;
  downloadTemplate: () => Promise<void>;
  /** Uploads the file for the mapping step (with the upload's progress). */
  inspect: (file: File, onProgress: UploadProgress) => Promise<ImportInspection>;
  /** Checks or imports the stored file: the report at once, or a background import to follow. */
  run: (run: ImportRun) => Promise<ImportReport | BackgroundImport>;
  /** Choices the ledger offers before the check (all off by default). */
  options?: { key: string; label: ReactNode; hint?: ReactNode }[];
  /** Called once rows were written (refresh the ledger's queries). */
  onImported?: () => Promise<unknown> | undefined;
}
