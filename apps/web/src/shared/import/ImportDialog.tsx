import { DownloadOutlined, InboxOutlined } from '@ant-design/icons';
import { Alert, App, Button, Flex, Modal, Radio, Steps, Typography, Upload } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { POLL_MS } from '../ExportButton';
import { errorMessage } from '../errorMessage';
import { FormError } from '../FormError';
import { useIsPhone } from '../useIsPhone';
import { proposalFor, unmappedRequired, withColumn } from './importMapping';
import { ImportMappingStep } from './ImportMappingStep';
import { type Sending, SendingProgress } from './ImportProgress';
import { ImportReportView } from './ImportReportView';
import type {
  BackgroundImport,
  ColumnMapping,
  ImportInspection,
  ImportMode,
  ImportReport,
  ImportRun,
  LedgerImport,
} from './importTypes';

/** Where the wizard is. */
const STEP = { template: 0, upload: 1, mapping: 2, check: 3, result: 4 } as const;

/**
 * The import dialog of every ledger: 1 download the template, 2 upload the workbook (a company's
 * own ledger will do), 3 confirm which column holds each field (proposed from a mapping saved for
 * this header or from the columns' names, with the first rows read that way), 4 the check: every
 * problem and every value read one of two ways, nothing written yet, 5 the import's report. Test
 * ids start with `testId`.
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
  const phone = useIsPhone();
  const [step, setStep] = useState<number>(STEP.template);
  const [file, setFile] = useState<File | null>(null);
  const [inspection, setInspection] = useState<ImportInspection | null>(null);
  const [headerRow, setHeaderRow] = useState(1);
  const [mapping, setMapping] = useState<ColumnMapping[]>([]);
  const [options, setOptions] = useState<Record<string, boolean>>({});
  const [check, setCheck] = useState<ImportReport | null>(null);
  const [accepted, setAccepted] = useState(false);
  const [mode, setMode] = useState<ImportMode>('all');
  const [sending, setSending] = useState<Sending | null>(null);
  const [downloading, setDownloading] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [jobError, setJobError] = useState<string | null>(null);
  const [report, setReport] = useState<ImportReport | null>(null);

  const startOver = () => {
    setFile(null);
    setInspection(null);
    setMapping([]);
    setCheck(null);
    setAccepted(false);
    setMode('all');
    setError(null);
    setJobError(null);
    setReport(null);
  };
  const close = () => {
    startOver();
    setOptions({});
    setStep(STEP.template);
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

  /** Runs a call with the progress shown and its error kept for the step to show. */
  const sendWith = async <T,>(call: () => Promise<T>): Promise<T | null> => {
    setSending({ percent: null });
    setError(null);
    setJobError(null);
    try {
      return await call();
    } catch (err) {
      setError(err);
      return null;
    } finally {
      setSending(null);
    }
  };

  const onUpload = async () => {
    if (!file) return;
    const found = await sendWith(() =>
      importer.inspect(file, (bytes, total) =>
        setSending({ percent: total > 0 ? Math.floor((bytes / total) * 100) : null }),
      ),
    );
    if (!found) return;
    const row = found.headerRow ?? found.preview[0]?.row ?? 1;
    setInspection(found);
    setHeaderRow(row);
    setMapping(proposalFor(found, row));
    setStep(STEP.mapping);
  };

  const runOf = (runMode: ImportRun['mode']): ImportRun | null =>
    inspection && {
      fileId: inspection.fileId,
      mode: runMode,
      acceptWarnings: runMode !== 'check' && accepted,
      layout: { headerRow, mapping },
      options,
    };

  /** Sends a check or an import and follows it to its report (null when it failed: the reason shown). */
  const follow = async (run: ImportRun): Promise<ImportReport | null> =>
    sendWith(async () => {
      const sent = await importer.run(run);
      if (!('poll' in sent)) return sent;
      return followJob(sent);
    });
  const followJob = async (job: BackgroundImport): Promise<ImportReport | null> => {
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

  const onCheck = async () => {
    const run = runOf('check');
    if (!run) return;
    const result = await follow(run);
    if (!result) return;
    setCheck(result);
    setAccepted(false);
    setMode(result.errors.length ? 'valid' : 'all');
    setStep(STEP.check);
  };

  const onImport = async () => {
    const run = runOf(mode);
    if (!run) return;
    const result = await follow(run);
    if (!result) return;
    setReport(result);
    setStep(STEP.result);
    if (result.committed && result.imported > 0) await importer.onImported?.();
  };

  const missing = inspection ? unmappedRequired(inspection.fields, mapping) : [];
  const waitsForConfirmation = (check?.warnings.length ?? 0) > 0 && !accepted;
  const nothingToImport = !check || check.valid === 0 || (mode === 'all' && check.errors.length > 0);
  const busy = sending !== null;

  const footer = [
    (step === STEP.upload || step === STEP.mapping || step === STEP.check) && (
      <Button key="back" onClick={() => setStep(step - 1)} disabled={busy} data-testid={`${testId}-back`}>
        {t('kit.importer.back')}
      </Button>
    ),
    step === STEP.template && (
      <Button key="next" type="primary" onClick={() => setStep(STEP.upload)} data-testid={`${testId}-next`}>
        {t('kit.importer.next')}
      </Button>
    ),
    step === STEP.upload && (
      <Button
        key="upload"
        type="primary"
        disabled={!file}
        loading={busy}
        onClick={onUpload}
        data-testid={`${testId}-upload`}
      >
        {t('kit.importer.next')}
      </Button>
    ),
    step === STEP.mapping && (
      <Button
        key="check"
        type="primary"
        disabled={missing.length > 0}
        loading={busy}
        onClick={onCheck}
        data-testid={`${testId}-check`}
      >
        {t('kit.importer.check')}
      </Button>
    ),
    step === STEP.check && (
      <Button
        key="import"
        type="primary"
        disabled={nothingToImport || waitsForConfirmation}
        loading={busy}
        onClick={onImport}
        data-testid={`${testId}-submit`}
      >
        {t('kit.importer.submit')}
      </Button>
    ),
    step === STEP.result && (
      <Button
        key="again"
        onClick={() => {
          startOver();
          setStep(STEP.upload);
        }}
      >
        {t('kit.importer.again')}
      </Button>
    ),
    step === STEP.result && (
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
      maskClosable={!busy}
      footer={footer}
      width={phone ? '100%' : 900}
      destroyOnHidden
      data-testid={`${testId}-wizard`}
    >
      <Steps
        size="small"
        current={step}
        direction={phone ? 'vertical' : 'horizontal'}
        style={{ marginBottom: 24 }}
        items={[
          { title: t('kit.importer.stepTemplate') },
          { title: t('kit.importer.stepUpload') },
          { title: t('kit.importer.stepMapping') },
          { title: t('kit.importer.stepCheck') },
          { title: t('kit.importer.stepReport') },
        ]}
      />
      <Flex vertical gap={12}>
        <FormError error={error} />
        {jobError && <Alert type="error" showIcon title={jobError} data-testid={`${testId}-job-error`} />}
        {step === STEP.template && (
          <Flex vertical gap={12} align="flex-start">
            <Typography.Paragraph style={{ margin: 0 }}>{importer.templateHint}</Typography.Paragraph>
            <Typography.Paragraph type="secondary" style={{ margin: 0 }}>
              {t('kit.importer.ownFileHint')}
            </Typography.Paragraph>
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
        {step === STEP.upload && (
          <div data-testid={`${testId}-file`}>
            <Upload.Dragger
              accept=".xlsx"
              maxCount={1}
              multiple={false}
              disabled={busy}
              fileList={
                file
                  ? [{ uid: 'file', name: file.name, status: 'done', size: file.size, type: file.type }]
                  : []
              }
              beforeUpload={(picked) => {
                setFile(picked);
                setError(null);
                return false; // sent on "next", not now
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
        )}
        {step === STEP.mapping && inspection && (
          <>
            <ImportMappingStep
              inspection={inspection}
              headerRow={headerRow}
              onHeaderRow={(row) => {
                setHeaderRow(row);
                setMapping(proposalFor(inspection, row));
              }}
              mapping={mapping}
              onColumn={(field, column) => setMapping(withColumn(mapping, field, column))}
              options={importer.options ?? []}
              chosen={options}
              onOption={(key, value) => setOptions({ ...options, [key]: value })}
              testId={testId}
            />
            {missing.length > 0 && (
              <Alert
                type="warning"
                showIcon
                title={t('kit.importer.mapRequired', { fields: missing.map((f) => f.label).join('、') })}
                data-testid={`${testId}-missing`}
              />
            )}
          </>
        )}
        {step === STEP.check && check && (
          <>
            <ImportReportView
              report={check}
              testId={`${testId}-check`}
              accepted={accepted}
              onAccept={setAccepted}
            />
            {check.valid > 0 && (
              <Radio.Group
                value={mode}
                onChange={(event) => setMode(event.target.value as ImportMode)}
                data-testid={`${testId}-mode`}
              >
                <Flex vertical gap={8}>
                  <Radio value="all" disabled={check.errors.length > 0} data-testid={`${testId}-mode-all`}>
                    {t('kit.importer.modeAll')}
                  </Radio>
                  <Radio value="valid" data-testid={`${testId}-mode-valid`}>
                    {t('kit.importer.modeValid', { count: check.valid })}
                  </Radio>
                </Flex>
              </Radio.Group>
            )}
          </>
        )}
        {step === STEP.result && report && <ImportReportView report={report} testId={testId} />}
        {sending && <SendingProgress sending={sending} testId={testId} />}
      </Flex>
    </Modal>
  );
}
