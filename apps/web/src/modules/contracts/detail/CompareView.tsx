import type { Contract, ContractAttachment, ContractCompare } from '@concord/contracts';
import { Flex, Table, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { AsyncContent } from '../../../shared/AsyncContent';
import { formatDateTime } from '../../../shared/format';
import { useContractCompare } from '../contractsApi';
import { fieldLabel, fieldValue } from '../shared/fieldValues';
import { attachmentTypeLabel } from '../shared/labels';

type FieldDiff = ContractCompare['fields'][number];
type BodyLine = ContractCompare['body'][number];

const lineStyles: Record<BodyLine['op'], { background?: string; color?: string; mark: string }> = {
  equal: { mark: ' ' },
  added: { background: '#f6ffed', color: '#237804', mark: '+' },
  removed: { background: '#fff1f0', color: '#a8071a', mark: '−' },
};

/** Two versions side by side: changed fields, the body's line diff, attachments added and removed. */
export function CompareView({ contract, from, to }: { contract: Contract; from: number; to: number }) {
  const { t } = useTranslation();
  const { data, isLoading, error, refetch } = useContractCompare(contract.id, from, to);
  return (
    <AsyncContent isLoading={isLoading} error={error} onRetry={() => void refetch()}>
      {data && (
        <Flex vertical gap={16} data-testid="contract-compare">
          <Typography.Text type="secondary">
            {t('contracts.compare.between', {
              from: data.from.version,
              fromBy: data.from.createdByName ?? t('contracts.system'),
              fromAt: formatDateTime(data.from.createdAt),
              to: data.to.version,
              toBy: data.to.createdByName ?? t('contracts.system'),
              toAt: formatDateTime(data.to.createdAt),
            })}
          </Typography.Text>
          <div>
            <Typography.Title level={5}>{t('contracts.compare.fields')}</Typography.Title>
            {data.fields.length === 0 ? (
              <Typography.Text type="secondary">{t('contracts.compare.noFieldChanges')}</Typography.Text>
            ) : (
              <Table<FieldDiff>
                size="small"
                rowKey="field"
                pagination={false}
                scroll={{ x: 'max-content' }}
                dataSource={data.fields}
                data-testid="contract-compare-fields"
                columns={[
                  {
                    key: 'field',
                    title: t('contracts.compare.field'),
                    width: 140,
                    render: (_, row) => fieldLabel(t, row.field),
                  },
                  {
                    key: 'before',
                    title: t('contracts.compare.before', { version: data.from.version }),
                    render: (_, row) => (
                      <span style={{ color: '#a8071a' }}>
                        {fieldValue(t, row.field, row.before, contract.currency)}
                      </span>
                    ),
                  },
                  {
                    key: 'after',
                    title: t('contracts.compare.after', { version: data.to.version }),
                    render: (_, row) => (
                      <span style={{ color: '#237804' }}>
                        {fieldValue(t, row.field, row.after, contract.currency)}
                      </span>
                    ),
                  },
                ]}
              />
            )}
          </div>
          <div>
            <Typography.Title level={5}>{t('contracts.compare.body')}</Typography.Title>
            <BodyDiff lines={data.body} />
          </div>
          <div>
            <Typography.Title level={5}>{t('contracts.compare.attachments')}</Typography.Title>
            <AttachmentDiff added={data.attachments.added} removed={data.attachments.removed} />
          </div>
        </Flex>
      )}
    </AsyncContent>
  );
}

/** The body's lines, unchanged ones plain, removed ones red with "−", added ones green with "+". */
export function BodyDiff({ lines }: { lines: BodyLine[] }) {
  const { t } = useTranslation();
  if (!lines.some((line) => line.op !== 'equal'))
    return <Typography.Text type="secondary">{t('contracts.compare.bodyUnchanged')}</Typography.Text>;
  return (
    <div
      data-testid="contract-body-diff"
      style={{
        fontFamily: 'ui-monospace, SFMono-Regular, Menlo, Consolas, "Noto Sans Mono CJK SC", monospace',
        fontSize: 13,
        border: '1px solid rgba(0,0,0,0.06)',
        borderRadius: 6,
        maxHeight: 480,
        overflow: 'auto',
      }}
    >
      {lines.map((line, index) => {
        const style = lineStyles[line.op];
        return (
          <div
            // Lines repeat (blank lines), so the position is part of the key.
            // biome-ignore lint/suspicious/noArrayIndexKey: a diff is rendered once, never reordered
            key={index}
            data-op={line.op}
            className={`contract-diff-${line.op}`}
            style={{
              display: 'flex',
              background: style.background,
              color: style.color,
              whiteSpace: 'pre-wrap',
              wordBreak: 'break-word',
              padding: '0 8px',
              lineHeight: 1.7,
            }}
          >
            <span style={{ width: 16, flex: 'none', userSelect: 'none', opacity: 0.7 }}>{style.mark}</span>
            <span style={{ flex: 1, textDecoration: line.op === 'removed' ? 'line-through' : undefined }}>
              {line.line || ' '}
            </span>
          </div>
        );
      })}
    </div>
  );
}

function AttachmentDiff({ added, removed }: { added: ContractAttachment[]; removed: ContractAttachment[] }) {
  const { t } = useTranslation();
  if (added.length === 0 && removed.length === 0)
    return <Typography.Text type="secondary">{t('contracts.compare.attachmentsUnchanged')}</Typography.Text>;
  return (
    <Flex vertical gap={4} data-testid="contract-attachment-diff">
      {added.map((a) => (
        <div key={`+${a.fileId}`} style={{ color: '#237804' }}>
          <Tag color="success">{t('contracts.compare.added')}</Tag>
          {attachmentTypeLabel(t, a.type)} · {a.name}
        </div>
      ))}
      {removed.map((a) => (
        <div key={`-${a.fileId}`} style={{ color: '#a8071a' }}>
          <Tag color="error">{t('contracts.compare.removed')}</Tag>
          {attachmentTypeLabel(t, a.type)} · {a.name}
        </div>
      ))}
    </Flex>
  );
}
