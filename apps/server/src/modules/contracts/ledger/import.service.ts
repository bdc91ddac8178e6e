import { Readable } from 'node:stream';
import type { ContractImportLayout, ContractImportMode, ContractImportReport } from '@concord/contracts';
import type { Db } from '../../../db/index.js';
import type { AuditService } from '../../../platform/audit/index.js';
import { AppError, type RequestContext } from '../../../platform/http/index.js';
import type { ContractPorts } from '../contracts.ports.js';
import * as repo from '../register/contracts.repository.js';
import { auditable, warmScopes } from '../register/contracts.drafts.js';
import type { ContractTable } from '../contracts.tables.js';
import {
  type Draft,
  distinct,
  type Fail,
  header,
  parseRow,
  type Resolved,
  resolveRow,
} from './import.rows.js';
import { type FileRow, readRows } from './import.file.js';
import { emptyOutcome, keep, type PassOutcome, report } from './import.outcome.js';
import { importedContract } from './import.record.js';
import {
  type ContractImportLookups,
  type Directory,
  entityOf,
  lookUpCodes,
  openDirectory,
} from './import.directory.js';
import { texts } from './import.texts.js';
import type { ContractVersions } from '../versions/versions.service.js';
import type { Clock } from '../../../platform/jobs/index.js';

export type { ImportPartnerCandidate } from './import.rows.js';
export type { ContractImportLookups } from './import.directory.js';

/** `check`: a dry run, nothing written; `all`: nothing written when any row fails; `valid`: the valid rows. */
type Mode = ContractImportMode;

/** How an import treats what it finds besides its rows' values. */
export interface ImportOptions {
  /** The user saw the warnings (values read one of two ways) and confirms them: those rows are written. */
  acceptWarnings?: boolean;
  /** The header row and columns as the user mapped them; found by the columns' names when absent. */
  layout?: ContractImportLayout;
  /**
   * A counterparty the library lacks, named with its credit code, is created (a company of the
   * signing entity) instead of refusing the row; a dry run lists those it would create.
   */
  createPartners?: boolean;
}

/** Rows checked and written per transaction: other writers (one connection on SQLite) get their turn between. */
export const IMPORT_BATCH = 500;

/** Where an import is: row-steps done of the whole (a check pass and a write pass count each row once). */
export type ImportProgress = (done: number, total: number) => Promise<void>;

/** The workbook to read, opened afresh for each pass over it, and its size in bytes. */
export type ImportSource = () => Promise<{ stream: Readable; bytes: number }>;

/** A pass over the workbook (the reader chooses by its size how to read it: a large one off the event loop). */
async function readSource(
  open: ImportSource,
  locale: RequestContext['locale'],
  layout?: ContractImportLayout,
) {
  const { stream, bytes } = await open();
  return readRows(stream, locale, { bytes, layout });
}

/**
 * Imports an existing Excel contract ledger (合同台账) so a company moves its history in on day one.
 * Every row is checked and every problem reported by row and column; `all` writes nothing when any
 * row fails, `valid` writes the valid rows. Imported contracts keep their historical numbers, get
 * version 1 (reason IMPORT) and skip the approval.
 *
 * The workbook is read streamed, IMPORT_BATCH rows at a time, each batch checked and written in a
 * transaction of its own, so a file of any size (up to IMPORT_MAX_ROWS) takes flat memory and never
 * holds the database for long. `all` first checks the whole file without writing (a dry run), then
 * writes it; a number another import took in between is reported on its row.
 *
 * Audit: one `import` record per contract (its `after` is the contract's fields), so each imported
 * contract's own history shows where it came from, like a contract registered by hand.
 */
export class ContractImportService {
  constructor(
    private readonly db: Db,
    private readonly audit: AuditService,
    private readonly ports: Pick<ContractPorts, 'partners'>,
    private readonly lookups: ContractImportLookups,
    private readonly versions: ContractVersions,
    private readonly clock: Clock,
  ) {}

  /** The template may be downloaded by whoever may import. */
  async assertMayImport(ctx: RequestContext): Promise<void> {
    await ctx.access.require('contract.import');
  }

  /** Imports a workbook held in memory (the same engine as the background job's). */
  async import(
    ctx: RequestContext,
    file: Buffer,
    mode: Mode,
    options: ImportOptions = {},
  ): Promise<ContractImportReport> {
    return this.run(
      ctx,
      async () => ({ stream: Readable.from([file]), bytes: file.length }),
      mode,
      undefined,
      options,
    );
  }

