import { PassThrough } from 'node:stream';
import {
  CONTRACT_EXPORT_JOB_THRESHOLD,
  type ContractExportJob,
  type ContractExportStart,
  contractLedgerExportQuerySchema,
  type FileObject,
  type Locale,
} from '@concord/contracts';
import { z } from 'zod';
import type { Db } from '../../../db/index.js';
import type { AuditService } from '../../../platform/audit/index.js';
import type { FileUpload } from '../../../platform/files/index.js';
import {
  AppError,
  notFound,
  type RequestContext,
  writeXlsx,
  XLSX_CONTENT_TYPE,
} from '../../../platform/http/index.js';
import {
  defineJob,
  type JobContext,
  type JobQueue,
  type JobRequester,
  jobRequesterSchema,
  requestersJob,
} from '../../../platform/jobs/index.js';
import type { LedgerFilter } from './ledger.repository.js';
import type { ContractLedger } from './ledger.service.js';

export const EXPORT_JOB = 'contracts.ledger.export';
/** Rows between two progress reports (each renews the job's lease). */
const PROGRESS_EVERY = 500;
/** A generated workbook may be far larger than an upload (a million rows is some 150 MB). */
const EXPORT_MAX_BYTES = 2 * 1024 * 1024 * 1024;

/** The export's filters as the request gave them (strings), so the job parses them as the route did. */
const rawQuerySchema = z.record(z.string(), z.string());

const exportPayload = z.object({
  query: rawQuerySchema,
  locale: z.enum(['zh-CN', 'en-US']),
  requester: jobRequesterSchema,
});

/** The filters back in the strings of the query (lists comma-separated), as the job's payload keeps them. */
function asQueryStrings(query: LedgerFilter): Record<string, string> {
  const raw: Record<string, string> = {};
  for (const [key, value] of Object.entries(query)) {
    if (value === undefined || value === null) continue;
    raw[key] = Array.isArray(value) ? value.join(',') : String(value);
  }
  return raw;
}

/** What the export job needs besides the ledger: the queue, files, the audit log, the requester's context. */
export interface LedgerExportDeps {
  db: Db;
  audit: AuditService;
  jobs: JobQueue;
  files: {
    upload(ctx: RequestContext, input: FileUpload): Promise<FileObject>;
    get(ctx: RequestContext, id: string): Promise<FileObject>;
  };
  /** The requester's context now (their permissions and scopes as they stand when the job runs). */
  contextFor(requester: JobRequester, requestId: string): Promise<RequestContext>;
}

const texts = {
  'zh-CN': { dead: '导出失败，请稍后重试' },
  'en-US': { dead: 'The export failed; try again later' },
} satisfies Record<Locale, unknown>;

/**
 * The ledger's export for any size: up to CONTRACT_EXPORT_JOB_THRESHOLD rows a direct streamed
 * download; above it a background job (`contracts.ledger.export`) that streams the same workbook
 * into a stored file of the requester's alone, reporting rows done of the total as it goes. The
 * requester follows it and downloads the file when done; others get 404.
 *
 * Audit: the job's start (`job.start`, with the filters and the rows counted) and the stored
 * workbook (`file.create`), both as the requester.
 */
export class ContractLedgerExports {
  constructor(
    private readonly ledger: ContractLedger,
    private readonly deps: LedgerExportDeps,
  ) {}

  /** Starts the export of the filtered ledger: a direct download when small, else a job. */
  async start(
    ctx: RequestContext,
    query: LedgerFilter,
    threshold = CONTRACT_EXPORT_JOB_THRESHOLD,
  ): Promise<ContractExportStart> {
    const actor = ctx.actor;
    if (!actor) throw new AppError('UNAUTHENTICATED');
    const raw = asQueryStrings(query);
    const rows = await this.ledger.exportSize(ctx, query, threshold);
    if (rows <= threshold) return { mode: 'direct', rows };
    const id = await this.deps.db.transaction().execute(async (trx) => {
      const jobId = (await this.deps.jobs.enqueue(trx, EXPORT_JOB, {
        query: raw,
        locale: ctx.locale,
        requester: { userId: actor.userId, entityId: actor.actingEntityId },
      }))!;
      await this.deps.audit.record(trx, ctx, {
        entityType: 'job',
        entityId: jobId,
        action: 'start',
        after: { type: EXPORT_JOB, query: new URLSearchParams(raw).toString(), rows },
      });
      return jobId;
    });
    return { mode: 'job', job: await this.status(ctx, id) };
  }

  /** The caller's export job: progress, then the workbook; 404 for anyone else's. */
  async status(ctx: RequestContext, id: string): Promise<ContractExportJob> {
    await ctx.access.require('contract.export');
    const job = ctx.actor
      ? await requestersJob(this.deps.jobs, id, EXPORT_JOB, ctx.actor.userId, texts[ctx.locale].dead)
      : undefined;
    if (!job) throw notFound();
    const fileId = typeof job.result?.fileId === 'string' ? job.result.fileId : null;
    return {
      ...job.view,
      file: job.view.status === 'done' && fileId ? await this.deps.files.get(ctx, fileId) : null,
    };
  }

  /** The job: the requester's workbook streamed into a stored file, progress reported as it goes. */
  async run(
    payload: z.infer<typeof exportPayload>,
    job: JobContext,
  ): Promise<{ fileId: string } | { error: string }> {
    try {
      return await this.write(payload, job);
    } catch (error) {
      // Refused as the requester stands now (a permission taken away): the user reads why; no retry.
      if (error instanceof AppError) return { error: error.messageFor(payload.locale) };
      throw error;
    }
  }

  private async write(payload: z.infer<typeof exportPayload>, job: JobContext): Promise<{ fileId: string }> {
    const ctx = {
      ...(await this.deps.contextFor(payload.requester, `job-${job.jobId}`)),
      locale: payload.locale,
    };
    const query = contractLedgerExportQuerySchema.parse(payload.query) as LedgerFilter;
    const sheet = await this.ledger.exportSheet(ctx, query);
    let total: number | null = null;
    const totals = Promise.resolve(sheet.totals ?? []).then((byCurrency) => {
      total = byCurrency.reduce((sum, t) => sum + t.count, 0);
      return byCurrency;
    });
    let done = 0;
    const rows = sheet.rows;
    const counted: AsyncIterator<(typeof sheet)['rows'] extends AsyncIterator<infer T> ? T : never> = {
      next: async () => {
        const next = await rows.next();
        if (!next.done && ++done % PROGRESS_EVERY === 0) {
          // Another worker took the job over (this one stalled past its lease): stop writing.
          if (!(await job.progress(done, total))) throw new Error('lease lost');
        }
        return next;
      },
    };
    await job.progress(0, total);
    const stream = new PassThrough();
    const writing = writeXlsx(stream, { ...sheet, rows: counted, totals }).catch((error: Error) => {
      stream.destroy(error);
      throw error;
    });
    const [, file] = await Promise.all([
      writing,
      this.deps.files.upload(ctx, {
        name: sheet.filename,
        contentType: XLSX_CONTENT_TYPE,
        stream,
        ownerOnly: true,
        maxBytes: EXPORT_MAX_BYTES,
      }),
    ]);
    await job.progress(done, done);
    return { fileId: file.id };
  }

  job() {
    return defineJob({
      type: EXPORT_JOB,
      payload: exportPayload,
      // A failed export is asked for again by the user; a retry would only repeat the failure later.
      maxAttempts: 2,
      retryAfterSeconds: 30,
      handler: (payload, context) => this.run(payload, context),
    });
  }
}
