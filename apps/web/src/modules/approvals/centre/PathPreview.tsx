import { ReloadOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Skeleton, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { ErrorState } from '../../../shared/ErrorState';
import { blockedSteps, PathSteps } from '../shared/PathSteps';
import type { PreviewState } from './usePathPreview';

/** "Who will approve this": the predicted path, shown beside the form before submitting. */
export function PathPreview({ state, onRefresh }: { state: PreviewState; onRefresh: () => void }) {
  const { t } = useTranslation();
  return (
    <Card
      size="small"
      title={t('approvals.preview.title')}
      data-testid="approval-preview"
      extra={
        <Button
          type="text"
          size="small"
          icon={<ReloadOutlined />}
          onClick={onRefresh}
          aria-label={t('common.refresh')}
        />
      }
    >
      {state.loading && !state.result && <Skeleton active paragraph={{ rows: 3 }} />}
      {state.error ? <ErrorState error={state.error} title={t('approvals.preview.failed')} /> : null}
      {state.result && (
        <>
          <Typography.Paragraph type="secondary" style={{ fontSize: 12 }}>
            {t('approvals.preview.definition', { name: state.result.definitionName })}
          </Typography.Paragraph>
          {blockedSteps(state.result.path).map((step) => (
            <Alert
              key={step.nodeId}
              type="error"
              showIcon
              style={{ marginBottom: 8 }}
              data-testid="approval-preview-blocked"
              title={t('approvals.preview.blocked', { step: step.name })}
            />
          ))}
          <PathSteps path={state.result.path} />
        </>
      )}
    </Card>
  );
}
