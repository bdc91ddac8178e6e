import type { Kysely } from 'kysely';

/**
 * A kind of record that API routes address by id. `sampleIn` finds one record of that kind owned
 * by the given legal entity, so the guard test can prove that users of another entity cannot
 * reach it. Kinds shared by the whole group (roles, say) declare `entityOwned: false`. `DB` is the
 * tables the sampler queries: the platform's own kinds say `RecordType<Database>`; it defaults to
 * untyped for the business modules until their tables join `Database`.
 */
export type RecordType<DB = any> =
  | {
      type: string;
      entityOwned: true;
      sampleIn: (db: Kysely<DB>, entityId: string) => Promise<string | null>;
    }
  | { type: string; entityOwned: false };
