import { createHmac } from 'node:crypto';
import { canonicalJson } from '../../apps/server/src/platform/audit/index.js';

/**
 * Audit entries continuing the demo's hash chain. The audit log is append-only and each entry's
 * hash covers its content and the previous hash (platform/audit/audit.hash.ts), and the tamper
 * check walks it from GENESIS to `audit_head`: generated entries must take the next sequence numbers
 * and chain exactly as AuditService.record would, and the head must move with them in the same
 * transaction. Entries are hashed with the audit part's own canonicalJson (the fields written out in
 * its key order) under the chain's key (HMAC-SHA256, the key of the instance the generator runs);
 * the generator's final check runs the real AuditService.verify over the whole chain, so a
 * difference fails the run.
 */
export interface AuditEvent {
  at: string;
  actorId: string | null;
  actingEntityId: string | null;
  entityType: string;
  entityId: string;
  action: string;
  changes: { field: string; old: unknown; new: unknown }[];
}

export class AuditChain {
  #seq: number;
  #hash: string;
  readonly #requestId = 'bench:data';

  readonly #key: Buffer;

  constructor(head: { seq: number; hash: string }, key: Buffer) {
    this.#seq = Number(head.seq);
    this.#hash = head.hash;
    this.#key = key;
  }

  get head(): { seq: number; hash: string } {
    return { seq: this.#seq, hash: this.#hash };
  }

  /** The next entry of the chain, as an audit_log row. */
  append(event: AuditEvent) {
    // Each change's keys in sorted order (field, new, old), its values canonical.
    const changes = `[${event.changes
      .map(
        (c) =>
          `{"field":${JSON.stringify(c.field)},"new":${canonicalJson(c.new)},"old":${canonicalJson(c.old)}}`,
      )
      .join(',')}]`;
    const seq = this.#seq + 1;
    const prevHash = this.#hash;
    // canonicalJson of AuditService.record's fields, written out with its keys in sorted order and
    // the changes already canonical: a third of the generator's time went to sorting these keys.
    const fields =
      `{"actingEntityId":${JSON.stringify(event.actingEntityId)},"action":${JSON.stringify(event.action)}` +
      `,"actorId":${JSON.stringify(event.actorId)},"at":${JSON.stringify(event.at)},"changes":${changes}` +
      `,"entityId":${JSON.stringify(event.entityId)},"entityType":${JSON.stringify(event.entityType)}` +
      `,"ip":null,"prevHash":${JSON.stringify(prevHash)},"requestId":${JSON.stringify(this.#requestId)}` +
      `,"seq":${seq}}`;
    const hash = createHmac('sha256', this.#key).update(fields).digest('hex');
    this.#seq = seq;
    this.#hash = hash;
    return {
      seq,
      at: event.at,
      actor_id: event.actorId,
      acting_entity_id: event.actingEntityId,
      entity_type: event.entityType,
      entity_id: event.entityId,
      action: event.action,
      changes,
      request_id: this.#requestId,
      ip: null,
      prev_hash: prevHash,
      hash,
    };
  }
}

export type AuditRow = ReturnType<AuditChain['append']>;
