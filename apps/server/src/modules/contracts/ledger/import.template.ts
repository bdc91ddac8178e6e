import { type ContractImportField, FILE_MAX_BYTES, type Locale } from '@concord/contracts';
import ExcelJS from 'exceljs';
import type { ImportField, SheetCell } from '../../../platform/imports/index.js';

/** The sheet the import reads (the first sheet when no sheet has this name). */
export const IMPORT_SHEET = '合同台账';
/** Rows per file: a large migration is read streamed in batches; beyond this, split the file. */
export const IMPORT_MAX_ROWS = 200_000;
/** As large as any upload (the workbook is stored as a file for the import job). */
export const IMPORT_MAX_BYTES = FILE_MAX_BYTES;

export type ImportColumnKey = ContractImportField;

export interface ImportColumn {
  key: ImportColumnKey;
  /** The header in the file; errors name the column by it. */
  header: string;
  /**
   * Also accepted as the header: the names companies' own ledgers use, and English (compared
   * normalised: full-width, spaces, brackets; see the platform's normaliseHeader).
   */
  aliases: string[];
  required: boolean;
  width: number;
  example: string | number;
  help: Record<Locale, string>;
}

/** Labels of the statuses an imported contract may have, and the status each stands for. */
export const importStatuses: Record<string, 'IN_FORCE' | 'COMPLETED' | 'TERMINATED' | 'APPROVED'> = {
  履行中: 'IN_FORCE',
  执行中: 'IN_FORCE',
  履约中: 'IN_FORCE',
  已生效: 'IN_FORCE',
  已完成: 'COMPLETED',
  已履行完毕: 'COMPLETED',
  已结束: 'COMPLETED',
  已终止: 'TERMINATED',
  已解除: 'TERMINATED',
  已审批: 'APPROVED',
  已批准: 'APPROVED',
  // As the ledger's English export writes them.
  'In force': 'IN_FORCE',
  Completed: 'COMPLETED',
  Terminated: 'TERMINATED',
  Approved: 'APPROVED',
  IN_FORCE: 'IN_FORCE',
  COMPLETED: 'COMPLETED',
  TERMINATED: 'TERMINATED',
  APPROVED: 'APPROVED',
};

