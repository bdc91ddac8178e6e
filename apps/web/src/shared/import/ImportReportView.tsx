import { Alert, Checkbox, Flex, Result, Table, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { ImportIssue, ImportReport } from './importTypes';

/**
 * A check's or an import's report: how many rows read (and would import, or did), each refused cell
 * with its reason, the values read one of two ways (with the confirmation the check asks for), and
 * the counterparties created. Test ids start with `testId`.
 */
export function ImportReportView({
  report,
  testId,
  accepted,
  onAccept,
}: {
  report: ImportReport;
  testId: string;
  /** A check's warnings: whether the user confirmed them (absent: the final report, nothing to confirm). */
  accepted?: boolean;
  onAccept?: (accepted: boolean) => void;
}) {
  const { t } = useTranslation();
  const failedRows = new Set(report.errors.map((error) => error.row)).size;
  const status = report.dryRun
    ? report.errors.length || report.warnings.length
      ? 'warning'
      : 'success'
    : !report.committed
      ? 'error'
      : report.errors.length
        ? 'warning'
        : 'success';
  const title = report.dryRun
    ? t('kit.importer.checked', { valid: report.valid, rows: report.rows })
    : report.committed
      ? t('kit.importer.imported', { imported: report.imported, rows: report.rows })
      : t('kit.importer.nothingImported');
  return (
    <Flex vertical gap={12} data-testid={`${testId}-report`} data-dry-run={report.dryRun}>
      <Result
        status={status}
        style={{ padding: 8 }}
        title={title}
        subTitle={
          report.dryRun
            ? t('kit.importer.dryRunHint')
            : report.errors.length
              ? t('kit.importer.failedRows', { count: failedRows, errors: report.errors.length })
              : undefined
        }
      />
      <span
        data-testid={`${testId}-count`}
        data-imported={report.imported}
        data-valid={report.valid}
        data-warnings={report.warnings.length}
        hidden
      />
      {report.errors.length > 0 && (
        <>
          <Typography.Text strong>
            {t('kit.importer.failedRows', { count: failedRows, errors: report.errors.length })}
          </Typography.Text>
          {!report.committed && !report.dryRun && (
            <Alert type="info" showIcon title={t('kit.importer.fixAndRetry')} />
          )}
          {report.errorsTruncated && (
            <Alert
              type="warning"
              showIcon
              title={t('kit.importer.truncated', { count: report.errors.length })}
            />
          )}
          <IssueTable issues={report.errors} testId={`${testId}-errors`} />
        </>
      )}
      {report.warnings.length > 0 && (
        <>
          <Typography.Text strong>
            {!onAccept && report.warningsAccepted
              ? t('kit.importer.warningsConfirmed', { count: report.warnings.length })
              : t('kit.importer.warningsTitle', { count: report.warnings.length })}
          </Typography.Text>
          <IssueTable issues={report.warnings} testId={`${testId}-warnings`} />
          {onAccept ? (
            <Checkbox
              checked={accepted}
              onChange={(event) => onAccept(event.target.checked)}
              data-testid={`${testId}-accept-warnings`}
            >
              {t('kit.importer.acceptWarnings', { count: report.warnings.length })}
            </Checkbox>
          ) : (
            !report.warningsAccepted && (
              <Alert type="warning" showIcon title={t('kit.importer.warningsNotAccepted')} />
            )
          )}
        </>
      )}
      {report.newPartners.length > 0 && (
        <>
          <Typography.Text strong>
            {report.dryRun
              ? t('kit.importer.newPartnersPlanned', { count: report.newPartners.length })
              : t('kit.importer.newPartnersCreated', { count: report.newPartners.length })}
          </Typography.Text>
          <Table
            size="small"
            rowKey="creditCode"
            data-testid={`${testId}-new-partners`}
            dataSource={report.newPartners}
            pagination={report.newPartners.length > 10 ? { pageSize: 10, size: 'small' } : false}
            scroll={{ x: 'max-content' }}
            columns={[
              { key: 'row', dataIndex: 'row', title: t('kit.importer.row'), width: 70 },
              { key: 'name', dataIndex: 'name', title: t('kit.importer.partnerName') },
              { key: 'code', dataIndex: 'creditCode', title: t('kit.importer.creditCode') },
            ]}
          />
        </>
      )}
    </Flex>
  );
}

function IssueTable({ issues, testId }: { issues: ImportIssue[]; testId: string }) {
  const { t } = useTranslation();
  return (
    <Table<ImportIssue & { key: number }>
      size="small"
      data-testid={testId}
      dataSource={issues.map((issue, index) => ({ ...issue, key: index }))}
      pagination={issues.length > 10 ? { pageSize: 10, size: 'small' } : false}
      scroll={{ x: 'max-content' }}
      columns={[
        { key: 'row', dataIndex: 'row', title: t('kit.importer.row'), width: 70 },
        { key: 'column', dataIndex: 'column', title: t('kit.importer.column'), width: 140 },
        { key: 'message', dataIndex: 'message', title: t('kit.importer.message') },
      ]}
    />
  );
}
