import type { ContractAttachmentType, ContractDirection, FormField } from '@concord/contracts';
import type { ContractsDemoServices as Services } from './demo-services.js';
import { contractFactories } from '../contracts.factories.js';

interface DemoCategory {
  code: string;
  name: string;
  direction?: ContractDirection;
  requiredAttachmentTypes?: ContractAttachmentType[];
  fields?: FormField[];
  expiryReminderDays?: number;
  description?: string;
  children?: DemoCategory[];
}

/** The group's contract categories (合同类别): what most Chinese groups start from. */
export const demoCategories: DemoCategory[] = [
  {
    code: 'SALES',
    name: '销售合同',
    direction: 'INCOME',
    requiredAttachmentTypes: ['SIGNED_SCAN'],
    description: '向客户销售产品或提供服务，形成收入',
    children: [
      { code: 'SALES-PRODUCT', name: '产品销售' },
      {
        code: 'SALES-SERVICE',
        name: '技术服务',
        requiredAttachmentTypes: ['SIGNED_SCAN', 'TECHNICAL'],
        fields: [
          {
            key: 'serviceLevel',
            label: '服务级别',
            type: 'select',
            required: false,
            options: [
              { value: 'standard', label: '标准（5×8）' },
              { value: 'premium', label: '高级（7×24）' },
            ],
          },
        ],
      },
    ],
  },
  {
    code: 'PURCHASE',
    name: '采购合同',
    direction: 'EXPENSE',
    requiredAttachmentTypes: ['SIGNED_SCAN', 'QUOTATION'],
    description: '采购设备、材料和服务，形成支出；须附供应商报价单',
    children: [
      {
        code: 'PURCHASE-EQUIP',
        name: '设备采购',
        requiredAttachmentTypes: ['SIGNED_SCAN', 'QUOTATION', 'TECHNICAL'],
        fields: [
          { key: 'deliveryPlace', label: '交货地点', type: 'text', required: true, maxLength: 100 },
          { key: 'warrantyMonths', label: '质保期（月）', type: 'number', required: false, min: 0, max: 120 },
        ],
      },
      { code: 'PURCHASE-MATERIAL', name: '材料采购' },
    ],
  },
  {
    code: 'ENGINEERING',
    name: '工程合同',
    direction: 'EXPENSE',
    requiredAttachmentTypes: ['SIGNED_SCAN'],
    expiryReminderDays: 60,
    children: [
      {
        code: 'ENG-SUBCONTRACT',
        name: '施工分包',
        requiredAttachmentTypes: ['SIGNED_SCAN', 'LICENSE'],
        fields: [{ key: 'siteAddress', label: '工程地点', type: 'text', required: true, maxLength: 200 }],
      },
    ],
  },
  { code: 'LEASE', name: '租赁合同', direction: 'EXPENSE', expiryReminderDays: 90 },
  { code: 'OTHER', name: '其他合同', direction: 'EXPENSE' },
];

interface DemoPlanLine {
  entity: string;
  department: string;
  category: string;
  name: string;
  /** Yuan; stored as 分. */
  yuan: number;
  projectRef?: string;
  note?: string;
}

