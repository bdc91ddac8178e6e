import { Readable } from 'node:stream';
import { setTimeout as sleep } from 'node:timers/promises';
import { describe, expect, it } from 'vitest';
import { endOnlyWhenDrained } from './sheet-reader.mjs';

/** A zip stream like unzipper's Parse: entries pushed, then an 'end' emitted by hand on 'finish'. */
function zipWithUnreadEntries() {
  const zip = new Readable({ objectMode: true, read() {} });
  zip.push('xl/sharedStrings.xml');
  zip.push('xl/workbook.xml');
  return zip;
}

describe("the zip stream's early end", () => {
  it('without the guard, ends while two entries are still unread (the lost shared strings)', () => {
    const zip = zipWithUnreadEntries();
    let unreadAtEnd: number | null = null;
    zip.on('end', () => (unreadAtEnd = zip.readableLength));
    zip.emit('end');
    expect(unreadAtEnd).toBe(2);
  });

  it('with the guard, ends only once every entry is read, by the stream itself or after it ran empty', async () => {
    for (const closes of [true, false]) {
      const zip = zipWithUnreadEntries();
      endOnlyWhenDrained(zip);
      const read: string[] = [];
      let readAtEnd: string[] | null = null;
      zip.on('end', () => (readAtEnd ??= [...read]));
      zip.emit('end');
      expect(readAtEnd).toBeNull();
      if (closes) zip.push(null); // the zip's closing record: the stream's own end follows the reads
      zip.on('data', (entry: string) => read.push(entry));
      await sleep(20);
      expect(readAtEnd).toEqual(['xl/sharedStrings.xml', 'xl/workbook.xml']);
    }
  });
});
