import { DownloadOutlined, InboxOutlined } from '@ant-design/icons';
import {
  Alert,
  App,
  Button,
  Flex,
  Modal,
  Progress,
  Radio,
  Result,
  Steps,
  Table,
  Typography,
  Upload,
} from 'antd';
import { type ReactNode, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { UploadProgress } from '../app/api/client';
import { type BackgroundJobState, jobPercent, POLL_MS } from './ExportButton';
import { errorMessage } from './errorMessage';
import { FormError } from './FormError';

/** What happens when some rows fail: nothing is written, or only the valid rows are. */
export type ImportMode = 'all' | 'valid';

/** The server's answer to an import: rows read, rows written, and each refused cell with its reason. */
export interface ImportReport {
  rows: number;
  imported: number;
  /** False when nothing was written (a failure in `all` mode). */
  committed: boolean;
  errors: { row: number; column: string; message: string }[];
  /** More problems were found than the report lists. */
  errorsTruncated?: true;
}

/** An import the server runs in the background: followed until its report is ready. */
export interface BackgroundImport {
  /** The job's state now (polled while it runs); the report once done. */
  poll(): Promise<BackgroundJobState & { report: ImportReport | null }>;
}

/** A ledger's import: its words, its template and its upload call; the dialog does the rest. */
export interface LedgerImport {
  /** The toolbar button's label ("导入合同"); the kit's "导入" unless given. */
  label?: ReactNode;
  title: ReactNode;
  /** The first step: which columns the template has and how to fill them. */
  templateHint: ReactNode;
  downloadTemplate: () => Promise<void>;
  /** Sends the file: the report at once, or a background import to follow to it. */
  upload: (
    file: File,
    mode: ImportMode,
    onProgress: UploadProgress,
  ) => Promise<ImportReport | BackgroundImport>;
  /** Called once rows were written (refresh the ledger's queries). */
  onImported?: () => Promise<unknown> | undefined;
}

/**
 * Bytes sent as a percentage (null before the first progress event); then, for a background
 * import, the job's state as last polled.
 */
type Sending = { percent: number | null; job?: BackgroundJobState };

/**
 * The import dialog of every ledger: 1 download the template, 2 upload the filled workbook (with
 * its progress, then the server's check) choosing what happens when some rows fail, 3 the report:
 * rows imported and each refused row with its reasons. Test ids start with `testId`.
 */
export function ImportDialog({
  importer,
  open,
  onClose,
  testId,
}: {
  importer: LedgerImport;
  open: boolean;
  onClose: () => void;
  testId: string;
}) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [step, setStep] = useState(0);
  const [file, setFile] = useState<File | null>(null);
  const [mode, setMode] = useState<ImportMode>('all');
  const [sending, setSending] = useState<Sending | null>(null);
  const [downloading, setDownloading] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [jobError, setJobError] = useState<string | null>(null);
  const [report, setReport] = useState<ImportReport | null>(null);

  const close = () => {
    setStep(0);
    setFile(null);
    setMode('all');
    setError(null);
    setJobError(null);
    setReport(null);
    onClose();
  };

  const onTemplate = async () => {
    setDownloading(true);
    try {
      await importer.downloadTemplate();
    } catch (err) {
      message.error(errorMessage(err, t));
    } finally {
      setDownloading(false);
    }
  };

  const onImport = async () => {
    if (!file) return;
    setSending({ percent: null });
    setError(null);
    setJobError(null);
    try {
      const sent = await importer.upload(file, mode, (bytes, total) =>
        setSending({ percent: total > 0 ? Math.floor((bytes / total) * 100) : null }),
      );
      const result = 'poll' in sent ? await follow(sent) : sent;
      if (!result) return;
      setReport(result);
      setStep(2);
      if (result.committed && result.imported > 0) await importer.onImported?.();
    } catch (err) {
      setError(err);
    } finally {
      setSending(null);
    }
  };

  /** Polls a background import until it is done (its report) or failed (its reason shown). */
  const follow = async (job: BackgroundImport): Promise<ImportReport | null> => {
    for (;;) {
      const state = await job.poll();
      setSending({ percent: 100, job: state });
      if (state.status === 'done') return state.report;
      if (state.status === 'failed') {
        setJobError(state.error ?? t('kit.importer.jobFailed'));
        return null;
      }
      await new Promise((resolve) => setTimeout(resolve, POLL_MS));
    }
  };

  const footer = [
    step === 1 && (
      <Button key="back" onClick={() => setStep(0)} disabled={sending !== null}>
        {t('kit.importer.back')}
      </Button>
    ),
    step === 0 && (
      <Button key="next" type="primary" onClick={() => setStep(1)} data-testid={`${testId}-next`}>
        {t('kit.importer.next')}
      </Button>
    ),
    step === 1 && (
      <Button
        key="import"
        type="primary"
        disabled={!file}
        loading={sending !== null}
        onClick={onImport}
        data-testid={`${testId}-submit`}
      >
        {t('kit.importer.submit')}
      </Button>
    ),
    step === 2 && (
      <Button
        key="again"
        onClick={() => {
          setStep(1);
          setFile(null);
          setReport(null);
        }}
      >
        {t('kit.importer.again')}
      </Button>
    ),
    step === 2 && (
      <Button key="done" type="primary" onClick={close} data-testid={`${testId}-done`}>
        {t('kit.importer.done')}
      </Button>
    ),
  ].filter(Boolean);

  return (
    <Modal
      open={open}
      title={importer.title}
      onCancel={close}
      maskClosable={sending === null}
      footer={footer}
      width={760}
      destroyOnHidden
      data-testid={`${testId}-wizard`}
    >
      <Steps
        size="small"
        current={step}
        style={{ marginBottom: 24 }}
        items={[
          { title: t('kit.importer.stepTemplate') },
          { title: t('kit.importer.stepUpload') },
          { title: t('kit.importer.stepReport') },
        ]}
      />
      {step === 0 && (
        <Flex vertical gap={12} align="flex-start">
          <Typography.Paragraph style={{ margin: 0 }}>{importer.templateHint}</Typography.Paragraph>
          <Button
            icon={<DownloadOutlined />}
            loading={downloading}
            onClick={onTemplate}
            data-testid={`${testId}-template`}
          >
            {t('kit.importer.template')}
          </Button>
        </Flex>
      )}
      {step === 1 && (
        <Flex vertical gap={16}>
          <FormError error={error} />
          {jobError && <Alert type="error" showIcon title={jobError} data-testid={`${testId}-job-error`} />}
          <div data-testid={`${testId}-file`}>
            <Upload.Dragger
              accept=".xlsx"
              maxCount={1}
              multiple={false}
              disabled={sending !== null}
              fileList={
                file
                  ? [{ uid: 'file', name: file.name, status: 'done', size: file.size, type: file.type }]
                  : []
              }
              beforeUpload={(picked) => {
                setFile(picked);
                setError(null);
                return false; // sent on "import", not now
              }}
              onRemove={() => setFile(null)}
            >
              <p className="ant-upload-drag-icon">
                <InboxOutlined />
              </p>
              <p className="ant-upload-text">{t('kit.importer.drop')}</p>
              <p className="ant-upload-hint">{t('kit.importer.dropHint')}</p>
            </Upload.Dragger>
          </div>
          {sending ? (
            <SendingProgress sending={sending} testId={testId} />
          ) : (
            <Radio.Group
              value={mode}
              onChange={(event) => setMode(event.target.value as ImportMode)}
              data-testid={`${testId}-mode`}
            >
              <Flex vertical gap={8}>
                <Radio value="all" data-testid={`${testId}-mode-all`}>
                  {t('kit.importer.modeAll')}
                </Radio>
                <Radio value="valid" data-testid={`${testId}-mode-valid`}>
                  {t('kit.importer.modeValid')}
                </Radio>
              </Flex>
            </Radio.Group>
          )}
        </Flex>
      )}
      {step === 2 && report && <ImportReportView report={report} testId={testId} />}
    </Modal>
  );
}

