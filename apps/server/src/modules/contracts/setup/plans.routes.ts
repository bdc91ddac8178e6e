import {
  type ContractPlanReportRow,
  contractPlanLineCreateSchema,
  contractPlanLineListQuerySchema,
  contractPlanLineSchema,
  contractPlanLineUpdateSchema,
  contractPlanReportExportQuerySchema,
  contractPlanReportQuerySchema,
  contractPlanReportSchema,
  idParamsSchema,
  pageOf,
} from '@concord/contracts';
import { defineRoute, moneyCell, type RouteDefinition, sendXlsx } from '../../../platform/http/index.js';
import type { ContractPlansService } from './plans.service.js';

/** A cell's amount in the row's own currency, in its digits (yen have no decimals). */
const major = (row: ContractPlanReportRow, minor: number) => moneyCell(minor, row.currency);

export function contractPlansRoutes(plans: ContractPlansService): RouteDefinition[] {
  const tags = ['contract planning'];
  return [
    defineRoute({
      method: 'GET',
      url: '/contract-plans',
      summary: 'List contract plan lines (paged, sorted, filtered by year, entity, department, category)',
      tags,
      querystring: contractPlanLineListQuerySchema,
      response: pageOf(contractPlanLineSchema),
      handler: ({ ctx, query }) => plans.list(ctx, query),
    }),
    defineRoute({
      method: 'GET',
      url: '/contract-plans/:id',
      summary: 'Get a contract plan line',
      tags,
      recordType: 'contractPlanLine',
      params: idParamsSchema,
      response: contractPlanLineSchema,
      handler: ({ ctx, params }) => plans.get(ctx, params.id),
    }),
    defineRoute({
      method: 'POST',
      url: '/contract-plans',
      status: 201,
      summary: 'Create a contract plan line',
      tags,
      body: contractPlanLineCreateSchema,
      response: contractPlanLineSchema,
      handler: ({ ctx, body }) => plans.create(ctx, body),
    }),
    defineRoute({
      method: 'PATCH',
      url: '/contract-plans/:id',
      summary: 'Update a contract plan line (its entity stays)',
      tags,
      recordType: 'contractPlanLine',
      params: idParamsSchema,
      body: contractPlanLineUpdateSchema,
      response: contractPlanLineSchema,
      handler: ({ ctx, params, body }) => plans.update(ctx, params.id, body),
    }),
    defineRoute({
      method: 'DELETE',
      url: '/contract-plans/:id',
      status: 204,
      summary: 'Delete a contract plan line no contract is linked to',
      tags,
      recordType: 'contractPlanLine',
      params: idParamsSchema,
      handler: async ({ ctx, params }) => {
        await plans.remove(ctx, params.id);
        return { ok: true as const };
      },
    }),
    defineRoute({
      method: 'GET',
      url: '/contract-plans/report',
      summary: 'Plan vs signed: planned, signed and in-progress amounts per plan line, with totals',
      tags,
      querystring: contractPlanReportQuerySchema,
      response: contractPlanReportSchema,
      responseAsBuilt: true,
      handler: ({ ctx, query }) => plans.report(ctx, query),
    }),
    defineRoute({
      method: 'GET',
      url: '/contract-plans/report/export',
      summary: 'Export the filtered plan-vs-signed report to Excel',
      tags,
      download: true,
      querystring: contractPlanReportExportQuerySchema,
      handler: async ({ ctx, query }, reply) => {
        const { rows, totals } = await plans.reportExport(ctx, query);
        const zh = ctx.locale === 'zh-CN';
        // A totals row per currency under the lines: amounts of different currencies are never added.
        const totalRows = totals.map(
          ({ lines: _lines, ...sums }): ContractPlanReportRow => ({
            planLineId: '',
            year: 0,
            name: zh ? '合计' : 'Total',
            entityId: '',
            entityName: '',
            departmentId: '',
            departmentName: '',
            categoryId: null,
            categoryName: null,
            direction: 'EXPENSE',
            projectRef: null,
            ...sums,
          }),
        );
        async function* withTotals() {
          yield* rows;
          yield* totalRows;
        }
        const direction = (row: ContractPlanReportRow) =>
          row.planLineId === ''
            ? null
            : row.direction === 'INCOME'
              ? zh
                ? '收入'
                : 'Income'
              : zh
                ? '支出'
                : 'Expense';
        return sendXlsx(reply, {
          filename: zh ? '合同规划执行.xlsx' : 'contract-plan-vs-signed.xlsx',
          sheetName: zh ? '规划执行' : 'Plan vs signed',
          rows: withTotals(),
          columns: [
            { header: zh ? '年度' : 'Year', width: 8, value: (r) => r.year || null },
            { header: zh ? '规划名称' : 'Plan line', width: 32, value: (r) => r.name },
            { header: zh ? '法人主体' : 'Entity', width: 26, value: (r) => r.entityName || null },
            { header: zh ? '部门' : 'Department', value: (r) => r.departmentName || null },
            { header: zh ? '合同类别' : 'Category', value: (r) => r.categoryName },
            { header: zh ? '收支方向' : 'Direction', width: 10, value: direction },
            { header: zh ? '项目' : 'Project', value: (r) => r.projectRef },
            { header: zh ? '币种' : 'Currency', width: 8, value: (r) => r.currency },
            { header: zh ? '规划金额' : 'Planned', value: (r) => major(r, r.plannedAmount) },
            { header: zh ? '已签金额' : 'Signed', value: (r) => major(r, r.signedAmount) },
            {
              header: zh ? '在途金额' : 'In progress',
              value: (r) => major(r, r.inProgressAmount),
            },
            { header: zh ? '合同数' : 'Contracts', width: 10, value: (r) => r.contractCount },
            {
              header: zh ? '剩余金额' : 'Remaining',
              value: (r) => major(r, r.remainingAmount),
            },
            {
              header: zh ? '执行率' : 'Execution',
              width: 10,
              numFmt: '0.0%',
              value: (r) => (r.executionRate === null ? null : r.executionRate / 10000),
            },
          ],
        });
      },
    }),
  ];
}
