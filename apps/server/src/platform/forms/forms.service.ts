import {
  type FormAvailableQuery,
  type FormDefinition,
  type FormDefinitionCreate,
  type FormDefinitionListQuery,
  type FormDefinitionUpdate,
  type FormField,
  formDefinitionIssues,
  type Page,
} from '@concord/contracts';
import { type Db, newId, writeJson } from '../../db/index.js';
import { AccessControl, isInScope, type Scope } from '../access/index.js';
import type { AuditService } from '../audit/index.js';
import {
  AppError,
  applySort,
  duplicate,
  fetchPage,
  invalidReference,
  notFound,
  type RequestContext,
} from '../http/index.js';
import { definitionSnapshot, toFormDefinition } from './forms.mappers.js';
import * as repo from './forms.repository.js';
import type { FormDefinitionTable } from './forms.tables.js';
import { type FormDataIssue, formMessage, validateFormData } from './forms.validation.js';
import type { Clock } from '../jobs/index.js';

/**
 * What forms need to know from the rest of the platform, answered by the org, users and files
 * services (wired in the module definition). Every method takes the caller's transaction when inside one.
 */
export interface FormDirectory {
  /** Of these ids, the users that exist and are active. */
  activeUserIds(db: Db, ids: string[]): Promise<Set<string>>;
  /** Of these ids, the departments that exist. */
  departmentIds(db: Db, ids: string[]): Promise<Set<string>>;
  entityExists(db: Db, id: string): Promise<boolean>;
  /** Of these ids, the files that exist and the caller may see. */
  visibleFileIds(db: Db, ctx: RequestContext, ids: string[]): Promise<Set<string>>;
}

/** What `prepareSubmission` hands the approval engine. */
export interface PreparedSubmission {
  form: FormDefinition;
  /** Normalised values: known keys only, strings trimmed, ids lower-case. */
  data: Record<string, unknown>;
  /** The value of the form's amount field in 分, or null (no amount field, or left empty). */
  amount: number | null;
}

/**
 * Ad-hoc form definitions (表单工具): administrators define fields within their data scope;
 * group-wide forms (no entity) need a scope over the whole group to manage. Employees fill the
 * forms available in the entity they act in; `prepareSubmission` validates what they send.
 */
export class FormsService {
  private readonly db: Db;

  constructor(
    db: Db,
    private readonly audit: AuditService,
    private readonly directory: FormDirectory,
    private readonly clock: Clock,
  ) {
    this.db = db;
  }

  async list(ctx: RequestContext, query: FormDefinitionListQuery): Promise<Page<FormDefinition>> {
    const scope = await ctx.access.require('form.definition.view');
    const sorted = applySort(
      repo.visibleDefinitions(this.db, scope, query),
      query.sort,
      { name: 'f.name', code: 'f.code', createdAt: 'f.created_at', updatedAt: 'f.updated_at' },
      { column: 'f.code', direction: 'asc' },
      'f.id',
    );
    return fetchPage(sorted, query, (row) => toFormDefinition(row as FormDefinitionTable));
  }

  async get(ctx: RequestContext, id: string): Promise<FormDefinition> {
    const scope = await ctx.access.require('form.definition.view');
    const row = await repo.findDefinition(this.db, id);
    if (!row) throw notFound();
    if (row.entity_id) AccessControl.assertVisible(scope, { entityId: row.entity_id });
    return toFormDefinition(row);
  }

  /** The active forms the signed-in user may fill: the group's and their acting entity's. */
  async available(ctx: RequestContext, query: FormAvailableQuery): Promise<Page<FormDefinition>> {
    if (!ctx.actor) throw new AppError('UNAUTHENTICATED');
    const sorted = applySort(
      repo.availableDefinitions(this.db, ctx.actor.actingEntityId, query.q),
      undefined,
      {},
      { column: 'f.name', direction: 'asc' },
      'f.id',
    );
    return fetchPage(sorted, query, (row) => toFormDefinition(row as FormDefinitionTable));
  }

  async create(ctx: RequestContext, input: FormDefinitionCreate): Promise<FormDefinition> {
    const scope = await ctx.access.require('form.definition.manage');
    if (input.entityId && !isInScope(scope, { entityId: input.entityId })) throw invalidReference('entity');
    assertManageable(scope, input.entityId);
    checkDefinition(input.fields, input.amountField);
    return this.db.transaction().execute(async (trx) => {
      if (input.entityId && !(await this.directory.entityExists(trx, input.entityId)))
        throw invalidReference('entity');
      if (await repo.findDefinitionByCode(trx, input.code)) throw duplicate('form code', input.code);
      const now = this.clock.now().toISOString();
      const id = newId();
      await repo.insertDefinition(trx, {
        id,
        code: input.code,
        name: input.name,
        description: input.description || null,
        entity_id: input.entityId,
        fields: writeJson(input.fields),
        amount_field: input.amountField,
        active: input.active,
        created_at: now,
        updated_at: now,
      });
      const after = (await repo.findDefinition(trx, id))!;
      await this.audit.record(trx, ctx, {
        entityType: 'form_definition',
        entityId: id,
        action: 'create',
        after: definitionSnapshot(after),
      });
      return toFormDefinition(after);
    });
  }

