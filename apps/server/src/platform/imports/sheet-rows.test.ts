import { describe, expect, it } from 'vitest';
import { SHEET_WHOLE_BELOW_BYTES, SHEET_WORKER_FROM_BYTES, sheetReadingFor } from './index.js';

describe('how a workbook is read, by its size', () => {
  it('reads a small file whole, a middling one streamed, and a large one on a worker thread', () => {
    expect(sheetReadingFor(0)).toBe('whole');
    expect(sheetReadingFor(SHEET_WHOLE_BELOW_BYTES - 1)).toBe('whole');
    expect(sheetReadingFor(SHEET_WHOLE_BELOW_BYTES)).toBe('streamed');
    expect(sheetReadingFor(SHEET_WORKER_FROM_BYTES - 1)).toBe('streamed');
    expect(sheetReadingFor(SHEET_WORKER_FROM_BYTES)).toBe('worker');
    expect(sheetReadingFor(50 * 1024 * 1024)).toBe('worker');
  });
});
