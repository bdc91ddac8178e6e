import type { FormField, WfFieldPerm } from '@concord/contracts';
import { Radio, Table, Typography } from 'antd';
import { useTranslation } from 'react-i18next';

interface FieldPermsEditorProps {
  fields: FormField[];
  value: Record<string, WfFieldPerm> | undefined;
  /** What a field is when the node does not list it (start: edit, approvers: read). */
  fallback: WfFieldPerm;
  onChange: (perms: Record<string, WfFieldPerm> | undefined) => void;
}

const perms: WfFieldPerm[] = ['edit', 'read', 'hidden'];

/** Per form field: may this node's people edit it, only read it, or not see it at all. */
export function FieldPermsEditor({ fields, value, fallback, onChange }: FieldPermsEditorProps) {
  const { t } = useTranslation();
  if (fields.length === 0)
    return <Typography.Text type="secondary">{t('flows.fieldPerms.noForm')}</Typography.Text>;
  const set = (key: string, perm: WfFieldPerm) => {
    const next = { ...value, [key]: perm };
    // Entries equal to the default are dropped so the saved flow only says what differs.
    if (perm === fallback) delete next[key];
    onChange(Object.keys(next).length ? next : undefined);
  };
  return (
    <Table<FormField>
      size="small"
      rowKey="key"
      pagination={false}
      dataSource={fields}
      columns={[
        { key: 'label', title: t('flows.fieldPerms.field'), dataIndex: 'label' },
        {
          key: 'perm',
          title: t('flows.fieldPerms.perm'),
          render: (_, field) => (
            <Radio.Group
              size="small"
              optionType="button"
              value={value?.[field.key] ?? fallback}
              onChange={(event) => set(field.key, event.target.value as WfFieldPerm)}
              options={perms.map((perm) => ({ value: perm, label: t(`flows.fieldPerms.${perm}`) }))}
            />
          ),
        },
      ]}
    />
  );
}
