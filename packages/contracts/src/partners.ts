import { z } from 'zod';
import { dateSchema, idSchema, instantSchema, nameSchema, queryBool } from './common.js';
import { daysBetween } from './calendar.js';
import { normalizeCreditCode } from './credit-code.js';

/*
 * Partners (合作伙伴): customers and suppliers in one group-wide library. A partner belongs to the
 * entity that registered it; other entities see and use it when it is shared with the group.
 */

// ---- reference lists ----

export const partnerKinds = ['customer', 'supplier'] as const;
export type PartnerKind = (typeof partnerKinds)[number];

export const partnerTypes = ['enterprise', 'individual', 'government', 'other'] as const;
export type PartnerType = (typeof partnerTypes)[number];

export const partnerRatings = ['A', 'B', 'C', 'D'] as const;
export type PartnerRating = (typeof partnerRatings)[number];

type Labelled = { code: string; 'zh-CN': string; 'en-US': string };

/** Industries: the sections (门类) of GB/T 4754-2017. */
export const partnerIndustries = [
  { code: 'A', 'zh-CN': '农、林、牧、渔业', 'en-US': 'Agriculture, forestry and fishing' },
  { code: 'B', 'zh-CN': '采矿业', 'en-US': 'Mining' },
  { code: 'C', 'zh-CN': '制造业', 'en-US': 'Manufacturing' },
  { code: 'D', 'zh-CN': '电力、热力、燃气及水生产和供应业', 'en-US': 'Electricity, heat, gas and water' },
  { code: 'E', 'zh-CN': '建筑业', 'en-US': 'Construction' },
  { code: 'F', 'zh-CN': '批发和零售业', 'en-US': 'Wholesale and retail' },
  { code: 'G', 'zh-CN': '交通运输、仓储和邮政业', 'en-US': 'Transport, storage and post' },
  { code: 'H', 'zh-CN': '住宿和餐饮业', 'en-US': 'Accommodation and catering' },
  { code: 'I', 'zh-CN': '信息传输、软件和信息技术服务业', 'en-US': 'Information technology and software' },
  { code: 'J', 'zh-CN': '金融业', 'en-US': 'Finance' },
  { code: 'K', 'zh-CN': '房地产业', 'en-US': 'Real estate' },
  { code: 'L', 'zh-CN': '租赁和商务服务业', 'en-US': 'Leasing and business services' },
  { code: 'M', 'zh-CN': '科学研究和技术服务业', 'en-US': 'Research and technical services' },
  { code: 'N', 'zh-CN': '水利、环境和公共设施管理业', 'en-US': 'Water, environment and public facilities' },
  { code: 'O', 'zh-CN': '居民服务、修理和其他服务业', 'en-US': 'Household, repair and other services' },
  { code: 'P', 'zh-CN': '教育', 'en-US': 'Education' },
  { code: 'Q', 'zh-CN': '卫生和社会工作', 'en-US': 'Health and social work' },
  { code: 'R', 'zh-CN': '文化、体育和娱乐业', 'en-US': 'Culture, sports and entertainment' },
  {
    code: 'S',
    'zh-CN': '公共管理、社会保障和社会组织',
    'en-US': 'Public administration and social organisations',
  },
  { code: 'T', 'zh-CN': '国际组织', 'en-US': 'International organisations' },
] as const satisfies readonly Labelled[];
export const partnerIndustryCodes = partnerIndustries.map((i) => i.code) as [string, ...string[]];

