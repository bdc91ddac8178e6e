import type {
  ContractException,
  ContractExceptionsExportQuery,
  ContractExceptionsQuery,
  ContractMatching,
  MatchingLine,
  Page,
} from '@concord/contracts';
import {
  businessDate,
  contractExceptionsExportQuerySchema,
  contractExceptionsQuerySchema,
} from '@concord/contracts';
import { AccessControl } from '../../../platform/access/index.js';
import type { RequestContext } from '../../../platform/http/index.js';
import { notFound } from '../../../platform/http/index.js';
import { applySort, fetchPage, presentedInBatches, sendXlsx } from '../../../platform/http/index.js';
import type { Clock } from '../../../platform/jobs/index.js';
import type { Scope } from '../../../platform/access/index.js';
import type { FastifyReply } from 'fastify';
import { exceptionExportColumns } from './matching.export.js';
import * as contracts from '../register/contracts.repository.js';
import { scopedFacts } from '../register/contracts.rules.js';
import type { ExecutionSettingsService } from './execution-settings.service.js';
import {
  contractMatchingStatus,
  executableAmount,
  matchingStatus,
  type Tolerance,
} from './execution.rules.js';
import * as repo from './matching.repository.js';
import type { Db } from '../../../db/index.js';

type Figures = { paid: number; invoiced: number; accepted: number };

/** The three figures with their differences and the verdict under the tolerance. */
export function compare(figures: Figures, tolerance: Tolerance) {
  return {
    paid: figures.paid,
    invoiced: figures.invoiced,
    accepted: figures.accepted,
    paidVsInvoiced: figures.paid - figures.invoiced,
    paidVsAccepted: figures.paid - figures.accepted,
    invoicedVsAccepted: figures.invoiced - figures.accepted,
    status: matchingStatus(figures, tolerance),
  };
}

/**
 * Matching 款、票、物: money paid (received on income contracts, net of refunds) vs invoiced vs
 * accepted, per contract and per plan item, with the tolerance of the contract's entity; and the
 * exceptions list of every contract in scope whose three figures disagree beyond tolerance.
 * Reads the figures kept on the contract and its plan items (figures.service.ts), so it agrees
 * with the ledger.
 */
export class ContractMatchingService {
  constructor(
    private readonly db: Db,
    private readonly settings: ExecutionSettingsService,
    private readonly clock: Clock,
  ) {}

  async forContract(ctx: RequestContext, contractId: string): Promise<ContractMatching> {
    const scope = await ctx.access.require('contract.view');
    const contract = await contracts.findContract(this.db, contractId);
    if (!contract) throw notFound();
    AccessControl.assertVisible(scope, scopedFacts(contract));
    return this.matchingOf(this.db, contractId);
  }

  /** The matching of a contract without an access check (for other services, inside their transaction). */
  async matchingOf(db: Db, contractId: string): Promise<ContractMatching> {
    const contract = (await contracts.findContract(db, contractId)) as
      | (Awaited<ReturnType<typeof contracts.findContract>> & {
          paid_amount: number;
          invoiced_amount: number;
          accepted_amount: number;
          settled_amount: number | null;
        })
      | undefined;
    if (!contract) throw notFound();
    const settings = await this.settings.forEntity(db, contract.entity_id);
    const tolerance = settings.tolerance;
    const total: Figures = {
      paid: contract.paid_amount,
      invoiced: contract.invoiced_amount,
      accepted: contract.accepted_amount,
    };
    const items = await repo.itemFigures(db, contractId);
    const lines: MatchingLine[] = items.map((item) => ({
      planItemId: item.id,
      seq: item.seq,
      name: item.name,
      amount: item.amount,
      ...compare(
        {
          paid: item.paid_amount,
          invoiced: item.invoiced_amount,
          accepted: item.accepted_amount,
        },
        tolerance,
      ),
    }));
    // The lines' figures are the totals allocated to the items (what no item is tied to included:
    // execution.rules.ts `allocateUnlinked`), so they sum to the totals. Without plan items (or
    // where figures were written without their allocation) the untied rest shows as a line of its own.
    const rest: Figures = {
      paid: total.paid - lines.reduce((sum, l) => sum + l.paid, 0),
      invoiced: total.invoiced - lines.reduce((sum, l) => sum + l.invoiced, 0),
      accepted: total.accepted - lines.reduce((sum, l) => sum + l.accepted, 0),
    };
    if (lines.length > 0 && (rest.paid !== 0 || rest.invoiced !== 0 || rest.accepted !== 0)) {
      lines.push({ planItemId: null, seq: null, name: '', amount: null, ...compare(rest, tolerance) });
    }
    return {
      contractId,
      direction: contract.direction as ContractMatching['direction'],
      executableAmount: executableAmount({
        current_amount: contract.current_amount,
        settled_amount: contract.settled_amount,
      }),
      tolerance: { amount: tolerance.amount, rate: tolerance.rate },
      toleranceSource: settings.source,
      // MATCHED only when the totals and every line agree: the two levels never contradict.
      total: { ...compare(total, tolerance), status: contractMatchingStatus(total, lines, tolerance) },
      lines,
    };
  }

