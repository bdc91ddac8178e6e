import { type TaxExemption, taxExemptionLabels } from '@concord/contracts';
import type { SheetCell } from './sheet-reader.mjs';

/*
 * Reading the values of an imported sheet as companies write them in their own Excel ledgers:
 * amounts with units, separators, currency signs and accounting parentheses; dates as Excel dates,
 * serials or Chinese text; rates as percentages or fractions. Every import (contracts now; budgets,
 * customers and bank statements later) reads its cells through these, so a value means the same
 * thing in every ledger. None of them guesses silently: a value that could be read two ways is
 * refused with its reason, or read the likelier way and said so (RateReading.fraction) for the user
 * to confirm.
 */

/** Why a cell is no amount: not a number, more decimals than the minor unit (分), below zero, or beyond `max`. */
export type AmountProblem = 'number' | 'decimals' | 'negative' | 'tooLarge';

/** Units of yuan a ledger writes an amount in (a header may name one for its column), as powers of ten. */
const YUAN_UNITS = { 元: 0, 万: 4, 亿: 8 } as const;
export type YuanUnit = keyof typeof YUAN_UNITS;

/**
 * An amount in yuan → 分 (an integer), exactly: `1234.5`, `1,234.50`, `¥1234.5`, `12.3万` (123,000
 * yuan), `1.2亿`, full-width digits and commas. Without a unit of its own an amount is in the column's
 * `unit` (a column headed "金额（万元）" holds 万). A number cell is read as Excel shows it (15
 * significant digits: a formula's float noise is no third decimal). Negative amounts (`-5`, `(1,234.50)` as accountants write them) are the problem
 * `negative`: no ledger of Concord's takes them from a file.
 */
export function readYuan(cell: SheetCell, max: number, unit: YuanUnit = '元'): number | AmountProblem {
  return readMoney(cell, { max, unit, minorDigits: 2 });
}

/**
 * An amount in major units → minor units (an integer), exactly, as readYuan reads yuan: for a
 * currency of `minorDigits` decimals (JPY has none: 1000 is ¥1000, 1000 minor units), `unit` the
 * column's (万, 亿) when the amount writes none.
 */
export function readMoney(
  cell: SheetCell,
  { max, unit = '元', minorDigits }: { max: number; unit?: YuanUnit; minorDigits: number },
): number | AmountProblem {
  let text: string;
  if (typeof cell.value === 'number') {
    if (!Number.isFinite(cell.value)) return 'number';
    text = excelDigits(cell.value);
    if (text.includes('e')) return Math.abs(cell.value) < 1 ? 'decimals' : 'tooLarge';
  } else if (typeof cell.value === 'string') {
    text = halfWidth(cell.value).replace(/[,\s]/g, '');
  } else return 'number';
  const negative = /^\(.*\)$/.test(text) || /^[-−]/.test(text);
  text = text
    .replace(/^\((.*)\)$/, '$1')
    .replace(/^[-−]/, '')
    .replace(/^(?:¥|RMB|CNY)/i, '');
  const match = /^(\d+)(?:\.(\d+))?(万元|亿元|万|亿|元)?$/.exec(text);
  if (!match) return 'number';
  if (negative) return 'negative';
  // A unit written with the amount wins over the column's.
  const scale = minorDigits + YUAN_UNITS[match[3] ? (match[3][0] as YuanUnit) : unit];
  const fraction = (match[2] ?? '').replace(/0+$/, '');
  if (fraction.length > scale) return 'decimals';
  const cents = BigInt(match[1] + fraction.padEnd(scale, '0'));
  return cents <= BigInt(max) ? Number(cents) : 'tooLarge';
}

/** A number as Excel shows it: 15 significant digits, trailing zeros dropped (1130.0000000000002 → 1130). */
function excelDigits(value: number): string {
  const text = value.toPrecision(15);
  if (text.includes('e')) return text;
  return text.includes('.') ? text.replace(/\.?0+$/, '') : text;
}

/** Excel's day serial of 1970-01-01 (1900 date system); serials are taken within these years. */
const SERIAL_1970 = 25569;
const SERIAL_FIRST = 18264; // 1950-01-01
const SERIAL_LAST = 73051; // 2099-12-31

