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
}

export interface FileTables {
  file_object: FileObjectTable;
}

declare module '../../db/index.js' {
  interface Database extends FileTables {}
}
