import { hash, type Options, verify } from '@node-rs/argon2';

/**
 * argon2id with the library's defaults (19 MiB, 2 passes): OWASP's baseline recommendation.
 * Under Vitest only, `CONCORD_TEST_FAST_HASH=1` (set by vitest.config.ts) takes 1 MiB and one pass:
 * the suite hashes hundreds of passwords and the strength of a test hash does not matter. Both
 * variables are needed, so a stray setting cannot weaken production hashes. `verify` reads the
 * parameters from the hash itself, so either kind of hash verifies under either setting.
 */
const parameters: Options | undefined =
  process.env.VITEST && process.env.CONCORD_TEST_FAST_HASH === '1'
    ? { memoryCost: 1024, timeCost: 1 }
    : undefined;

export const hashPassword = (password: string): Promise<string> => hash(password, parameters);

export async function verifyPassword(passwordHash: string, password: string): Promise<boolean> {
  try {
    return await verify(passwordHash, password);
  } catch {
    return false;
  }
}

/** Verifying against this when the user does not exist keeps response times alike. */
let dummyHash: Promise<string> | undefined;
export async function burnVerification(password: string): Promise<void> {
  dummyHash ??= hash('not-a-real-password-1', parameters);
  await verifyPassword(await dummyHash, password);
}
