import { businessDate } from '@concord/contracts';
import {
  formatNumber,
  type NumberingPreview,
  type NumberingReset,
  type NumberingRule,
  type NumberingRuleCreate,
  type NumberingRuleListQuery,
  type NumberingRuleUpdate,
  numberingCountsPerEntity,
  numberingIssueText,
  numberingPatternIssue,
  numberingPeriodKey,
  type Page,
} from '@concord/contracts';
import { type Db, newId, readBool, readInstant } from '../../db/index.js';
import type { Scope } from '../access/index.js';
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
import type { Clock } from '../jobs/index.js';
import * as repo from './numbering.repository.js';
import type { NumberingRuleTable } from './numbering.tables.js';

/** What numbering needs from the organisation (wired in the module definition). */
export interface NumberingDirectory {
  /** The code of a legal entity, or null when there is none with that id. */
  entityCode(db: Db, entityId: string): Promise<string | null>;
}

/** A rule as documents see it. */
export interface NumberingRuleRef {
  id: string;
  code: string;
  name: string;
  active: boolean;
}

export interface NumberFor {
  /** The code of the entity the document belongs to (shown by `{entity}`). */
  entityCode: string;
  /** The document's date, `YYYY-MM-DD`: it picks the year and month. */
  date: string;
}

const DATE = /^\d{4}-\d{2}-\d{2}$/;
const sortColumns = { code: 'r.code', name: 'r.name', createdAt: 'r.created_at', updatedAt: 'r.updated_at' };

/**
 * Numbering rules (编号规则): group-wide patterns that documents take their numbers from. `next`
 * runs inside the document's own transaction: the number is used up only if the document commits
 * (gap-free), and the counter's row lock makes concurrent documents take consecutive numbers.
 */
export class NumberingService {
  private readonly db: Db;

  constructor(
    db: Db,
    private readonly audit: AuditService,
    private readonly directory: NumberingDirectory,
    private readonly clock: Clock,
  ) {
    this.db = db;
  }

  async list(ctx: RequestContext, query: NumberingRuleListQuery): Promise<Page<NumberingRule>> {
    await ctx.access.require('numbering.rule.view');
    const sorted = applySort(
      repo.filteredRules(this.db, query),
      query.sort,
      sortColumns,
      { column: 'r.code', direction: 'asc' },
      'r.id',
    );
    const page = await fetchPage(sorted, query, (row) => row as NumberingRuleTable);
    const at = await this.previewPlace(ctx);
    const items: NumberingRule[] = [];
    for (const row of page.items) items.push(await this.toRule(this.db, row, at));
    return { ...page, items };
  }

  async get(ctx: RequestContext, id: string): Promise<NumberingRule> {
    await ctx.access.require('numbering.rule.view');
    const row = await repo.findRule(this.db, id);
    if (!row) throw notFound();
    return this.toRule(this.db, row, await this.previewPlace(ctx));
  }

  async create(ctx: RequestContext, input: NumberingRuleCreate): Promise<NumberingRule> {
    assertGroupWide(await ctx.access.require('numbering.rule.manage'));
    checkPattern(input.pattern, input.reset, ctx);
    const at = await this.previewPlace(ctx);
    return this.db.transaction().execute(async (trx) => {
      if (await repo.findRuleByCode(trx, input.code)) throw duplicate('code', input.code);
      const now = this.clock.now().toISOString();
      const row: NumberingRuleTable = {
        id: newId(),
        code: input.code,
        name: input.name,
        pattern: input.pattern,
        prefix: input.prefix,
        seq_width: input.seqWidth,
        reset: input.reset,
        active: input.active,
        description: input.description || null,
        created_at: now,
        updated_at: now,
      };
      await repo.insertRule(trx, row);
      const after = (await repo.findRule(trx, row.id))!;
      await this.audit.record(trx, ctx, {
        entityType: 'numbering_rule',
        entityId: row.id,
        action: 'create',
        after: snapshot(after),
      });
      return this.toRule(trx, after, at);
    });
  }

  async update(ctx: RequestContext, id: string, input: NumberingRuleUpdate): Promise<NumberingRule> {
    assertGroupWide(await ctx.access.require('numbering.rule.manage'));
    const at = await this.previewPlace(ctx);
    return this.db.transaction().execute(async (trx) => {
      const before = await repo.findRule(trx, id);
      if (!before) throw notFound();
      checkPattern(input.pattern ?? before.pattern, input.reset ?? (before.reset as NumberingReset), ctx);
      await repo.updateRule(trx, id, {
        ...(input.name !== undefined && { name: input.name }),
        ...(input.pattern !== undefined && { pattern: input.pattern }),
        ...(input.prefix !== undefined && { prefix: input.prefix }),
        ...(input.seqWidth !== undefined && { seq_width: input.seqWidth }),
        ...(input.reset !== undefined && { reset: input.reset }),
        ...(input.active !== undefined && { active: input.active }),
        ...(input.description !== undefined && { description: input.description || null }),
        updated_at: this.clock.now().toISOString(),
      });
      const after = (await repo.findRule(trx, id))!;
      await this.audit.record(trx, ctx, {
        entityType: 'numbering_rule',
        entityId: id,
        action: 'update',
        before: snapshot(before),
        after: snapshot(after),
      });
      return this.toRule(trx, after, at);
    });
  }

