export interface IamCredentialTable {
  user_id: string;
  password_hash: string;
  failed_count: number;
  locked_until: string | null;
  changed_at: string;
}
export interface IamSessionTable {
  id: string;
  user_id: string;
  acting_entity_id: string;
  csrf_token: string;
  created_at: string;
  last_seen_at: string;
  expires_at: string;
  ip: string | null;
  user_agent: string | null;
  /** Signed in with a well-known password: only the password change is open until it is changed. */
  password_change_required: boolean | number;
}
export interface IamRoleTable {
  id: string;
  code: string;
  name: string;
  description: string | null;
  data_scope: string;
  built_in: boolean | number;
  created_at: string;
  updated_at: string;
}
/** Failed sign-ins counted against one key (login-throttle.ts). */
export interface IamLoginThrottleRow {
  key: string;
  failures: number;
  blocked_until: string | null;
  updated_at: string;
}
export interface IamTables {
  iam_credential: IamCredentialTable;
  iam_session: IamSessionTable;
  /** One row (id 1): raised by triggers on every write to what access contexts are built from. */
  iam_access_stamp: { id: number; version: number };
  iam_role: IamRoleTable;
  iam_role_permission: { role_id: string; permission: string };
  iam_role_scope: { role_id: string; target_type: 'entity' | 'department'; target_id: string };
  iam_user_role: { user_id: string; role_id: string; entity_id: string };
  /** Failed sign-ins by key and the block they earned (login-throttle.ts). */
  iam_login_throttle: IamLoginThrottleRow;
}

declare module '../../db/index.js' {
  interface Database extends IamTables {}
}
