// Rate limits kept in PostgreSQL, so that every server replica sees the same counts.
// Two shapes: a budget of requests per window (sign-up, reset links), and password attempts that
// lock for a growing delay after the free ones (login, and the current password asked before a
// change).
import { sql } from 'kysely';
import type { Db } from '../../connection.ts';

export interface LimitVerdict {
  allowed: boolean;
  /** Seconds until the next attempt is allowed, when it is not. */
  retryAfterSeconds: number;
}

const allowed: LimitVerdict = { allowed: true, retryAfterSeconds: 0 };

/** Adds one to the key's count, starting a new window when the last one is over. */
function countInWindow(db: Db, key: string, windowMs: number, now: Date) {
  const windowStart = new Date(now.getTime() - windowMs);
  const restart = sql<boolean>`rate_limits.window_start <= ${windowStart}`;
  return db
    .insertInto('rate_limits')
    .values({ key, count: 1, window_start: now })
    .onConflict((oc) =>
      oc.column('key').doUpdateSet({
        count: sql`case when ${restart} then 1 else rate_limits.count + 1 end`,
        window_start: sql`case when ${restart} then ${now} else rate_limits.window_start end`,
      }),
    )
    .returning(['count', 'window_start'])
    .executeTakeFirstOrThrow();
}

/** Counts one request against `limit` per `windowMs`; refuses past the limit until the window ends. */
export async function consumeBudget(db: Db, key: string, limit: number, windowMs: number, now: Date): Promise<LimitVerdict> {
  const row = await countInWindow(db, key, windowMs, now);
  if (row.count <= limit) return allowed;
  return { allowed: false, retryAfterSeconds: Math.max(1, Math.ceil((row.window_start.getTime() + windowMs - now.getTime()) / 1000)) };
}

export interface LockoutPolicy {
  /** Failures allowed before the first lock. */
  freeFailures: number;
  firstLockMs: number;
  maxLockMs: number;
  /** Failures older than this are forgotten. */
  windowMs: number;
}

export const LOGIN_LOCKOUT: LockoutPolicy = { freeFailures: 5, firstLockMs: 60_000, maxLockMs: 3600_000, windowMs: 24 * 3600_000 };

/**
 * The same attempts counted per client address. One address is often many people (a town hall's
 * counter, a school's network, a mobile operator's shared address on opening day): it is slowed
 * only after many failures across accounts within the hour, never by one person's mistakes, whose
 * account locks long before.
 */
export const CLIENT_LOCKOUT: LockoutPolicy = { freeFailures: 50, firstLockMs: 60_000, maxLockMs: 15 * 60_000, windowMs: 3600_000 };

/** The lock that `count` attempts in the window earn: none within the free ones, then doubling. */
function lockFor(count: number, policy: LockoutPolicy, now: Date): Date | null {
  const over = count - policy.freeFailures;
  return over > 0 ? new Date(now.getTime() + Math.min(policy.maxLockMs, policy.firstLockMs * 2 ** (over - 1))) : null;
}

/**
 * Counts a password attempt against each key before the password is verified, as if it were to
 * fail; refuses it, counting nothing, while any key is locked. The keys' rows are locked in one
 * transaction (in a fixed order), so concurrent attempts are counted one after the other and
 * none slips past a lock another just earned. Each key may have its own policy.
 */
export async function beginAttempt(db: Db, keys: string[], policies: LockoutPolicy | ((key: string) => LockoutPolicy), now: Date): Promise<LimitVerdict> {
  const policyOf = typeof policies === 'function' ? policies : () => policies;
  const sorted = [...new Set(keys)].sort();
  return db.transaction().execute(async (trx) => {
    await trx.insertInto('rate_limits').values(sorted.map((key) => ({ key, count: 0, window_start: now }))).onConflict((oc) => oc.column('key').doNothing()).execute();
    const rows = await trx.selectFrom('rate_limits').selectAll().where('key', 'in', sorted).orderBy('key').forUpdate().execute();
    const until = Math.max(0, ...rows.map((row) => row.locked_until?.getTime() ?? 0));
    if (until > now.getTime()) return { allowed: false, retryAfterSeconds: Math.ceil((until - now.getTime()) / 1000) };
    for (const row of rows) {
      const policy = policyOf(row.key);
      const restart = row.window_start.getTime() <= now.getTime() - policy.windowMs;
      const count = restart ? 1 : row.count + 1;
      await trx
        .updateTable('rate_limits')
        .set({ count, window_start: restart ? now : row.window_start, locked_until: lockFor(count, policy, now) })
        .where('key', '=', row.key)
        .execute();
    }
    return allowed;
  });
}

/**
 * The password was right. The account's counter starts again; the client's keeps its earlier
 * failures (only this attempt is taken back), so logging in to one's own account between guesses
 * at others' never resets what the guesses cost.
 */
export async function attemptSucceeded(db: Db, keys: { account: string; client: string }, clientPolicy: LockoutPolicy): Promise<void> {
  await db.transaction().execute(async (trx) => {
    await trx.deleteFrom('rate_limits').where('key', '=', keys.account).execute();
    await trx
      .updateTable('rate_limits')
      .set({
        count: sql`greatest(count - 1, 0)`,
        locked_until: sql`case when count - 1 <= ${clientPolicy.freeFailures} then null else locked_until end`,
      })
      .where('key', '=', keys.client)
      .execute();
  });
}

/** "5 minutes", "1 heure", "45 secondes": the wait, in words. */
export function describeWait(seconds: number): string {
  if (seconds < 60) return `${seconds} seconde${seconds > 1 ? 's' : ''}`;
  const minutes = Math.ceil(seconds / 60);
  if (minutes < 60) return `${minutes} minute${minutes > 1 ? 's' : ''}`;
  const hours = Math.ceil(minutes / 60);
  return `${hours} heure${hours > 1 ? 's' : ''}`;
}
