// The family's orders and reservations, and the cancellation of a reservation before its
// deadline (refunded to the wallet, with a mail).
import { Hono } from 'hono';
import { declaredAbsences } from '../../db/queries/absences/index.ts';
import { declarableReservations } from '../../db/queries/absences/index.ts';
import { wakeWaitingLists } from '../waitlist/index.ts';
import { familyWaitlist } from '../../db/queries/waitlist/index.ts';
import { familyOrder } from '../../db/queries/orders/orders.ts';
import { cardPaymentOf } from '../../db/queries/payments/index.ts';
import { reservationCancelledMail } from '../../activities/orders/mails.ts';
import { cancelReservation } from '../../db/queries/orders/cancellation.ts';
import { familyOrders, familyReservations, orderCancellations } from '../../db/queries/orders/history.ts';
import { orderHoldIds, orderVoucher, recapLines } from '../../db/queries/orders/order-recap.ts';
import { familyNetLinePrices } from '../../db/queries/orders/refunds.ts';
import { bookingDeadline } from '../../domain/booking-calendar.ts';
import { parisDate } from '../../domain/dates.ts';
import { formatEuros } from '../../domain/money.ts';
import type { AppDeps } from '../http/deps.ts';
import type { AppEnv } from '../http/env.ts';
import { ID, idParam } from '../forms/form-route.ts';
import { currentUser } from '../middleware/guards.ts';
import { OrderDetailPage, OrdersPage, ReservationsPage } from './views/history.tsx';
import type { AccessTable } from '../http/access.ts';

const refusals = {
  'not-found': "Cette réservation n'existe pas.",
  'already-cancelled': 'Cette réservation est déjà annulée.',
  'deadline-passed': "Le délai d'annulation de cette réservation est dépassé.",
};

/** Who may call each route below (see web/http/access.ts). */
export const historyAccess = {
  'GET /mon-compte/commandes': { who: 'parent' },
  'GET /mon-compte/commandes/:number': { who: 'parent', object: 'order' },
  'GET /mon-compte/reservations': { who: 'parent' },
  'POST /mon-compte/reservations/:id/annuler': { who: 'parent', object: 'reservation', input: 'button' },
} satisfies AccessTable;

export function historyRoutes(deps: AppDeps): Hono<AppEnv> {
  const { db, workflows, config, now } = deps;
  const router = new Hono<AppEnv>();

  router.get('/mon-compte/commandes', async (c) => c.render(<OrdersPage orders={await familyOrders(db, currentUser(c).id)} />, { title: 'Mes commandes' }));

  router.get('/mon-compte/commandes/:number{[0-9]{4}-[0-9]{6}}', async (c) => {
    const order = await familyOrder(db, currentUser(c).id, c.req.param('number'));
    if (!order) return c.notFound();
    const cardPayment = order.card_payment_id ? ((await cardPaymentOf(db, order.card_payment_id)) ?? null) : null;
    const [lines, voucher, cancellations] = await Promise.all([recapLines(db, await orderHoldIds(db, order.id)), orderVoucher(db, order.id), orderCancellations(db, currentUser(c).id, order.id)]);
    return c.render(<OrderDetailPage order={order} lines={lines} voucher={voucher} cardPayment={cardPayment} cancellations={cancellations} />, { title: `Commande ${order.number}` });
  });

  async function reservationsPage(userId: number, extra: { message?: string | null; error?: string | null } = {}) {
    const today = parisDate(now());
    // What each place cost the family: its price less its share of the order's voucher.
    const [reservations, net, declarable, waiting] = await Promise.all([familyReservations(db, userId), familyNetLinePrices(db, userId), declarableReservations(db, userId, now()), familyWaitlist(db, userId)]);
    const declared = await declaredAbsences(db, reservations.map((row) => row.id));
    const rows = reservations.map((row) => ({
      id: row.id,
      service_date: row.service_date,
      state: row.state,
      price_cents: row.order_line_id === null ? row.price_cents : (net.get(row.order_line_id) ?? row.price_cents),
      product: row.product,
      prestation: row.prestation,
      child: `${row.first_name} ${row.last_name}`,
      ticket: row.ticket,
      cancellable: row.state === 'confirmed' && now().getTime() < bookingDeadline(row.service_date, row.cancel_deadline_days, row.cancel_deadline_hour).getTime(),
      absence: declared.has(row.id) ? ('declared' as const) : declarable.has(row.id) ? ('declarable' as const) : null,
    }));
    return <ReservationsPage upcoming={rows.filter((r) => r.service_date >= today)} past={rows.filter((r) => r.service_date < today).reverse()} waiting={waiting} {...extra} />;
  }

  router.get('/mon-compte/reservations', async (c) => {
    const done = c.req.query('annulee');
    const message = done && /^\d{1,12}$/.test(done) ? `La réservation est annulée : ${formatEuros(Number(done))} ont été rendus sur votre porte-monnaie.` : null;
    return c.render(await reservationsPage(currentUser(c).id, { message }), { title: 'Mes réservations' });
  });

  router.post(`/mon-compte/reservations/:id${ID}/annuler`, async (c) => {
    const user = currentUser(c);
    const result = await cancelReservation(db, user.id, idParam(c), now());
    if (!result.ok) {
      if (result.reason === 'not-found') return c.notFound();
      c.status(409);
      return c.render(await reservationsPage(user.id, { error: refusals[result.reason] }), { title: 'Mes réservations' });
    }
    const mail = reservationCancelledMail({ firstName: user.first_name, product: result.product, serviceDate: result.serviceDate, refundedCents: result.refundedCents, publicUrl: config.PUBLIC_URL });
    await workflows.sendMailLater({ idempotencyKey: `reservation-${c.req.param('id')}-cancelled`, to: user.email, mail });
    // The place freed goes to the day's waiting list, if families wait.
    await wakeWaitingLists(deps, [{ reservationId: idParam(c) }]);
    return c.redirect(`/mon-compte/reservations?annulee=${result.refundedCents}`, 303);
  });

  return router;
}
