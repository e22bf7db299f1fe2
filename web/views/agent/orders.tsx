// Staff: Commandes. Search the orders of their communes; an order's detail with its lines,
// payments, the provider's references and its process in the Temporal UI; a reservation
// cancelled and refunded to the wallet with a reason.
import type { FieldErrors } from '../../forms.ts';
import type { searchOrders, staffOrder } from '../../../db/queries/staff-orders.ts';
import { formatShortDate, parisDate } from '../../../domain/dates.ts';
import { formatEuros } from '../../../domain/money.ts';
import { Notice } from '../components/fields.tsx';

type Found = Awaited<ReturnType<typeof searchOrders>>[number];
type Detail = NonNullable<Awaited<ReturnType<typeof staffOrder>>>;

const stateWords: Record<string, string> = { open: 'en cours', 'awaiting-payment': 'en attente de paiement', paid: 'payée', abandoned: 'non aboutie' };

export function OrderSearchPage({ query, orders }: { query: string; orders: Found[] }) {
  return (
    <>
      <h1>Commandes</h1>
      <form method="get" action="/agent/commandes" role="search" class="search-form">
        <label for="q">Numéro de commande, e-mail, nom d'un enfant ou jour (AAAA-MM-JJ)</label>
        <input id="q" name="q" type="search" value={query} maxlength={100} />
        <button class="button" type="submit">
          Rechercher
        </button>
      </form>
      {orders.length === 0 ? (
        <p>Aucune commande ne correspond{query ? ` à « ${query} »` : ''} dans vos communes.</p>
      ) : (
        <table>
          <caption class="visually-hidden">Commandes trouvées</caption>
          <thead>
            <tr>
              <th scope="col">Commande</th>
              <th scope="col">Famille</th>
              <th scope="col">Date</th>
              <th scope="col">Montant</th>
              <th scope="col">État</th>
            </tr>
          </thead>
          <tbody>
            {orders.map((o) => (
              <tr>
                <td>
                  <a href={`/agent/commandes/${o.number}`}>{o.number}</a>
                </td>
                <td>{[o.first_name, o.last_name].filter(Boolean).join(' ') || o.email}</td>
                <td>{formatShortDate(parisDate(o.created_at))}</td>
                <td>{formatEuros(o.total_cents - o.discount_cents)}</td>
                <td>{stateWords[o.state] ?? o.state}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </>
  );
}

export function OrderDetailPage({ detail, temporalUi, message, errors, values }: { detail: Detail; temporalUi: string; message: string | null; errors?: FieldErrors; values?: Record<string, string> }) {
  const { order, lines } = detail;
  return (
    <>
      <p>
        <a href="/agent/commandes">← Commandes</a>
      </p>
      <h1>Commande {order.number}</h1>
      {message ? <Notice kind="success">{message}</Notice> : null}
      <ul>
        <li>Famille : {[order.first_name, order.last_name].filter(Boolean).join(' ') || order.email} ({order.email})</li>
        <li>État : {stateWords[order.state] ?? order.state}{order.abandon_reason ? ` (${order.abandon_reason})` : ''}</li>
        <li>
          Total {formatEuros(order.total_cents)}
          {order.discount_cents > 0 ? `, bon de réduction −${formatEuros(order.discount_cents)}` : ''} ; porte-monnaie {formatEuros(order.wallet_cents)}, carte {formatEuros(order.card_cents)}
        </li>
        {order.card_reference ? (
          <li>
            Paiement par carte : référence {order.card_reference}, {order.card_state}
            {order.provider_transaction ? `, transaction ${order.provider_transaction}` : ''}
            {order.provider_error ? `, code ${order.provider_error}` : ''}
          </li>
        ) : null}
        <li>
          <a href={`${temporalUi}/namespaces/default/workflows/order-${order.number}`}>Le processus order-{order.number} dans Temporal</a>
        </li>
      </ul>
      <h2>Lignes</h2>
      {errors?.motif || errors?.reservation ? <Notice kind="warning">{errors.motif ?? errors.reservation}</Notice> : null}
      <table>
        <caption class="visually-hidden">Lignes de la commande</caption>
        <thead>
          <tr>
            <th scope="col">Enfant</th>
            <th scope="col">Activité</th>
            <th scope="col">Jour</th>
            <th scope="col">Prix</th>
            <th scope="col">Réservation</th>
          </tr>
        </thead>
        <tbody>
          {lines.map((line) => (
            <tr>
              <td>
                {line.first_name} {line.last_name}
              </td>
              <td>
                {line.product} – {line.prestation}
              </td>
              <td>{formatShortDate(line.service_date)}</td>
              <td>{formatEuros(line.price_cents)}</td>
              <td>
                {line.reservation_state === 'confirmed' ? (
                  <form method="post" action={`/agent/commandes/${order.number}/annuler`} class="inline-form" novalidate>
                    <input type="hidden" name="reservation" value={String(line.reservation_id)} />
                    <label for={`motif-${line.reservation_id}`}>Motif (envoyé dans l'historique de la famille)</label>
                    <input id={`motif-${line.reservation_id}`} name="motif" maxlength={200} required value={values?.reservation === String(line.reservation_id) ? values.motif : ''} />
                    <button class="button button--secondary" type="submit">
                      Annuler et rembourser
                    </button>
                  </form>
                ) : line.reservation_state === 'cancelled' ? (
                  'Annulée'
                ) : (
                  '—'
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </>
  );
}
