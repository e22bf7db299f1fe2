// A cart of two communes' products, hence two régies, paid in one checkout by wallet and card
// through the order's activities: each régie's journal holds its products' part, the card is taken
// by the régie with the largest share, and a line cancelled later is refunded by its own régie.
import { beforeAll, describe, expect, it } from 'vitest';
import { createOrderActivities } from './order.ts';
import { createMailActivities } from '../mail/send-mail.ts';
import { createMailer } from '../../lib/mail/mailer.ts';
import { loadDemoCatalogue } from '../../db/demo/load.ts';
import { createOrderFromCart } from '../../db/queries/orders/orders.ts';
import { staffCancelReservations } from '../../db/queries/orders/staff-cancellation.ts';
import { settleCardRefund } from '../../db/queries/orders/card-refunds.ts';
import { booksProblems } from '../../db/queries/regies/index.ts';
import { moveMoney } from '../../db/queries/wallet/index.ts';
import { addDays } from '../../domain/dates.ts';
import { createStaff } from '../../test/helpers/accounts.ts';
import { bookableSeasonDay, testNow, testToday } from '../../test/helpers/clock.ts';
import { useTestDatabase } from '../../test/helpers/database.ts';
import { CANTEEN, WEDNESDAYS, daysOf, holdOf, productOf, twoCommunesFamily } from '../../test/helpers/two-regies.ts';

const database = useTestDatabase();

beforeAll(async () => {
  await loadDemoCatalogue(database.db, bookableSeasonDay());
});

