import {
  type Contract,
  type ContractEvaluationView,
  type EvaluationCriterion,
  gradeOf,
  weightedTotal,
} from '@concord/contracts';
import { Alert, App, Button, Descriptions, Flex, Input, InputNumber, Tag, Typography } from 'antd';
import type { ColumnType } from 'antd/es/table';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { AsyncContent } from '../../../shared/AsyncContent';
import { FormError } from '../../../shared/FormError';
import { formatDateTime, formatPercentFromBasisPoints } from '../../../shared/format';
import { ResponsiveTable } from '../../../shared/ResponsiveTable';
import { useCreateEvaluation, useEvaluationView } from './closing/closingApi';

const gradeColor: Record<string, string> = { A: 'green', B: 'blue', C: 'orange', D: 'red' };

/** Weighted total × 100 shown as points with two decimals. */
export const points = (total: number) => (total / 100).toFixed(2);

/**
 * 回归评价: the category's scorecard with its weights; scores typed per criterion give the weighted
 * total and grade live; once submitted the scorecard is read-only (one per contract).
 */
export function EvaluationTab({ contract }: { contract: Contract }) {
  const { data, isLoading, error, refetch } = useEvaluationView(contract.id);
  return (
    <AsyncContent isLoading={isLoading} error={data ? null : error} onRetry={() => void refetch()}>
      {data && <EvaluationBody contract={contract} view={data} />}
    </AsyncContent>
  );
}

interface Row extends EvaluationCriterion {
  score: number | null;
}

function EvaluationBody({ contract, view }: { contract: Contract; view: ContractEvaluationView }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const create = useCreateEvaluation(contract.id);
  const [scores, setScores] = useState<Record<string, number | null>>({});
  const [comment, setComment] = useState('');
  const evaluation = view.evaluation;
  const rows: Row[] = evaluation
    ? evaluation.scores
    : view.criteria.map((c) => ({ ...c, score: scores[c.code] ?? null }));
  const complete = rows.every((r) => r.score !== null);
  const total = evaluation
    ? evaluation.totalScore
    : weightedTotal(rows.map((r) => ({ weight: r.weight, score: r.score ?? 0 })));
  const grade = evaluation ? evaluation.grade : gradeOf(total);
  const editable = !evaluation && view.canEvaluate;

  const columns: ColumnType<Row>[] = [
    { key: 'name', title: t('contractClosing.evaluation.criterion'), dataIndex: 'name' },
    {
      key: 'weight',
      title: t('contractClosing.evaluation.weight'),
      dataIndex: 'weight',
      render: (weight: number) => formatPercentFromBasisPoints(weight),
    },
    {
      key: 'score',
      title: t('contractClosing.evaluation.score'),
      render: (_value, row) =>
        editable ? (
          <InputNumber
            min={0}
            max={100}
            precision={0}
            value={row.score}
            onChange={(value) => setScores((current) => ({ ...current, [row.code]: value ?? null }))}
            data-testid={`evaluation-score-${row.code}`}
          />
        ) : (
          (row.score ?? '—')
        ),
    },
    {
      key: 'weighted',
      title: t('contractClosing.evaluation.weighted'),
      render: (_value, row) =>
        row.score === null ? '—' : points(weightedTotal([{ weight: row.weight, score: row.score }])),
    },
  ];

  const submit = async () => {
    if (!complete) {
      message.error(t('contractClosing.evaluation.scoreRequired'));
      return;
    }
    await create.mutateAsync({
      scores: rows.map((r) => ({ code: r.code, score: r.score ?? 0 })),
      comment: comment.trim() || null,
    });
    message.success(t('contractClosing.evaluation.submitted'));
  };

  return (
    <Flex vertical gap={16} data-testid="evaluation-tab">
      {!evaluation && !view.canEvaluate && (
        <Alert type="info" showIcon message={t('contractClosing.evaluation.cannot')} />
      )}
      <Typography.Title level={5} style={{ margin: 0 }}>
        {t('contractClosing.evaluation.criteria')}
      </Typography.Title>
      <ResponsiveTable<Row>
        rowKey="code"
        columns={columns}
        dataSource={rows}
        pagination={false}
        size="small"
        cardTitle={(row) => row.name}
        empty={t('contractClosing.evaluation.empty')}
      />
      <Flex gap={16} align="center" wrap>
        <Typography.Text strong>
          {t('contractClosing.evaluation.total')}：<span data-testid="evaluation-total">{points(total)}</span>
        </Typography.Text>
        <Typography.Text strong>
          {t('contractClosing.evaluation.grade')}：
          {evaluation || complete ? (
            <Tag color={gradeColor[grade]} data-testid="evaluation-grade">
              {grade}
            </Tag>
          ) : (
            <span data-testid="evaluation-grade">—</span>
          )}
        </Typography.Text>
        <Typography.Text type="secondary">{t('contractClosing.evaluation.gradeHint')}</Typography.Text>
      </Flex>
      {evaluation ? (
        <Descriptions
          size="small"
          column={1}
          items={[
            {
              key: 'by',
              label: t('contractClosing.evaluation.evaluatedBy'),
              children: evaluation.evaluatedByName,
            },
            {
              key: 'at',
              label: t('contractClosing.evaluation.evaluatedAt'),
              children: formatDateTime(evaluation.createdAt),
            },
            ...(evaluation.comment
              ? [
                  {
                    key: 'comment',
                    label: t('contractClosing.evaluation.comment'),
                    children: evaluation.comment,
                  },
                ]
              : []),
          ]}
        />
      ) : (
        editable && (
          <Flex vertical gap={8}>
            <Input.TextArea
              rows={3}
              maxLength={2000}
              placeholder={t('contractClosing.evaluation.comment')}
              value={comment}
              onChange={(event) => setComment(event.target.value)}
              data-testid="evaluation-comment"
            />
            <FormError error={create.error} />
            <div>
              <Button
                type="primary"
                disabled={!complete}
                loading={create.isPending}
                onClick={() => void submit().catch(() => undefined)}
                data-testid="evaluation-submit"
              >
                {t('contractClosing.evaluation.submit')}
              </Button>
            </div>
          </Flex>
        )
      )}
    </Flex>
  );
}
