export interface ImportMappingTable {
  id: string;
  entity_id: string;
  /** The import it serves ("contracts.ledger"). */
  kind: string;
  /** The header's normalised column names (see headerFingerprint). */
  fingerprint: string;
  /** JSON: the ColumnMapping list. */
  mapping: unknown;
  updated_by: string;
  updated_at: string;
}

export interface ImportTables {
  import_mapping: ImportMappingTable;
}

declare module '../../db/index.js' {
  interface Database extends ImportTables {}
}
