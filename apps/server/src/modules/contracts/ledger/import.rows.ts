import { type Currency, currencySchema, type Locale } from '@concord/contracts';
import { Readable } from 'node:stream';
import ExcelJS from 'exceljs';
import { isInScope, type Scope } from '../../../platform/access/index.js';
import { AppError } from '../../../platform/http/index.js';
import {
  cellText,
  IMPORT_MAX_ROWS,
  IMPORT_SHEET,
  type ImportColumnKey,
  importColumns,
  importStatuses,
  parseAmount,
  parseDate,
  parseTaxRate,
  type RawCell,
  readCell,
} from './import.template.js';

/*
 * The rows of a contract import: reading them from the workbook, checking each value, and
 * resolving codes to records, with every problem reported by row and column in the caller's language.
 */

/** A partner an import row may name: found by credit code or exact name (the import then checks it for the entity). */
export interface ImportPartnerCandidate {
  id: string;
  name: string;
  creditCode: string | null;
  entityId: string;
  sharedWithGroup: boolean;
  blacklisted: boolean;
}

export type Status = (typeof importStatuses)[string];
export const SIGNED: Status[] = ['IN_FORCE', 'COMPLETED', 'TERMINATED'];

/** One data row of the file with its values checked; `null` where a value is missing or wrong. */
export interface Draft {
  row: number;
  number: string | null;
  name: string | null;
  categoryCode: string | null;
  partnerName: string | null;
  creditCode: string | null;
  entityCode: string | null;
  departmentCode: string | null;
  username: string | null;
  amount: number | null;
  taxRate: number | null;
  currency: Currency;
  signDate: string | null;
  startDate: string | null;
  endDate: string | null;
  status: Status;
  projectRef: string | null;
  body: string;
}

export const header = Object.fromEntries(importColumns.map((c) => [c.key, c.header])) as Record<
  ImportColumnKey,
  string
>;

// ---------------------------------------------------------------- reading the file

/** One data row of the file: its Excel row number and its non-empty cells by column. */
export interface FileRow {
  row: number;
  cells: Map<ImportColumnKey, RawCell>;
}

const notXlsx = (t: Texts) => new AppError('VALIDATION_FAILED', { detail: t.notXlsx });

/**
 * The data rows of the ledger sheet (the sheet named IMPORT_SHEET, else the first), read as the
 * workbook streams in (exceljs' streaming reader): the header row finds the columns, then each
 * non-empty row comes with the cells of those columns. Memory stays flat whatever the file's size.
 * A file that is no workbook, or whose header lacks required columns, is refused (400) before the
 * first row; so is a file of more than IMPORT_MAX_ROWS rows, when its row IMPORT_MAX_ROWS + 1 is read.
 */
