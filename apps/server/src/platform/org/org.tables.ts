export interface OrgEntityTable {
  id: string;
  parent_id: string | null;
  code: string;
  name: string;
  short_name: string | null;
  credit_code: string | null;
  active: boolean | number;
  sort_order: number;
  created_at: string;
  updated_at: string;
}
export interface OrgDepartmentTable {
  id: string;
  entity_id: string;
  parent_id: string | null;
  code: string;
  name: string;
  head_user_id: string | null;
  sort_order: number;
  created_at: string;
  updated_at: string;
}
export interface OrgPositionTable {
  id: string;
  entity_id: string;
  code: string;
  name: string;
  created_at: string;
}
export interface OrgUserTable {
  id: string;
  username: string;
  display_name: string;
  email: string | null;
  phone: string | null;
  entity_id: string;
  department_id: string;
  position_id: string | null;
  active: boolean | number;
  locale: string;
  last_login_at: string | null;
  created_at: string;
  updated_at: string;
}
export interface OrgTables {
  org_entity: OrgEntityTable;
  org_department: OrgDepartmentTable;
  org_position: OrgPositionTable;
  org_user: OrgUserTable;
  org_user_department: { user_id: string; department_id: string };
}

declare module '../../db/index.js' {
  interface Database extends OrgTables {}
}
