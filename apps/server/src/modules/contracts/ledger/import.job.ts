import type { Readable } from 'node:stream';
import {
  type ContractImportInspection,
  type ContractImportJob,
  type ContractImportMode,
  type ContractImportRun,
  contractImportLayoutSchema,
  contractImportModeSchema,
  contractImportRunSchema,
  type FileObject,
  type Locale,
} from '@concord/contracts';
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
import { headerFingerprint, type ImportMappings } from '../../../platform/imports/index.js';
import { readRows } from './import.file.js';
import {
  candidatePrints,
  checkLayout,
  firstRows,
  headerCells,
  IMPORT_MAPPING_KIND,
  propose,
} from './import.layout.js';
import type { ContractImportService } from './import.service.js';
import { importColumns } from './import.template.js';

export const IMPORT_JOB = 'contracts.ledger.import';

const importPayload = z.object({
  fileId: z.string(),
  mode: contractImportModeSchema,
  acceptWarnings: z.boolean().default(false),
  createPartners: z.boolean().default(false),
  layout: contractImportLayoutSchema.optional(),
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
  /** Column mappings saved per source (the import kit's). */
  mappings: ImportMappings;
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

  /**
   * A workbook sent in one request (API clients): stored, checked as far as its header (found by
   * the columns' names) and first row, then imported by the job.
   */
  async start(
    ctx: RequestContext,
    upload: FileUpload,
    mode: ContractImportMode,
    options: { acceptWarnings: boolean; createPartners: boolean } = {
      acceptWarnings: false,
      createPartners: false,
    },
  ): Promise<ContractImportJob> {
    const file = await this.store(ctx, upload);
    // Not a ledger at all (no workbook, no header, no rows): said now, not after a wait.
    const rows = readRows((await this.deps.files.open(ctx, file.id)).stream, ctx.locale, {
      bytes: file.size,
    });
    await rows.next();
    await rows.return(undefined);
    return this.enqueue(ctx, { fileId: file.id, mode, ...options });
  }

  /**
   * The mapping step's start: the workbook stored (the requester's alone) and its first rows shown
   * with the header row and columns proposed, from the mapping saved for the same header in the
   * acting entity, else from the columns' names.
   */
  async inspect(ctx: RequestContext, upload: FileUpload): Promise<ContractImportInspection> {
    const file = await this.store(ctx, upload);
    const rows = await firstRows((await this.deps.files.open(ctx, file.id)).stream, file.size, ctx.locale);
    const saved = await this.deps.mappings.find(ctx, IMPORT_MAPPING_KIND, candidatePrints(rows));
    return { fileId: file.id, fileName: file.name, ...propose(rows, saved, ctx.locale) };
  }

  /**
   * An import of a workbook the mapping step stored, read by the layout the user confirmed. A real
   * run (not a dry run) saves the layout's columns for this header, so the next file maps itself.
   */
  async run(ctx: RequestContext, input: ContractImportRun): Promise<ContractImportJob> {
    const run = contractImportRunSchema.parse(input);
    await this.assertMayImport(ctx);
    // Another user's file is not found (owner only).
    const { file, stream } = await this.deps.files.open(ctx, run.fileId);
    let save: (trx: Db) => Promise<void> = async () => {};
    if (run.layout) {
      const layout = run.layout;
      checkLayout(layout, ctx.locale);
      const cells = await headerCells(stream, file.size, layout.headerRow, ctx.locale);
      if (run.mode !== 'check')
        save = (trx) =>
          this.deps.mappings.save(trx, ctx, {
            kind: IMPORT_MAPPING_KIND,
            fingerprint: headerFingerprint(cells),
            mapping: layout.mapping,
            fieldLabel: (field) => importColumns.find((c) => c.key === field)?.header ?? field,
          });
    } else stream.destroy();
    return this.enqueue(ctx, { ...run }, save);
  }

  private async assertMayImport(ctx: RequestContext): Promise<void> {
    if (!ctx.actor) throw new AppError('UNAUTHENTICATED');
    await ctx.access.require('contract.import');
    await ctx.access.require('contract.create');
  }

  /** The upload stored as a file of the requester's alone. */
  private async store(ctx: RequestContext, upload: FileUpload): Promise<FileObject> {
    await this.assertMayImport(ctx);
    return this.deps.files.upload(ctx, { ...upload, ownerOnly: true });
  }

  private async enqueue(
    ctx: RequestContext,
    run: Pick<
      z.infer<typeof importPayload>,
      'fileId' | 'mode' | 'acceptWarnings' | 'createPartners' | 'layout'
    >,
    alsoInTransaction: (trx: Db) => Promise<void> = async () => {},
  ): Promise<ContractImportJob> {
    const actor = ctx.actor!;
    const id = await this.deps.db.transaction().execute(async (trx) => {
      const jobId = (await this.deps.jobs.enqueue(trx, IMPORT_JOB, {
        ...run,
        locale: ctx.locale,
        requester: { userId: actor.userId, entityId: actor.actingEntityId },
      }))!;
      await this.deps.audit.record(trx, ctx, {
        entityType: 'job',
        entityId: jobId,
        action: 'start',
        after: { type: IMPORT_JOB, file_id: run.fileId, mode: run.mode },
      });
      await alsoInTransaction(trx);
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
  async work(payload: z.infer<typeof importPayload>, job: JobContext) {
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
        {
          acceptWarnings: payload.acceptWarnings,
          createPartners: payload.createPartners,
          layout: payload.layout,
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
      handler: (payload, context) => this.work(payload, context),
    });
  }
}
