export interface WfDefinitionTable {
  id: string;
  key: string;
  name: string;
  business_type: string;
  entity_id: string | null;
  category: string | null;
  min_amount: number | null;
  max_amount: number | null;
  /** The currency of min_amount/max_amount (ADR 0007). */
  amount_currency: string;
  priority: number;
  active: boolean | number;
  draft_flow: unknown;
  current_version_id: string | null;
  created_at: string;
  updated_at: string;
}
export interface WfDefinitionVersionTable {
  id: string;
  definition_id: string;
  version: number;
  flow: unknown;
  checksum: string;
  published_at: string;
  published_by: string | null;
}
export interface WfInstanceTable {
  id: string;
  definition_id: string;
  version_id: string;
  business_type: string;
  subject_id: string;
  entity_id: string;
  department_id: string | null;
  title: string;
  initiator_id: string;
  /** The document's amount in minor units of `currency`, as the start received it. */
  amount: number | null;
  currency: string;
  status: string;
  lock_version: number;
  state: unknown;
  submitted_at: string | null;
  finished_at: string | null;
  created_at: string;
  updated_at: string;
}
export interface WfTaskTable {
  instance_id: string;
  task_key: string;
  node_id: string;
  node_name: string;
  assignee_id: string;
  on_behalf_of: string | null;
  status: string;
  open: boolean | number;
  created_at: string;
  decided_at: string | null;
}
export interface WfCcTable {
  instance_id: string;
  cc_key: string;
  user_id: string;
  created_at: string;
  read_at: string | null;
}
export interface WfActionLogTable {
  instance_id: string;
  seq: number;
  at: string;
  action: string;
  reason_code: string;
  actor_id: string;
  on_behalf_of: string | null;
  node_id: string | null;
  task_key: string | null;
  comment: string | null;
  detail: unknown;
  request_id: string | null;
}
export interface WfProxyRuleTable {
  id: string;
  user_id: string;
  proxy_id: string;
  start_at: string;
  end_at: string;
  created_at: string;
}
export interface WorkflowTables {
  wf_definition: WfDefinitionTable;
  wf_definition_version: WfDefinitionVersionTable;
  wf_instance: WfInstanceTable;
  wf_task: WfTaskTable;
  wf_cc: WfCcTable;
  wf_action_log: WfActionLogTable;
  wf_proxy_rule: WfProxyRuleTable;
  wf_request: {
    request_id: string;
    instance_id: string;
    actor_id: string;
    body_hash: string;
    created_at: string;
  };
}

declare module '../../db/index.js' {
  interface Database extends WorkflowTables {}
}