/** Regions: provinces by their GB/T 2260 code (the 3rd–4th characters of a credit code), and abroad. */
export const partnerRegions = [
  { code: '11', 'zh-CN': '北京市', 'en-US': 'Beijing' },
  { code: '12', 'zh-CN': '天津市', 'en-US': 'Tianjin' },
  { code: '13', 'zh-CN': '河北省', 'en-US': 'Hebei' },
  { code: '14', 'zh-CN': '山西省', 'en-US': 'Shanxi' },
  { code: '15', 'zh-CN': '内蒙古自治区', 'en-US': 'Inner Mongolia' },
  { code: '21', 'zh-CN': '辽宁省', 'en-US': 'Liaoning' },
  { code: '22', 'zh-CN': '吉林省', 'en-US': 'Jilin' },
  { code: '23', 'zh-CN': '黑龙江省', 'en-US': 'Heilongjiang' },
  { code: '31', 'zh-CN': '上海市', 'en-US': 'Shanghai' },
  { code: '32', 'zh-CN': '江苏省', 'en-US': 'Jiangsu' },
  { code: '33', 'zh-CN': '浙江省', 'en-US': 'Zhejiang' },
  { code: '34', 'zh-CN': '安徽省', 'en-US': 'Anhui' },
  { code: '35', 'zh-CN': '福建省', 'en-US': 'Fujian' },
  { code: '36', 'zh-CN': '江西省', 'en-US': 'Jiangxi' },
  { code: '37', 'zh-CN': '山东省', 'en-US': 'Shandong' },
  { code: '41', 'zh-CN': '河南省', 'en-US': 'Henan' },
  { code: '42', 'zh-CN': '湖北省', 'en-US': 'Hubei' },
  { code: '43', 'zh-CN': '湖南省', 'en-US': 'Hunan' },
  { code: '44', 'zh-CN': '广东省', 'en-US': 'Guangdong' },
  { code: '45', 'zh-CN': '广西壮族自治区', 'en-US': 'Guangxi' },
  { code: '46', 'zh-CN': '海南省', 'en-US': 'Hainan' },
  { code: '50', 'zh-CN': '重庆市', 'en-US': 'Chongqing' },
  { code: '51', 'zh-CN': '四川省', 'en-US': 'Sichuan' },
  { code: '52', 'zh-CN': '贵州省', 'en-US': 'Guizhou' },
  { code: '53', 'zh-CN': '云南省', 'en-US': 'Yunnan' },
  { code: '54', 'zh-CN': '西藏自治区', 'en-US': 'Tibet' },
  { code: '61', 'zh-CN': '陕西省', 'en-US': 'Shaanxi' },
  { code: '62', 'zh-CN': '甘肃省', 'en-US': 'Gansu' },
  { code: '63', 'zh-CN': '青海省', 'en-US': 'Qinghai' },
  { code: '64', 'zh-CN': '宁夏回族自治区', 'en-US': 'Ningxia' },
  { code: '65', 'zh-CN': '新疆维吾尔自治区', 'en-US': 'Xinjiang' },
  { code: '71', 'zh-CN': '台湾省', 'en-US': 'Taiwan' },
  { code: '81', 'zh-CN': '香港特别行政区', 'en-US': 'Hong Kong' },
  { code: '82', 'zh-CN': '澳门特别行政区', 'en-US': 'Macao' },
  { code: '99', 'zh-CN': '境外', 'en-US': 'Abroad' },
] as const satisfies readonly Labelled[];
export const partnerRegionCodes = partnerRegions.map((r) => r.code) as [string, ...string[]];

/** The province a credit code was issued in (its 3rd–4th characters), when that is a known region. */
export function regionOfCreditCode(code: string): string | null {
  const province = normalizeCreditCode(code).slice(2, 4);
  return partnerRegions.some((r) => r.code === province && r.code !== '99') ? province : null;
}

export const partnerLabelOf = (
  list: readonly Labelled[],
  code: string | null,
  locale: 'zh-CN' | 'en-US',
): string => (code === null ? '' : (list.find((item) => item.code === code)?.[locale] ?? code));

// ---- records ----

export const partnerBankAccountSchema = z.object({
  id: idSchema,
  partnerId: idSchema,
  bankName: z.string(),
  accountName: z.string(),
  accountNumber: z.string(),
  isDefault: z.boolean(),
  createdAt: instantSchema,
});
export type PartnerBankAccount = z.infer<typeof partnerBankAccountSchema>;

export const partnerContactSchema = z.object({
  id: idSchema,
  partnerId: idSchema,
  name: z.string(),
  role: z.string().nullable(),
  position: z.string().nullable(),
  phone: z.string().nullable(),
  email: z.string().nullable(),
  createdAt: instantSchema,
});
export type PartnerContact = z.infer<typeof partnerContactSchema>;

export const partnerQualificationSchema = z.object({
  id: idSchema,
  partnerId: idSchema,
  type: z.string(),
  number: z.string().nullable(),
  validFrom: dateSchema.nullable(),
  /** null: does not expire. */
  validTo: dateSchema.nullable(),
  attachmentFileId: idSchema.nullable(),
  attachmentName: z.string().nullable(),
  createdAt: instantSchema,
});
export type PartnerQualification = z.infer<typeof partnerQualificationSchema>;

