import type { Readable } from 'node:stream';
import type { ContractImportJob, FileObject, Locale } from '@concord/contracts';
import { z } from 'zod';
import type { Db } from '../../../db/index.js';
import type { AuditService } from '../../../platform/audit/index.js';
import type { FileUpload } from '../../../platform/files/index.js';
import { AppError, notFound, type RequestContext } from '../../../platform/http/index.js';
import {
  defineJob,
  type JobContext,
  type JobQueue,
  type JobRequester,
  jobRequesterSchema,
  requestersJob,
} from '../../../platform/jobs/index.js';
import { readRows } from './import.file.js';
import type { ContractImportService } from './import.service.js';

export const IMPORT_JOB = 'contracts.ledger.import';

const importPayload = z.object({
  fileId: z.string(),
  mode: z.enum(['all', 'valid']),
  locale: z.enum(['zh-CN', 'en-US']),
  requester: jobRequesterSchema,
});

/** What the import job needs besides the import itself: the queue, files, the audit log, the requester's context. */
export interface ContractImportJobDeps {
  db: Db;
  audit: AuditService;
  jobs: JobQueue;
  files: {
    upload(ctx: RequestContext, input: FileUpload): Promise<FileObject>;
    open(ctx: RequestContext, id: string): Promise<{ file: FileObject; stream: Readable }>;
  };
  /** The requester's context now (their permissions and scopes as they stand when the job runs). */
  contextFor(requester: JobRequester, requestId: string): Promise<RequestContext>;
}

const texts = {
  'zh-CN': { dead: '导入中断，请检查导入结果后重试' },
  'en-US': { dead: 'The import stopped; check what was imported and try again' },
} satisfies Record<Locale, unknown>;

/**
 * The contract import as a background job (`contracts.ledger.import`): the upload is stored as a
 * file of the requester's alone and checked as far as its header and first row (a file that is no
 * ledger is refused at once, 400); the job then reads it streamed, checks and writes it by batches
 * and leaves the per-row report, in the requester's language, on the job. The requester follows
 * the job; others get 404.
 *
 * Audit: the stored workbook (`file.create`), the job's start (`job.start`, with the file and the
 * mode) and each imported contract (`contract.import`), all as the requester.
 */
export class ContractImportJobs {
  constructor(
    private readonly imports: ContractImportService,
    private readonly deps: ContractImportJobDeps,
  ) {}

  async start(ctx: RequestContext, upload: FileUpload, mode: 'all' | 'valid'): Promise<ContractImportJob> {
    const actor = ctx.actor;
    if (!actor) throw new AppError('UNAUTHENTICATED');
    await ctx.access.require('contract.import');
    await ctx.access.require('contract.create');
    const file = await this.deps.files.upload(ctx, { ...upload, ownerOnly: true });
    // Not a ledger at all (no workbook, no header, no rows): said now, not after a wait.
    const rows = readRows((await this.deps.files.open(ctx, file.id)).stream, ctx.locale, {
      bytes: file.size,
    });
    await rows.next();
    await rows.return(undefined);
    const id = await this.deps.db.transaction().execute(async (trx) => {
      const jobId = (await this.deps.jobs.enqueue(trx, IMPORT_JOB, {
        fileId: file.id,
        mode,
        locale: ctx.locale,
        requester: { userId: actor.userId, entityId: actor.actingEntityId },
      }))!;
      await this.deps.audit.record(trx, ctx, {
        entityType: 'job',
        entityId: jobId,
        action: 'start',
        after: { type: IMPORT_JOB, file_id: file.id, mode },
      });
      return jobId;
    });
    return this.status(ctx, id);
  }

  /** The caller's import job: progress, then the per-row report; 404 for anyone else's. */
  async status(ctx: RequestContext, id: string): Promise<ContractImportJob> {
    await ctx.access.require('contract.import');
    const job = ctx.actor
      ? await requestersJob(this.deps.jobs, id, IMPORT_JOB, ctx.actor.userId, texts[ctx.locale].dead)
      : undefined;
    if (!job) throw notFound();
    return { ...job.view, report: job.view.status === 'done' ? (job.result?.report ?? null) : null };
  }

  /** The job: the stored workbook imported as the requester, progress reported by batch. */
  async run(payload: z.infer<typeof importPayload>, job: JobContext) {
    const ctx = {
      ...(await this.deps.contextFor(payload.requester, `job-${job.jobId}`)),
      locale: payload.locale,
    };
    try {
      const report = await this.imports.run(
        ctx,
        async () => {
          const { file, stream } = await this.deps.files.open(ctx, payload.fileId);
          return { stream, bytes: file.size };
        },
        payload.mode,
        async (done, total) => {
          // Another worker took the job over (this one stalled past its lease): stop here.
          if (!(await job.progress(done, total))) throw new Error('lease lost');
        },
      );
      return { report };
    } catch (error) {
      // Refused as the requester stands now, or a file that cannot be read: the user reads why.
      if (error instanceof AppError) return { error: error.messageFor(payload.locale) };
      throw error;
    }
  }

  job() {
    return defineJob({
      type: IMPORT_JOB,
      payload: importPayload,
      // Never run twice: the valid rows of a first run are written, a second would refuse them all.
      maxAttempts: 1,
      handler: (payload, context) => this.run(payload, context),
    });
  }
}
