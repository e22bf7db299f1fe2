// "Mes commandes" and "Mes réservations": the history of a paid order, and cancellation before
// the deadline with the refund credited to the wallet.
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { booksProblems } from '../../db/queries/regies/index.ts';
import { createOrderActivities } from '../../activities/orders/order.ts';
import { createMailActivities } from '../../activities/mail/send-mail.ts';
import { createMailer } from '../../lib/mail/mailer.ts';
import { placesLeft } from '../../db/queries/booking/booking.ts';
import { createOrderFromCart } from '../../db/queries/orders/orders.ts';
import { balance, ledgerMismatches, moveMoney } from '../../db/queries/wallet/wallet.ts';
import { loadDemoCatalogue } from '../../db/demo/load.ts';
import { formatEuros } from '../../domain/money.ts';
import { login } from '../../test/helpers/accounts.ts';
import { createTestApp, postForm } from '../../test/helpers/app.ts';
import { bookingFamily, demoProduct, holdPlaces, payCart } from '../../test/helpers/booking.ts';
import { useTestDatabase } from '../../test/helpers/database.ts';
import { useTemporal } from '../../test/helpers/temporal.ts';

const database = useTestDatabase();
// Whatever the process did with the family's money, the régies' books hold.
afterEach(async () => {
  expect(await booksProblems(database.db)).toEqual([]);
});
const temporal = useTemporal({ worker: { db: () => database.db } });
let clock = new Date('2026-11-27T09:00:00Z');
const now = () => clock;
const app = () => createTestApp({ db: database.db, temporal: temporal.client, taskQueue: temporal.taskQueue, now });

beforeAll(async () => {
  await loadDemoCatalogue(database.db, '2026-11-27');
});

/** A family that paid, by wallet, an order of two Wednesdays of "Matin". */
async function paidOrder(email: string) {
  const family = await bookingFamily(database.db, email);
  await moveMoney(database.db, { userId: family.user.id, amountCents: 5000, kind: 'topup', label: 'Recharge', idempotencyKey: `seed-${email}` });
  const held = await holdPlaces(database.db, family, 'Matin', ['2026-12-09', '2026-12-16'], clock);
  if (!held.ok) throw new Error('hold refused');
  const order = (await createOrderFromCart(database.db, family.user.id, clock))!;
  const acts = createOrderActivities({ db: database.db, now, publicUrl: 'http://localhost', mail: createMailActivities({ db: database.db, mailer: createMailer({ from: 'x@y.z' }), now }) });
  await acts.planOrderPayment({ orderId: order.orderId, walletCents: order.totalCents, cardCents: 0 });
  await acts.debitWalletForOrder({ orderId: order.orderId, key: `order-${order.number}/wallet-debit` });
  await acts.confirmOrder({ orderId: order.orderId });
  return { family, order, cookie: await login(app(), email) };
}

describe('Mes commandes', () => {
  it('lists the paid order and shows its lines and payments to its family only', async () => {
    const { order, cookie } = await paidOrder('historique@example.fr');
    const list = await (await app().request('/mon-compte/commandes', { headers: { Cookie: cookie } })).text();
    expect(list).toContain(order.number);
    expect(list).toContain('Payée');
    const detail = (await (await app().request(`/mon-compte/commandes/${order.number}`, { headers: { Cookie: cookie } })).text()).replace(/[\u00a0\u202f]/g, ' ');
    expect(detail).toContain('Bénéficiaire : Jérémy Pardon Dates : 09-12-2026, 16-12-2026');
    expect(detail).toContain('Porte-monnaie : 15,80 €');
    const other = await paidOrder('curieuse@example.fr');
    expect((await app().request(`/mon-compte/commandes/${order.number}`, { headers: { Cookie: other.cookie } })).status).toBe(404);
  });
});

