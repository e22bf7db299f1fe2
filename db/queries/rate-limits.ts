// Rate limits kept in PostgreSQL, so that every server replica sees the same counts.
// Two shapes: a budget of requests per window (sign-up, reset links), and failures that lock
// for a growing delay (login).
import { sql } from 'kysely';
import type { Db } from '../connection.ts';

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

export async function lockoutStatus(db: Db, keys: string[], now: Date): Promise<LimitVerdict> {
  const rows = await db.selectFrom('rate_limits').select('locked_until').where('key', 'in', keys).where('locked_until', '>', now).execute();
  const until = Math.max(0, ...rows.map((row) => row.locked_until!.getTime()));
  return until > now.getTime() ? { allowed: false, retryAfterSeconds: Math.ceil((until - now.getTime()) / 1000) } : allowed;
}

/** Records a failure; from the (freeFailures+1)th on, locks for a delay that doubles each time. */
export async function recordFailure(db: Db, key: string, policy: LockoutPolicy, now: Date): Promise<void> {
  const row = await countInWindow(db, key, policy.windowMs, now);
  const over = row.count - policy.freeFailures;
  if (over <= 0) return;
  const lockMs = Math.min(policy.maxLockMs, policy.firstLockMs * 2 ** (over - 1));
  await db.updateTable('rate_limits').set({ locked_until: new Date(now.getTime() + lockMs) }).where('key', '=', key).execute();
}

export async function clearLimits(db: Db, keys: string[]): Promise<void> {
  await db.deleteFrom('rate_limits').where('key', 'in', keys).execute();
}

/** "5 minutes", "1 heure", "45 secondes": the wait, in words. */
export function describeWait(seconds: number): string {
  if (seconds < 60) return `${seconds} seconde${seconds > 1 ? 's' : ''}`;
  const minutes = Math.ceil(seconds / 60);
  if (minutes < 60) return `${minutes} minute${minutes > 1 ? 's' : ''}`;
  const hours = Math.ceil(minutes / 60);
  return `${hours} heure${hours > 1 ? 's' : ''}`;
}
