import type { FieldChange } from '@concord/contracts';
import { Table, Typography } from 'antd';
import { useTranslation } from 'react-i18next';

/** Values arrive as any JSON: show text as is and everything else as compact JSON. */
function display(value: unknown) {
  if (value === null || value === undefined || value === '')
    return <Typography.Text type="secondary">—</Typography.Text>;
  const text = typeof value === 'string' ? value : JSON.stringify(value);
  return <span style={{ wordBreak: 'break-all' }}>{text}</span>;
}

/** The field-level diff of one audit entry: field, old value → new value. */
export function AuditChanges({ changes }: { changes: FieldChange[] }) {
  const { t } = useTranslation();
  if (changes.length === 0) return <Typography.Text type="secondary">{t('audit.noChanges')}</Typography.Text>;
  return (
    <Table<FieldChange>
      size="small"
      rowKey="field"
      pagination={false}
      dataSource={changes}
      style={{ maxWidth: 860 }}
      columns={[
        { key: 'field', title: t('audit.field'), dataIndex: 'field', width: 180 },
        { key: 'old', title: t('audit.oldValue'), dataIndex: 'old', render: display },
        { key: 'arrow', title: '', width: 32, render: () => '→' },
        { key: 'new', title: t('audit.newValue'), dataIndex: 'new', render: display },
      ]}
    />
  );
}
