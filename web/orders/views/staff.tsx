// Staff: Commandes. Search the orders of their communes (an order's page: order-detail.tsx).
import type { searchOrders } from '../../../db/queries/orders/staff-orders.ts';
import { formatShortDate, parisDate } from '../../../domain/dates.ts';
import { formatEuros } from '../../../domain/money.ts';

type Found = Awaited<ReturnType<typeof searchOrders>>[number];

export const stateWords: Record<string, string> = { open: 'en cours', 'awaiting-payment': 'en attente de paiement', paid: 'payée', abandoned: 'non aboutie' };

export function OrderSearchPage({ query, orders }: { query: string; orders: Found[] }) {
  return (
    <>
      <h1>Commandes</h1>
      <form method="get" action="/agent/commandes" role="search" class="search-form">
        <label for="q">Numéro de commande (ou sa fin), e-mail, nom de la famille ou d'un enfant, ou jour réservé (JJ/MM/AAAA)</label>
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
