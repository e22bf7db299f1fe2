// A family's e-tickets: one per reservation it booked, with what the ticket prints (product,
// child, day, prestation, commune, order number). A cancelled reservation's ticket is void.
import type { Db } from '../../connection.ts';

const tickets = (db: Db) =>
  db
    .selectFrom('e_tickets')
    .innerJoin('reservations', 'reservations.id', 'e_tickets.reservation_id')
    .innerJoin('products', 'products.id', 'reservations.product_id')
    .innerJoin('communes', 'communes.id', 'products.commune_id')
    .innerJoin('prestations', 'prestations.id', 'reservations.prestation_id')
    .innerJoin('dependants', 'dependants.id', 'reservations.dependant_id')
    .leftJoin('order_lines', 'order_lines.id', 'reservations.order_line_id')
    .leftJoin('orders', 'orders.id', 'order_lines.order_id')
    .select([
      'reservations.id as reservationId', 'reservations.service_date as day', 'reservations.state', 'e_tickets.code', 'products.name as product',
      'prestations.label as prestation', 'communes.name as commune', 'dependants.first_name as firstName', 'dependants.last_name as lastName', 'orders.number as orderNumber',
    ]);

export type ETicket = Awaited<ReturnType<ReturnType<typeof tickets>['executeTakeFirstOrThrow']>>;

/** The family's tickets, by day. */
export function familyTickets(db: Db, userId: number) {
  return tickets(db).where('reservations.user_id', '=', userId).orderBy('reservations.service_date').orderBy('dependants.birth_date').execute();
}

/** One of the family's tickets, by its reservation; undefined when not theirs. */
export function familyTicket(db: Db, userId: number, reservationId: number) {
  return tickets(db).where('reservations.user_id', '=', userId).where('reservations.id', '=', reservationId).executeTakeFirst();
}
