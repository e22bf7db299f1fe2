// "Historique et détails de mes commandes" and "Mes réservations" (upcoming and past, by child),
// with cancellation before the booking deadline.
import { formatLongDate, formatShortDate } from '../../../domain/dates.ts';
import { formatEuros } from '../../../domain/money.ts';
import type { OrderState } from '../../../db/order-tables.ts';
import { Notice } from '../../forms/fields.tsx';
import { Recap, type RecapLine } from './steps.tsx';
import { WaitingSummary, type WaitingRow } from '../../waitlist/index.ts';

const dateFormat = new Intl.DateTimeFormat('fr-FR', { dateStyle: 'short', timeStyle: 'short', timeZone: 'Europe/Paris' });
const orderStates: Record<OrderState, string> = { open: 'En cours de commande', 'awaiting-payment': 'Paiement en cours', paid: 'Payée', abandoned: 'Non aboutie' };
const orderStateLabel = (state: string) => orderStates[state as OrderState] ?? state;
const paymentStates: Record<string, string> = { pending: 'en attente', paid: 'payé', refused: 'refusé', cancelled: 'abandonné', expired: 'expiré' };

export interface OrderRow {
  number: string;
  state: string;
  total_cents: number;
  discount_cents: number;
  created_at: Date;
}

export function OrdersPage({ orders }: { orders: OrderRow[] }) {
  return (
    <>
      <h1>Historique et détails de mes commandes</h1>
      {orders.length === 0 ? (
        <p>Aucune commande pour le moment.</p>
      ) : (
        <table class="stack">
          <caption class="visually-hidden">Vos commandes, de la plus récente à la plus ancienne</caption>
          <thead>
            <tr>
              <th scope="col">Commande</th>
              <th scope="col">Date</th>
              <th scope="col">Total</th>
              <th scope="col">État</th>
            </tr>
          </thead>
          <tbody>
            {orders.map((order) => (
              <tr>
                <td data-label="Commande">
                  <a href={`/mon-compte/commandes/${order.number}`}>{order.number}</a>
                </td>
                <td data-label="Date">{dateFormat.format(order.created_at)}</td>
                <td data-label="Total">{formatEuros(order.total_cents - order.discount_cents)}</td>
                <td data-label="État">{orderStateLabel(order.state)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </>
  );
}

export function OrderDetailPage(props: {
  order: OrderRow & { wallet_cents: number; card_cents: number; abandon_reason: string | null };
  lines: RecapLine[];
  voucher: { label: string; discountCents: number } | null;
  cardPayment: { state: string; card_type: string | null } | null;
  cancellations: CancellationRow[];
}) {
  const { order, lines, voucher, cardPayment, cancellations } = props;
  const refunded = cancellations.reduce((sum, row) => sum + row.refunded_cents, 0);
  return (
    <>
      <p>
        <a href="/mon-compte/commandes">← Mes commandes</a>
      </p>
      <h1>Commande {order.number}</h1>
      <p>
        {dateFormat.format(order.created_at)} – {orderStateLabel(order.state)}
        {order.abandon_reason ? ` (${order.abandon_reason})` : ''}
        {refunded > 0 ? ` – ${formatEuros(refunded)} remboursés` : ''}
      </p>
      {order.state === 'open' ? (
        // Still being placed, or back at the payment after a refused card: its places are still held.
        <p class="actions">
          <a class="button" href={`/commande/${order.number}/paiement`}>
            Reprendre le paiement
          </a>
        </p>
      ) : null}
      <Recap lines={lines} totalCents={order.total_cents} voucher={voucher} caption={`Commande ${order.number}`} />
      <h2>Paiements</h2>
      {order.wallet_cents === 0 && order.card_cents === 0 ? (
        // A card refused or a checkout left leaves the order without any payment: the heading alone would read as a page cut short.
        <p>{order.state === 'paid' ? 'Rien à payer.' : 'Aucun paiement reçu : rien ne vous a été prélevé.'}</p>
      ) : (
        <ul>
          {order.wallet_cents > 0 ? <li>Porte-monnaie : {formatEuros(order.wallet_cents)}</li> : null}
          {order.card_cents > 0 ? (
            <li>
              Carte{cardPayment?.card_type ? ` ${cardPayment.card_type}` : ''} : {formatEuros(order.card_cents)} ({paymentStates[cardPayment?.state ?? 'pending']})
            </li>
          ) : null}
        </ul>
      )}
      {cancellations.length > 0 ? (
        <>
          <h2>Annulations et remboursements</h2>
          <ul>
            {cancellations.map((row) => (
              <li>
                {formatShortDate(row.service_date)} – {row.first_name} {row.last_name} – {row.product} : {row.state === 'cancelled' ? 'annulée' : 'absence remboursée'}
                {row.refunded_cents > 0 ? `, ${formatEuros(row.refunded_cents)} remboursés` : ', rien à rembourser'}
              </li>
            ))}
          </ul>
          <p>Remboursé au total : {formatEuros(refunded)}</p>
        </>
      ) : null}
    </>
  );
}

/** A reservation of the order cancelled or refunded, and what went back to the family. */
export interface CancellationRow {
  service_date: string;
  state: 'confirmed' | 'cancelled';
  refunded_cents: number;
  product: string;
  first_name: string;
  last_name: string;
}

export interface ReservationRow {
  id: number;
  service_date: string;
  state: 'confirmed' | 'cancelled';
  price_cents: number;
  product: string;
  prestation: string;
  child: string;
  ticket: string | null;
  cancellable: boolean;
  /** An absence for illness may still be declared for it, or one names it (not refused). */
  absence: 'declarable' | 'declared' | null;
}

function AbsenceLink({ row }: { row: ReservationRow }) {
  if (row.absence === 'declared') return <a href="/mon-compte/absences">Absence déclarée</a>;
  if (row.absence !== 'declarable') return null;
  return (
    <a href={`/mon-compte/reservations/${row.id}/absence`}>
      Déclarer une absence<span class="visually-hidden"> le {formatShortDate(row.service_date)} pour {row.child}</span>
    </a>
  );
}

export function ReservationsPage({ upcoming, past, waiting, message, error }: { upcoming: ReservationRow[]; past: ReservationRow[]; waiting: WaitingRow[]; message?: string | null; error?: string | null }) {
  const table = (rows: ReservationRow[], withActions: boolean, caption: string) => (
    <table class="stack">
      <caption class="visually-hidden">{caption}</caption>
      <thead>
        <tr>
          <th scope="col">Date</th>
          <th scope="col">Enfant</th>
          <th scope="col">Prestation</th>
          <th scope="col">Montant</th>
          <th scope="col">{withActions ? 'Action' : 'État'}</th>
        </tr>
      </thead>
      <tbody>
        {rows.map((row) => (
          <tr>
            <td data-label="Date">{formatLongDate(row.service_date)}</td>
            <td data-label="Enfant">{row.child}</td>
            <td data-label="Prestation">
              {row.product} – {row.prestation}
              {row.ticket && row.state === 'confirmed' ? (
                <>
                  {' '}
                  (<a href={`/mon-compte/e-billets/${row.id}`}>e-billet {row.ticket}</a>)
                </>
              ) : null}
            </td>
            <td data-label="Montant">{formatEuros(row.price_cents)}</td>
            <td data-label={withActions ? undefined : 'État'}>
              {row.state === 'cancelled' ? (
                'Annulée'
              ) : withActions && row.cancellable ? (
                <form method="post" action={`/mon-compte/reservations/${row.id}/annuler`} class="inline-form">
                  <button class="link-button" type="submit">
                    Annuler<span class="visually-hidden"> la réservation du {formatShortDate(row.service_date)} de {row.child}</span>
                  </button>
                </form>
              ) : withActions ? (
                <span class="muted">Délai d'annulation dépassé</span>
              ) : (
                'Passée'
              )}
              {row.absence ? (
                <>
                  {' '}
                  <AbsenceLink row={row} />
                </>
              ) : null}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
  return (
    <>
      <h1>Mes réservations</h1>
      {message ? <Notice kind="success">{message}</Notice> : null}
      {error ? <Notice kind="warning">{error}</Notice> : null}
      <h2>À venir</h2>
      {upcoming.length === 0 ? <p>Aucune réservation à venir.</p> : table(upcoming, true, 'Réservations à venir')}
      <WaitingSummary entries={waiting} />
      <h2>Passées</h2>
      {past.length === 0 ? <p>Aucune réservation passée.</p> : table(past, false, 'Réservations passées')}
    </>
  );
}
