import { EditOutlined, InboxOutlined } from '@ant-design/icons';
import type { Contract, ContractArchiveView } from '@concord/contracts';
import { Button, Card, Descriptions, Tag } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { EmptyState } from '../../../shared/EmptyState';
import { useIsPhone } from '../../../shared/useIsPhone';
import { ArchiveModal } from './ArchiveModal';

/** 原件归档: where the signed original is, with its state (in the archive, out, overdue); edit for archivists. */
export function ArchiveCard({ contract, view }: { contract: Contract; view: ContractArchiveView }) {
  const { t } = useTranslation();
  const isPhone = useIsPhone();
  const [editing, setEditing] = useState(false);
  const { archive, openBorrow } = view;
  const canEdit = view.canManage && view.archivable;

  const state = !archive ? null : openBorrow ? (
    <Tag color={openBorrow.overdue ? 'error' : 'processing'} data-testid="archive-state">
      {t(openBorrow.overdue ? 'contractArchive.archive.outOverdue' : 'contractArchive.archive.out', {
        borrower: openBorrow.borrowerName,
        due: openBorrow.dueDate,
      })}
    </Tag>
  ) : (
    <Tag color="success" data-testid="archive-state">
      {t('contractArchive.archive.inArchive')}
    </Tag>
  );

  return (
    <Card
      size="small"
      title={t('contractArchive.archive.title')}
      data-testid="archive-card"
      extra={
        canEdit && (
          <Button
            size="small"
            type={archive ? 'default' : 'primary'}
            icon={archive ? <EditOutlined /> : <InboxOutlined />}
            onClick={() => setEditing(true)}
            data-testid={archive ? 'archive-edit' : 'archive-create'}
          >
            {t(archive ? 'contractArchive.archive.edit' : 'contractArchive.archive.create')}
          </Button>
        )
      }
    >
      {archive ? (
        <Descriptions
          size="small"
          column={isPhone ? 1 : 3}
          items={[
            { key: 'state', label: t('contractArchive.borrow.state'), children: state },
            {
              key: 'location',
              label: t('contractArchive.archive.location'),
              children: <span data-testid="archive-location-text">{archive.location}</span>,
            },
            { key: 'box', label: t('contractArchive.archive.boxNumber'), children: archive.boxNumber },
            {
              key: 'archivist',
              label: t('contractArchive.archive.archivist'),
              children: archive.archivistName,
            },
            { key: 'date', label: t('contractArchive.archive.archivedDate'), children: archive.archivedDate },
            { key: 'copies', label: t('contractArchive.archive.copies'), children: archive.copies },
            ...(archive.note
              ? [
                  {
                    key: 'note',
                    label: t('contractArchive.archive.note'),
                    children: archive.note,
                    span: isPhone ? 1 : 3,
                  },
                ]
              : []),
          ]}
        />
      ) : (
        <EmptyState
          description={
            !view.archivable
              ? t('contractArchive.archive.notArchivable')
              : canEdit
                ? t('contractArchive.archive.emptyCan')
                : t('contractArchive.archive.empty')
          }
        />
      )}
      <ArchiveModal
        contractId={contract.id}
        open={editing}
        archive={archive}
        onClose={() => setEditing(false)}
      />
    </Card>
  );
}
