import { CloseOutlined, DownloadOutlined } from '@ant-design/icons';
import { App, Button, Flex, Progress, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { DownloadProgress } from '../app/api/client';
import { errorMessage } from './errorMessage';

function formatSize(bytes: number): string {
  return bytes >= 1024 * 1024 ? `${(bytes / 1024 / 1024).toFixed(1)} MB` : `${Math.ceil(bytes / 1024)} KB`;
}

/** Where a background job is, as the server reports it (rows done of the total, null while unknown). */
export interface BackgroundJobState {
  status: 'queued' | 'running' | 'done' | 'failed';
  done: number;
  total: number | null;
  error: string | null;
}

/** An export too large for a direct download: the server writes the file in the background. */
export interface BackgroundExport {
  /** The job's state now (polled while it runs), with the finished file's name. */
  poll(): Promise<BackgroundJobState & { fileName: string | null }>;
  /** Downloads the finished file. */
  download(): Promise<void>;
}

const isBackgroundExport = (value: unknown): value is BackgroundExport =>
  typeof value === 'object' && value !== null && 'poll' in value && 'download' in value;

/** How long to wait between two polls of a background job. */
export const POLL_MS = 1000;

/** The percentage of rows done, or null while the total is unknown. */
export function jobPercent(state: Pick<BackgroundJobState, 'done' | 'total' | 'status'>): number | null {
  if (state.status === 'done') return 100;
  if (!state.total) return null;
  return Math.min(99, Math.floor((state.done / state.total) * 100));
}

/**
 * The export button of a ledger or report: busy while the file downloads, with the bytes (or
 * percent) received so far. When `onExport` hands back a background export (a large set), a
 * progress bar of the rows written follows it, then a link downloads the file.
 */
export function ExportButton({
  onExport,
  testId,
}: {
  /** Downloads the file; or hands back a background export (`BackgroundExport`) to follow. */
  onExport: (onProgress: DownloadProgress) => Promise<unknown>;
  testId?: string;
}) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [progress, setProgress] = useState<string | null>(null);
  const [background, setBackground] = useState<BackgroundExport | null>(null);
  const run = async () => {
    setProgress(t('kit.exporting'));
    try {
      const job = await onExport((received, total) =>
        setProgress(
          total
            ? t('kit.exportingPercent', { percent: Math.floor((received / total) * 100) })
            : t('kit.exportingBytes', { size: formatSize(received) }),
        ),
      );
      if (isBackgroundExport(job)) setBackground(job);
      else message.success(t('common.exported'));
    } catch (err) {
      message.error(errorMessage(err, t));
    } finally {
      setProgress(null);
    }
  };
  return (
    <Flex gap={8} align="center">
      <Button
        icon={<DownloadOutlined />}
        loading={progress !== null}
        disabled={background !== null}
        onClick={run}
        data-testid={testId}
      >
        {progress ?? t('common.export')}
      </Button>
      {background && (
        <BackgroundExportProgress job={background} onClose={() => setBackground(null)} testId={testId} />
      )}
    </Flex>
  );
}

/** A background export's rows written so far, then the link to its file (or why it failed). */
function BackgroundExportProgress({
  job,
  onClose,
  testId,
}: {
  job: BackgroundExport;
  onClose: () => void;
  testId?: string;
}) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [state, setState] = useState<(BackgroundJobState & { fileName: string | null }) | null>(null);
  const [pollError, setPollError] = useState<unknown>(null);
  const [downloading, setDownloading] = useState(false);

  useEffect(() => {
    let stopped = false;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const poll = async () => {
      try {
        const next = await job.poll();
        if (stopped) return;
        setState(next);
        if (next.status === 'done' || next.status === 'failed') return;
      } catch (err) {
        if (stopped) return;
        setPollError(err);
        return;
      }
      timer = setTimeout(poll, POLL_MS);
    };
    void poll();
    return () => {
      stopped = true;
      if (timer) clearTimeout(timer);
    };
  }, [job]);

  const download = async () => {
    setDownloading(true);
    try {
      await job.download();
      message.success(t('common.exported'));
    } catch (err) {
      message.error(errorMessage(err, t));
    } finally {
      setDownloading(false);
    }
  };

  const failed = pollError !== null || state?.status === 'failed';
  const percent = state ? jobPercent(state) : null;
  return (
    <Flex
      gap={8}
      align="center"
      style={{ minWidth: 260 }}
      data-testid={testId ? `${testId}-job` : undefined}
      data-status={failed ? 'failed' : (state?.status ?? 'queued')}
    >
      {state?.status === 'done' ? (
        <Button
          type="link"
          icon={<DownloadOutlined />}
          loading={downloading}
          onClick={download}
          data-testid={testId ? `${testId}-download` : undefined}
        >
          {t('kit.exportJob.download', { name: state.fileName ?? '' })}
        </Button>
      ) : failed ? (
        <Typography.Text type="danger">
          {pollError ? errorMessage(pollError, t) : (state?.error ?? t('kit.exportJob.failed'))}
        </Typography.Text>
      ) : (
        <Flex vertical style={{ flex: 1 }}>
          <Progress
            size="small"
            percent={percent ?? 0}
            status="active"
            showInfo={percent !== null}
            data-testid={testId ? `${testId}-progress` : undefined}
          />
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {state && state.status === 'running'
              ? state.total
                ? t('kit.exportJob.rowsOf', {
                    done: state.done.toLocaleString(),
                    total: state.total.toLocaleString(),
                  })
                : t('kit.exportJob.rows', { done: state.done.toLocaleString() })
              : t('kit.exportJob.queued')}
          </Typography.Text>
        </Flex>
      )}
      {(failed || state?.status === 'done') && (
        <Button
          type="text"
          size="small"
          icon={<CloseOutlined />}
          aria-label={t('kit.exportJob.close')}
          onClick={onClose}
        />
      )}
    </Flex>
  );
}