export const partnerBlacklistEntrySchema = z.object({
  id: idSchema,
  action: z.enum(['blacklist', 'restore']),
  reason: z.string(),
  actorId: idSchema.nullable(),
  actorName: z.string().nullable(),
  at: instantSchema,
});
export type PartnerBlacklistEntry = z.infer<typeof partnerBlacklistEntrySchema>;

export const partnerSchema = z.object({
  id: idSchema,
  name: z.string(),
  creditCode: z.string().nullable(),
  kinds: z.array(z.enum(partnerKinds)),
  type: z.enum(partnerTypes),
  industry: z.string().nullable(),
  region: z.string().nullable(),
  address: z.string().nullable(),
  /** Filled by contract evaluations; read-only here. */
  rating: z.enum(partnerRatings).nullable(),
  remarks: z.string().nullable(),
  /** The entity that registered the partner. */
  entityId: idSchema,
  entityName: z.string(),
  sharedWithGroup: z.boolean(),
  blacklisted: z.boolean(),
  blacklistReason: z.string().nullable(),
  blacklistedAt: instantSchema.nullable(),
  ownerId: idSchema.nullable(),
  ownerName: z.string().nullable(),
  createdAt: instantSchema,
  updatedAt: instantSchema,
});
export type Partner = z.infer<typeof partnerSchema>;

/**
 * A partner as the API shows it: the registering entity's id and the registering user are left out
 * (null) when they are outside the caller's scope, e.g. a partner another subsidiary shares with the
 * group; `entityName` still says who registered it.
 */
export const partnerListItemSchema = partnerSchema.extend({ entityId: idSchema.nullable() });
export type PartnerListItem = z.infer<typeof partnerListItemSchema>;

export const partnerDetailSchema = partnerListItemSchema.extend({
  bankAccounts: z.array(partnerBankAccountSchema),
  contacts: z.array(partnerContactSchema),
  qualifications: z.array(partnerQualificationSchema),
  blacklistLog: z.array(partnerBlacklistEntrySchema),
  /** What the caller may do with it now. */
  canManage: z.boolean(),
  canBlacklist: z.boolean(),
});
export type PartnerDetail = z.infer<typeof partnerDetailSchema>;

// ---- API shapes ----

const optionalNullable = (max: number) => z.string().trim().max(max).nullable().optional();
/** Checked (check digit) and normalised by the server, which names what is wrong. */
const creditCodeInput = z.string().trim().max(40).nullable();

export const partnerCreateSchema = z
  .strictObject({
    name: z.string().trim().min(2).max(100),
    creditCode: creditCodeInput.default(null),
    kinds: z.array(z.enum(partnerKinds)).min(1).max(2),
    type: z.enum(partnerTypes).default('enterprise'),
    industry: z.enum(partnerIndustryCodes).nullable().default(null),
    region: z.enum(partnerRegionCodes).nullable().default(null),
    address: z.string().trim().max(200).nullable().default(null),
    remarks: z.string().trim().max(1000).nullable().default(null),
    /** Registered for this entity; by default the one the caller acts in. */
    entityId: idSchema.optional(),
    sharedWithGroup: z.boolean().default(false),
  })
  .meta({
    examples: [
      {
        name: '上海申通建材贸易有限公司',
        creditCode: '91310115MA1K4B2R2W',
        kinds: ['supplier'],
        type: 'enterprise',
        sharedWithGroup: true,
      },
    ],
  });
export type PartnerCreate = z.infer<typeof partnerCreateSchema>;

export const partnerUpdateSchema = z.strictObject({
  name: z.string().trim().min(2).max(100).optional(),
  creditCode: creditCodeInput.optional(),
  kinds: z.array(z.enum(partnerKinds)).min(1).max(2).optional(),
  type: z.enum(partnerTypes).optional(),
  industry: z.enum(partnerIndustryCodes).nullable().optional(),
  region: z.enum(partnerRegionCodes).nullable().optional(),
  address: optionalNullable(200),
  remarks: optionalNullable(1000),
  sharedWithGroup: z.boolean().optional(),
});
export type PartnerUpdate = z.infer<typeof partnerUpdateSchema>;

export const partnerReasonSchema = z.strictObject({ reason: z.string().trim().min(2).max(500) });

export const partnerSortFields = [
  'name',
  'creditCode',
  'region',
  'rating',
  'createdAt',
  'updatedAt',
] as const;

