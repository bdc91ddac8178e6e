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
  audit_head: { id: number; seq: number; hash: string };
}

declare module '../../db/index.js' {
  interface Database extends AuditTables {}
}