/** The template's columns, in order. */
export const importColumns: ImportColumn[] = [
  {
    key: 'number',
    header: '合同编号',
    aliases: ['合同号', '合同编码', '合同序号', 'Number', 'Contract number', 'Contract No'],
    required: true,
    width: 20,
    example: 'HT-2024-0001',
    help: {
      'zh-CN': '必填。历史合同编号按原样保留；在系统中和本文件中都不能重复。',
      'en-US': 'Required. Historical numbers are kept as they are; unique in Concord and in this file.',
    },
  },
  {
    key: 'name',
    header: '合同名称',
    aliases: ['合同标题', 'Name', 'Contract name', 'Title'],
    required: true,
    width: 30,
    example: '办公楼物业服务合同',
    help: { 'zh-CN': '必填，不超过 200 字。', 'en-US': 'Required, at most 200 characters.' },
  },
  {
    key: 'category',
    header: '合同类别编码',
    aliases: ['合同类别', '合同类型', '合同分类', 'Category code', 'Category'],
    required: true,
    width: 16,
    example: 'OTHER',
    help: {
      'zh-CN':
        '必填。合同类别的编码或名称（见“合同类别”设置；名称重复时请填编码），须为启用的类别；收支方向取自类别。',
      'en-US':
        'Required. The code or name of an active contract category (the code when two share a name); the direction comes from it.',
    },
  },
  {
    key: 'partnerName',
    header: '相对方名称',
    aliases: [
      '相对方',
      '合同相对方',
      '对方单位',
      '签约对方',
      '签约单位',
      'Counterparty',
      'Counterparty name',
    ],
    required: false,
    width: 28,
    example: '上海某某物业管理有限公司',
    help: {
      'zh-CN':
        '与统一社会信用代码至少填一项。先按信用代码、再按完整名称匹配合作伙伴库中签约主体可用的伙伴；匹配不到时该行报错；导入时勾选“新建缺少的相对方”，则按名称和信用代码新建（须同时填写两项）。',
      'en-US':
        'This or the credit code. The partner is matched by credit code, else by exact name, among partners the signing entity may use; one not found is an error, or, with "create missing counterparties", created from its name and credit code (both needed).',
    },
  },
  {
    key: 'partnerCreditCode',
    header: '相对方统一社会信用代码',
    aliases: [
      '统一社会信用代码',
      '社会信用代码',
      '信用代码',
      '相对方信用代码',
      'Counterparty credit code',
      'Credit code',
    ],
    required: false,
    width: 24,
    example: '',
    help: { 'zh-CN': '选填，18 位。', 'en-US': 'Optional, 18 characters.' },
  },
  {
    key: 'entity',
    header: '签约主体编码',
    aliases: ['签约主体', '我方主体', '我方单位', 'Entity code', 'Entity'],
    required: false,
    width: 14,
    example: '',
    help: {
      'zh-CN': '选填，我方签约公司的编码；不填时为您当前所在的公司。须在您的数据范围内。',
      'en-US': 'Optional: our signing entity; the entity you act in when empty. Must be in your data scope.',
    },
  },
  {
    key: 'department',
    header: '承办部门编码',
    aliases: ['承办部门', '经办部门', '主办部门', 'Department code', 'Department'],
    required: true,
    width: 14,
    example: 'LEGAL',
    help: {
      'zh-CN': '必填，签约主体下的部门编码或名称（名称重复时请填编码）。',
      'en-US':
        'Required: the code or name of a department of the signing entity (the code when two share a name).',
    },
  },
  {
    key: 'owner',
    header: '负责人用户名',
    aliases: ['负责人', '经办人', '承办人', '合同负责人', 'Owner username', 'Owner'],
    required: true,
    width: 16,
    example: 'wang.fang',
    help: {
      'zh-CN': '必填，在职用户的用户名或姓名（同名时请填用户名）。',
      'en-US': 'Required: the username or name of an active user (the username when two share a name).',
    },
  },
  {
    key: 'amount',
    header: '合同金额（元）',
    aliases: ['合同金额', '签订金额', '签约金额', '合同总价', '含税金额', 'Amount'],
    required: true,
    width: 16,
    example: 120000.5,
    help: {
      'zh-CN': '必填，含税金额，单位元，最多两位小数；也可写 1,234.50、¥1234.5 或 12.3万。',
      'en-US':
        'Required: the amount including tax, in yuan, at most 2 decimals; 1,234.50, ¥1234.5 or 12.3万 work too.',
    },
  },
  {
    key: 'taxRate',
    header: '税率（%）',
    aliases: ['税率', '增值税税率', 'Tax rate'],
    required: true,
    width: 10,
    example: 6,
    help: {
      'zh-CN': '必填，例如 13、13% 或 0.13（都是 13%），免税、不征税、零税率为 0；“1”请写成 1%。',
      'en-US': 'Required: e.g. 13, 13% or 0.13 (all 13%); 免税, 不征税, 零税率 for 0; write "1" as 1%.',
    },
  },
  {
    key: 'currency',
    header: '币种',
    aliases: ['货币', 'Currency'],
    required: false,
    width: 8,
    example: 'CNY',
    help: {
      'zh-CN': '选填，CNY、USD、EUR、HKD、JPY、GBP 之一，默认 CNY。',
      'en-US': 'Optional: CNY, USD, EUR, HKD, JPY or GBP; CNY when empty.',
    },
  },
  {
    key: 'signDate',
    header: '签订日期',
    aliases: ['签约日期', '签署日期', 'Sign date', 'Signed on'],
    required: false,
    width: 12,
    example: '2024-03-01',
    help: {
      'zh-CN':
        '日期单元格，或 2024-03-05、2024/3/5、2024年3月5日 等文本。状态为履行中、已完成、已终止时必填。',
      'en-US':
        'A date cell, or text such as 2024-03-05, 2024/3/5 or 2024年3月5日. Required for in force, completed and terminated contracts.',
    },
  },
  {
    key: 'startDate',
    header: '开始日期',
    aliases: ['生效日期', '起始日期', '履行开始日期', 'Start date'],
    required: false,
    width: 12,
    example: '2024-03-01',
    help: {
      'zh-CN': '选填，日期单元格，或 2024-03-05、2024/3/5、2024年3月5日 等文本。',
      'en-US': 'Optional: a date cell, or text such as 2024-03-05, 2024/3/5 or 2024年3月5日.',
    },
  },
  {
    key: 'endDate',
    header: '结束日期',
    aliases: ['到期日期', '截止日期', '履行截止日期', 'End date'],
    required: false,
    width: 12,
    example: '2027-02-28',
    help: {
      'zh-CN': '选填，不能早于开始日期。',
      'en-US': 'Optional; not before the start date.',
    },
  },
  {
    key: 'status',
    header: '状态',
    aliases: ['合同状态', '履行状态', 'Status'],
    required: false,
    width: 10,
    example: '履行中',
    help: {
      'zh-CN': '选填：履行中、已完成、已终止、已审批，默认履行中。导入的合同不走审批。',
      'en-US':
        'Optional: 履行中 (in force), 已完成, 已终止 or 已审批; in force when empty. No approval runs.',
    },
  },
  {
    key: 'projectRef',
    header: '项目编号',
    aliases: ['项目编码', '项目号', 'Project', 'Project number'],
    required: false,
    width: 14,
    example: '',
    help: { 'zh-CN': '选填，不超过 64 字。', 'en-US': 'Optional, at most 64 characters.' },
  },
  {
    key: 'body',
    header: '备注',
    aliases: ['说明', 'Notes', 'Remarks'],
    required: false,
    width: 30,
    example: '历史合同迁移',
    help: { 'zh-CN': '选填，写入合同正文。', 'en-US': 'Optional; becomes the contract body.' },
  },
];

