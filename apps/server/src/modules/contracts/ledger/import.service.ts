import { type ContractImportReport, splitTax } from '@concord/contracts';
import { type Db, newId } from '../../../db/index.js';
import type { AuditService } from '../../../platform/audit/index.js';
import { AppError, type RequestContext } from '../../../platform/http/index.js';
import { listCategories } from '../setup/categories.repository.js';
import type { ContractPorts } from '../contracts.ports.js';
import * as repo from '../register/contracts.repository.js';
import { auditable, warmScopes } from '../register/contracts.drafts.js';
import type { ContractTable } from '../contracts.tables.js';
import {
  columnOrder,
  type Draft,
  distinct,
  type Fail,
  header,
  type ImportPartnerCandidate,
  parseRow,
  type Resolved,
  readFile,
  resolveRow,
  SIGNED,
  texts,
} from './import.rows.js';
import type { ContractVersions } from '../versions/versions.service.js';
import type { Clock } from '../../../platform/jobs/index.js';

export type { ImportPartnerCandidate } from './import.rows.js';

/** Directory reads the import resolves codes through, once per distinct value (wired in the module definition). */
export interface ContractImportLookups {
  /** Entity code → id (every entity of the group: a short list). */
  entityIdsByCode(): Promise<Map<string, string>>;
  /** The departments of these entities. */
  departments(entityIds: string[]): Promise<{ id: string; entityId: string; code: string }[]>;
  /** Username → user, for these usernames (unknown ones left out). */
  users(usernames: string[]): Promise<Map<string, { id: string; active: boolean }>>;
  /** Partners whose credit code is one of these or whose name is exactly one of these. */
  partners(keys: { creditCodes: string[]; names: string[] }): Promise<ImportPartnerCandidate[]>;
}

type Mode = 'all' | 'valid';

