export interface FileObjectTable {
  id: string;
  entity_id: string;
  /** null for files Concord stored itself (demo data). */
  owner_id: string | null;
  name: string;
  content_type: string;
  size: number;
  sha256: string;
  created_at: string;
  /** Only its owner reads it (an export made for them): no scope or read grant reaches it. */
  owner_only?: boolean | number;
}

export interface FileTables {
  file_object: FileObjectTable;
}

declare module '../../db/index.js' {
  interface Database extends FileTables {}
}
