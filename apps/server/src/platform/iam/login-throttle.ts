import type { Db } from '../../db/index.js';
import * as repo from './iam.repository.js';

/*
 * Sign-in throttling by the name typed and the address it comes from, instead of locking an account
 * after five failures: a lock anyone could set off for any account (the administrator's included)
 * with five requests, and which told a known name from an unknown one (423 against 401).
 *
 * Each failure counts against three keys, each with its own free attempts; past them every further
 * failure blocks that key for twice as long as the last (1, 2, 4, 8, then 15 minutes):
 * - one address at one name (5 free): someone guessing one password;
 * - one name from any address (50 free): guessing spread over many addresses;
 * - one address at any name (100 free): one address trying many names.
 * So a user signing in from their own address is not shut out by someone else's five guesses. An
 * unknown name is counted like a known one, and a blocked attempt is refused before the name is
 * looked up: the answers never tell whether an account exists. Counts reset on a successful sign-in
 * and after a day without failures; an administrator's password reset clears the name's keys.
 */

interface ThrottleKey {
  key: string;
  free: number;
}

const PAIR_FREE = 5;
const ACCOUNT_FREE = 50;
// High: a company's staff often share one public address (NAT), and their typos must not shut the
// office out; the per-route rate limit (20 a minute per address) bounds the pace meanwhile.
const ADDRESS_FREE = 100;
const MAX_BLOCK_MINUTES = 15;
/** A key's failures are forgotten after this long without a new one. */
const FORGET_AFTER_MS = 24 * 60 * 60 * 1000;

const accountKey = (username: string) => `account:${username.trim().toLowerCase()}`;
const pairPrefix = (name: string) => `pair:${name}|`;

/** The keys a sign-in of this name from this address counts against. */
export function throttleKeys(username: string, ip: string | null | undefined): ThrottleKey[] {
  const name = username.trim().toLowerCase();
  const address = ip ?? 'unknown';
  return [
    { key: pairPrefix(name) + address, free: PAIR_FREE },
    { key: accountKey(name), free: ACCOUNT_FREE },
    { key: `address:${address}`, free: ADDRESS_FREE },
  ];
}

/** Minutes a key is blocked for after its `failures`-th failure: none within its free attempts. */
export function blockMinutes(failures: number, free: number): number {
  if (failures < free) return 0;
  return Math.min(MAX_BLOCK_MINUTES, 2 ** (failures - free));
}

/** Whole minutes until the last of these keys' blocks ends, or 0 when none is blocked at `now`. */
export async function blockedMinutes(db: Db, keys: ThrottleKey[], now: Date): Promise<number> {
  const rows = await repo.throttleRows(
    db,
    keys.map((k) => k.key),
  );
  const until = Math.max(0, ...rows.map((r) => (r.blocked_until ? new Date(r.blocked_until).getTime() : 0)));
  return until > now.getTime() ? Math.ceil((until - now.getTime()) / 60_000) : 0;
}

/** Counts a failure against each key; returns until when the name's own key is now blocked, if it is. */
export async function recordLoginFailure(trx: Db, keys: ThrottleKey[], now: Date): Promise<string | null> {
  const existing = new Map(
    (
      await repo.throttleRows(
        trx,
        keys.map((k) => k.key),
      )
    ).map((r) => [r.key, r]),
  );
  let accountBlockedUntil: string | null = null;
  for (const { key, free } of keys) {
    const row = existing.get(key);
    const fresh = !row || now.getTime() - new Date(row.updated_at).getTime() > FORGET_AFTER_MS;
    const failures = (fresh ? 0 : row.failures) + 1;
    const minutes = blockMinutes(failures, free);
    const blockedUntil = minutes ? new Date(now.getTime() + minutes * 60_000).toISOString() : null;
    if (key.startsWith('account:')) accountBlockedUntil = blockedUntil;
    await repo.saveThrottle(
      trx,
      { key, failures, blocked_until: blockedUntil, updated_at: now.toISOString() },
      Boolean(row),
    );
  }
  return accountBlockedUntil;
}

/** A successful sign-in: this address's count at the name, and the name's own, start again. */
export async function clearOnSuccess(trx: Db, keys: ThrottleKey[]): Promise<void> {
  await repo.deleteThrottleKeys(
    trx,
    keys.filter((k) => !k.key.startsWith('address:')).map((k) => k.key),
  );
}

/** Forgets keys without a failure for a day and no block left (the hourly purge job). */
export function purgeStaleThrottle(db: Db, now: Date): Promise<number> {
  return repo.deleteStaleThrottle(
    db,
    new Date(now.getTime() - FORGET_AFTER_MS).toISOString(),
    now.toISOString(),
  );
}

/** An administrator unblocks a name (a password reset): its own key and every address's at it. */
export function clearName(trx: Db, username: string): Promise<void> {
  const name = username.trim().toLowerCase();
  return repo.deleteThrottleOfName(trx, accountKey(name), pairPrefix(name));
}