/** Plan lines for 2026 in the group and both subsidiaries. */
const demoPlanLines: DemoPlanLine[] = [
  { entity: 'GRP', department: 'GMO', category: 'LEASE', name: '集团总部办公楼租赁', yuan: 1_200_000 },
  { entity: 'GRP', department: 'LEGAL', category: 'OTHER', name: '常年法律顾问服务', yuan: 360_000 },
  {
    entity: 'GRP',
    department: 'FIN',
    category: 'PURCHASE-EQUIP',
    name: '财务共享中心服务器采购',
    yuan: 850_000,
  },
  { entity: 'GRP', department: 'HR', category: 'OTHER', name: '管理人员培训服务', yuan: 240_000 },
  {
    entity: 'CONS',
    department: 'ENG',
    category: 'ENG-SUBCONTRACT',
    name: '城东产业园一期土建施工分包',
    yuan: 28_000_000,
    projectRef: 'PRJ-CONS-2026-01',
  },
  {
    entity: 'CONS',
    department: 'ENG-1',
    category: 'PURCHASE-MATERIAL',
    name: '城东产业园一期钢材采购',
    yuan: 9_600_000,
    projectRef: 'PRJ-CONS-2026-01',
  },
  {
    entity: 'CONS',
    department: 'ENG-1',
    category: 'PURCHASE-MATERIAL',
    name: '商品混凝土年度采购',
    yuan: 4_200_000,
    note: '按季度结算',
  },
  {
    entity: 'CONS',
    department: 'PROC',
    category: 'PURCHASE-EQUIP',
    name: '塔吊及施工升降机采购',
    yuan: 3_500_000,
  },
  {
    entity: 'TECH',
    department: 'SALES',
    category: 'SALES-PRODUCT',
    name: '智慧园区平台销售',
    yuan: 15_000_000,
  },
  {
    entity: 'TECH',
    department: 'SALES',
    category: 'SALES-SERVICE',
    name: '客户系统运维技术服务',
    yuan: 4_800_000,
  },
  {
    entity: 'TECH',
    department: 'RND',
    category: 'PURCHASE-EQUIP',
    name: '研发测试服务器采购',
    yuan: 1_800_000,
  },
  { entity: 'TECH', department: 'RND', category: 'LEASE', name: '研发中心办公场地租赁', yuan: 960_000 },
];

/**
 * Seeds the numbering rules of contracts and change orders, then the demo contract categories and
 * 2026 plan lines with the register's factories. Returns category code → id, for the demo contracts
 * to use.
 */
export async function seedContractSetup(services: Services): Promise<Map<string, string>> {
  const ctx = services.systemContext('seed-demo');
  await services.numbering.create(ctx, {
    code: 'contract',
    name: '合同编号',
    pattern: '{prefix}-{entity}-{yyyy}{mm}-{seq}',
    prefix: 'HT',
    seqWidth: 4,
    reset: 'YEAR',
    active: true,
    description: '合同登记时取号：前缀-法人主体-年月-流水号，每年重新计数',
  });
  await services.numbering.create(ctx, {
    code: 'contract-change',
    name: '合同变更编号',
    pattern: '{prefix}-{entity}-{yyyy}{mm}-{seq}',
    prefix: 'BG',
    seqWidth: 4,
    reset: 'YEAR',
    active: true,
    description: '变更/补充协议取号',
  });
  const ids = new Map<string, string>();
  const create = async (category: DemoCategory, parentId: string | null, sortOrder: number) => {
    const created = await contractFactories.contractCategory(services, ctx, {
      code: category.code,
      name: category.name,
      parentId,
      direction: category.direction ?? null,
      requiredAttachmentTypes: category.requiredAttachmentTypes ?? [],
      fields: category.fields ?? [],
      expiryReminderDays: category.expiryReminderDays ?? 30,
      sortOrder,
      description: category.description ?? null,
    });
    ids.set(category.code, created.id);
    for (const [index, child] of (category.children ?? []).entries()) await create(child, created.id, index);
  };
  for (const [index, category] of demoCategories.entries()) await create(category, null, index);

  const entities = await services.org.listEntities(ctx);
  for (const line of demoPlanLines) {
    const entity = entities.find((e) => e.code === line.entity)!;
    const department = (await services.org.listDepartments(ctx, entity.id)).find(
      (d) => d.code === line.department,
    )!;
    await contractFactories.planLine(services, ctx, {
      year: 2026,
      entityId: entity.id,
      departmentId: department.id,
      projectRef: line.projectRef ?? null,
      categoryId: ids.get(line.category)!,
      name: line.name,
      plannedAmount: line.yuan * 100,
      note: line.note ?? null,
    });
  }
  return ids;
}
