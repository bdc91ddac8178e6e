import { DownloadOutlined, InboxOutlined } from '@ant-design/icons';
import type { ContractImportReport } from '@concord/contracts';
import { Alert, App, Button, Flex, Modal, Radio, Result, Steps, Table, Typography, Upload } from 'antd';
import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSession } from '../../../app/auth/session';
import { errorMessage } from '../../../shared/errorMessage';
import { FormError } from '../../../shared/FormError';
import { downloadImportTemplate, importContracts } from '../contractsApi';
import { keys } from '../../../shared/queryKeys';

type Mode = 'all' | 'valid';
type ImportError = ContractImportReport['errors'][number];

/**
 * 导入合同台账: 1 download the template, 2 upload the filled workbook and choose what happens when
 * some rows fail (nothing imported, or only the valid rows), 3 the per-row report.
 */
export function ImportWizard({ open, onClose }: { open: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const session = useSession();
  const queryClient = useQueryClient();
  const [step, setStep] = useState(0);
  const [file, setFile] = useState<File | null>(null);
  const [mode, setMode] = useState<Mode>('all');
  const [uploading, setUploading] = useState(false);
  const [downloading, setDownloading] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [report, setReport] = useState<ContractImportReport | null>(null);

  const close = () => {
    setStep(0);
    setFile(null);
    setMode('all');
    setError(null);
    setReport(null);
    onClose();
  };

  const onTemplate = async () => {
    setDownloading(true);
    try {
      await downloadImportTemplate();
    } catch (err) {
      message.error(errorMessage(err, t));
    } finally {
      setDownloading(false);
    }
  };

  const onImport = async () => {
    if (!file) return;
    setUploading(true);
    setError(null);
    try {
      const result = await importContracts(file, mode, session.csrfToken);
      setReport(result);
      setStep(2);
      if (result.committed && result.imported > 0)
        await queryClient.invalidateQueries({ queryKey: keys.contracts.all });
    } catch (err) {
      setError(err);
    } finally {
      setUploading(false);
    }
  };

  const footer = [
    step === 1 && (
      <Button key="back" onClick={() => setStep(0)}>
        {t('contracts.import.back')}
      </Button>
    ),
    step === 0 && (
      <Button key="next" type="primary" onClick={() => setStep(1)} data-testid="contracts-import-next">
        {t('contracts.import.next')}
      </Button>
    ),
    step === 1 && (
      <Button
        key="import"
        type="primary"
        disabled={!file}
        loading={uploading}
        onClick={onImport}
        data-testid="contracts-import-submit"
      >
        {t('contracts.import.submit')}
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
        {t('contracts.import.again')}
      </Button>
    ),
    step === 2 && (
      <Button key="done" type="primary" onClick={close} data-testid="contracts-import-done">
        {t('contracts.import.done')}
      </Button>
    ),
  ].filter(Boolean);

  return (
    <Modal
      open={open}
      title={t('contracts.import.title')}
      onCancel={close}
      footer={footer}
      width={760}
      destroyOnHidden
      data-testid="contracts-import-wizard"
    >
      <Steps
        size="small"
        current={step}
        style={{ marginBottom: 24 }}
        items={[
          { title: t('contracts.import.stepTemplate') },
          { title: t('contracts.import.stepUpload') },
          { title: t('contracts.import.stepReport') },
        ]}
      />
      {step === 0 && (
        <Flex vertical gap={12} align="flex-start">
          <Typography.Paragraph style={{ margin: 0 }}>
            {t('contracts.import.templateHint')}
          </Typography.Paragraph>
          <Button
            icon={<DownloadOutlined />}
            loading={downloading}
            onClick={onTemplate}
            data-testid="contracts-import-template"
          >
            {t('contracts.import.template')}
          </Button>
        </Flex>
      )}
      {step === 1 && (
        <Flex vertical gap={16}>
          <FormError error={error} />
          <div data-testid="contracts-import-file">
            <Upload.Dragger
              accept=".xlsx"
              maxCount={1}
              multiple={false}
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
              <p className="ant-upload-text">{t('contracts.import.drop')}</p>
              <p className="ant-upload-hint">{t('contracts.import.dropHint')}</p>
            </Upload.Dragger>
          </div>
          <Radio.Group
            value={mode}
            onChange={(event) => setMode(event.target.value as Mode)}
            data-testid="contracts-import-mode"
          >
            <Flex vertical gap={8}>
              <Radio value="all" data-testid="contracts-import-mode-all">
                {t('contracts.import.modeAll')}
              </Radio>
              <Radio value="valid" data-testid="contracts-import-mode-valid">
                {t('contracts.import.modeValid')}
              </Radio>
            </Flex>
          </Radio.Group>
        </Flex>
      )}
      {step === 2 && report && <ImportReportView report={report} />}
    </Modal>
  );
}

function ImportReportView({ report }: { report: ContractImportReport }) {
  const { t } = useTranslation();
  const failedRows = new Set(report.errors.map((error) => error.row)).size;
  const status = !report.committed ? 'error' : report.errors.length ? 'warning' : 'success';
  return (
    <Flex vertical gap={12} data-testid="contracts-import-report">
      <Result
        status={status}
        style={{ padding: 8 }}
        title={
          report.committed
            ? t('contracts.import.imported', { imported: report.imported, rows: report.rows })
            : t('contracts.import.nothingImported')
        }
        subTitle={
          report.errors.length
            ? t('contracts.import.failedRows', { count: failedRows, errors: report.errors.length })
            : undefined
        }
      />
      <span data-testid="contracts-import-count" data-imported={report.imported} hidden />
      {report.errors.length > 0 && (
        <>
          {!report.committed && <Alert type="info" showIcon title={t('contracts.import.fixAndRetry')} />}
          <Table<ImportError & { key: number }>
            size="small"
            data-testid="contracts-import-errors"
            dataSource={report.errors.map((error, index) => ({ ...error, key: index }))}
            pagination={report.errors.length > 10 ? { pageSize: 10, size: 'small' } : false}
            scroll={{ x: 'max-content' }}
            columns={[
              { key: 'row', dataIndex: 'row', title: t('contracts.import.row'), width: 70 },
              { key: 'column', dataIndex: 'column', title: t('contracts.import.column'), width: 140 },
              { key: 'message', dataIndex: 'message', title: t('contracts.import.message') },
            ]}
          />
        </>
      )}
    </Flex>
  );
}
