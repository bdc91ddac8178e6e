import type { PartnerListItem } from '@concord/contracts';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { downloadFile } from '../../app/api/client';
import { usePermissions } from '../../app/auth/session';
import { EmptyState } from '../../shared/EmptyState';
import { CreateButton } from '../../shared/listPage';
import { type LedgerColumn, LedgerPage } from '../../shared/LedgerPage';
import { RowActions } from '../../shared/RowActions';
import { localeOf } from './labels';
import { PartnerFilterBar } from './PartnerFilterBar';
import { PartnerFormModal, type PartnerFormTarget } from './PartnerFormModal';
import { PartnerName, partnerColumns } from './partnerColumns';
import { usePartnerList } from './partnersApi';
import { defaultPartnerPageSize, usePartnerFilters } from './usePartnerFilters';

/** 合作伙伴: customers and suppliers of the group, with filters in the URL, paging, sorting and export. */
export default function PartnersPage() {
  const { t, i18n } = useTranslation();
  const locale = localeOf(i18n.language);
  const navigate = useNavigate();
  const { can } = usePermissions();
  const { values, query, exportQuery, update, reset, filtered } = usePartnerFilters();
  const { data, isLoading, isFetching, error, refetch } = usePartnerList(query);
  const [formTarget, setFormTarget] = useState<PartnerFormTarget | null>(null);
  const canManage = can('partner.manage');

  const actionsOf = (partner: PartnerListItem) => [
    {
      key: 'view',
      label: t('partners.actions.view'),
      onClick: () => navigate(`/partners/${partner.id}`),
      testId: 'partner-view',
    },
    ...(canManage && partner.entityId
      ? [
          {
            key: 'edit',
            label: t('partners.actions.edit'),
            onClick: () => setFormTarget({ mode: 'edit', partner }),
            testId: 'partner-edit',
          },
        ]
      : []),
  ];

  const columns: LedgerColumn<PartnerListItem>[] = [
    ...partnerColumns(t, locale, values.sort),
    {
      key: 'actions',
      title: t('common.actions'),
      fixed: 'right',
      locked: true,
      render: (_, partner) => <RowActions actions={actionsOf(partner)} />,
    },
  ];

  const createButton = (testId?: string) => (
    <CreateButton
      allowed={canManage}
      label={t('partners.create')}
      onClick={() => setFormTarget({ mode: 'create' })}
      testId={testId}
    />
  );

  return (
    <LedgerPage<PartnerListItem>
      ledgerId="partners"
      title={t('partners.title')}
      filterBar={<PartnerFilterBar values={values} update={update} reset={reset} />}
      actions={createButton('partner-create')}
      onExport={
        can('partner.export')
          ? (onProgress) =>
              downloadFile('/partners/export', exportQuery, t('partners.exportFile'), onProgress)
          : undefined
      }
      columns={columns}
      rowKey="id"
      rows={data?.items}
      isLoading={isLoading}
      isFetching={isFetching}
      error={error}
      onRetry={() => void refetch()}
      onSortChange={(sort) => update({ sort })}
      paging={{
        mode: 'pages',
        page: query.page as number,
        pageSize: query.pageSize as number,
        total: data?.total ?? 0,
        onChange: (page, pageSize) =>
          update({
            page: page === 1 ? undefined : page,
            pageSize: pageSize === defaultPartnerPageSize ? undefined : pageSize,
          }),
      }}
      empty={
        filtered ? (
          <EmptyState description={t('partners.emptyFiltered')} />
        ) : (
          <EmptyState description={t('partners.empty')} action={createButton()} />
        )
      }
      cardTitle={(partner) => (
        <div style={{ whiteSpace: 'normal', padding: '6px 0' }}>
          <PartnerName partner={partner} t={t} />
        </div>
      )}
      cardActions={(partner) => [<RowActions key="actions" actions={actionsOf(partner)} />]}
      cardHiddenColumns={['name', 'createdAt', 'actions', 'industry']}
    >
      <PartnerFormModal
        target={formTarget}
        onClose={() => setFormTarget(null)}
        onCreated={(partner) => navigate(`/partners/${partner.id}`)}
      />
    </LedgerPage>
  );
}
