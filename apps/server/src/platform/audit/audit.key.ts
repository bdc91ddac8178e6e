import { createHmac } from 'node:crypto';

/**
 * The audit chain's key and its public fingerprint. The fingerprint is stored with the chain's head
 * so that starting with another key (a lost key file, a copied database) is refused with a clear
 * message, instead of every later verification reporting a forged first entry.
 */
export interface AuditKey {
  secret: Buffer;
  /** HMAC of a fixed text: names the key without revealing it. */
  id: string;
}

/**
 * The key of a development or test instance started without one (no DATA_DIR key file): the chain
 * is then no stronger than plain SHA-256. `npm start` and the CLI always load a real key.
 */
const UNKEYED_SECRET = 'concord-audit-chain-without-a-configured-key';

export function auditKeyOf(secret: string | Buffer = UNKEYED_SECRET): AuditKey {
  const bytes = typeof secret === 'string' ? Buffer.from(secret, 'utf8') : secret;
  return {
    secret: bytes,
    id: createHmac('sha256', bytes).update('concord audit key id').digest('hex').slice(0, 16),
  };
}
