import { describe, expect, it } from 'vitest';
import { useTestDatabase } from '../../test/helpers/database.ts';
import { consumeBudget, describeWait, lockoutStatus, recordFailure, type LockoutPolicy } from './rate-limits.ts';

const database = useTestDatabase();
const at = (seconds: number) => new Date(Date.UTC(2026, 10, 27, 8, 0, seconds));

describe('rate limits', () => {
  it('allow a budget per window, then say how long to wait, then a new window', async () => {
    for (let i = 0; i < 3; i += 1) expect((await consumeBudget(database.db, 'k1', 3, 60_000, at(i))).allowed).toBe(true);
    expect(await consumeBudget(database.db, 'k1', 3, 60_000, at(10))).toEqual({ allowed: false, retryAfterSeconds: 50 });
    expect((await consumeBudget(database.db, 'k1', 3, 60_000, at(61))).allowed).toBe(true);
  });

  it('lock after the free failures, for a delay that doubles up to the maximum', async () => {
    const policy: LockoutPolicy = { freeFailures: 2, firstLockMs: 10_000, maxLockMs: 30_000, windowMs: 3600_000 };
    await recordFailure(database.db, 'k2', policy, at(0));
    await recordFailure(database.db, 'k2', policy, at(1));
    expect((await lockoutStatus(database.db, ['k2'], at(1))).allowed).toBe(true);
    await recordFailure(database.db, 'k2', policy, at(2));
    expect(await lockoutStatus(database.db, ['k2'], at(2))).toEqual({ allowed: false, retryAfterSeconds: 10 });
    await recordFailure(database.db, 'k2', policy, at(12));
    expect(await lockoutStatus(database.db, ['k2'], at(12))).toEqual({ allowed: false, retryAfterSeconds: 20 });
    await recordFailure(database.db, 'k2', policy, at(40));
    await recordFailure(database.db, 'k2', policy, at(80));
    expect(await lockoutStatus(database.db, ['k2'], at(80))).toEqual({ allowed: false, retryAfterSeconds: 30 });
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
