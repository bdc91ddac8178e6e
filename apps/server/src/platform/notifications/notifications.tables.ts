export interface NotificationItemTable {
  id: string;
  recipient_id: string;
  /** Template key; title and body are rendered from it per reader's language when read. */
  kind: string;
  params: unknown;
  link: string | null;
  entity_id: string | null;
  created_at: string;
  read_at: string | null;
}

export interface NotificationPreferenceTable {
  user_id: string;
  email_enabled: boolean | number;
  updated_at: string;
}

export interface NotificationRobotTable {
  id: string;
  entity_id: string;
  name: string;
  kind: 'dingtalk' | 'wecom' | 'feishu';
  webhook_url: string;
  secret: string | null;
  locale: string;
  enabled: boolean | number;
  created_at: string;
  updated_at: string;
}

export interface NotificationTables {
  notification_item: NotificationItemTable;
  notification_preference: NotificationPreferenceTable;
  notification_robot: NotificationRobotTable;
}

declare module '../../db/index.js' {
  interface Database extends NotificationTables {}
}