  /**
   * Every contract in the caller's `contract.view` scope whose paid, invoiced and accepted figures
   * disagree beyond tolerance, computed in SQL over the contract's figure columns. The tolerance
   * per contract is its entity's row in contract_execution_setting (left join), else the group
   * root's row (read first and passed as a constant), else the defaults.
   */
  async exceptions(ctx: RequestContext, query: ContractExceptionsQuery): Promise<Page<ContractException>> {
    const scope = await ctx.access.require('contract.view');
    const filter = contractExceptionsQuerySchema.parse(query);
    const page = await fetchPage(
      await this.sortedExceptions(scope, filter),
      filter,
      (row) => row as unknown as repo.ExceptionRow,
    );
    return { ...page, items: page.items.map(toException) };
  }

  /** The exceptions list as filtered and sorted, every row, to .xlsx (streamed a batch at a time). */
  async exportExceptions(
    ctx: RequestContext,
    query: ContractExceptionsExportQuery,
    reply: FastifyReply,
  ): Promise<FastifyReply> {
    const scope = await ctx.access.require('contract.view');
    await ctx.access.require('contract.export');
    const filter = contractExceptionsExportQuerySchema.parse(query);
    const title = ctx.locale === 'zh-CN' ? '款票物异常' : 'Execution exceptions';
    return sendXlsx(reply, {
      filename: `${title}-${businessDate(this.clock.now())}.xlsx`,
      sheetName: title,
      columns: exceptionExportColumns(ctx.locale),
      rows: presentedInBatches(await this.sortedExceptions(scope, filter), async (batch) =>
        batch.map((row) => toException(row as unknown as repo.ExceptionRow)),
      ),
    });
  }

  private async sortedExceptions(scope: Scope, filter: ContractExceptionsExportQuery & { sort?: string }) {
    const group = (await this.settings.groupDefault(this.db)).tolerance;
    return applySort(
      repo.exceptions(this.db, scope, filter, group),
      filter.sort,
      {
        maxDifference: 'max_difference',
        number: 'c.number',
        name: 'c.name',
        paid: 'c.paid_amount',
        invoiced: 'c.invoiced_amount',
        accepted: 'c.accepted_amount',
      },
      { column: 'max_difference', direction: 'desc' },
      'c.id',
    );
  }
}

function toException(row: repo.ExceptionRow): ContractException {
  const paid = row.paid_amount;
  const invoiced = row.invoiced_amount;
  const accepted = row.accepted_amount;
  return {
    contractId: row.id,
    number: row.number,
    name: row.name,
    direction: row.direction as ContractException['direction'],
    partnerName: row.partner_name,
    entityId: row.entity_id,
    entityName: row.entity_name,
    status: row.status,
    currency: row.currency as ContractException['currency'],
    executableAmount: executableAmount({
      current_amount: row.current_amount,
      settled_amount: row.settled_amount,
    }),
    paid,
    invoiced,
    accepted,
    paidVsInvoiced: paid - invoiced,
    paidVsAccepted: paid - accepted,
    invoicedVsAccepted: invoiced - accepted,
    maxDifference: row.max_difference,
    toleranceAmount: row.tolerance_amount,
    toleranceRate: row.tolerance_rate,
  };
}
