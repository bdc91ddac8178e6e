/**
 * The bare-SQL baseline of a write: the statements of one Concord transaction (captured from a
 * sample request), replayed as prepared statements in one transaction on other rows of the same
 * kind. What changes from the sample: the rows it was about (the caller names them: the sample's
 * instance becomes a twin's, its idempotency key a fresh one, ...), every id the sample minted for
 * a new row (a fresh id each replay), and the audit chain (each entry's seq and hash follow the head
 * read in the same transaction, hashed as the audit module does, so the chain still verifies).
 * Everything else (timestamps, the JSON a row stores) is written as the sample wrote it.
 */
import { newId } from '../../apps/server/src/db/index.js';
import type { BareSql, Steps } from './bare.js';
import type { Statement } from './concord.js';
import { auditKeyOf, type ChainedFields, entryHash } from '../../apps/server/src/platform/audit/index.js';

const replayKey = auditKeyOf().secret;

/** The statements of the first transaction that `writes` (a regexp on its SQL), begin and commit left out. */
export function transactionOf(statements: Statement[], writes: RegExp): Statement[] {
  let start = -1;
  for (let i = 0; i < statements.length; i++) {
    const sql = statements[i].sql.trim().toLowerCase();
    if (sql === 'begin' || sql.startsWith('begin ')) start = i;
    else if (sql === 'commit' && start >= 0) {
      const body = statements.slice(start + 1, i);
      if (body.some((s) => writes.test(s.sql))) return body;
      start = -1;
    }
  }
  throw new Error(`no transaction writing ${writes} among ${statements.length} statements`);
}

function insertColumns(sql: string): { table: string; columns: string[] } | null {
  const match = /^insert into "([^"]+)" \(([^)]*)\) values/i.exec(sql);
  if (!match) return null;
  return { table: match[1], columns: match[2].split(',').map((c) => c.trim().replace(/"/g, '')) };
}

const json = (value: unknown) => (typeof value === 'string' ? JSON.parse(value) : value);

type Parameter =
  | { kind: 'same'; value: unknown }
  /** The i-th named value (a twin's row) or a minted id. */
  | { kind: 'key'; index: number }
  /** A text holding keys (a JSON column, a title): each replaced. */
  | { kind: 'text'; value: string; indexes: number[] };

interface Step {
  sql: string;
  parameters: Parameter[];
  role: 'plain' | 'auditHead' | 'auditInsert' | 'auditHeadUpdate';
  columns?: string[];
}

export class Template {
  readonly statements: number;
  private readonly steps: Step[];
  private readonly named: number;
  private readonly minted: number;
  private readonly sampleKeys: string[];

  /**
   * `keys`: the sample's values that name its rows (its instance id, its key, its number), in the
   * order `replay` gets the twin's. The ids of rows the sample inserted (an "id" column) are found here.
   */
  constructor(statements: Statement[], keys: readonly string[]) {
    const index = new Map<string, number>(keys.map((key, i) => [key, i]));
    this.named = keys.length;
    for (const statement of statements) {
      const insert = insertColumns(statement.sql);
      if (!insert) continue;
      const id = insert.columns.indexOf('id');
      if (id < 0) continue;
      for (let at = id; at < statement.parameters.length; at += insert.columns.length) {
        const value = statement.parameters[at];
        if (typeof value === 'string' && !index.has(value)) index.set(value, index.size);
      }
    }
    this.minted = index.size - this.named;
    const all = [...index.keys()];
    this.sampleKeys = all;
    const parameterOf = (value: unknown): Parameter => {
      if (typeof value !== 'string') return { kind: 'same', value };
      const exact = index.get(value);
      if (exact !== undefined) return { kind: 'key', index: exact };
      const indexes = all.filter((key) => value.includes(key)).map((key) => index.get(key)!);
      return indexes.length ? { kind: 'text', value, indexes } : { kind: 'same', value };
    };
    this.steps = statements.map((statement) => {
      const sql = statement.sql;
      const insert = insertColumns(sql);
      const role =
        insert?.table === 'audit_log'
          ? 'auditInsert'
          : /^select "seq", "hash" from "audit_head"/.test(sql)
            ? 'auditHead'
            : /^update "audit_head" set/.test(sql)
              ? 'auditHeadUpdate'
              : 'plain';
      return { sql, role, columns: insert?.columns, parameters: statement.parameters.map(parameterOf) };
    });
    this.statements = statements.length;
    if (this.steps.some((s) => s.role === 'auditInsert') && !this.steps.some((s) => s.role === 'auditHead'))
      throw new Error('an audit entry without the read of the audit head');
  }

  /**
   * Replays the transaction on the twin's rows (`values` in the order of the sample's `keys`);
   * answers with the values it wrote in the place of the sample's (`indexOf` finds a minted id's).
   */
  async replay(bare: BareSql, values: readonly string[]): Promise<string[]> {
    if (values.length !== this.named)
      throw new Error(`replay: ${values.length} values for ${this.named} keys`);
    const now = [...values, ...Array.from({ length: this.minted }, () => newId())];
    await bare.transaction(this.run(now));
    return now;
  }

  /** Where the sample's `value` (a key, or an id it minted) sits among a replay's values. */
  indexOf(value: string): number {
    const at = this.sampleKeys.indexOf(value);
    if (at < 0) throw new Error(`the sample did not write ${value}`);
    return at;
  }

  private *run(values: string[]): Steps<void> {
    let head: { seq: number; hash: string } | null = null;
    for (const step of this.steps) {
      const parameters = step.parameters.map((p) => {
        if (p.kind === 'same') return p.value;
        if (p.kind === 'key') return values[p.index];
        let text = p.value;
        for (const i of p.indexes) text = text.split(this.sampleKeys[i]).join(values[i]);
        return text;
      });
      if (step.role === 'auditInsert' && step.columns && head) {
        // One entry after the other (an insert may hold several), each chained to the one before.
        const width = step.columns.length;
        const column = (name: string) => step.columns!.indexOf(name);
        for (let row = 0; row < parameters.length; row += width) {
          const at = (name: string) => parameters[row + column(name)];
          const seq: number = head.seq + 1;
          const prevHash: string = head.hash;
          const fields: Record<string, unknown> = {
            seq,
            at: new Date(at('at') as string).toISOString(),
            actorId: at('actor_id'),
            actingEntityId: at('acting_entity_id'),
            entityType: at('entity_type'),
            entityId: at('entity_id'),
            action: at('action'),
            changes: json(at('changes')),
            requestId: at('request_id'),
            ip: at('ip'),
            prevHash,
          };
          // The replayed server runs on the development key (no AUDIT_KEY, no DATA_DIR key file).
          const hash = entryHash(fields as unknown as ChainedFields, replayKey);
          parameters[row + column('seq')] = seq;
          parameters[row + column('prev_hash')] = prevHash;
          parameters[row + column('hash')] = hash;
          head = { seq, hash };
        }
      }
      if (step.role === 'auditHeadUpdate' && head) {
        parameters[0] = head.seq;
        parameters[1] = head.hash;
      }
      const rows = yield { sql: step.sql, parameters };
      if (step.role === 'auditHead') {
        const row = rows[0] as { seq: number | string; hash: string };
        head = { seq: Number(row.seq), hash: row.hash };
      }
    }
  }
}