  async update(ctx: RequestContext, id: string, input: FormDefinitionUpdate): Promise<FormDefinition> {
    const scope = await ctx.access.require('form.definition.manage');
    return this.db.transaction().execute(async (trx) => {
      const before = await this.manageable(trx, scope, id);
      const current = toFormDefinition(before);
      const fields = input.fields ?? current.fields;
      const amountField = input.amountField !== undefined ? input.amountField : current.amountField;
      checkDefinition(fields, amountField);
      await repo.updateDefinition(trx, id, {
        ...(input.name !== undefined && { name: input.name }),
        ...(input.description !== undefined && { description: input.description || null }),
        ...(input.fields !== undefined && { fields: writeJson(input.fields) }),
        ...(input.amountField !== undefined && { amount_field: input.amountField }),
        ...(input.active !== undefined && { active: input.active }),
        updated_at: this.clock.now().toISOString(),
      });
      const after = (await repo.findDefinition(trx, id))!;
      await this.audit.record(trx, ctx, {
        entityType: 'form_definition',
        entityId: id,
        action: 'update',
        before: definitionSnapshot(before),
        after: definitionSnapshot(after),
      });
      return toFormDefinition(after);
    });
  }

  async remove(ctx: RequestContext, id: string): Promise<void> {
    const scope = await ctx.access.require('form.definition.manage');
    await this.db.transaction().execute(async (trx) => {
      const before = await this.manageable(trx, scope, id);
      await repo.deleteDefinition(trx, id);
      await this.audit.record(trx, ctx, {
        entityType: 'form_definition',
        entityId: id,
        action: 'delete',
        before: definitionSnapshot(before),
      });
    });
  }

  /**
   * For the approval submission, inside its transaction: the form must be active and offered in
   * the caller's acting entity (404 otherwise); the data is validated and normalised, referenced
   * users, departments and files confirmed. Throws VALIDATION_FAILED with `data.<key>` errors.
   */
  async prepareSubmission(
    trx: Db,
    ctx: RequestContext,
    formId: string,
    data: unknown,
  ): Promise<PreparedSubmission> {
    const row = await repo.findDefinition(trx, formId);
    const offered =
      row &&
      toFormDefinition(row).active &&
      (!row.entity_id || !ctx.actor || row.entity_id === ctx.actor.actingEntityId);
    if (!row || !offered) throw notFound();
    const form = toFormDefinition(row);
    const result = validateFormData(form.fields, data, { locale: ctx.locale });
    const errors: FormDataIssue[] = [...result.errors];
    const idsOf = (kind: 'user' | 'department' | 'file') =>
      result.references.filter((r) => r.kind === kind).map((r) => r.id);
    const found = {
      user: await this.directory.activeUserIds(trx, idsOf('user')),
      department: await this.directory.departmentIds(trx, idsOf('department')),
      file: await this.directory.visibleFileIds(trx, ctx, idsOf('file')),
    };
    for (const reference of result.references) {
      if (!found[reference.kind].has(reference.id)) {
        const message = `${formMessage(ctx.locale, 'id')}: ${reference.id}`;
        if (!errors.some((e) => e.path === reference.path && e.message === message))
          errors.push({ path: reference.path, message });
      }
    }
    if (errors.length) throw validationFailed(errors);
    const value = form.amountField ? result.data[form.amountField] : undefined;
    return { form, data: result.data, amount: typeof value === 'number' ? value : null };
  }

  /** Field keys of the form behind a `form.<code>` business type, for checking a flow's field references. */
  async fieldKeysFor(db: Db, businessType: string): Promise<string[] | undefined> {
    if (!businessType.startsWith('form.')) return undefined;
    const row = await repo.findDefinitionByCode(db, businessType.slice('form.'.length));
    return row ? toFormDefinition(row).fields.map((f) => f.key) : undefined;
  }

  private async manageable(trx: Db, scope: Scope, id: string): Promise<FormDefinitionTable> {
    const row = await repo.findDefinition(trx, id);
    if (!row) throw notFound();
    if (row.entity_id) AccessControl.assertVisible(scope, { entityId: row.entity_id });
    assertManageable(scope, row.entity_id);
    return row;
  }
}

/** A group-wide form reaches every entity, so only a scope over the whole group manages one. */
function assertManageable(scope: Scope, entityId: string | null): void {
  if (entityId === null ? !scope.all : !isInScope(scope, { entityId })) throw new AppError('FORBIDDEN');
}

function checkDefinition(fields: FormField[], amountField: string | null): void {
  const issues = formDefinitionIssues(fields, amountField);
  if (issues.length) throw validationFailed(issues);
}

function validationFailed(errors: { path: string; message: string }[]): AppError {
  const detail = errors
    .slice(0, 5)
    .map((e) => `${e.path}: ${e.message}`)
    .join('; ');
  return new AppError('VALIDATION_FAILED', { detail }, errors);
}