/**
 * The upload's percentage, then (all bytes sent) the wait while the server checks and writes the
 * rows: for a background import, the rows done of the total as the job reports them.
 */
function SendingProgress({ sending, testId }: { sending: Sending; testId: string }) {
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

function ImportReportView({ report, testId }: { report: ImportReport; testId: string }) {
  const { t } = useTranslation();
  const failedRows = new Set(report.errors.map((error) => error.row)).size;
  const status = !report.committed ? 'error' : report.errors.length ? 'warning' : 'success';
  return (
    <Flex vertical gap={12} data-testid={`${testId}-report`}>
      <Result
        status={status}
        style={{ padding: 8 }}
        title={
          report.committed
            ? t('kit.importer.imported', { imported: report.imported, rows: report.rows })
            : t('kit.importer.nothingImported')
        }
        subTitle={
          report.errors.length
            ? t('kit.importer.failedRows', { count: failedRows, errors: report.errors.length })
            : undefined
        }
      />
      <span data-testid={`${testId}-count`} data-imported={report.imported} hidden />
      {report.errors.length > 0 && (
        <>
          {!report.committed && <Alert type="info" showIcon title={t('kit.importer.fixAndRetry')} />}
          {report.errorsTruncated && (
            <Alert
              type="warning"
              showIcon
              title={t('kit.importer.truncated', { count: report.errors.length })}
            />
          )}
          <Table<ImportReport['errors'][number] & { key: number }>
            size="small"
            data-testid={`${testId}-errors`}
            dataSource={report.errors.map((error, index) => ({ ...error, key: index }))}
            pagination={report.errors.length > 10 ? { pageSize: 10, size: 'small' } : false}
            scroll={{ x: 'max-content' }}
            columns={[
              { key: 'row', dataIndex: 'row', title: t('kit.importer.row'), width: 70 },
              { key: 'column', dataIndex: 'column', title: t('kit.importer.column'), width: 140 },
              { key: 'message', dataIndex: 'message', title: t('kit.importer.message') },
            ]}
          />
        </>
      )}
    </Flex>
  );
}