/**
 * Imports an existing Excel contract ledger (合同台账) so a company moves its history in on day one.
 * Every row is checked and every problem reported by row and column; `all` writes nothing when any
 * row fails, `valid` writes the valid rows. What is written is written in one transaction: imported
 * contracts keep their historical numbers, get version 1 (reason IMPORT) and skip the approval.
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

  async import(ctx: RequestContext, file: Buffer, mode: Mode): Promise<ContractImportReport> {
    const actor = ctx.actor;
    if (!actor) throw new AppError('UNAUTHENTICATED');
    await ctx.access.require('contract.import');
    const scope = await ctx.access.require('contract.create');
    await warmScopes(ctx);
    const t = texts[ctx.locale];
    const rows = await readFile(file, ctx.locale);
    const errors: ContractImportReport['errors'] = [];
    const fail: Fail = (row, column, message) => {
      errors.push({ row, column: header[column], message });
    };
    const parsed = rows.map(({ row, cells }) => parseRow(row, cells, fail, t));
    const drafts = parsed.map((p) => p.draft);

    // Directory lookups, each once per distinct value (before the transaction: SQLite has one connection).
    const entityIds = await this.lookups.entityIdsByCode();
    const entityOf = new Map<Draft, string>();
    for (const d of drafts) {
      const id = d.entityCode ? entityIds.get(d.entityCode.toUpperCase()) : actor.actingEntityId;
      if (id) entityOf.set(d, id);
      else fail(d.row, 'entity', t.unknown(d.entityCode ?? ''));
    }
    const departments = new Map(
      (await this.lookups.departments([...new Set(entityOf.values())])).map((dep) => [
        `${dep.entityId}/${dep.code.toUpperCase()}`,
        dep.id,
      ]),
    );
    const users = await this.lookups.users(distinct(drafts.map((d) => d.username)));
    const categories = new Map((await listCategories(this.db)).map((c) => [c.code.toUpperCase(), c]));
    const candidates = await this.lookups.partners({
      creditCodes: distinct(drafts.map((d) => d.creditCode)),
      names: distinct(drafts.map((d) => d.partnerName)),
    });

    const resolved = new Map<Draft, Resolved>();
    drafts.forEach((d, i) => {
      const entityId = entityOf.get(d);
      const r = resolveRow(d, { entityId, departments, users, categories, candidates, scope }, fail, t);
      if (r && parsed[i].ok && entityId) resolved.set(d, r);
    });

    return this.db.transaction().execute(async (trx) => {
      // Numbers: unique within the file and against every contract (read in the transaction that writes).
      const firstRow = new Map<string, number>();
      for (const d of drafts) {
        if (!d.number) continue;
        const first = firstRow.get(d.number);
        if (first === undefined) firstRow.set(d.number, d.row);
        else fail(d.row, 'number', t.duplicateInFile(first));
      }
      const taken = await repo.takenNumbers(trx, [...firstRow.keys()]);
      for (const d of drafts)
        if (d.number && taken.has(d.number)) fail(d.row, 'number', t.numberTaken(d.number));

      // The partner as the contract register itself accepts it (visibility, use by the entity, blacklist).
      const partners = new Map<
        string,
        Awaited<ReturnType<ContractPorts['partners']['forContract']>> | string
      >();
      for (const [d, r] of resolved) {
        const key = `${r.partnerId}/${r.entityId}`;
        if (!partners.has(key)) {
          partners.set(
            key,
            await this.ports.partners
              .forContract(trx, ctx, r.partnerId, r.entityId)
              .catch((error: unknown) => {
                if (error instanceof AppError) return error.messageFor(ctx.locale);
                throw error;
              }),
          );
        }
        const partner = partners.get(key);
        if (typeof partner === 'string')
          fail(d.row, d.creditCode ? 'partnerCreditCode' : 'partnerName', partner);
      }

      const failedRows = new Set(errors.map((e) => e.row));
      errors.sort((a, b) => a.row - b.row || columnOrder(a.column) - columnOrder(b.column));
      const report = { rows: drafts.length, errors };
      if ((mode === 'all' && errors.length) || resolved.size === 0)
        return { ...report, imported: 0, committed: false };

      const now = this.clock.now().toISOString();
      const records: ContractTable[] = [];
      for (const [d, r] of resolved) {
        if (failedRows.has(d.row)) continue;
        const partner = partners.get(`${r.partnerId}/${r.entityId}`);
        if (!partner || typeof partner === 'string') continue;
        const bank = partner.bankAccounts.find((b) => b.isDefault) ?? partner.bankAccounts[0];
        const amount = d.amount as number;
        records.push({
          id: newId(),
          number: d.number,
          name: d.name as string,
          category_id: r.categoryId,
          direction: r.direction,
          partner_id: partner.id,
          partner_name: partner.name,
          partner_credit_code: partner.creditCode,
          partner_bank: bank
            ? { bankName: bank.bankName, accountName: bank.accountName, accountNumber: bank.accountNumber }
            : null,
          entity_id: r.entityId,
          department_id: r.departmentId,
          owner_id: r.ownerId,
          amount,
          tax_rate: d.taxRate as number,
          tax_amount: splitTax(amount, d.taxRate as number).taxAmount,
          signed_amount: SIGNED.includes(d.status) ? amount : null,
          current_amount: amount,
          currency: d.currency,
          sign_date: d.signDate,
          start_date: d.startDate,
          end_date: d.endDate,
          plan_line_id: null,
          project_ref: d.projectRef,
          budget_ref: null,
          body: d.body,
          attachments: [],
          custom_data: {},
          status: d.status,
          version: 1,
          instance_id: null,
          pending_change_id: null,
          status_reason: null,
          imported: true,
          lock_version: 0,
          created_by: actor.userId,
          created_at: now,
          updated_at: now,
        });
      }
      if (!records.length) return { ...report, imported: 0, committed: false };
      // A concurrent import may have taken a number since it was checked (PostgreSQL): ask for a retry.
      await repo.insertContracts(trx, records).catch((error: { code?: string }) => {
        if (error.code === '23505' || error.code === 'SQLITE_CONSTRAINT_UNIQUE')
          throw new AppError('CONFLICT');
        throw error;
      });
      for (const row of records) {
        await this.versions.snapshot(trx, ctx, row, 'IMPORT');
        await this.audit.record(trx, ctx, {
          entityType: 'contract',
          entityId: row.id,
          action: 'import',
          after: auditable(row),
        });
      }
      return { ...report, imported: records.length, committed: true };
    });
  }
}