export async function* readRows(
  stream: Readable,
  locale: Locale,
  maxRows = IMPORT_MAX_ROWS,
): AsyncGenerator<FileRow> {
  const t = texts[locale];
  const reader = new ExcelJS.stream.xlsx.WorkbookReader(stream, {
    worksheets: 'emit',
    sharedStrings: 'cache',
    styles: 'cache',
    hyperlinks: 'ignore',
    entries: 'ignore',
  });
  wholeCharacters(reader);
  let sheets: AsyncIterator<ExcelJS.stream.xlsx.WorksheetReader>;
  let first: IteratorResult<ExcelJS.stream.xlsx.WorksheetReader>;
  try {
    sheets = reader[Symbol.asyncIterator]();
    first = await sheets.next();
  } catch {
    throw notXlsx(t);
  }
  // Sheet names come from the workbook part, read before the sheets.
  const names: string[] = (
    (reader as unknown as { model?: { sheets?: { name: string }[] } }).model?.sheets ?? []
  ).map((sheet) => sheet.name);
  const wanted = names.includes(IMPORT_SHEET) ? IMPORT_SHEET : (names[0] ?? null);
  let found = false;
  let count = 0;
  try {
    for (let next = first; !next.done; next = await sheets.next()) {
      const sheet = next.value;
      const name = (sheet as unknown as { name?: string }).name;
      if (wanted !== null && name !== wanted) continue;
      found = true;
      let positions: Map<ImportColumnKey, number> | null = null;
      for await (const row of sheet as unknown as AsyncIterable<ExcelJS.Row>) {
        if (!positions) {
          positions = headerPositions(row, t);
          continue;
        }
        const cells = new Map<ImportColumnKey, RawCell>();
        for (const [key, col] of positions) {
          const cell = readCell(row.getCell(col));
          if (cell.value !== null) cells.set(key, cell);
        }
        if (!cells.size) continue;
        if (++count > maxRows) throw new AppError('VALIDATION_FAILED', { detail: t.tooManyRows(maxRows) });
        yield { row: row.number, cells };
      }
      if (!positions) headerPositions(null, t);
      break;
    }
  } catch (error) {
    if (error instanceof AppError) throw error;
    throw notXlsx(t);
  } finally {
    // The sheets after the ledger's are not read: the file is closed here.
    stream.destroy();
  }
  if (!found) throw notXlsx(t);
  if (!count) throw new AppError('VALIDATION_FAILED', { detail: t.noRows });
}

/**
 * exceljs' streaming reader decodes each chunk of a part as UTF-8 on its own, so a character split
 * between two chunks of the inflated sheet (or shared strings) comes out as two replacement
 * characters: "履行中" read as "履��中" in a long Chinese ledger. Its sheets and shared strings are
 * handed to it in chunks cut at character boundaries instead.
 */
function wholeCharacters(reader: ExcelJS.stream.xlsx.WorkbookReader): void {
  const internals = reader as unknown as {
    _parseSharedStrings(entry: Readable): AsyncGenerator<unknown>;
    _parseWorksheet(iterator: AsyncIterable<Buffer | string>, sheetNo: string): Generator<unknown>;
  };
  const sharedStrings = internals._parseSharedStrings.bind(reader);
  internals._parseSharedStrings = (entry) => sharedStrings(Readable.from(utf8Chunks(entry)));
  const worksheet = internals._parseWorksheet.bind(reader);
  internals._parseWorksheet = (iterator, sheetNo) => worksheet(utf8Chunks(iterator), sheetNo);
}

/** The same bytes in chunks that never end inside a UTF-8 character. */
export async function* utf8Chunks(source: AsyncIterable<Buffer | string>): AsyncGenerator<Buffer | string> {
  let carry: Buffer | null = null;
  for await (const chunk of source) {
    if (typeof chunk === 'string') {
      yield chunk;
      continue;
    }
    const buffer: Buffer = carry ? Buffer.concat([carry, chunk]) : chunk;
    const end = wholeUtf8Length(buffer);
    carry = end < buffer.length ? Buffer.from(buffer.subarray(end)) : null;
    if (end > 0) yield buffer.subarray(0, end);
  }
  if (carry) yield carry;
}

/** The length of the buffer's leading bytes that end on a character boundary. */
function wholeUtf8Length(bytes: Buffer): number {
  let lead = bytes.length - 1;
  // Back over at most three continuation bytes (10xxxxxx) to the character's first byte.
  while (lead >= 0 && bytes.length - lead <= 3 && (bytes[lead] & 0xc0) === 0x80) lead -= 1;
  if (lead < 0) return bytes.length;
  const first = bytes[lead];
  const size = first >= 0xf0 ? 4 : first >= 0xe0 ? 3 : first >= 0xc0 ? 2 : 1;
  return bytes.length - lead >= size ? bytes.length : lead;
}

