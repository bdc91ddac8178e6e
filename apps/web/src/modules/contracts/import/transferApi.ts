import type {
  ContractExportJob,
  ContractExportStart,
  ContractImportField,
  ContractImportInspection,
  ContractImportJob,
} from '@concord/contracts';
import {
  api,
  type DownloadProgress,
  downloadFile,
  type QueryParams,
  type UploadProgress,
  uploadFile,
} from '../../../app/api/client';
import type { BackgroundExport } from '../../../shared/ExportButton';
import type { BackgroundImport, ImportInspection, ImportRun } from '../../../shared/import/importTypes';

/*
 * The contract ledger in and out of Excel: the export (a direct download when small, else a
 * background job the export button follows) and the import (an uploaded workbook read by a
 * background job the import dialog follows to its report).
 */

/** The ledger's filters as the export takes them: strings, empty ones left out. */
function filterBody(query: QueryParams): Record<string, string> {
  const body: Record<string, string> = {};
  for (const [key, value] of Object.entries(query)) {
    if (value === null || value === undefined || value === '') continue;
    body[key] = String(value);
  }
  return body;
}

/** Exports the filtered ledger: streamed straight down when small, else a background job to follow. */
export async function exportContracts(
  query: QueryParams,
  onProgress?: DownloadProgress,
): Promise<BackgroundExport | undefined> {
  const start = await api.post<ContractExportStart>('/contracts/export-jobs', filterBody(query));
  if (start.mode === 'direct') {
    await downloadFile('/contracts/export', query, 'contracts.xlsx', onProgress);
    return undefined;
  }
  const { id } = start.job;
  let file: ContractExportJob['file'] = null;
  return {
    poll: async () => {
      const job = await api.get<ContractExportJob>(`/contracts/export-jobs/${id}`);
      file = job.file;
      return { ...job, fileName: job.file?.name ?? null };
    },
    download: async () => {
      if (file) await downloadFile(`/files/${file.id}/content`, {}, file.name);
    },
  };
}

/** Uploads an Excel ledger for the mapping step (with the upload's progress): its first rows and the columns proposed. */
export function inspectContractImport(file: File, onProgress?: UploadProgress): Promise<ImportInspection> {
  return uploadFile<ContractImportInspection>('/contracts/import/inspect', file, {}, onProgress);
}

/** Checks or imports the uploaded ledger by the confirmed columns; a background job, followed to its report. */
export async function runContractImport(run: ImportRun): Promise<BackgroundImport> {
  const job = await api.post<ContractImportJob>('/contracts/import/runs', {
    fileId: run.fileId,
    mode: run.mode,
    acceptWarnings: run.acceptWarnings,
    createPartners: run.options.createPartners ?? false,
    layout: {
      headerRow: run.layout.headerRow,
      mapping: run.layout.mapping.map((m) => ({ field: m.field as ContractImportField, column: m.column })),
    },
  });
  return { poll: () => api.get<ContractImportJob>(`/contracts/import-jobs/${job.id}`) };
}
