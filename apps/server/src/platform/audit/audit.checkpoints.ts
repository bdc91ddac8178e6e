import { createHmac } from 'node:crypto';
import { appendFile, readFile } from 'node:fs/promises';
import { canonicalJson } from './audit.hash.js';
import type { AuditKey } from './audit.key.js';

/**
 * Signed checkpoints of the chain's head, written outside the database (a JSON-lines file the
 * auditors may copy elsewhere). Each says "at this time entry `seq` had hash `hash`" under the
 * chain's key: rewriting the log and its head in the database, even truncating it to before a
 * checkpoint, no longer matches the checkpoints, which verification compares against the log.
 */
export interface Checkpoint {
  seq: number;
  hash: string;
  /** The first entry hashed with the key (earlier ones are plain SHA-256, from before keying). */
  keyedFromSeq: number;
  at: string;
  mac: string;
}

export class CheckpointFile {
  constructor(
    private readonly path: string,
    private readonly key: AuditKey,
  ) {}

  private macOf(checkpoint: Omit<Checkpoint, 'mac'>): string {
    const { seq, hash, keyedFromSeq, at } = checkpoint;
    return createHmac('sha256', this.key.secret)
      .update(canonicalJson({ seq, hash, keyedFromSeq, at }))
      .digest('hex');
  }

  async append(checkpoint: Omit<Checkpoint, 'mac'>): Promise<void> {
    const line = JSON.stringify({ ...checkpoint, mac: this.macOf(checkpoint) });
    await appendFile(this.path, `${line}\n`, { mode: 0o600 });
  }

  /** Every checkpoint in order, each with whether its signature holds; none when the file is absent. */
  async readAll(): Promise<{ checkpoint: Checkpoint; line: number; signed: boolean }[]> {
    let text: string;
    try {
      text = await readFile(this.path, 'utf8');
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return [];
      throw error;
    }
    return text
      .split('\n')
      .map((raw, index) => ({ raw: raw.trim(), line: index + 1 }))
      .filter(({ raw }) => raw.length > 0)
      .map(({ raw, line }) => {
        let checkpoint: Checkpoint;
        try {
          checkpoint = JSON.parse(raw) as Checkpoint;
        } catch {
          return { checkpoint: { seq: -1, hash: '', keyedFromSeq: 0, at: '', mac: '' }, line, signed: false };
        }
        return { checkpoint, line, signed: checkpoint.mac === this.macOf(checkpoint) };
      });
  }
}
