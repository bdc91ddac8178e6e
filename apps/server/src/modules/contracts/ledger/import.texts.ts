import { type CreditCodeIssue, creditCodeIssueText, type Locale } from '@concord/contracts';

/** The import's messages in the caller's language, by row and column where they concern one. */
export const texts = {
  'zh-CN': {
    notXlsx: '无法读取文件，请上传由导入模板填写的 .xlsx 文件',
    missingColumns: (columns: string) => `表头缺少列：${columns}（请使用导入模板）`,
    tooManyRows: (max: number) => `每个文件最多 ${max} 行数据，请拆分后分批导入`,
    noRows: '文件中没有数据行',
    required: '必填',
    partnerRequired: '相对方名称和统一社会信用代码至少填一项',
    creditCode: (issue: CreditCodeIssue) => `统一社会信用代码有误：${creditCodeIssueText(issue, 'zh-CN')}`,
    tooLong: (max: number) => `不能超过 ${max} 个字符`,
    amount: {
      number: '不是有效的金额',
      decimals: '金额的小数位数超过币种的最小单位（人民币最多两位小数，日元没有小数）',
      negative: '金额不能为负数',
      tooLarge: '金额过大',
    },
    taxRate: '税率应为 0 到 100 之间的百分数，最多两位小数，例如 13%、13 或 0.13，或 免税、不征税、零税率',
    taxRateAmbiguous: '“1”可能是 1% 也可能是 100%，请写成 1% 或 100%',
    currency: '币种应为 CNY、USD、EUR、HKD、JPY、GBP 之一',
    date: '日期无效，请使用日期单元格，或写成 2024-03-05、2024/3/5、2024.3.5、2024年3月5日',
    endBeforeStart: '结束日期不能早于开始日期',
    status: '状态应为 履行中、已完成、已终止、已审批 之一',
    signDateRequired: '状态为履行中、已完成或已终止的合同须填写签订日期',
    unknown: (value: string) => `找不到“${value}”`,
    ambiguousName: (value: string) => `名称“${value}”对应多条记录，请填写编码`,
    unknownDepartment: (code: string) => `签约主体下没有编码为“${code}”的部门`,
    inactiveCategory: (code: string) => `合同类别“${code}”已停用`,
    inactiveUser: (username: string) => `用户“${username}”已停用`,
    outOfScope: '超出您登记合同的数据范围',
    duplicateInFile: (row: number) => `合同编号与第 ${row} 行重复`,
    numberTaken: (number: string) => `合同编号“${number}”已存在`,
    layout: {
      fieldTwice: (field: string) => `“${field}”只能对应一列`,
      columnTwice: (column: string, first: string, second: string) =>
        `第 ${column} 列不能同时对应“${first}”和“${second}”`,
      missing: (fields: string) => `请为以下字段指定文件中的列：${fields}`,
      noHeaderRow: (row: number) => `文件的前几行中没有第 ${row} 行，请重新选择表头行`,
    },
    warn: {
      rateFraction: (value: string, percent: number) =>
        `“${value}”按 ${percent}% 读取；若指 ${value}%，请在文件中写成 ${value}%`,
      dateSerial: (value: number, date: string) => `数字 ${value} 按 Excel 日期序号读作 ${date}`,
    },
    partner: {
      noCode: '合作伙伴库中没有该统一社会信用代码的伙伴（勾选“新建缺少的相对方”可由导入新建）',
      noName: '合作伙伴库中没有签约主体可用的同名伙伴（勾选“新建缺少的相对方”可由导入新建）',
      ambiguous: '有多个同名伙伴，请填写统一社会信用代码',
      notUsable: '该伙伴不属于签约主体，也未在集团内共享',
      blacklisted: '该伙伴已被列入黑名单',
      nameToCreate: '合作伙伴库中没有该统一社会信用代码的伙伴；要新建伙伴，请同时填写相对方名称',
      codeToCreate: '合作伙伴库中没有同名伙伴；要新建伙伴，请填写其统一社会信用代码',
      mayNotCreate: '您没有新建合作伙伴的权限，请先在合作伙伴库中登记该伙伴',
    },
  },
  'en-US': {
    notXlsx: 'The file cannot be read; upload an .xlsx file filled in from the import template',
    missingColumns: (columns: string) => `the header lacks the columns ${columns} (use the import template)`,
    tooManyRows: (max: number) => `a file may hold at most ${max} rows; split it and import the parts`,
    noRows: 'the file has no data rows',
    required: 'required',
    partnerRequired: 'give the counterparty name or its credit code',
    creditCode: (issue: CreditCodeIssue) => `not a valid credit code: ${creditCodeIssueText(issue, 'en-US')}`,
    tooLong: (max: number) => `at most ${max} characters`,
    amount: {
      number: 'not an amount',
      decimals: 'more decimals than the currency has (yuan at most 2, yen none)',
      negative: 'must not be negative',
      tooLarge: 'too large',
    },
    taxRate:
      'a percentage from 0 to 100 with at most 2 decimals, e.g. 13%, 13 or 0.13, or 免税, 不征税, 零税率 (exempt)',
    taxRateAmbiguous: '"1" may mean 1% or 100%: write 1% or 100%',
    currency: 'one of CNY, USD, EUR, HKD, JPY, GBP',
    date: 'not a date: use a date cell, or write 2024-03-05, 2024/3/5, 2024.3.5 or 2024年3月5日',
    endBeforeStart: 'the end date is before the start date',
    status: 'one of 履行中 (in force), 已完成 (completed), 已终止 (terminated), 已审批 (approved)',
    signDateRequired: 'required for in force, completed and terminated contracts',
    unknown: (value: string) => `"${value}" not found`,
    ambiguousName: (value: string) => `more than one record is named "${value}": give its code`,
    unknownDepartment: (code: string) => `the signing entity has no department "${code}"`,
    inactiveCategory: (code: string) => `the contract category "${code}" is inactive`,
    inactiveUser: (username: string) => `the user "${username}" is disabled`,
    outOfScope: 'outside the data scope in which you may register contracts',
    duplicateInFile: (row: number) => `the same contract number as row ${row}`,
    numberTaken: (number: string) => `the contract number "${number}" already exists`,
    layout: {
      fieldTwice: (field: string) => `"${field}" can be mapped to one column only`,
      columnTwice: (column: string, first: string, second: string) =>
        `column ${column} cannot hold both "${first}" and "${second}"`,
      missing: (fields: string) => `choose the file's column for: ${fields}`,
      noHeaderRow: (row: number) =>
        `row ${row} is not among the file's first rows; choose the header row again`,
    },
    warn: {
      rateFraction: (value: string, percent: number) =>
        `"${value}" read as ${percent}%; if ${value}% is meant, write ${value}% in the file`,
      dateSerial: (value: number, date: string) => `the number ${value} read as the Excel day ${date}`,
    },
    partner: {
      noCode:
        'no partner with this credit code in the partner library (choose "create missing counterparties" to have the import create it)',
      noName:
        'no partner of this name that the signing entity may use (choose "create missing counterparties" to have the import create it)',
      ambiguous: 'several partners have this name: give the credit code',
      notUsable: 'the partner belongs to another entity and is not shared with the group',
      blacklisted: 'the partner is blacklisted',
      nameToCreate:
        'no partner with this credit code in the library; to create one, give the counterparty name too',
      codeToCreate: 'no partner of this name in the library; to create one, give its credit code',
      mayNotCreate: 'you may not create partners: register this one in the partner library first',
    },
  },
} satisfies Record<Locale, unknown>;
export type Texts = (typeof texts)['zh-CN'];