describe('Mes réservations', () => {
  it('cancels before the deadline: refund to the wallet, place freed, once', async () => {
    const { family, order, cookie } = await paidOrder('annule@example.fr');
    const orderPage = async () => (await (await app().request(`/mon-compte/commandes/${order.number}`, { headers: { Cookie: cookie } })).text()).replace(/[\u00a0\u202f]/g, ' ');
    expect(await orderPage()).not.toContain('Annulations et remboursements');
    const page = await (await app().request('/mon-compte/reservations', { headers: { Cookie: cookie } })).text();
    expect(page).toContain('mercredi 9 décembre 2026');
    expect(page).toMatch(/href="\/mon-compte\/e-billets\/\d+">e-billet [A-HJ-NP-Z2-9]{10}/);
    const reservation = await database.db.selectFrom('reservations').select(['id', 'prestation_id']).where('user_id', '=', family.user.id).where('service_date', '=', '2026-12-09').executeTakeFirstOrThrow();
    const before = (await placesLeft(database.db, reservation.prestation_id, '2026-12-09', '2026-12-09', clock)).get('2026-12-09')!;

    const cancelled = await postForm(app(), `/mon-compte/reservations/${reservation.id}/annuler`, {}, { Cookie: cookie });
    expect(cancelled.headers.get('location')).toBe('/mon-compte/reservations?annulee=790');
    expect(await balance(database.db, family.user.id)).toBe(5000 - 1580 + 790);
    // The order says what went back, by day, and in all.
    const detail = await orderPage();
    expect(detail).toContain('Payée – 7,90 € remboursés');
    expect(detail).toMatch(/09-12-2026 – [^<]+ – [^<]+ : annulée, 7,90 € remboursés/);
    expect(detail).toContain('Remboursé au total : 7,90 €');
    expect((await placesLeft(database.db, reservation.prestation_id, '2026-12-09', '2026-12-09', clock)).get('2026-12-09')).toBe(before + 1);
    const again = await postForm(app(), `/mon-compte/reservations/${reservation.id}/annuler`, {}, { Cookie: cookie });
    expect(again.status).toBe(409);
    expect(await again.text()).toContain('Cette réservation est déjà annulée.');
    expect(await balance(database.db, family.user.id)).toBe(5000 - 1580 + 790);
    expect(await ledgerMismatches(database.db)).toEqual([]);
  });

  it('refunds what the family paid, net of its voucher: a free order gives nothing back', async () => {
    for (const [email, discount, refund] of [['bon-partiel@example.fr', 300, 640], ['bon-total@example.fr', 1580, 0]] as const) {
      const family = await bookingFamily(database.db, email);
      if (!(await holdPlaces(database.db, family, 'Matin', ['2026-12-09', '2026-12-16'], clock)).ok) throw new Error('hold refused');
      await payCart(database.db, family.user.id, clock, discount);
      const reservation = await database.db.selectFrom('reservations').select('id').where('user_id', '=', family.user.id).where('service_date', '=', '2026-12-09').executeTakeFirstOrThrow();
      const cookie = await login(app(), email);
      const { number } = await database.db.selectFrom('orders').select('number').where('user_id', '=', family.user.id).executeTakeFirstOrThrow();
      const { id: orderId } = await database.db.selectFrom('orders').select('id').where('number', '=', number).executeTakeFirstOrThrow();
      const voucher = await database.db
        .insertInto('vouchers')
        .values({ code: `BON${discount}`, label: `Bon de ${discount} centimes`, kind: 'amount', value: discount, valid_from: '2026-11-01', valid_until: '2026-12-31' })
        .returning('id')
        .executeTakeFirstOrThrow();
      await database.db.insertInto('voucher_uses').values({ voucher_id: voucher.id, order_id: orderId, user_id: family.user.id, discount_cents: discount, state: 'used' }).execute();
      const paid = formatEuros(1580 - discount);
      expect(await (await app().request('/mon-compte/commandes', { headers: { Cookie: cookie } })).text()).toContain(`<td data-label="Total">${paid}</td>`);
      const detail = await (await app().request(`/mon-compte/commandes/${number}`, { headers: { Cookie: cookie } })).text();
      expect(detail).toContain(`Bon de réduction (Bon de ${discount} centimes) :`);
      expect(detail).toContain(formatEuros(-discount));
      // Mes réservations says what each place cost: its price less its share of the voucher.
      const reservations = await (await app().request('/mon-compte/reservations', { headers: { Cookie: cookie } })).text();
      expect(reservations).toContain(`<td data-label="Montant">${formatEuros(refund)}</td>`);
      expect(reservations).not.toContain(`<td data-label="Montant">${formatEuros(790)}</td>`);
      const cancelled = await postForm(app(), `/mon-compte/reservations/${reservation.id}/annuler`, {}, { Cookie: cookie });
      expect(cancelled.headers.get('location')).toBe(`/mon-compte/reservations?annulee=${refund}`);
      expect(await balance(database.db, family.user.id)).toBe(refund);
    }
    expect(await ledgerMismatches(database.db)).toEqual([]);
  });

  it('refuses after the deadline, and for another family', async () => {
    const { family } = await paidOrder('tardive@example.fr');
    const reservation = await database.db.selectFrom('reservations').select('id').where('user_id', '=', family.user.id).where('service_date', '=', '2026-12-16').executeTakeFirstOrThrow();
    const stranger = await paidOrder('etrangere@example.fr');
    expect((await postForm(app(), `/mon-compte/reservations/${reservation.id}/annuler`, {}, { Cookie: stranger.cookie })).status).toBe(404);
    clock = new Date('2026-12-14T11:00:01Z');
    const late = await postForm(app(), `/mon-compte/reservations/${reservation.id}/annuler`, {}, { Cookie: await login(app(), family.user.email) });
    expect(late.status).toBe(409);
    expect(await late.text()).toContain('Le délai d&#39;annulation de cette réservation est dépassé.');
    clock = new Date('2026-11-27T09:00:00Z');
    expect((await demoProduct(database.db)).booking_deadline_days).toBe(2);
  });
});
