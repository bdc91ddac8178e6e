export interface AuditLogTable {
  seq: number;
  at: string;
  actor_id: string | null;
  acting_entity_id: string | null;
  entity_type: string;
  entity_id: string;
  action: string;
  changes: unknown;
  request_id: string | null;
  ip: string | null;
  prev_hash: string;
  hash: string;
}

export interface AuditTables {
  audit_log: AuditLogTable;
  audit_head: {
    id: number;
    seq: number;
    hash: string;
    /** Entries from this one on are keyed (HMAC); earlier ones plain SHA-256. */
    keyed_from_seq: number;
    /** The fingerprint of the key the keyed entries were written with; set at the first keyed start. */
    key_id: string | null;
  };
}

declare module '../../db/index.js' {
  interface Database extends AuditTables {}
}
