import { type Currency, creditCodeIssue, currencySchema, MAX_AMOUNT, minorDigits } from '@concord/contracts';
import { isInScope, type Scope } from '../../../platform/access/index.js';
import {
  type HeaderUnit,
  readDate,
  readMoney,
  readRate,
  type TaxExemption,
} from '../../../platform/imports/index.js';
import {
  cellText,
  type ImportColumnKey,
  importColumns,
  importStatuses,
  type RawCell,
} from './import.template.js';
import type { Texts } from './import.texts.js';

/*
 * The rows of a contract import: checking each value and resolving codes to records, with every
 * problem reported by row and column in the caller's language. Reading the workbook is
 * import.file.ts; the messages are import.texts.ts.
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
  /** The owner as the row names them: a username or a display name. */
  owner: string | null;
  amount: number | null;
  taxRate: number | null;
  /** The treatment a rate of 0 names (免税 → EXEMPT), null for a plain rate. */
  taxExemption: TaxExemption | null;
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

const EMPTY: RawCell = { value: null, percent: false };
export type Fail = (row: number, column: ImportColumnKey, message: string) => void;

/**
 * Reads a row's values and checks those it carries by themselves; `ok` when none is wrong. `units`
 * are the units the header names (an amount column headed "合同金额（万元）" holds 万). A value that
 * can be read two ways is read the likelier way and said to `warn`: the user confirms it before the
 * row is written.
 */
