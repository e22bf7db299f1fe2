// « Mon porte-monnaie » and the régies' journal tell the same story: the balance a family reads
// is the journal's wallet effects for it, and each line of its history is what the journal's
// entries for that movement did to the wallet (an order of two régies is one line, two entries).
import { beforeAll, describe, expect, it } from 'vitest';
import { loadDemoCatalogue } from '../../db/demo/load.ts';
import { confirmOrder, createOrderCardPayment, debitWalletForOrder, settleOrderCardPayment } from '../../db/queries/orders/order-outcome.ts';
import { planOrderPayment } from '../../db/queries/orders/order-steps.ts';
import { createOrderFromCart } from '../../db/queries/orders/orders.ts';
import { staffCancelReservations } from '../../db/queries/orders/staff-cancellation.ts';
import { createTopUpPayment } from '../../db/queries/payments/index.ts';
import { booksProblems } from '../../db/queries/regies/index.ts';
import { adjustWallet, moveMoney } from '../../db/queries/wallet/index.ts';
import { settleTopUp } from '../../db/queries/wallet/top-ups.ts';
import { addDays } from '../../domain/dates.ts';
import { formatEuros } from '../../domain/money.ts';
import { createStaff, login } from '../../test/helpers/accounts.ts';
import { createTestApp } from '../../test/helpers/app.ts';
import { bookableSeasonDay, testNow, testToday } from '../../test/helpers/clock.ts';
import { useTestDatabase } from '../../test/helpers/database.ts';
import { useTemporal } from '../../test/helpers/temporal.ts';
import { CANTEEN, WEDNESDAYS, daysOf, holdOf, productOf, twoCommunesFamily } from '../../test/helpers/two-regies.ts';

const database = useTestDatabase();
const temporal = useTemporal();
const app = () => createTestApp({ db: database.db, temporal: temporal.client });

beforeAll(async () => {
  await loadDemoCatalogue(database.db, bookableSeasonDay());
});

/** The page's balance and its history's amounts, top to bottom, spaces made plain. */
async function walletPage(cookie: string) {
  const html = (await (await app().request('/mon-compte/porte-monnaie', { headers: { Cookie: cookie } })).text()).replace(/[\u00a0\u202f]/g, ' ');
  const balance = /Solde : <strong>([^<]+)<\/strong>/.exec(html)?.[1];
  const history = html.slice(html.indexOf('<tbody>'), html.indexOf('</tbody>'));
  const amounts = [...history.matchAll(/<tr><td>[^<]*<\/td><td>[^<]*<\/td><td>([^<]+)<\/td><\/tr>/g)].map((match) => match[1]);
  return { balance, amounts };
}

const signed = (cents: number) => (cents > 0 ? `+${formatEuros(cents)}` : formatEuros(cents)).replace(/[\u00a0\u202f]/g, ' ');

describe('« Mon porte-monnaie » against the journal', () => {
  it('shows the balance and the movements the journal holds for the family', async () => {
    const { db } = database;
    const now = testNow();
    const family = await twoCommunesFamily(db, 'porte-monnaie-journal@example.fr');
    const cookie = await login(app(), 'porte-monnaie-journal@example.fr');
    // A top-up by card, one by cheque at the counter.
    const topUp = await createTopUpPayment(db, { userId: family.user.id, amountCents: 2500, cardType: 'CB' });
    await settleTopUp(db, { paymentId: topUp.id, outcome: 'paid', amountCents: 2500, transaction: '9001' }, now);
    // Taken by the régie answering for the family's wallet, on its provider account and in its journal.
    const taken = await db.selectFrom('payments').innerJoin('journal_entries', 'journal_entries.payment_id', 'payments.id').select(['payments.regie_id as account', 'journal_entries.regie_id as journal']).where('payments.id', '=', topUp.id).executeTakeFirstOrThrow();
    expect(taken.account).not.toBeNull();
    expect(taken.account).toBe(taken.journal);
    await moveMoney(db, { userId: family.user.id, amountCents: 1500, kind: 'topup', label: 'Recharge par chèque', idempotencyKey: 'guichet-cheque', at: now, journal: { to: 'family', kind: 'top-up', method: 'cheque', documentNumber: '0001234' } });
    // An order of two régies, part wallet, part card; then Bains cancels its meal to the wallet.
    const from = addDays(testToday(), 21);
    await holdOf(db, family, WEDNESDAYS, await daysOf(db, WEDNESDAYS, from, 1), now);
    await holdOf(db, family, CANTEEN, await daysOf(db, CANTEEN, from, 1), now);
    const order = (await createOrderFromCart(db, family.user.id, now))!;
    await planOrderPayment(db, order.orderId, 1999, order.totalCents - 1999);
    await debitWalletForOrder(db, order.orderId, `order-${order.number}/wallet-debit`);
    const card = await createOrderCardPayment(db, order.orderId, 'CB');
    await settleOrderCardPayment(db, { paymentId: card.paymentId, state: 'paid', transaction: '9002' }, now);
    await confirmOrder(db, order.orderId, now);
    const canteen = (await productOf(db, CANTEEN)).product;
    const staff = await createStaff(db, 'agent@bains.fr', ['bains']);
    await staffCancelReservations(db, { communeIds: [canteen.commune_id], number: order.number, reservations: 'all', reason: 'Grève', refund: { to: 'wallet' }, staffId: staff.id, now });
    // Staff take back 3,33 € with a reason.
    await adjustWallet(db, { staffId: staff.id, userId: family.user.id, amountCents: -333, reason: 'Doublon', formToken: 'jeton-1' });

    const journal = await db.selectFrom('journal_entries').select(['wallet_entry_id', 'wallet_cents']).where('user_id', '=', family.user.id).execute();
    const entries = await db.selectFrom('wallet_entries').select('id').where('user_id', '=', family.user.id).orderBy('created_at', 'desc').orderBy('id', 'desc').execute();
    const effect = (entryId: number) => journal.filter((row) => row.wallet_entry_id === entryId).reduce((sum, row) => sum + row.wallet_cents, 0);
    expect(journal.filter((row) => row.wallet_entry_id !== null).length).toBeGreaterThan(entries.length);

    const page = await walletPage(cookie);
    expect(page.balance).toBe(formatEuros(journal.reduce((sum, row) => sum + row.wallet_cents, 0)).replace(/[\u00a0\u202f]/g, ' '));
    expect(page.amounts).toEqual(entries.map((entry) => signed(effect(entry.id))));
    expect(page.amounts).toHaveLength(5);
    expect(await booksProblems(db)).toEqual([]);
  });
});
