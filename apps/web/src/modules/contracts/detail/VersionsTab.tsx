import type { Contract, ContractVersionSummary } from '@concord/contracts';
import { Button, Card, Flex, Modal, Select, Table, Tag, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { AsyncContent } from '../../../shared/AsyncContent';
import { EmptyState } from '../../../shared/EmptyState';
import { formatDateTime } from '../../../shared/format';
import { useIsPhone } from '../../../shared/useIsPhone';
import { useContractVersion, useContractVersions } from '../contractsApi';
import { fieldLabel, fieldValue } from '../shared/fieldValues';
import { AttachmentList, bodyStyle } from './BodyTab';
import { CompareView } from './CompareView';

const reasonColors: Record<ContractVersionSummary['reason'], string> = {
  SUBMIT: 'blue',
  APPROVAL_EDIT: 'orange',
  SIGN: 'green',
  CHANGE: 'purple',
  IMPORT: 'default',
};

/** 版本: every version with who made it and why; pick two to compare. */
export function VersionsTab({ contract }: { contract: Contract }) {
  const { t } = useTranslation();
  const isPhone = useIsPhone();
  const { data, isLoading, error, refetch } = useContractVersions(contract.id);
  const versions = data ?? [];
  const [from, setFrom] = useState<number | undefined>();
  const [to, setTo] = useState<number | undefined>();
  const [viewing, setViewing] = useState<number | undefined>();

  // By default compare the latest version with the one before it.
  useEffect(() => {
    if (versions.length < 2 || from !== undefined || to !== undefined) return;
    const numbers = versions.map((v) => v.version).sort((a, b) => a - b);
    setFrom(numbers[numbers.length - 2]);
    setTo(numbers[numbers.length - 1]);
  }, [versions, from, to]);

  const options = [...versions]
    .sort((a, b) => a.version - b.version)
    .map((v) => ({ value: v.version, label: `v${v.version} · ${t(`contracts.versionReason.${v.reason}`)}` }));

  return (
    <AsyncContent
      isLoading={isLoading}
      error={error}
      onRetry={() => void refetch()}
      isEmpty={versions.length === 0}
      empty={<EmptyState description={t('contracts.versions.empty')} />}
    >
      <Flex vertical gap={16}>
        <Table<ContractVersionSummary>
          size="small"
          rowKey="id"
          data-testid="contract-versions"
          dataSource={[...versions].sort((a, b) => b.version - a.version)}
          pagination={false}
          scroll={{ x: 'max-content' }}
          columns={[
            {
              key: 'version',
              title: t('contracts.versions.version'),
              dataIndex: 'version',
              render: (v: number) => `v${v}`,
            },
            {
              key: 'reason',
              title: t('contracts.versions.reason'),
              dataIndex: 'reason',
              render: (reason: ContractVersionSummary['reason']) => (
                <Tag color={reasonColors[reason]}>{t(`contracts.versionReason.${reason}`)}</Tag>
              ),
            },
            ...(isPhone
              ? []
              : [
                  {
                    key: 'note',
                    title: t('contracts.versions.note'),
                    dataIndex: 'note',
                    render: (note: string | null) => note ?? '—',
                  },
                ]),
            {
              key: 'by',
              title: t('contracts.versions.by'),
              dataIndex: 'createdByName',
              render: (name: string | null) => name ?? t('contracts.system'),
            },
            {
              key: 'at',
              title: t('contracts.versions.at'),
              dataIndex: 'createdAt',
              render: (at: string) => formatDateTime(at),
            },
            {
              key: 'view',
              title: '',
              render: (_, row) => (
                <Button
                  type="link"
                  size="small"
                  onClick={() => setViewing(row.version)}
                  data-testid={`contract-version-view-${row.version}`}
                >
                  {t('contracts.versions.view')}
                </Button>
              ),
            },
          ]}
        />
        {versions.length >= 2 ? (
          <Card size="small" title={t('contracts.versions.compare')}>
            <Flex gap={8} align="center" style={{ marginBottom: 16 }}>
              <Select<number>
                value={from}
                onChange={setFrom}
                aria-label={t('contracts.compare.fromVersion')}
                options={options}
                style={isPhone ? { flex: 1, minWidth: 0 } : { width: 220 }}
                data-testid="contract-compare-from"
              />
              <Typography.Text type="secondary">→</Typography.Text>
              <Select<number>
                value={to}
                onChange={setTo}
                aria-label={t('contracts.compare.toVersion')}
                options={options}
                style={isPhone ? { flex: 1, minWidth: 0 } : { width: 220 }}
                data-testid="contract-compare-to"
              />
            </Flex>
            {from !== undefined && to !== undefined && from !== to ? (
              <CompareView contract={contract} from={from} to={to} />
            ) : (
              <Typography.Text type="secondary">{t('contracts.versions.pickTwo')}</Typography.Text>
            )}
          </Card>
        ) : (
          <Typography.Text type="secondary">{t('contracts.versions.onlyOne')}</Typography.Text>
        )}
      </Flex>
      <VersionModal contract={contract} version={viewing} onClose={() => setViewing(undefined)} />
    </AsyncContent>
  );
}

/** One version as it was: its fields, body and attachments. */
function VersionModal({
  contract,
  version,
  onClose,
}: {
  contract: Contract;
  version: number | undefined;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const { data, isLoading, error } = useContractVersion(contract.id, version);
  const currency = typeof data?.fields.currency === 'string' ? data.fields.currency : contract.currency;
  return (
    <Modal
      open={version !== undefined}
      title={t('contracts.versions.viewTitle', { version })}
      onCancel={onClose}
      footer={null}
      width={760}
    >
      <AsyncContent isLoading={isLoading} error={error}>
        {data && (
          <Flex vertical gap={16} data-testid="contract-version-view">
            <Table
              size="small"
              rowKey="field"
              pagination={false}
              dataSource={Object.entries(data.fields)
                .filter(([field]) => field !== 'body' && field !== 'attachments')
                .map(([field, value]) => ({ field, value }))}
              columns={[
                {
                  key: 'field',
                  title: t('contracts.compare.field'),
                  width: 160,
                  render: (_, row) => fieldLabel(t, row.field),
                },
                {
                  key: 'value',
                  title: t('contracts.compare.value'),
                  render: (_, row) => fieldValue(t, row.field, row.value, currency),
                },
              ]}
            />
            <div style={bodyStyle}>{data.body || '—'}</div>
            <AttachmentList attachments={data.attachments} />
          </Flex>
        )}
      </AsyncContent>
    </Modal>
  );
}