export function parseRow(
  row: number,
  cells: Map<ImportColumnKey, RawCell>,
  units: ReadonlyMap<ImportColumnKey, HeaderUnit>,
  fail: Fail,
  t: Texts,
  warn: Fail = () => {},
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
    owner: text('owner'),
    amount: null,
    taxRate: null,
    taxExemption: null,
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
  // A mistyped code is said as such, not as "no such partner in the library".
  const codeIssue = d.creditCode && d.creditCode.length <= 18 ? creditCodeIssue(d.creditCode) : null;
  if (codeIssue) bad('partnerCreditCode', t.creditCode(codeIssue));

  const currency = cells.get('currency');
  if (currency) {
    const parsed = currencySchema.safeParse(cellText(currency)?.toUpperCase());
    if (parsed.success) d.currency = parsed.data;
    else bad('currency', t.currency);
  }
  // In the contract's currency's minor units: JPY has no decimals, so 1000 is ¥1000, not ¥100,000.
  const amountCell = cells.get('amount');
  if (amountCell) {
    const amount = readMoney(amountCell, {
      max: MAX_AMOUNT,
      unit: units.get('amount'),
      minorDigits: minorDigits(d.currency),
    });
    if (typeof amount === 'number') d.amount = amount;
    else bad('amount', t.amount[amount]);
  }
  const rateCell = cells.get('taxRate');
  if (rateCell) {
    const rate = readRate(rateCell);
    if ('basisPoints' in rate) {
      d.taxRate = rate.basisPoints;
      d.taxExemption = rate.exemption;
      if (rate.fraction)
        warn(d.row, 'taxRate', t.warn.rateFraction(String(rateCell.value), rate.basisPoints / 100));
    } else bad('taxRate', rate.problem === 'ambiguous' ? t.taxRateAmbiguous : t.taxRate);
  }
  for (const key of ['signDate', 'startDate', 'endDate'] as const) {
    const cell = cells.get(key);
    if (!cell) continue;
    d[key] = readDate(cell);
    if (!d[key]) bad(key, t.date);
    // A plain number in a date column (a date cell that lost its format) is a day serial: say so.
    else if (typeof cell.value === 'number')
      warn(d.row, key, t.warn.dateSerial(cell.value, d[key] as string));
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

/** A user a row's owner names, as the directory finds them. */
export interface ImportUser {
  id: string;
  active: boolean;
}

/** A contract category as the directory holds it. */
export interface ImportCategory {
  id: string;
  direction: string;
  active: boolean | number;
}

export interface Resolved {
  entityId: string;
  departmentId: string;
  ownerId: string;
  categoryId: string;
  direction: string;
  /** Empty until the import creates the partner `newPartner` names. */
  partnerId: string;
  /** The counterparty the library lacks, to be created (the import was asked to create them). */
  newPartner?: { name: string; creditCode: string };
}

/** Resolves a row's codes to records and checks the caller's scope; null when something is not found. */
export function resolveRow(
  d: Draft,
  found: {
    entityId: string | undefined;
    departments: Map<string, string>;
    departmentNames: Map<string, string[]>;
    users: Map<string, ImportUser | 'ambiguous' | null>;
    categories: Map<string, ImportCategory>;
    categoryNames: Map<string, ImportCategory[]>;
    candidates: ImportPartnerCandidate[];
    scope: Scope;
    /** Counterparties missing from the library are created: a row must name one with its credit code. */
    createPartners?: boolean;
  },
  fail: Fail,
  t: Texts,
): Resolved | null {
  let ok = true;
  const bad = (column: ImportColumnKey, message: string) => {
    fail(d.row, column, message);
    ok = false;
  };
  // By code, else by name (a ledger writes 材料采购 where the template asks for its code).
  const category = d.categoryCode
    ? byCodeOrName(found.categories, found.categoryNames, d.categoryCode.toUpperCase(), d.categoryCode)
    : undefined;
  if (category === 'ambiguous') bad('category', t.ambiguousName(d.categoryCode ?? ''));
  else if (d.categoryCode && !category) bad('category', t.unknown(d.categoryCode));
  else if (category && !category.active) bad('category', t.inactiveCategory(d.categoryCode ?? ''));
  const owner = d.owner ? found.users.get(d.owner) : undefined;
  if (owner === 'ambiguous') bad('owner', t.ambiguousName(d.owner ?? ''));
  else if (d.owner && !owner) bad('owner', t.unknown(d.owner));
  else if (owner && !owner.active) bad('owner', t.inactiveUser(d.owner ?? ''));
  const user = owner === 'ambiguous' ? undefined : owner;
  const { entityId } = found;
  const department =
    entityId && d.departmentCode
      ? byCodeOrName(
          found.departments,
          found.departmentNames,
          `${entityId}/${d.departmentCode.toUpperCase()}`,
          `${entityId}/${d.departmentCode}`,
        )
      : undefined;
  if (department === 'ambiguous') bad('department', t.ambiguousName(d.departmentCode ?? ''));
  else if (entityId && d.departmentCode && !department)
    bad('department', t.unknownDepartment(d.departmentCode));
  const departmentId = department === 'ambiguous' ? undefined : department;
  if (
    entityId &&
    departmentId &&
    user &&
    !isInScope(found.scope, { entityId, departmentId, ownerId: user.id })
  ) {
    bad(d.entityCode ? 'entity' : 'department', t.outOfScope);
  }
  const matched = entityId ? matchPartner(d, entityId, found.candidates) : null;
  // A credit code the library lacks (the code itself checked by parseRow) is a partner to create.
  let partner: typeof matched | { id: ''; newPartner: { name: string; creditCode: string } } = matched;
  if (found.createPartners && matched === 'noCode') {
    if (d.partnerName && d.creditCode)
      partner = { id: '', newPartner: { name: d.partnerName, creditCode: d.creditCode } };
    else bad('partnerName', t.partner.nameToCreate);
  } else if (found.createPartners && matched === 'noName') bad('partnerCreditCode', t.partner.codeToCreate);
  else if (typeof partner === 'string')
    bad(d.creditCode ? 'partnerCreditCode' : 'partnerName', t.partner[partner]);
  if (
    !ok ||
    !entityId ||
    !departmentId ||
    !user ||
    !category ||
    category === 'ambiguous' ||
    typeof partner !== 'object' ||
    !partner
  )
    return null;
  return {
    entityId,
    departmentId,
    ownerId: user.id,
    categoryId: category.id,
    direction: category.direction,
    partnerId: partner.id,
    ...('newPartner' in partner ? { newPartner: partner.newPartner } : {}),
  };
}

/** The record of a code, else of a name when exactly one record has it; `ambiguous` when several do. */
export function byCodeOrName<T>(
  byCode: Map<string, T>,
  byName: Map<string, T[]>,
  code: string,
  name: string,
): T | 'ambiguous' | undefined {
  const coded = byCode.get(code);
  if (coded) return coded;
  const named = byName.get(name.trim()) ?? [];
  return named.length > 1 ? 'ambiguous' : named[0];
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
    // A code that is no credit code is reported as such by parseRow.
    if (creditCodeIssue(d.creditCode)) return null;
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
