// The books' invariants find what is off: an entry whose kind says one thing and whose series or
// wallet effect says another, a wallet entry without its journal, a gap in a series.
import { describe, expect, it } from 'vitest';
import { createParent } from '../../../test/helpers/accounts.ts';
import { testNow, testToday } from '../../../test/helpers/clock.ts';
import { useTestDatabase } from '../../../test/helpers/database.ts';
import { moveMoney } from '../wallet/index.ts';
import { booksProblems } from './books.ts';
import { familyRegie } from './journal.ts';
import { bookYear } from '../../../domain/regies.ts';

const database = useTestDatabase();

describe("the books' invariants", () => {
  it('name the entries that contradict their kind, and the gaps in a series', async () => {
    const { db } = database;
    const parent = await createParent(db, 'livres-faux@example.fr', { status: 'validated', commune: 'rosieres' });
    await moveMoney(db, { userId: parent.id, amountCents: 1200, kind: 'topup', label: 'Recharge', idempotencyKey: 'livres-recharge', at: testNow() });
    expect(await booksProblems(db)).toEqual([]);

    const regie = await familyRegie(db, parent.id);
    const entry = { regie_id: regie, year: bookYear(testToday()), day: testToday(), method: 'card' as const, user_id: parent.id, label: 'Écrit à la main' };
    // A card payment that says it moved the wallet, numbered after a gap; and a top-up among the refunds.
    const wrong = await db.insertInto('journal_entries').values({ ...entry, series: 'receipt', number: 3, kind: 'card-payment', amount_cents: 500, wallet_cents: 500, idempotency_key: 'faux-1' }).returning('id').executeTakeFirstOrThrow();
    const misfiled = await db.insertInto('journal_entries').values({ ...entry, series: 'refund', number: 1, kind: 'top-up', amount_cents: 300, wallet_cents: 300, idempotency_key: 'faux-2' }).returning('id').executeTakeFirstOrThrow();
    const problems = await booksProblems(db);
    expect(problems).toContain(`journal entry ${wrong.id} (card-payment, receipt): 500 cents, 500 to the wallet`);
    expect(problems).toContain(`journal entry ${misfiled.id} (top-up, refund): 300 cents, 300 to the wallet`);
    expect(problems).toContain(`régie ${regie} ${entry.year} receipt: 2 entries numbered up to 3`);
    expect(problems).toContain('wallets hold 1200 cents, the journal says 2000');
  });
});
