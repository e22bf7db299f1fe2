// Staff: card payments the provider called "already made" ("00015"). Nothing was confirmed or
// credited for them; staff compare with the provider's back office and settle with the family.
import { formatEuros } from '../../../domain/money.ts';
import { formatShortDate, parisDate } from '../../../domain/dates.ts';

export interface PaymentToReconcile {
  id: number;
  reference: string;
  purpose: 'topup' | 'order';
  amount_cents: number;
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

export function PaymentsToReconcilePage({ payments }: { payments: PaymentToReconcile[] }) {
  return (
    <>
      <h1>Paiements à vérifier</h1>
      <p>
        La banque a répondu « paiement déjà effectué » (code 00015) pour ces paiements par carte : aucune réservation n'a été confirmée et rien n'a été crédité.
        Vérifiez la référence dans l'espace commerçant Paybox, puis réglez la situation avec la famille (crédit du porte-monnaie depuis sa fiche si l'argent a bien été pris).
      </p>
      {payments.length === 0 ? (
        <p>Aucun paiement à vérifier dans vos communes.</p>
      ) : (
        <table>
          <caption>Paiements à vérifier, les plus récents d'abord</caption>
          <thead>
            <tr>
              <th scope="col">Référence</th>
              <th scope="col">Objet</th>
              <th scope="col">Montant</th>
              <th scope="col">Famille</th>
              <th scope="col">Commune</th>
              <th scope="col">Signalé le</th>
            </tr>
          </thead>
          <tbody>
            {payments.map((payment) => (
              <tr>
                <td>{payment.reference}</td>
                <td>{payment.purpose === 'order' ? `Commande ${payment.order_number ?? ''}` : 'Recharge du porte-monnaie'}</td>
                <td>{formatEuros(payment.amount_cents)}</td>
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
