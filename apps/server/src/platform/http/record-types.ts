import type { Db } from '../../db/index.js';

/**
 * A kind of record that API routes address by id. `sampleIn` finds one record of that kind owned
 * by the given legal entity, so the guard test can prove that users of another entity cannot
 * reach it. Kinds shared by the whole group (roles, say) declare `entityOwned: false`. The sampler
 * queries the typed database, so a renamed table or column fails the type check.
 */
export type RecordType =
  | {
      type: string;
      entityOwned: true;
      sampleIn: (db: Db, entityId: string) => Promise<string | null>;
    }
  | { type: string; entityOwned: false };
