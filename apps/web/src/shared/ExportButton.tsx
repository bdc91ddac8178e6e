import { DownloadOutlined } from '@ant-design/icons';
import { App, Button } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { DownloadProgress } from '../app/api/client';
import { errorMessage } from './errorMessage';

function formatSize(bytes: number): string {
  return bytes >= 1024 * 1024 ? `${(bytes / 1024 / 1024).toFixed(1)} MB` : `${Math.ceil(bytes / 1024)} KB`;
}

/** The export button of a ledger or report: busy while the file downloads, with the bytes (or percent) received so far. */
export function ExportButton({
  onExport,
  testId,
}: {
  onExport: (onProgress: DownloadProgress) => Promise<void>;
  testId?: string;
}) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [progress, setProgress] = useState<string | null>(null);
  const run = async () => {
    setProgress(t('kit.exporting'));
    try {
      await onExport((received, total) =>
        setProgress(
          total
            ? t('kit.exportingPercent', { percent: Math.floor((received / total) * 100) })
            : t('kit.exportingBytes', { size: formatSize(received) }),
        ),
      );
      message.success(t('common.exported'));
    } catch (err) {
      message.error(errorMessage(err, t));
    } finally {
      setProgress(null);
    }
  };
  return (
    <Button icon={<DownloadOutlined />} loading={progress !== null} onClick={run} data-testid={testId}>
      {progress ?? t('common.export')}
    </Button>
  );
}
