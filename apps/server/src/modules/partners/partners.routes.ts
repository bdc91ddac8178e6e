import { z } from 'zod';
import {
  idParamsSchema,
  pageOf,
  partnerBankAccountInputSchema,
  partnerBankAccountSchema,
  partnerBankAccountUpdateSchema,
  partnerContactInputSchema,
  partnerContactSchema,
  partnerContactUpdateSchema,
  partnerCreateSchema,
  partnerDetailSchema,
  partnerExpiringQualificationSchema,
  partnerExpiringQualificationsQuerySchema,
  partnerExportQuerySchema,
  partnerIndustries,
  partnerLabelOf,
  partnerListItemSchema,
  partnerListQuerySchema,
  partnerQualificationInputSchema,
  partnerQualificationSchema,
  partnerQualificationUpdateSchema,
  partnerReasonSchema,
  partnerRegions,
  partnerUpdateSchema,
} from '@concord/contracts';
import { defineRoute, type RouteDefinition, sendXlsx } from '../../platform/http/index.js';
import type { PartnerRecordsService } from './partner-records.service.js';
import type { PartnersService } from './partners.service.js';

const tags = ['partners'];

export function partnersRoutes(partners: PartnersService, records: PartnerRecordsService): RouteDefinition[] {
  return [
    defineRoute({
      method: 'GET',
      url: '/partners',
      summary: 'List partners visible to me (paged, sorted, filtered)',
      tags,
      querystring: partnerListQuerySchema,
      response: pageOf(partnerListItemSchema),
      handler: ({ ctx, query }) => partners.browse(ctx, query),
    }),
    defineRoute({
      method: 'GET',
      url: '/partners/hidden-matches',
      summary: 'How many partners match the text but are not available to me (another entity’s, not shared)',
      tags,
      querystring: z.strictObject({ q: z.string().trim().max(100) }),
      response: z.object({ count: z.number().int(), capped: z.boolean() }),
      handler: ({ ctx, query }) => partners.hiddenMatches(ctx, query.q),
    }),
    defineRoute({
      method: 'GET',
      url: '/partners/export',
      summary: 'Export the filtered partner list to Excel',
      tags,
      download: true,
      querystring: partnerExportQuerySchema,
      handler: async ({ ctx, query }, reply) => {
        const zh = ctx.locale === 'zh-CN';
        const locale = ctx.locale;
        const kind = { customer: zh ? '客户' : 'Customer', supplier: zh ? '供应商' : 'Supplier' };
        const type = {
          enterprise: zh ? '企业' : 'Enterprise',
          individual: zh ? '个人' : 'Individual',
          government: zh ? '政府机关/事业单位' : 'Government',
          other: zh ? '其他' : 'Other',
        };
        const yes = zh ? '是' : 'Yes';
        return sendXlsx(reply, {
          filename: zh ? '合作伙伴.xlsx' : 'partners.xlsx',
          sheetName: zh ? '合作伙伴' : 'Partners',
          rows: partners.exportRows(ctx, query),
          columns: [
            { header: zh ? '名称' : 'Name', width: 36, value: (p) => p.name },
            { header: zh ? '统一社会信用代码' : 'Credit code', width: 22, value: (p) => p.creditCode },
            {
              header: zh ? '类别' : 'Kinds',
              value: (p) => p.kinds.map((k) => kind[k]).join(zh ? '、' : ', '),
            },
            { header: zh ? '性质' : 'Type', value: (p) => type[p.type] },
            {
              header: zh ? '行业' : 'Industry',
              width: 28,
              value: (p) => partnerLabelOf(partnerIndustries, p.industry, locale),
            },
            {
              header: zh ? '地区' : 'Region',
              value: (p) => partnerLabelOf(partnerRegions, p.region, locale),
            },
            { header: zh ? '地址' : 'Address', width: 36, value: (p) => p.address },
            { header: zh ? '评级' : 'Rating', width: 8, value: (p) => p.rating },
            { header: zh ? '登记单位' : 'Registered by', width: 28, value: (p) => p.entityName },
            { header: zh ? '集团共享' : 'Shared', width: 10, value: (p) => (p.sharedWithGroup ? yes : '') },
            { header: zh ? '黑名单' : 'Blacklisted', width: 10, value: (p) => (p.blacklisted ? yes : '') },
            { header: zh ? '拉黑原因' : 'Blacklist reason', width: 30, value: (p) => p.blacklistReason },
            { header: zh ? '登记人' : 'Registered by user', value: (p) => p.ownerName },
            { header: zh ? '备注' : 'Remarks', width: 30, value: (p) => p.remarks },
            { header: zh ? '创建时间' : 'Created', width: 24, value: (p) => p.createdAt },
          ],
        });
      },
    }),
    defineRoute({
      method: 'GET',
      url: '/partners/:id',
      summary: 'Get a partner with its bank accounts, contacts, qualifications and blacklist history',
      tags,
      recordType: 'partner',
      params: idParamsSchema,
      response: partnerDetailSchema,
      handler: ({ ctx, params }) => partners.get(ctx, params.id),
    }),
    defineRoute({
      method: 'POST',
      url: '/partners',
      status: 201,
      summary: 'Register a partner',
      tags,
      body: partnerCreateSchema,
      response: partnerDetailSchema,
      handler: ({ ctx, body }) => partners.create(ctx, body),
    }),
    defineRoute({
      method: 'PATCH',
      url: '/partners/:id',
      summary: 'Update a partner',
      tags,
      recordType: 'partner',
      params: idParamsSchema,
      body: partnerUpdateSchema,
      response: partnerDetailSchema,
      handler: ({ ctx, params, body }) => partners.update(ctx, params.id, body),
    }),
    defineRoute({
      method: 'POST',
      url: '/partners/:id/blacklist',
      summary: 'Put a partner on the blacklist, with a reason',
      tags,
      recordType: 'partner',
      params: idParamsSchema,
      body: partnerReasonSchema,
      response: partnerDetailSchema,
      handler: ({ ctx, params, body }) => partners.blacklist(ctx, params.id, body.reason),
    }),
    defineRoute({
      method: 'POST',
      url: '/partners/:id/restore',
      summary: 'Take a partner off the blacklist, with a reason',
      tags,
      recordType: 'partner',
      params: idParamsSchema,
      body: partnerReasonSchema,
      response: partnerDetailSchema,
      handler: ({ ctx, params, body }) => partners.restore(ctx, params.id, body.reason),
    }),
    // ---- bank accounts ----
    defineRoute({
      method: 'POST',
      url: '/partners/:id/bank-accounts',
      status: 201,
      summary: 'Add a bank account to a partner (the first becomes the default)',
      tags,
      recordType: 'partner',
      params: idParamsSchema,
      body: partnerBankAccountInputSchema,
      response: partnerBankAccountSchema,
      handler: ({ ctx, params, body }) => records.addBankAccount(ctx, params.id, body),
    }),
    defineRoute({
      method: 'PATCH',
      url: '/partners/bank-accounts/:id',
      summary: "Update a partner's bank account",
      tags,
      recordType: 'partnerBankAccount',
      params: idParamsSchema,
      body: partnerBankAccountUpdateSchema,
      response: partnerBankAccountSchema,
      handler: ({ ctx, params, body }) => records.updateBankAccount(ctx, params.id, body),
    }),
    defineRoute({
      method: 'DELETE',
      url: '/partners/bank-accounts/:id',
      status: 204,
      summary: "Remove a partner's bank account",
      tags,
      recordType: 'partnerBankAccount',
      params: idParamsSchema,
      handler: async ({ ctx, params }) => {
        await records.removeBankAccount(ctx, params.id);
        return { ok: true as const };
      },
    }),
    // ---- contacts ----
    defineRoute({
      method: 'POST',
      url: '/partners/:id/contacts',
      status: 201,
      summary: 'Add a contact to a partner',
      tags,
      recordType: 'partner',
      params: idParamsSchema,
      body: partnerContactInputSchema,
      response: partnerContactSchema,
      handler: ({ ctx, params, body }) => records.addContact(ctx, params.id, body),
    }),
    defineRoute({
      method: 'PATCH',
      url: '/partners/contacts/:id',
      summary: "Update a partner's contact",
      tags,
      recordType: 'partnerContact',
      params: idParamsSchema,
      body: partnerContactUpdateSchema,
      response: partnerContactSchema,
      handler: ({ ctx, params, body }) => records.updateContact(ctx, params.id, body),
    }),
    defineRoute({
      method: 'DELETE',
      url: '/partners/contacts/:id',
      status: 204,
      summary: "Remove a partner's contact",
      tags,
      recordType: 'partnerContact',
      params: idParamsSchema,
      handler: async ({ ctx, params }) => {
        await records.removeContact(ctx, params.id);
        return { ok: true as const };
      },
    }),
    // ---- qualifications ----
    defineRoute({
      method: 'POST',
      url: '/partners/:id/qualifications',
      status: 201,
      summary: 'Add a qualification (资质) to a partner',
      tags,
      recordType: 'partner',
      params: idParamsSchema,
      body: partnerQualificationInputSchema,
      response: partnerQualificationSchema,
      handler: ({ ctx, params, body }) => records.addQualification(ctx, params.id, body),
    }),
    defineRoute({
      method: 'GET',
      url: '/partners/qualifications/expiring',
      summary:
        'Qualifications (资质) of the partners visible to me that end within `days` from today, soonest first (paged)',
      tags,
      querystring: partnerExpiringQualificationsQuerySchema,
      response: pageOf(partnerExpiringQualificationSchema),
      handler: ({ ctx, query }) => records.expiring(ctx, query),
    }),
    defineRoute({
      method: 'PATCH',
      url: '/partners/qualifications/:id',
      summary: "Update a partner's qualification",
      tags,
      recordType: 'partnerQualification',
      params: idParamsSchema,
      body: partnerQualificationUpdateSchema,
      response: partnerQualificationSchema,
      handler: ({ ctx, params, body }) => records.updateQualification(ctx, params.id, body),
    }),
    defineRoute({
      method: 'DELETE',
      url: '/partners/qualifications/:id',
      status: 204,
      summary: "Remove a partner's qualification",
      tags,
      recordType: 'partnerQualification',
      params: idParamsSchema,
      handler: async ({ ctx, params }) => {
        await records.removeQualification(ctx, params.id);
        return { ok: true as const };
      },
    }),
  ];
}