/**
 * A date → `YYYY-MM-DD`, or null: an Excel date cell, a day serial (a date cell that lost its
 * format), or text `2024-03-05`, `2024/3/5`, `2024.3.5`, `2024年3月5日`, with a time of day ignored.
 * A day that does not exist (2023-02-29) is null.
 */
export function readDate(cell: SheetCell): string | null {
  const { value } = cell;
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? null : excelDay(value);
  if (typeof value === 'number') {
    if (!Number.isInteger(value) || value < SERIAL_FIRST || value > SERIAL_LAST) return null;
    return excelDay(new Date((value - SERIAL_1970) * 86_400_000));
  }
  if (typeof value !== 'string') return null;
  const text = halfWidth(value).trim();
  const match =
    /^(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})(?:[ T]\d{1,2}:\d{2}(?::\d{2})?)?$/.exec(text) ??
    /^(\d{4})\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*[日号]?$/.exec(text);
  if (!match) return null;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const date = new Date(Date.UTC(year, month - 1, day));
  if (date.getUTCFullYear() !== year || date.getUTCMonth() !== month - 1 || date.getUTCDate() !== day)
    return null;
  return date.toISOString().slice(0, 10);
}

/** Excel dates carry no zone: exceljs reads them as UTC midnight (give or take float noise). */
function excelDay(date: Date): string {
  return new Date(Math.round(date.getTime() / 60_000) * 60_000).toISOString().slice(0, 10);
}

/**
 * The words a ledger writes for a tax rate of 0 and the treatment each names (compared without
 * spaces, in lower case: Concord's English export writes "Not taxable").
 */
export const TAX_EXEMPTIONS: Readonly<Record<string, TaxExemption>> = Object.fromEntries(
  Object.entries(taxExemptionLabels).flatMap(([kind, label]) =>
    Object.values(label).map((word) => [word.replace(/\s/g, '').toLowerCase(), kind as TaxExemption]),
  ),
);
export type { TaxExemption };

/** A rate read: basis points (13% is 1300), and the exemption when the cell named one. */
export type RateReading =
  | {
      basisPoints: number;
      exemption: TaxExemption | null;
      /**
       * A plain number below 1 read as a fraction (0.13 → 13%): it could also be meant as 0.13%, so
       * an import shows it as a warning the user confirms.
       */
      fraction?: true;
    }
  | { problem: 'rate' | 'ambiguous' };

/**
 * A rate (a tax rate) → basis points. `13%` (text, or 0.13 in a percent-formatted cell), `13` and
 * `0.13` all mean 13%: a plain number below 1 is a fraction, from 1 up a number of percent. Only a
 * plain 1 can be read both ways (1% or 100%): it is the problem `ambiguous`, to be written as `1%`.
 * `免税`, `不征税` and `零税率` are 0 with the exemption named. At most two decimals of a percent.
 */
export function readRate(cell: SheetCell): RateReading {
  const { value } = cell;
  let percent: number;
  let fraction = false;
  if (typeof value === 'number') {
    if (cell.percent) percent = value * 100;
    else if (value === 1) return { problem: 'ambiguous' };
    else {
      fraction = value > 0 && value < 1;
      percent = value < 1 ? value * 100 : value;
    }
  } else if (typeof value === 'string') {
    const text = halfWidth(value).replace(/\s/g, '');
    const exemption = TAX_EXEMPTIONS[text.toLowerCase()];
    if (exemption) return { basisPoints: 0, exemption };
    const match = /^(\d+(?:\.\d+)?)(%?)$/.exec(text);
    if (!match) return { problem: 'rate' };
    const number = Number(match[1]);
    if (match[2]) percent = number;
    else if (number === 1) return { problem: 'ambiguous' };
    else {
      fraction = number > 0 && number < 1;
      percent = number < 1 ? number * 100 : number;
    }
  } else return { problem: 'rate' };
  const basisPoints = Math.round(percent * 100);
  if (Math.abs(percent * 100 - basisPoints) > 1e-6 || basisPoints < 0 || basisPoints > 10000)
    return { problem: 'rate' };
  return fraction ? { basisPoints, exemption: null, fraction: true } : { basisPoints, exemption: null };
}

/** Full-width digits, signs and brackets (as a Chinese input method types them) as their ASCII twins. */
export function halfWidth(text: string): string {
  return text
    .replace(/[\uff01-\uff5e]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0))
    .replace(/\uffe5/g, '¥')
    .replace(/\u3000/g, ' ');
}