  /** The API's preview: the next number for an entity (default: the one the caller acts in) and date. */
  async previewFor(
    ctx: RequestContext,
    id: string,
    options: { entityId?: string; date?: string },
  ): Promise<NumberingPreview> {
    await ctx.access.require('numbering.rule.view');
    const row = await repo.findRule(this.db, id);
    if (!row) throw notFound();
    const place = await this.previewPlace(ctx, options.entityId);
    const date = options.date ?? place.date;
    return {
      number: await this.previewOf(this.db, row, { entityCode: place.entityCode, date }),
      entityCode: place.entityCode,
      date,
    };
  }

  /**
   * Takes the next number of a rule, inside the caller's transaction (pass it as `trx`). Refuses an
   * unknown or inactive rule with INVALID_REFERENCE ('numbering rule').
   */
  async next(trx: Db, ruleId: string, at: NumberFor): Promise<string> {
    const rule = await this.usableRule(trx, ruleId, at);
    const seq = await repo.incrementCounter(trx, counterKey(rule, at));
    return formatNumber(ruleShape(rule), { ...at, seq });
  }

  /** The number `next` would give now, without using it up. */
  async preview(ruleId: string, at: NumberFor, db: Db = this.db): Promise<string> {
    return this.previewOf(db, await this.usableRule(db, ruleId, at), at);
  }

  /** A rule by its code (e.g. `contract`), or undefined. Pass the transaction when inside one. */
  async findByCode(db: Db, code: string): Promise<NumberingRuleRef | undefined> {
    const row = await repo.findRuleByCode(db, code);
    return row ? toRef(row) : undefined;
  }

  /** A rule by id, or undefined (for modules that store a rule id, e.g. on a category). */
  async findById(db: Db, id: string): Promise<NumberingRuleRef | undefined> {
    const row = await repo.findRule(db, id);
    return row ? toRef(row) : undefined;
  }

  private async usableRule(db: Db, ruleId: string, at: NumberFor): Promise<NumberingRuleTable> {
    if (!DATE.test(at.date)) throw new AppError('VALIDATION_FAILED', { detail: `date: ${at.date}` });
    const rule = await repo.findRule(db, ruleId);
    if (!rule || !readBool(rule.active)) throw invalidReference('numbering rule');
    if (numberingCountsPerEntity(rule.pattern) && !at.entityCode) {
      throw new AppError('VALIDATION_FAILED', { detail: 'entityCode: required by the numbering rule' });
    }
    return rule;
  }

  private async previewOf(db: Db, rule: NumberingRuleTable, at: NumberFor): Promise<string> {
    const seq = (await repo.counterValue(db, counterKey(rule, at))) + 1;
    return formatNumber(ruleShape(rule), { ...at, seq });
  }

  private async previewPlace(
    ctx: RequestContext,
    entityId = ctx.actor?.actingEntityId,
  ): Promise<{ entityCode: string; date: string }> {
    const code = entityId ? await this.directory.entityCode(this.db, entityId) : null;
    if (entityId && code === null) throw new AppError('INVALID_REFERENCE', { what: 'entity' });
    return { entityCode: code ?? 'GRP', date: businessDate(this.clock.now()) };
  }

  private async toRule(
    db: Db,
    row: NumberingRuleTable,
    at: { entityCode: string; date: string },
  ): Promise<NumberingRule> {
    return {
      id: row.id,
      code: row.code,
      name: row.name,
      pattern: row.pattern,
      prefix: row.prefix,
      seqWidth: row.seq_width,
      reset: row.reset as NumberingReset,
      active: readBool(row.active),
      description: row.description,
      nextNumber: await this.previewOf(db, row, at),
      createdAt: readInstant(row.created_at)!,
      updatedAt: readInstant(row.updated_at)!,
    };
  }
}

/** A rule serves every entity, so only a scope over the whole group may change one. */
function assertGroupWide(scope: Scope): void {
  if (!scope.all) throw new AppError('FORBIDDEN');
}

function checkPattern(pattern: string, reset: NumberingReset, ctx: RequestContext): void {
  const issue = numberingPatternIssue(pattern, reset);
  if (!issue) return;
  const detail = numberingIssueText(issue, ctx.locale);
  throw new AppError('NUMBERING_PATTERN_INVALID', { detail }, [{ path: 'pattern', message: detail }]);
}

function counterKey(rule: NumberingRuleTable, at: NumberFor) {
  return {
    ruleId: rule.id,
    periodKey: numberingPeriodKey(rule.reset as NumberingReset, at.date),
    entityCode: numberingCountsPerEntity(rule.pattern) ? at.entityCode : '',
  };
}

const ruleShape = (row: NumberingRuleTable) => ({
  pattern: row.pattern,
  prefix: row.prefix,
  seqWidth: row.seq_width,
});

const toRef = (row: NumberingRuleTable): NumberingRuleRef => ({
  id: row.id,
  code: row.code,
  name: row.name,
  active: readBool(row.active),
});

function snapshot(row: NumberingRuleTable): Record<string, unknown> {
  return {
    code: row.code,
    name: row.name,
    pattern: row.pattern,
    prefix: row.prefix,
    seqWidth: row.seq_width,
    reset: row.reset,
    active: readBool(row.active),
    description: row.description,
  };
}
