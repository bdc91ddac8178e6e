import type { Contract } from '@concord/contracts';
import { Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import { usePermissions } from '../../../app/auth/session';
import { DetailHeader, DetailPage, DetailTabs } from '../../../shared/DetailPage';
import { formatMoney } from '../../../shared/format';
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

/** `/contracts/:id`: header with the actions allowed now, and tabs (the open tab is in the URL). */
export default function ContractDetailPage() {
  const { id = '' } = useParams();
  const { t } = useTranslation();
  const { data, isLoading, error, refetch } = useContract(id);
  return (
    <DetailPage
      back={{ to: '/contracts', label: t('contracts.detail.back'), testId: 'contract-back' }}
      isLoading={isLoading}
      error={data ? null : error}
      onRetry={() => void refetch()}
    >
      {data && <DetailBody contract={data} />}
    </DetailPage>
  );
}

function DetailBody({ contract }: { contract: Contract }) {
  const { t } = useTranslation();
  const { can } = usePermissions();
  const showAudit = can('audit.view');

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
  ];

  return (
    <>
      <DetailHeader
        number={contract.number}
        unnumbered={t('contracts.unnumbered')}
        title={contract.name}
        testIds={{ number: 'contract-number', title: 'contract-title' }}
        status={<ContractStatusTag status={contract.status} />}
        tags={
          <>
            <DirectionTag direction={contract.direction} />
            {contract.version > 0 && (
              <Tag color="blue">{t('contracts.detail.versionTag', { version: contract.version })}</Tag>
            )}
            {contract.pendingChangeId && <Tag color="orange">{t('contracts.detail.changePending')}</Tag>}
            {contract.imported && <Tag>{t('contracts.detail.imported')}</Tag>}
          </>
        }
        descriptions={[
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
        actions={<ContractActions contract={contract} />}
        actionsPlacement="bottom"
      >
        {contract.statusReason && (
          <Typography.Text type="secondary">
            {t('contracts.detail.statusReason')}: {contract.statusReason}
          </Typography.Text>
        )}
      </DetailHeader>
      <DetailTabs items={items} testIdPrefix="contract" destroyOnHidden testId="contract-tabs" />
    </>
  );
}
