import type {
  ContractAttachment,
  ContractAttachmentType,
  ContractCompare,
  ContractVersion,
  ContractVersionSummary,
} from '@concord/contracts';
import { type Db, newId, readJson } from '../../../db/index.js';
import { AccessControl } from '../../../platform/access/index.js';
import { AppError, notFound, type RequestContext } from '../../../platform/http/index.js';
import type { ContractPorts } from '../contracts.ports.js';
import * as repo from '../register/contracts.repository.js';
import { scopedFacts } from '../register/contracts.rules.js';
import type { ContractTable, ContractVersionTable } from '../contracts.tables.js';
import { compareVersions } from './versions.compare.js';
import type { Clock } from '../../../platform/jobs/index.js';

type Reason = ContractVersionSummary['reason'];

/**
 * The versions of a contract: a copy of its fields, body and attachment set at every submission,
 * approval edit, signing and approved change, never updated. Any two can be compared.
 */
export class ContractVersions {
  constructor(
    private readonly db: Db,
    private readonly ports: Pick<ContractPorts, 'org' | 'files'>,
    private readonly clock: Clock,
  ) {}

  /** Records `row` (already carrying its new version number) as that version. */
  async snapshot(
    trx: Db,
    ctx: RequestContext,
    row: ContractTable,
    reason: Reason,
    extra: { changeId?: string; note?: string; createdBy?: string } = {},
  ): Promise<void> {
    await repo.insertVersions(trx, [this.versionOf(ctx, row, reason, extra)]);
  }

  /** Records each of `rows` as its version, in a few statements (an import's batch). */
  async snapshotAll(trx: Db, ctx: RequestContext, rows: ContractTable[], reason: Reason): Promise<void> {
    await repo.insertVersions(
      trx,
      rows.map((row) => this.versionOf(ctx, row, reason, {})),
    );
  }

  private versionOf(
    ctx: RequestContext,
    row: ContractTable,
    reason: Reason,
    extra: { changeId?: string; note?: string; createdBy?: string },
  ): ContractVersionTable {
    return {
      id: newId(),
      contract_id: row.id,
      version: row.version,
      reason,
      change_id: extra.changeId ?? null,
      note: extra.note ?? null,
      fields: versionFields(row),
      body: row.body,
      attachments: readJson(row.attachments, []),
      created_by: extra.createdBy ?? ctx.actor?.userId ?? null,
      created_at: this.clock.now().toISOString(),
    };
  }

  async list(ctx: RequestContext, contractId: string): Promise<ContractVersionSummary[]> {
    await this.visible(ctx, contractId);
    const rows = await repo.listVersions(this.db, contractId);
    const names = await this.ports.org.userNames(
      this.db,
      rows.map((r) => r.created_by).filter((id): id is string => !!id),
    );
    return rows.map((r) => summary(r, names));
  }

  /** One version; the latest when `version` is absent. */
  async get(ctx: RequestContext, contractId: string, version?: number): Promise<ContractVersion> {
    const contract = await this.visible(ctx, contractId);
    return this.load(contractId, version ?? contract.version);
  }

  /** Compares two versions; by default the latest with the one before it. */
  async compare(
    ctx: RequestContext,
    contractId: string,
    from?: number,
    to?: number,
  ): Promise<ContractCompare> {
    const contract = await this.visible(ctx, contractId);
    to ??= contract.version;
    from ??= to - 1;
    if (from < 1) {
      throw new AppError('VALIDATION_FAILED', { detail: 'from: the contract has no earlier version' }, [
        { path: 'from', message: 'the contract has no earlier version' },
      ]);
    }
    if (from === to) {
      throw new AppError('VALIDATION_FAILED', { detail: 'to: choose two different versions' }, [
        { path: 'to', message: 'choose two different versions' },
      ]);
    }
    const [older, newer] = await Promise.all([this.load(contractId, from), this.load(contractId, to)]);
    return {
      from: strip(older),
      to: strip(newer),
      ...compareVersions(older, newer),
    };
  }

  private async load(contractId: string, version: number): Promise<ContractVersion> {
    const row = await repo.findVersion(this.db, contractId, version);
    if (!row) throw new AppError('NOT_FOUND');
    const attachments = readJson<{ fileId: string; type: ContractAttachmentType }[]>(row.attachments, []);
    const [names, fileNames] = await Promise.all([
      this.ports.org.userNames(this.db, row.created_by ? [row.created_by] : []),
      this.ports.files.namesOf(
        this.db,
        attachments.map((a) => a.fileId),
      ),
    ]);
    return {
      ...summary(row, names),
      fields: readJson<Record<string, unknown>>(row.fields, {}),
      body: row.body,
      attachments: attachments.map(
        (a): ContractAttachment => ({ ...a, name: fileNames.get(a.fileId) ?? '' }),
      ),
    };
  }

  private async visible(ctx: RequestContext, contractId: string): Promise<ContractTable> {
    const scope = await ctx.access.require('contract.view');
    const row = await repo.findContract(this.db, contractId);
    if (!row) throw notFound();
    AccessControl.assertVisible(scope, scopedFacts(row));
    return row;
  }
}

/** The fields a version keeps (the body and attachments are kept beside them). */
function versionFields(row: ContractTable): Record<string, unknown> {
  return {
    number: row.number,
    name: row.name,
    partnerName: row.partner_name,
    partnerCreditCode: row.partner_credit_code,
    partnerBank: readJson(row.partner_bank, null),
    departmentId: row.department_id,
    ownerId: row.owner_id,
    amount: row.amount,
    taxRate: row.tax_rate,
    taxAmount: row.tax_amount,
    currency: row.currency,
    signDate: row.sign_date,
    startDate: row.start_date,
    endDate: row.end_date,
    planLineId: row.plan_line_id,
    projectRef: row.project_ref,
    budgetRef: row.budget_ref,
    customData: readJson(row.custom_data, {}),
  };
}

function summary(
  row: Pick<
    ContractVersionTable,
    'id' | 'version' | 'reason' | 'change_id' | 'note' | 'created_by' | 'created_at'
  >,
  names: Map<string, string>,
): ContractVersionSummary {
  return {
    id: row.id,
    version: row.version,
    reason: row.reason as Reason,
    changeId: row.change_id,
    note: row.note,
    createdBy: row.created_by,
    createdByName: row.created_by ? (names.get(row.created_by) ?? null) : null,
    createdAt: new Date(row.created_at).toISOString(),
  };
}

const strip = (version: ContractVersion): ContractVersionSummary => ({
  id: version.id,
  version: version.version,
  reason: version.reason,
  changeId: version.changeId,
  note: version.note,
  createdBy: version.createdBy,
  createdByName: version.createdByName,
  createdAt: version.createdAt,
});
