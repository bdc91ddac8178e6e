import { ArrowLeftOutlined } from '@ant-design/icons';
import type { Contract } from '@concord/contracts';
import { Button, Card, Descriptions, Flex, Tabs, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { useNavigate, useParams, useSearchParams } from 'react-router';
import { usePermissions } from '../../../app/auth/session';
import { AsyncContent } from '../../../shared/AsyncContent';
import { formatMoney } from '../../../shared/format';
import { useIsPhone } from '../../../shared/useIsPhone';
import { ContractActions } from '../actions/ContractActions';
import { EvaluationTab } from '../execution/EvaluationTab';
import { DeliveriesTab } from '../execution/DeliveriesTab';
import { InvoicesTab } from '../execution/InvoicesTab';
import { MatchingTab } from '../execution/MatchingTab';
import { PaymentsTab } from '../execution/PaymentsTab';
import { ScheduleTab } from '../execution/ScheduleTab';
import { SettlementTab } from '../execution/SettlementTab';
import { useContract } from '../contractsApi';
import { ContractStatusTag, DirectionTag } from '../shared/labels';
import { ApprovalTab } from './ApprovalTab';
import { ArchiveSealTab } from './ArchiveSealTab';
import { AuditTab } from './AuditTab';
import { BodyTab } from './BodyTab';
import { ChangesTab } from './ChangesTab';
import { OverviewTab } from './OverviewTab';
import { VersionsTab } from './VersionsTab';

const tabKeys = [
  'overview',
  'body',
  'versions',
  'approval',
  'changes',
  'schedule',
  'payments',
  'invoices',
  'deliveries',
  'matching',
  'settlement',
  'evaluation',
  'archive',
  'audit',
] as const;
type TabKey = (typeof tabKeys)[number];

/** `/contracts/:id`: header with the actions allowed now, and tabs (the open tab is in the URL). */
export default function ContractDetailPage() {
  const { id = '' } = useParams();
  const { t } = useTranslation();
  const navigate = useNavigate();
  const { data, isLoading, error, refetch } = useContract(id);
  return (
    <Flex vertical gap={16}>
      <div>
        <Button
          type="link"
          icon={<ArrowLeftOutlined />}
          style={{ paddingInline: 0 }}
          onClick={() => navigate('/contracts')}
          data-testid="contract-back"
        >
          {t('contracts.detail.back')}
        </Button>
      </div>
      <AsyncContent isLoading={isLoading} error={data ? null : error} onRetry={() => void refetch()}>
        {data && <DetailBody contract={data} />}
      </AsyncContent>
    </Flex>
  );
}

function DetailBody({ contract }: { contract: Contract }) {
  const { t } = useTranslation();
  const isPhone = useIsPhone();
  const { can } = usePermissions();
  const [params, setParams] = useSearchParams();
  const requested = params.get('tab') as TabKey | null;
  const showAudit = can('audit.view');
  const active: TabKey =
    requested && tabKeys.includes(requested) && (requested !== 'audit' || showAudit) ? requested : 'overview';

  const items = [
    { key: 'overview', label: t('contracts.tab.overview'), children: <OverviewTab contract={contract} /> },
    { key: 'body', label: t('contracts.tab.body'), children: <BodyTab contract={contract} /> },
    { key: 'versions', label: t('contracts.tab.versions'), children: <VersionsTab contract={contract} /> },
    { key: 'approval', label: t('contracts.tab.approval'), children: <ApprovalTab contract={contract} /> },
    { key: 'changes', label: t('contracts.tab.changes'), children: <ChangesTab contract={contract} /> },
    {
      key: 'schedule',
      label: t(`contractSchedule.tab.${contract.direction}`),
      children: <ScheduleTab contract={contract} />,
    },
    {
      key: 'payments',
      label: t(`contractPayments.tab.${contract.direction}`),
      children: <PaymentsTab contract={contract} />,
    },
    { key: 'invoices', label: t('invoices.contract.tab'), children: <InvoicesTab contract={contract} /> },
    {
      key: 'deliveries',
      label: t('contractDeliveries.tab'),
      children: <DeliveriesTab contract={contract} />,
    },
    { key: 'matching', label: t('contractMatching.tab'), children: <MatchingTab contract={contract} /> },
    {
      key: 'settlement',
      label: t('contractClosing.tab.settlement'),
      children: <SettlementTab contract={contract} />,
    },
    {
      key: 'evaluation',
      label: t('contractClosing.tab.evaluation'),
      children: <EvaluationTab contract={contract} />,
    },
    { key: 'archive', label: t('contracts.tab.archive'), children: <ArchiveSealTab contract={contract} /> },
    ...(showAudit
      ? [{ key: 'audit', label: t('contracts.tab.audit'), children: <AuditTab contract={contract} /> }]
      : []),
  ].map((item) => ({ ...item, label: <span data-testid={`contract-tab-${item.key}`}>{item.label}</span> }));

  return (
    <>
      <Card variant="borderless" styles={{ body: { padding: isPhone ? 12 : 24 } }}>
        <Flex vertical gap={12}>
          <Flex gap={8} align="center" wrap>
            {contract.number ? (
              <Typography.Text type="secondary" copyable data-testid="contract-number">
                {contract.number}
              </Typography.Text>
            ) : (
              <Tag data-testid="contract-number">{t('contracts.unnumbered')}</Tag>
            )}
            <ContractStatusTag status={contract.status} />
            <DirectionTag direction={contract.direction} />
            {contract.version > 0 && (
              <Tag color="blue">{t('contracts.detail.versionTag', { version: contract.version })}</Tag>
            )}
            {contract.pendingChangeId && <Tag color="orange">{t('contracts.detail.changePending')}</Tag>}
            {contract.imported && <Tag>{t('contracts.detail.imported')}</Tag>}
          </Flex>
          <Typography.Title level={4} style={{ margin: 0 }} data-testid="contract-title">
            {contract.name}
          </Typography.Title>
          <Descriptions
            size="small"
            column={isPhone ? 1 : 4}
            items={[
              { key: 'partner', label: t('contracts.field.partner'), children: contract.partnerName },
              {
                key: 'current',
                label: t('contracts.field.currentAmount'),
                children: (
                  <span data-testid="contract-current-amount">
                    {formatMoney(contract.currentAmount, contract.currency)}
                  </span>
                ),
              },
              {
                key: 'owner',
                label: t('contracts.field.owner'),
                children: `${contract.ownerName} · ${contract.departmentName}`,
              },
              {
                key: 'term',
                label: t('contracts.detail.term'),
                children:
                  contract.startDate || contract.endDate
                    ? `${contract.startDate ?? '…'} ~ ${contract.endDate ?? '…'}`
                    : '—',
              },
            ]}
          />
          {contract.statusReason && (
            <Typography.Text type="secondary">
              {t('contracts.detail.statusReason')}: {contract.statusReason}
            </Typography.Text>
          )}
          <ContractActions contract={contract} />
        </Flex>
      </Card>
      <Card variant="borderless" styles={{ body: { padding: isPhone ? '8px 12px 12px' : '8px 24px 24px' } }}>
        <Tabs
          activeKey={active}
          onChange={(key) =>
            setParams(
              (previous) => {
                const next = new URLSearchParams(previous);
                if (key === 'overview') next.delete('tab');
                else next.set('tab', key);
                return next;
              },
              { replace: true },
            )
          }
          items={items}
          destroyOnHidden
          data-testid="contract-tabs"
        />
      </Card>
    </>
  );
}
