import { Flex, Progress, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { type BackgroundJobState, jobPercent } from '../ExportButton';

/**
 * Bytes sent as a percentage (null before the first progress event); then, for a background
 * check or import, the job's state as last polled.
 */
export type Sending = { percent: number | null; job?: BackgroundJobState };

/**
 * The upload's percentage, then (all bytes sent) the wait while the server reads the file: for a
 * background check or import, the rows done of the total as the job reports them.
 */
export function SendingProgress({ sending, testId }: { sending: Sending; testId: string }) {
  const { t } = useTranslation();
  const sent = sending.percent ?? 0;
  const { job } = sending;
  if (job) {
    const percent = jobPercent(job);
    return (
      <Flex
        vertical
        gap={4}
        data-testid={`${testId}-progress`}
        data-percent={percent ?? 0}
        data-job={job.status}
      >
        <Progress percent={percent ?? 0} status="active" showInfo={percent !== null} />
        <Typography.Text type="secondary">
          {job.status === 'queued' || percent === null
            ? t('kit.importer.queued')
            : t('kit.importer.jobPercent', { percent })}
        </Typography.Text>
      </Flex>
    );
  }
  const checking = sent >= 100;
  return (
    <Flex vertical gap={4} data-testid={`${testId}-progress`} data-percent={sent}>
      <Progress percent={sent} status={checking ? 'active' : 'normal'} showInfo={!checking} />
      <Typography.Text type="secondary">
        {checking ? t('kit.importer.checking') : t('kit.importer.uploading', { percent: sent })}
      </Typography.Text>
    </Flex>
  );
}