export const partnerListQuerySchema = z.strictObject({
  page: z.coerce.number().int().min(1).max(100000).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(20),
  sort: z
    .string()
    .max(60)
    .regex(/^-?[a-zA-Z]+$/)
    .optional(),
  /** Part of the name or of the credit code. */
  q: z.string().trim().max(100).optional(),
  kind: z.enum(partnerKinds).optional(),
  type: z.enum(partnerTypes).optional(),
  region: z.enum(partnerRegionCodes).optional(),
  industry: z.enum(partnerIndustryCodes).optional(),
  rating: z.enum(partnerRatings).optional(),
  blacklisted: queryBool,
  /** Registered by this entity. */
  entityId: idSchema.optional(),
  /** Usable on a new contract of this signing entity: its own or shared, and not blacklisted. */
  usableBy: idSchema.optional(),
});
export type PartnerListQuery = z.infer<typeof partnerListQuerySchema>;
export const partnerExportQuerySchema = partnerListQuerySchema.omit({ page: true, pageSize: true });
export type PartnerExportQuery = z.infer<typeof partnerExportQuerySchema>;

const phoneText = z
  .string()
  .trim()
  .regex(/^\+?[0-9 ()-]{5,30}$/, 'not a phone number');

export const partnerBankAccountInputSchema = z.strictObject({
  bankName: nameSchema,
  accountName: nameSchema,
  /** Digits (letters for accounts abroad, e.g. an IBAN); spaces and "-" are dropped when stored. */
  accountNumber: z
    .string()
    .trim()
    .regex(/^[0-9A-Za-z][0-9A-Za-z -]{4,48}$/, 'digits or letters (spaces and "-" allowed)'),
  isDefault: z.boolean().default(false),
});
export const partnerBankAccountUpdateSchema = partnerBankAccountInputSchema.partial().strict();

export const partnerContactInputSchema = z.strictObject({
  name: z.string().trim().min(1).max(60),
  role: z.string().trim().max(40).nullable().default(null),
  position: z.string().trim().max(60).nullable().default(null),
  phone: phoneText.nullable().default(null),
  email: z.email().max(120).nullable().default(null),
});
export const partnerContactUpdateSchema = z.strictObject({
  name: z.string().trim().min(1).max(60).optional(),
  role: z.string().trim().max(40).nullable().optional(),
  position: z.string().trim().max(60).nullable().optional(),
  phone: phoneText.nullable().optional(),
  email: z.email().max(120).nullable().optional(),
});

export const partnerQualificationInputSchema = z.strictObject({
  type: z.string().trim().min(1).max(60),
  number: z.string().trim().max(60).nullable().default(null),
  validFrom: dateSchema.nullable().default(null),
  validTo: dateSchema.nullable().default(null),
  attachmentFileId: idSchema.nullable().default(null),
});
export const partnerQualificationUpdateSchema = z.strictObject({
  type: z.string().trim().min(1).max(60).optional(),
  number: z.string().trim().max(60).nullable().optional(),
  validFrom: dateSchema.nullable().optional(),
  validTo: dateSchema.nullable().optional(),
  attachmentFileId: idSchema.nullable().optional(),
});

/** Days before `validTo` when the owner of a partner is reminded of an expiring qualification. */
export const QUALIFICATION_REMINDER_DAYS = 30;

/**
 * Qualifications of the partners visible to me that end within `days` from today (today included;
 * already expired ones are not listed), soonest first: the workbench's 资质到期 and its full list.
 */
export const partnerExpiringQualificationsQuerySchema = z.strictObject({
  days: z.coerce.number().int().min(0).max(366).default(QUALIFICATION_REMINDER_DAYS),
  page: z.coerce.number().int().min(1).max(100000).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(20),
});
export type PartnerExpiringQualificationsQuery = z.input<typeof partnerExpiringQualificationsQuerySchema>;

export const partnerExpiringQualificationSchema = z.object({
  id: idSchema,
  partnerId: idSchema,
  partnerName: z.string(),
  type: z.string(),
  number: z.string().nullable(),
  validTo: dateSchema,
  /** Whole days from today to `validTo` (0: ends today). */
  daysLeft: z.number().int(),
});
export type PartnerExpiringQualification = z.infer<typeof partnerExpiringQualificationSchema>;

/** Whole days from `today` to `validTo` (negative once expired), both `YYYY-MM-DD`. */
export function qualificationDaysLeft(today: string, validTo: string): number {
  return daysBetween(today, validTo);
}