/** Where each known column is, from the header row; refused when a required one is missing. */
function headerPositions(row: ExcelJS.Row | null, t: Texts): Map<ImportColumnKey, number> {
  const positions = new Map<ImportColumnKey, number>();
  row?.eachCell((cell, col) => {
    const text = cellText(readCell(cell))?.replace(/\s+/g, '');
    const column = importColumns.find(
      (c) => c.header === text || c.alias.replace(/\s+/g, '').toLowerCase() === text?.toLowerCase(),
    );
    if (column && !positions.has(column.key)) positions.set(column.key, col);
  });
  const missing = importColumns.filter((c) => c.required && !positions.has(c.key)).map((c) => c.header);
  if (!positions.has('partnerName') && !positions.has('partnerCreditCode')) missing.push(header.partnerName);
  if (missing.length)
    throw new AppError('VALIDATION_FAILED', { detail: t.missingColumns(missing.join('、')) });
  return positions;
}

const EMPTY: RawCell = { value: null, percent: false };
export type Fail = (row: number, column: ImportColumnKey, message: string) => void;

/** Reads a row's values and checks those it carries by themselves; `ok` when none is wrong. */
export function parseRow(
  row: number,
  cells: Map<ImportColumnKey, RawCell>,
  fail: Fail,
  t: Texts,
): { draft: Draft; ok: boolean } {
  const text = (key: ImportColumnKey) => cellText(cells.get(key) ?? EMPTY);
  const d: Draft = {
    row,
    number: text('number'),
    name: text('name'),
    categoryCode: text('category'),
    partnerName: text('partnerName'),
    creditCode: text('partnerCreditCode')?.replace(/\s+/g, '').toUpperCase() ?? null,
    entityCode: text('entity'),
    departmentCode: text('department'),
    username: text('owner')?.toLowerCase() ?? null,
    amount: null,
    taxRate: null,
    currency: 'CNY',
    signDate: null,
    startDate: null,
    endDate: null,
    status: 'IN_FORCE',
    projectRef: text('projectRef'),
    body: text('body') ?? '',
  };
  let ok = true;
  const bad = (column: ImportColumnKey, message: string) => {
    fail(d.row, column, message);
    ok = false;
  };
  for (const c of importColumns) if (c.required && !cells.has(c.key)) bad(c.key, t.required);
  if (!d.partnerName && !d.creditCode) bad('partnerName', t.partnerRequired);
  const lengths: [ImportColumnKey, string | null, number][] = [
    ['number', d.number, 64],
    ['name', d.name, 200],
    ['partnerName', d.partnerName, 200],
    ['partnerCreditCode', d.creditCode, 18],
    ['projectRef', d.projectRef, 64],
    ['body', d.body, 100_000],
  ];
  for (const [key, value, max] of lengths) if (value && value.length > max) bad(key, t.tooLong(max));

  const amountCell = cells.get('amount');
  if (amountCell) {
    const amount = parseAmount(amountCell);
    if (typeof amount === 'number') d.amount = amount;
    else bad('amount', t.amount[amount]);
  }
  const rateCell = cells.get('taxRate');
  if (rateCell) {
    d.taxRate = parseTaxRate(rateCell);
    if (d.taxRate === null) bad('taxRate', t.taxRate);
  }
  const currency = cells.get('currency');
  if (currency) {
    const parsed = currencySchema.safeParse(cellText(currency)?.toUpperCase());
    if (parsed.success) d.currency = parsed.data;
    else bad('currency', t.currency);
  }
  for (const key of ['signDate', 'startDate', 'endDate'] as const) {
    const cell = cells.get(key);
    if (!cell) continue;
    d[key] = parseDate(cell);
    if (!d[key]) bad(key, t.date);
  }
  if (d.startDate && d.endDate && d.endDate < d.startDate) bad('endDate', t.endBeforeStart);
  const status = cells.get('status');
  if (status) {
    const parsed = importStatuses[cellText(status) ?? ''];
    if (parsed) d.status = parsed;
    else bad('status', t.status);
  }
  if (SIGNED.includes(d.status) && !cells.has('signDate')) bad('signDate', t.signDateRequired);
  return { draft: d, ok };
}