/** The columns as the platform's header finder looks for them: the header and its synonyms. */
export const importFields: ImportField<ImportColumnKey>[] = importColumns.map((c) => ({
  key: c.key,
  names: [c.header, ...c.aliases],
  required: c.required,
}));

/** The downloadable template: the ledger sheet with its header and one example row, and a sheet explaining each column. */
export async function buildImportTemplate(): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet(IMPORT_SHEET, { views: [{ state: 'frozen', ySplit: 1 }] });
  sheet.columns = importColumns.map((c) => ({ header: c.header, key: c.key, width: c.width }));
  const header = sheet.getRow(1);
  header.font = { bold: true };
  importColumns.forEach((c, i) => {
    if (c.required) header.getCell(i + 1).font = { bold: true, color: { argb: 'FFC00000' } };
  });
  sheet.addRow(Object.fromEntries(importColumns.map((c) => [c.key, c.example === '' ? null : c.example])));
  sheet.getColumn('amount').numFmt = '#,##0.00';

  const help = workbook.addWorksheet('说明');
  help.columns = [
    { header: '列名', key: 'header', width: 24 },
    { header: '是否必填', key: 'required', width: 10 },
    { header: '说明', key: 'zh', width: 70 },
    { header: 'Description', key: 'en', width: 70 },
  ];
  help.getRow(1).font = { bold: true };
  for (const c of importColumns) {
    help.addRow({
      header: c.header,
      required: c.required ? '必填' : '选填',
      zh: c.help['zh-CN'],
      en: c.help['en-US'],
    });
  }
  help.addRow({});
  help.addRow({
    header: '导入方式',
    zh: '“全部导入”：任何一行有错则不导入任何数据；“仅导入正确行”：导入正确的行，报告出错的行。每个文件最多 200,000 行、20 MB，在后台分批校验和导入；表头可以在前 10 行内（标题行之下），列名也可用贵公司台账的常用说法（如 合同号、对方单位、签约金额（万元）、经办部门），金额列名写明“万元”时按万元读取；示例行请删除或改成真实数据。',
    en: '"All": nothing is imported when any row fails; "valid rows only": the valid rows are imported and the failures reported. At most 200,000 rows and 20 MB per file, checked and imported in the background in batches; the header may be in the first 10 rows (below title rows), and columns may be named as your own ledger names them (合同号, 对方单位, 签约金额（万元）, 经办部门…); an amount column headed 万元 is read in 万; replace the example row.',
  });
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

// ---------------------------------------------------------------- reading cells

/** A cell as the import reads it (the platform's sheet reader): its plain value, and whether it is formatted as a percentage. */
export type RawCell = SheetCell;

/** The cell as text (numbers as Excel shows them without format), or null when empty. */
export function cellText(cell: RawCell): string | null {
  const { value } = cell;
  if (value === null) return null;
  if (value instanceof Date) return isoDate(value);
  return String(value).trim() || null;
}

/** Excel dates carry no zone: exceljs reads them as UTC midnight (give or take float noise). */
function isoDate(date: Date): string {
  return new Date(Math.round(date.getTime() / 60_000) * 60_000).toISOString().slice(0, 10);
}
