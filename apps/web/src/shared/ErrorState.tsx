import { Alert, Button, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { isApiError } from '../app/api/ApiError';
import { errorMessage } from './errorMessage';

interface ErrorStateProps {
  error: unknown;
  title?: string;
  onRetry?: () => void;
}

/** A failed load or action: the problem's message and, for support, the request id. */
export function ErrorState({ error, title, onRetry }: ErrorStateProps) {
  const { t } = useTranslation();
  const requestId = isApiError(error) ? error.requestId : undefined;
  return (
    <Alert
      type="error"
      showIcon
      title={title ?? errorMessage(error, t)}
      description={
        <>
          {title && <div>{errorMessage(error, t)}</div>}
          {requestId && (
            <Typography.Text type="secondary" copyable={{ text: requestId }}>
              {t('common.requestId')}: {requestId}
            </Typography.Text>
          )}
        </>
      }
      action={
        onRetry && (
          <Button size="small" onClick={onRetry}>
            {t('common.retry')}
          </Button>
        )
      }
    />
  );
}