describe('an order of two régies', () => {
  it("gives each régie its part of the wallet and of the card, and refunds a line from that line's régie", async () => {
    const { db } = database;
    const now = testNow();
    const acts = createOrderActivities({ db, now: testNow, publicUrl: 'http://localhost', mail: createMailActivities({ db, mailer: createMailer({ from: 'x@y.z' }), now: testNow }) });
    const family = await twoCommunesFamily(db, 'deux-regies@example.fr');
    await moveMoney(db, { userId: family.user.id, amountCents: 1000, kind: 'topup', label: 'Recharge', idempotencyKey: 'deux-regies-recharge', at: now });
    const from = addDays(testToday(), 21);
    expect((await holdOf(db, family, WEDNESDAYS, await daysOf(db, WEDNESDAYS, from, 1), now)).ok).toBe(true);
    expect((await holdOf(db, family, CANTEEN, await daysOf(db, CANTEEN, from, 2), now)).ok).toBe(true);

    const order = (await createOrderFromCart(db, family.user.id, now))!;
    await acts.planOrderPayment({ orderId: order.orderId, walletCents: 1000, cardCents: order.totalCents - 1000 });
    await acts.debitWalletForOrder({ orderId: order.orderId, key: `order-${order.number}/wallet-debit` });
    const card = await acts.createOrderCardPayment({ orderId: order.orderId, cardType: 'CB' });
    await acts.settleOrderCardPayment({ paymentId: card.paymentId, state: 'paid', transaction: '4242' });
    await acts.confirmOrder({ orderId: order.orderId });

    const wednesdays = (await productOf(db, WEDNESDAYS)).product;
    const canteen = (await productOf(db, CANTEEN)).product;
    const regieOf = async (productId: number) => (await db.selectFrom('products').select('regie_id').where('id', '=', productId).executeTakeFirstOrThrow()).regie_id;
    const [rosieres, bains] = [await regieOf(wednesdays.id), await regieOf(canteen.id)];
    expect(rosieres).not.toBe(bains);

    // Each product's wallet and card parts add up to its lines, in its own régie's journal.
    const lines = await db
      .selectFrom('order_lines').innerJoin('holds', 'holds.id', 'order_lines.hold_id')
      .select(['holds.product_id', (eb) => eb.fn.sum<string>('order_lines.price_cents').as('cents')])
      .where('order_lines.order_id', '=', order.orderId).groupBy('holds.product_id').execute();
    const journal = await db.selectFrom('journal_entries').select(['regie_id', 'product_id', 'kind', 'method', 'amount_cents', 'payment_id']).where('order_id', '=', order.orderId).execute();
    for (const line of lines) {
      const own = journal.filter((entry) => entry.product_id === line.product_id);
      expect(own.reduce((sum, entry) => sum + entry.amount_cents, 0)).toBe(Number(line.cents));
      expect(new Set(own.map((entry) => entry.regie_id))).toEqual(new Set([line.product_id === wednesdays.id ? rosieres : bains]));
      expect(new Set(own.map((entry) => entry.kind))).toEqual(new Set(['wallet-payment', 'card-payment']));
    }
    expect(journal.filter((entry) => entry.kind === 'wallet-payment').reduce((sum, entry) => sum + entry.amount_cents, 0)).toBe(1000);
    expect(journal.filter((entry) => entry.kind === 'card-payment').reduce((sum, entry) => sum + entry.amount_cents, 0)).toBe(order.totalCents - 1000);
    // The Wednesday (17,00 €) outweighs two canteen meals: Rosières' provider account takes the card.
    const payment = await db.selectFrom('payments').select(['regie_id', 'amount_cents']).where('id', '=', card.paymentId).executeTakeFirstOrThrow();
    expect(payment).toEqual({ regie_id: rosieres, amount_cents: order.totalCents - 1000 });
    expect(await booksProblems(db)).toEqual([]);

    // Bains cancels its two meals, one to the wallet, one to the card: each refund is Bains' own.
    const reservations = await db.selectFrom('reservations').select('id').where('user_id', '=', family.user.id).where('product_id', '=', canteen.id).orderBy('service_date').execute();
    const bainsStaff = await createStaff(db, 'agent@bains.fr', ['bains']);
    const rosieresStaff = await createStaff(db, 'agent@rosieres.fr', ['rosieres']);
    const cancel = (staff: { id: number; communeIds: number[] }, reservationId: number, refund: Parameters<typeof staffCancelReservations>[1]['refund']) =>
      staffCancelReservations(db, { communeIds: staff.communeIds, number: order.number, reservations: [reservationId], reason: 'Sortie scolaire', refund, staffId: staff.id, now });
    // Rosières' staff do not see Bains' lines, even in an order they share.
    expect(await cancel({ id: rosieresStaff.id, communeIds: [wednesdays.commune_id] }, reservations[0]!.id, { to: 'wallet' })).toBe('none');
    await cancel({ id: bainsStaff.id, communeIds: [canteen.commune_id] }, reservations[0]!.id, { to: 'wallet' });
    await cancel({ id: bainsStaff.id, communeIds: [canteen.commune_id] }, reservations[1]!.id, { to: 'card' });
    // Paybox makes the refund asked (the card-refund workflow's part): then it is journalled.
    const asked = await db.selectFrom('card_refunds').select(['id', 'attempt']).where('reservation_id', '=', reservations[1]!.id).executeTakeFirstOrThrow();
    await settleCardRefund(db, asked.id, asked.attempt, { outcome: 'refunded', reference: 'REMB-77', code: '00000' }, now);
    const refunds = await db.selectFrom('journal_entries').select(['regie_id', 'product_id', 'kind', 'series', 'method', 'amount_cents', 'wallet_cents']).where('series', '=', 'refund').where('user_id', '=', family.user.id).orderBy('id').execute();
    expect(refunds.map((entry) => [entry.regie_id, entry.product_id, entry.kind, entry.method])).toEqual([
      [bains, canteen.id, 'refund-to-wallet', 'wallet'],
      [bains, canteen.id, 'card-refund', 'card'],
    ]);
    expect(refunds[0]!.wallet_cents).toBe(refunds[0]!.amount_cents);
    expect(refunds[1]!.wallet_cents).toBe(0);
    // Staff's reason is the wallet's to show (and the erasure's to take out), never the append-only journal's.
    const labels = await db.selectFrom('journal_entries').select('label').where('user_id', '=', family.user.id).execute();
    expect(labels.filter((entry) => entry.label.includes('Sortie scolaire'))).toEqual([]);
    const meal = Number(lines.find((line) => line.product_id === canteen.id)!.cents) / 2;
    expect(refunds.map((entry) => entry.amount_cents)).toEqual([meal, meal]);
    expect(await booksProblems(db)).toEqual([]);
  });
});
