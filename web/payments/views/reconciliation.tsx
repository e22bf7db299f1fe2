// Staff: the card payments of their communes' families. Those the provider called "already made"
// ("00015") come first: nothing was confirmed or credited for them; staff compare with the
// provider's back office and settle with the family.
import { formatEuros } from '../../../domain/money.ts';
import { formatShortDate, parisDate } from '../../../domain/dates.ts';

export const PAYMENT_STATES: Record<string, string> = { pending: 'en attente', paid: 'payé', refused: 'refusé', cancelled: 'abandonné', expired: 'expiré', 'to-reconcile': 'à vérifier' };

export interface PaymentRow {
  id: number;
  reference: string;
  purpose: 'topup' | 'order';
  amount_cents: number;
  state: string;
  provider_error: string | null;
  provider_transaction: string | null;
  updated_at: Date;
  user_id: number;
  email: string;
  first_name: string | null;
  last_name: string | null;
  commune: string | null;
  order_number: string | null;
}

export function PaymentsPage({ payments }: { payments: PaymentRow[] }) {
  const toReconcile = payments.filter((p) => p.state === 'to-reconcile').length;
  return (
    <>
      <h1>Paiements par carte</h1>
      <p>
        <strong>{toReconcile} paiement(s) à vérifier.</strong> <a href="/agent/paiements/export.csv">Exporter pour la trésorerie (CSV)</a>
      </p>
      <p>
        Les paiements « à vérifier » sont ceux pour lesquels la banque a répondu « paiement déjà effectué » (code 00015) : aucune réservation n'a été confirmée et
        rien n'a été crédité. Vérifiez la référence dans l'espace commerçant Paybox, puis réglez la situation avec la famille (crédit du porte-monnaie depuis sa fiche si
        l'argent a bien été pris).
      </p>
      {payments.length === 0 ? (
        <p>Aucun paiement par carte dans vos communes.</p>
      ) : (
        <table>
          <caption>Paiements par carte, ceux à vérifier d'abord</caption>
          <thead>
            <tr>
              <th scope="col">Référence</th>
              <th scope="col">Objet</th>
              <th scope="col">Montant</th>
              <th scope="col">État</th>
              <th scope="col">Transaction</th>
              <th scope="col">Famille</th>
              <th scope="col">Commune</th>
              <th scope="col">Mis à jour le</th>
            </tr>
          </thead>
          <tbody>
            {payments.map((payment) => (
              <tr>
                <td>{payment.reference}</td>
                <td>{payment.purpose === 'order' ? `Commande ${payment.order_number ?? ''}` : 'Recharge du porte-monnaie'}</td>
                <td>{formatEuros(payment.amount_cents)}</td>
                <td>{payment.state === 'to-reconcile' ? <strong>{PAYMENT_STATES[payment.state]}</strong> : (PAYMENT_STATES[payment.state] ?? payment.state)}</td>
                <td>
                  {payment.provider_transaction ?? '—'}
                  {payment.provider_error ? ` (code ${payment.provider_error})` : ''}
                </td>
                <td>
                  <a href={`/agent/familles/${payment.user_id}`}>{[payment.first_name, payment.last_name].filter(Boolean).join(' ') || payment.email}</a>
                </td>
                <td>{payment.commune ?? '—'}</td>
                <td>{formatShortDate(parisDate(payment.updated_at))}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </>
  );
}