  /**
   * Imports the workbook `open` reads: first a pass counting its rows (the header and the row limit
   * are checked there, before anything else), then the check and write passes by batches.
   */
  async run(
    ctx: RequestContext,
    open: ImportSource,
    mode: Mode,
    onProgress: ImportProgress = async () => {},
    options: ImportOptions = {},
  ): Promise<ContractImportReport> {
    const actor = ctx.actor;
    if (!actor) throw new AppError('UNAUTHENTICATED');
    await ctx.access.require('contract.import');
    await ctx.access.require('contract.create');
    await warmScopes(ctx);
    // Creating partners inside a batch's transaction needs their scopes resolved before it.
    if (options.createPartners && ctx.access.has('partner.manage'))
      await this.ports.partners.prepareCreate(ctx);
    let rows = 0;
    for await (const _ of await readSource(open, ctx.locale, options.layout)) rows += 1;
    const passes = mode === 'all' ? 2 : 1;
    const total = rows * passes;
    await onProgress(0, total);
    const accept = options.acceptWarnings ?? false;
    const directory = await openDirectory(this.db, this.lookups);
    if (mode !== 'valid') {
      const check = await this.pass(ctx, open, directory, false, options, (done) => onProgress(done, total));
      // A dry run stops here; so does `all` when a row fails or a warning waits for the user.
      if (mode === 'check' || check.errors.length || (check.warnings.length && !accept))
        return report(rows, check, { dryRun: mode === 'check', accept });
    }
    const write = await this.pass(ctx, open, directory, true, options, (done) =>
      onProgress(done + (passes - 1) * rows, total),
    );
    return report(rows, write, { dryRun: false, accept });
  }

  /** One pass over the file by batches: checks every row, and writes the valid ones when `write`. */
  private async pass(
    ctx: RequestContext,
    open: ImportSource,
    directory: Directory,
    write: boolean,
    options: ImportOptions,
    onProgress: (done: number) => Promise<void>,
  ): Promise<PassOutcome> {
    const outcome = emptyOutcome();
    let batch: FileRow[] = [];
    let done = 0;
    const flush = async (rows: FileRow[]) => {
      await this.batch(ctx, rows, directory, write, options, outcome);
      done += rows.length;
      await onProgress(done);
    };
    // The batches are checked and written one after the other, and the file's next batch is read
    // while one is written: on PostgreSQL the parsing runs while the database works (one import of
    // 50,000 rows parses for about 1.5 s).
    let writing: Promise<void> = Promise.resolve();
    try {
      for await (const row of await readSource(open, ctx.locale, options.layout)) {
        batch.push(row);
        if (batch.length < IMPORT_BATCH) continue;
        const full = batch;
        batch = [];
        await writing;
        writing = flush(full);
        // Handled when awaited (next batch or below); meanwhile it must not count as unhandled.
        writing.catch(() => {});
      }
    } finally {
      await writing;
    }
    if (batch.length) await flush(batch);
    return outcome;
  }