export interface Resolved {
  entityId: string;
  departmentId: string;
  ownerId: string;
  categoryId: string;
  direction: string;
  partnerId: string;
}

/** Resolves a row's codes to records and checks the caller's scope; null when something is not found. */
export function resolveRow(
  d: Draft,
  found: {
    entityId: string | undefined;
    departments: Map<string, string>;
    users: Map<string, { id: string; active: boolean } | null>;
    categories: Map<string, { id: string; direction: string; active: boolean | number }>;
    candidates: ImportPartnerCandidate[];
    scope: Scope;
  },
  fail: Fail,
  t: Texts,
): Resolved | null {
  let ok = true;
  const bad = (column: ImportColumnKey, message: string) => {
    fail(d.row, column, message);
    ok = false;
  };
  const category = d.categoryCode ? found.categories.get(d.categoryCode.toUpperCase()) : undefined;
  if (d.categoryCode && !category) bad('category', t.unknown(d.categoryCode));
  else if (category && !category.active) bad('category', t.inactiveCategory(d.categoryCode ?? ''));
  const user = d.username ? found.users.get(d.username) : undefined;
  if (d.username && !user) bad('owner', t.unknown(d.username));
  else if (user && !user.active) bad('owner', t.inactiveUser(d.username ?? ''));
  const { entityId } = found;
  const departmentId =
    entityId && d.departmentCode
      ? found.departments.get(`${entityId}/${d.departmentCode.toUpperCase()}`)
      : undefined;
  if (entityId && d.departmentCode && !departmentId) bad('department', t.unknownDepartment(d.departmentCode));
  if (
    entityId &&
    departmentId &&
    user &&
    !isInScope(found.scope, { entityId, departmentId, ownerId: user.id })
  ) {
    bad(d.entityCode ? 'entity' : 'department', t.outOfScope);
  }
  const partner = entityId ? matchPartner(d, entityId, found.candidates) : null;
  if (typeof partner === 'string')
    bad(d.creditCode ? 'partnerCreditCode' : 'partnerName', t.partner[partner]);
  if (!ok || !entityId || !departmentId || !user || !category || typeof partner !== 'object' || !partner)
    return null;
  return {
    entityId,
    departmentId,
    ownerId: user.id,
    categoryId: category.id,
    direction: category.direction,
    partnerId: partner.id,
  };
}

/** By credit code when the row has one, else by exact name among partners the entity may use. */
function matchPartner(
  d: Draft,
  entityId: string,
  candidates: ImportPartnerCandidate[],
): ImportPartnerCandidate | 'noCode' | 'noName' | 'ambiguous' | 'notUsable' | 'blacklisted' | null {
  if (!d.creditCode && !d.partnerName) return null;
  const usable = (p: ImportPartnerCandidate) => p.sharedWithGroup || p.entityId === entityId;
  if (d.creditCode) {
    const partner = candidates.find((p) => p.creditCode === d.creditCode);
    if (!partner) return 'noCode';
    if (!usable(partner)) return 'notUsable';
    return partner.blacklisted ? 'blacklisted' : partner;
  }
  const named = candidates.filter((p) => p.name === d.partnerName && usable(p));
  const clean = named.filter((p) => !p.blacklisted);
  if (clean.length > 1) return 'ambiguous';
  if (clean.length === 1) return clean[0];
  return named.length ? 'blacklisted' : 'noName';
}

export const distinct = (values: (string | null)[]) => [...new Set(values.filter((v): v is string => !!v))];
export const columnOrder = (name: string) => importColumns.findIndex((c) => c.header === name);

// ---------------------------------------------------------------- messages

