// The rush's seed writes its families' top-ups in bulk: they must be the régie's journal entries
// as recordJournal would have written them, or the books' invariants fail after every run.
import { describe, expect, it } from 'vitest';
import { useTestDatabase } from '../../test/helpers/database.ts';
import { booksProblems } from '../../db/queries/regies/index.ts';
import { moveMoney } from '../../db/queries/wallet/index.ts';
import { testNow } from '../../test/helpers/clock.ts';
import { rushRoster, seedRush } from './seed-families.ts';

const database = useTestDatabase();

describe("the rush's seed", () => {
  it("journals the seeded top-ups, numbered on from the régie's last receipt", async () => {
    const { db } = database;
    await seedRush(db, 12, 10, 5000, 500);
    const roster = await rushRoster(db);
    // A receipt written the ordinary way between two seeds: the second numbers after it.
    await moveMoney(db, { userId: roster[0]!.userId, amountCents: 700, kind: 'topup', label: 'Recharge', idempotencyKey: 'between-seeds', at: testNow() });
    // Twelve families exist already: three more, numbered after the receipt between.
    await seedRush(db, 15, 10, 5000, 500);
    const entries = await db.selectFrom('journal_entries').select(['number', 'kind', 'series', 'amount_cents', 'wallet_cents']).orderBy('number').execute();
    expect(entries).toHaveLength(16);
    expect(entries.map((entry) => entry.number)).toEqual(Array.from({ length: 16 }, (_, i) => i + 1));
    expect(new Set(entries.map((entry) => `${entry.kind} ${entry.series}`))).toEqual(new Set(['top-up receipt']));
    expect(await booksProblems(db)).toEqual([]);
  });
});
