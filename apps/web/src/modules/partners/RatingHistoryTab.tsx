import type { PartnerDetail, PartnerRatingHistory, PartnerRatingHistoryItem } from '@concord/contracts';
import { Tag, Typography } from 'antd';
import type { ColumnType } from 'antd/es/table';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { api } from '../../app/api/client';
import { EmptyState } from '../../shared/EmptyState';
import { formatDateTime } from '../../shared/format';
import { RecordListTab } from '../../shared/RecordListTab';
import { keys } from '../../shared/queryKeys';

const gradeColor: Record<string, string> = { A: 'green', B: 'blue', C: 'orange', D: 'red' };

/** 评级历史: each recomputation of the rating from closing evaluations, newest first. */
export function RatingHistoryTab({ partner }: { partner: PartnerDetail }) {
  const { t } = useTranslation();
  const columns: ColumnType<PartnerRatingHistoryItem>[] = [
    {
      key: 'rating',
      title: t('contractClosing.rating.rating'),
      dataIndex: 'rating',
      render: (rating: string | null) =>
        rating ? <Tag color={gradeColor[rating]}>{rating}</Tag> : t('contractClosing.rating.none'),
    },
    {
      key: 'score',
      title: t('contractClosing.rating.score'),
      dataIndex: 'score',
      render: (score: number | null) => (score === null ? '—' : (score / 100).toFixed(2)),
    },
    { key: 'count', title: t('contractClosing.rating.count'), dataIndex: 'evaluationCount' },
    {
      key: 'source',
      title: t('contractClosing.rating.source'),
      render: (_value, row) =>
        row.sourceContractId ? (
          <Link to={`/contracts/${row.sourceContractId}?tab=evaluation`}>
            {row.sourceLabel ?? row.sourceContractId}
          </Link>
        ) : (
          '—'
        ),
    },
    {
      key: 'at',
      title: t('contractClosing.rating.at'),
      dataIndex: 'createdAt',
      render: (at: string) => formatDateTime(at),
    },
  ];
  return (
    <RecordListTab<PartnerRatingHistoryItem>
      queryKey={keys.partners.ratingHistory(partner.id)}
      fetchPage={(_page, _pageSize, signal) =>
        api.get<PartnerRatingHistory>(`/partners/${partner.id}/rating-history`, undefined, signal)
      }
      testId="partner-rating-history"
      header={<Typography.Text type="secondary">{t('contractClosing.rating.explain')}</Typography.Text>}
      rowKey="id"
      columns={columns}
      empty={<EmptyState description={t('contractClosing.rating.empty')} />}
      cardTitle={(row) =>
        row.rating ? `${row.rating} · ${formatDateTime(row.createdAt)}` : formatDateTime(row.createdAt)
      }
    />
  );
}
