import type { Readable } from 'node:stream';

/** A cell as the file holds it: its plain value, and whether its number format is a percentage. */
export interface SheetCell {
  value: string | number | boolean | Date | null;
  percent: boolean;
}

/** One row of a sheet: its Excel row number and its cells by column (index 0 is column A). */
export interface SheetRow {
  row: number;
  cells: (SheetCell | null)[];
}

export function readSheet(
  stream: Readable,
  options?: { sheet?: string; whole?: boolean },
): AsyncGenerator<SheetRow, { found: boolean }, undefined>;

export class SheetUnreadable extends Error {
  constructor(cause?: unknown);
}

export function utf8Chunks(source: AsyncIterable<Buffer | string>): AsyncGenerator<Buffer | string>;

/** Holds back an 'end' the stream emits by hand while it still buffers unread entries (see the .mjs). */
export function endOnlyWhenDrained(zip: import('node:stream').Readable): void;