  /** A batch of rows: parsed, resolved, checked against the register, and written in one transaction. */
  private async batch(
    ctx: RequestContext,
    rows: FileRow[],
    directory: Directory,
    write: boolean,
    options: ImportOptions,
    outcome: PassOutcome,
  ): Promise<void> {
    const accept = options.acceptWarnings ?? false;
    const createPartners = options.createPartners ?? false;
    const actor = ctx.actor!;
    const t = texts[ctx.locale];
    const scope = await ctx.access.require('contract.create');
    const errors: ContractImportReport['errors'] = [];
    const warnings: ContractImportReport['warnings'] = [];
    const fail: Fail = (row, column, message) => {
      errors.push({ row, column: header[column], message });
    };
    const warn: Fail = (row, column, message) => {
      warnings.push({ row, column: header[column], message });
    };
    const parsed = rows.map(({ row, cells, units }) => parseRow(row, cells, units, fail, t, warn));
    const drafts = parsed.map((p) => p.draft);
    await lookUpCodes(this.lookups, drafts, directory, actor.actingEntityId);

    const entityOfRow = new Map<Draft, string>();
    for (const d of drafts) {
      const id = d.entityCode ? entityOf(directory, d.entityCode) : actor.actingEntityId;
      if (id === 'ambiguous') fail(d.row, 'entity', t.ambiguousName(d.entityCode ?? ''));
      else if (id) entityOfRow.set(d, id);
      else fail(d.row, 'entity', t.unknown(d.entityCode ?? ''));
    }
    const candidates = [
      ...new Map(
        [...distinct(drafts.map((d) => d.creditCode)), ...distinct(drafts.map((d) => d.partnerName))]
          .flatMap((key) => directory.candidates.get(key) ?? [])
          .map((p) => [p.id, p]),
      ).values(),
    ];
    const resolved = new Map<Draft, Resolved>();
    drafts.forEach((d, i) => {
      const entityId = entityOfRow.get(d);
      const r = resolveRow(d, { entityId, ...directory, candidates, scope, createPartners }, fail, t);
      if (r && parsed[i].ok && entityId) resolved.set(d, r);
    });

    const checkAndWrite = async (trx: Db) => {
      // Numbers: unique within the file (the first row keeps it) and against every contract, read
      // in the transaction that writes.
      for (const d of drafts) {
        if (!d.number) continue;
        const first = outcome.firstRow.get(d.number);
        if (first === undefined) outcome.firstRow.set(d.number, d.row);
        else fail(d.row, 'number', t.duplicateInFile(first));
      }
      // A repeat is reported as one, even once its first row is written (an earlier batch).
      const firsts = drafts.filter((d) => d.number && outcome.firstRow.get(d.number) === d.row);
      const taken = await repo.takenNumbers(trx, distinct(firsts.map((d) => d.number)));
      for (const d of firsts)
        if (d.number && taken.has(d.number)) fail(d.row, 'number', t.numberTaken(d.number));

      await this.newPartners(trx, ctx, resolved, directory, write, outcome, fail);
      // The partner as the contract register itself accepts it (visibility, use by the entity, blacklist).
      for (const [d, r] of resolved) {
        if (!r.partnerId) continue;
        const key = `${r.partnerId}/${r.entityId}`;
        if (!directory.partners.has(key)) {
          directory.partners.set(
            key,
            await this.ports.partners
              .forContract(trx, ctx, r.partnerId, r.entityId)
              .catch((error: unknown) => {
                if (error instanceof AppError) return error.messageFor(ctx.locale);
                throw error;
              }),
          );
        }
        const partner = directory.partners.get(key);
        if (typeof partner === 'string')
          fail(d.row, d.creditCode ? 'partnerCreditCode' : 'partnerName', partner);
      }
      const failedRows = new Set(errors.map((e) => e.row));
      const valid = [...resolved].filter(([d]) => !failedRows.has(d.row));
      outcome.valid += valid.length;
      if (!write) return;
      // A row read one of two ways is written only once the user confirmed the reading.
      const unconfirmed = new Set(accept ? [] : warnings.map((w) => w.row));
      const records = valid
        .filter(([d]) => !unconfirmed.has(d.row))
        .map(([d, r]) =>
          importedContract(
            d,
            r,
            directory.partners.get(`${r.partnerId}/${r.entityId}`),
            actor.userId,
            this.clock.now().toISOString(),
          ),
        )
        .filter((row): row is ContractTable => row !== null);
      if (!records.length) return;
      // A concurrent import may have taken a number since it was checked (PostgreSQL): ask for a retry.
      await repo.insertContracts(trx, records).catch((error: { code?: string }) => {
        if (error.code === '23505' || error.code === 'SQLITE_CONSTRAINT_UNIQUE')
          throw new AppError('CONFLICT');
        throw error;
      });
      await this.versions.snapshotAll(trx, ctx, records, 'IMPORT');
      await this.audit.recordAll(
        trx,
        ctx,
        records.map((row) => ({
          entityType: 'contract',
          entityId: row.id,
          action: 'import',
          after: auditable(row),
        })),
      );
      outcome.imported += records.length;
    };
    if (write) await this.db.transaction().execute(checkAndWrite);
    else await checkAndWrite(this.db);

    keep(outcome, outcome.errors, errors);
    keep(outcome, outcome.warnings, warnings);
  }

  /**
   * The counterparties the rows name and the library lacks: created once each (by credit code) in
   * the batch's transaction when writing, listed when checking. A row whose partner cannot be
   * created (no permission, outside the user's scope) fails with the reason.
   */
  private async newPartners(
    trx: Db,
    ctx: RequestContext,
    resolved: Map<Draft, Resolved>,
    directory: Directory,
    write: boolean,
    outcome: PassOutcome,
    fail: Fail,
  ): Promise<void> {
    const t = texts[ctx.locale];
    for (const [d, r] of resolved) {
      const wanted = r.newPartner;
      if (!wanted) continue;
      if (!ctx.access.has('partner.manage')) {
        fail(d.row, 'partnerName', t.partner.mayNotCreate);
        continue;
      }
      if (!write) {
        // Listed once, at the first row naming it; the rows after it would use it.
        if (!outcome.partnersListed.has(wanted.creditCode))
          outcome.newPartners.push({ row: d.row, ...wanted });
        outcome.partnersListed.add(wanted.creditCode);
        continue;
      }
      const made = directory.created.get(wanted.creditCode);
      if (made) {
        r.partnerId = made;
        continue;
      }
      const created = await this.ports.partners
        .createForImport(trx, ctx, {
          ...wanted,
          entityId: r.entityId,
          kind: r.direction === 'INCOME' ? 'customer' : 'supplier',
        })
        .catch((error: unknown) => {
          if (error instanceof AppError) return error.messageFor(ctx.locale);
          throw error;
        });
      if (typeof created === 'string') {
        fail(d.row, 'partnerName', created);
        continue;
      }
      directory.created.set(wanted.creditCode, created.id);
      outcome.newPartners.push({ row: d.row, ...wanted });
      r.partnerId = created.id;
    }
  }
}