export const texts = {
  'zh-CN': {
    notXlsx: '无法读取文件，请上传由导入模板填写的 .xlsx 文件',
    missingColumns: (columns: string) => `表头缺少列：${columns}（请使用导入模板）`,
    tooManyRows: (max: number) => `每个文件最多 ${max} 行数据，请拆分后分批导入`,
    noRows: '文件中没有数据行',
    required: '必填',
    partnerRequired: '相对方名称和统一社会信用代码至少填一项',
    tooLong: (max: number) => `不能超过 ${max} 个字符`,
    amount: {
      number: '不是有效的金额',
      decimals: '金额最多两位小数',
      negative: '金额不能为负数',
      tooLarge: '金额过大',
    },
    taxRate: '税率应为 0 到 100 之间的百分数，最多两位小数，例如 13 或 6',
    currency: '币种应为 CNY、USD、EUR、HKD、JPY、GBP 之一',
    date: '日期无效，请使用日期单元格或 YYYY-MM-DD 格式',
    endBeforeStart: '结束日期不能早于开始日期',
    status: '状态应为 履行中、已完成、已终止、已审批 之一',
    signDateRequired: '状态为履行中、已完成或已终止的合同须填写签订日期',
    unknown: (value: string) => `找不到“${value}”`,
    unknownDepartment: (code: string) => `签约主体下没有编码为“${code}”的部门`,
    inactiveCategory: (code: string) => `合同类别“${code}”已停用`,
    inactiveUser: (username: string) => `用户“${username}”已停用`,
    outOfScope: '超出您登记合同的数据范围',
    duplicateInFile: (row: number) => `合同编号与第 ${row} 行重复`,
    numberTaken: (number: string) => `合同编号“${number}”已存在`,
    partner: {
      noCode: '合作伙伴库中没有该统一社会信用代码的伙伴（导入不会新建伙伴）',
      noName: '合作伙伴库中没有签约主体可用的同名伙伴（导入不会新建伙伴）',
      ambiguous: '有多个同名伙伴，请填写统一社会信用代码',
      notUsable: '该伙伴不属于签约主体，也未在集团内共享',
      blacklisted: '该伙伴已被列入黑名单',
    },
  },
  'en-US': {
    notXlsx: 'The file cannot be read; upload an .xlsx file filled in from the import template',
    missingColumns: (columns: string) => `the header lacks the columns ${columns} (use the import template)`,
    tooManyRows: (max: number) => `a file may hold at most ${max} rows; split it and import the parts`,
    noRows: 'the file has no data rows',
    required: 'required',
    partnerRequired: 'give the counterparty name or its credit code',
    tooLong: (max: number) => `at most ${max} characters`,
    amount: {
      number: 'not an amount',
      decimals: 'at most 2 decimals',
      negative: 'must not be negative',
      tooLarge: 'too large',
    },
    taxRate: 'a percentage from 0 to 100 with at most 2 decimals, e.g. 13 or 6',
    currency: 'one of CNY, USD, EUR, HKD, JPY, GBP',
    date: 'not a date: use a date cell or YYYY-MM-DD',
    endBeforeStart: 'the end date is before the start date',
    status: 'one of 履行中 (in force), 已完成 (completed), 已终止 (terminated), 已审批 (approved)',
    signDateRequired: 'required for in force, completed and terminated contracts',
    unknown: (value: string) => `"${value}" not found`,
    unknownDepartment: (code: string) => `the signing entity has no department "${code}"`,
    inactiveCategory: (code: string) => `the contract category "${code}" is inactive`,
    inactiveUser: (username: string) => `the user "${username}" is disabled`,
    outOfScope: 'outside the data scope in which you may register contracts',
    duplicateInFile: (row: number) => `the same contract number as row ${row}`,
    numberTaken: (number: string) => `the contract number "${number}" already exists`,
    partner: {
      noCode: 'no partner with this credit code in the partner library (the import creates no partners)',
      noName: 'no partner of this name that the signing entity may use (the import creates no partners)',
      ambiguous: 'several partners have this name: give the credit code',
      notUsable: 'the partner belongs to another entity and is not shared with the group',
      blacklisted: 'the partner is blacklisted',
    },
  },
} satisfies Record<Locale, unknown>;
export type Texts = (typeof texts)['zh-CN'];
