import { describe, expect, it } from 'vitest';
import { useTestDatabase } from '../../../test/helpers/database.ts';
import { attemptSucceeded, beginAttempt, consumeBudget, describeWait, type LockoutPolicy } from './rate-limits.ts';

const database = useTestDatabase();
const at = (seconds: number) => new Date(Date.UTC(2026, 10, 27, 8, 0, seconds));

describe('rate limits', () => {
  it('allow a budget per window, then say how long to wait, then a new window', async () => {
    for (let i = 0; i < 3; i += 1) expect((await consumeBudget(database.db, 'k1', 3, 60_000, at(i))).allowed).toBe(true);
    expect(await consumeBudget(database.db, 'k1', 3, 60_000, at(10))).toEqual({ allowed: false, retryAfterSeconds: 50 });
    expect((await consumeBudget(database.db, 'k1', 3, 60_000, at(61))).allowed).toBe(true);
  });

  const policy: LockoutPolicy = { freeFailures: 2, firstLockMs: 10_000, maxLockMs: 30_000, windowMs: 3600_000 };

  it('count each attempt before it is verified, lock after the free ones for a delay that doubles up to the maximum', async () => {
    expect((await beginAttempt(database.db, ['k2'], policy, at(0))).allowed).toBe(true);
    expect((await beginAttempt(database.db, ['k2'], policy, at(1))).allowed).toBe(true);
    expect((await beginAttempt(database.db, ['k2'], policy, at(2))).allowed).toBe(true); // the third is tried, and locks
    expect(await beginAttempt(database.db, ['k2'], policy, at(3))).toEqual({ allowed: false, retryAfterSeconds: 9 });
    expect((await beginAttempt(database.db, ['k2'], policy, at(12))).allowed).toBe(true);
    expect(await beginAttempt(database.db, ['k2'], policy, at(12))).toEqual({ allowed: false, retryAfterSeconds: 20 });
    expect((await beginAttempt(database.db, ['k2'], policy, at(40))).allowed).toBe(true);
    expect((await beginAttempt(database.db, ['k2'], policy, at(80))).allowed).toBe(true);
    expect(await beginAttempt(database.db, ['k2'], policy, at(80))).toEqual({ allowed: false, retryAfterSeconds: 30 });
  });

  it('let no concurrent attempt slip past the lock another earned', async () => {
    const verdicts = await Promise.all(Array.from({ length: 20 }, () => beginAttempt(database.db, ['k3', 'k3-client'], policy, at(0))));
    expect(verdicts.filter((verdict) => verdict.allowed)).toHaveLength(3);
  });

  it('a success clears the account and takes back only its own attempt from the client', async () => {
    for (let i = 0; i < 2; i += 1) await beginAttempt(database.db, [`guess-${i}`, 'client-x'], policy, at(i));
    await beginAttempt(database.db, ['mine', 'client-x'], policy, at(2));
    await attemptSucceeded(database.db, { account: 'mine', client: 'client-x' }, policy);
    const rows = await database.db.selectFrom('rate_limits').select(['key', 'count', 'locked_until']).where('key', 'in', ['mine', 'client-x']).execute();
    expect(rows).toEqual([{ key: 'client-x', count: 2, locked_until: null }]);
    // The next guess from that client is its third failure: it locks.
    expect((await beginAttempt(database.db, ['guess-2', 'client-x'], policy, at(3))).allowed).toBe(true);
    expect((await beginAttempt(database.db, ['guess-3', 'client-x'], policy, at(4))).allowed).toBe(false);
  });

  it('put the wait in words', () => {
    expect(describeWait(1)).toBe('1 seconde');
    expect(describeWait(45)).toBe('45 secondes');
    expect(describeWait(60)).toBe('1 minute');
    expect(describeWait(61)).toBe('2 minutes');
    expect(describeWait(3600)).toBe('1 heure');
    expect(describeWait(5400)).toBe('2 heures');
  });
});
