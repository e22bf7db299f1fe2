// Staff: what they will do with a card refund the provider refused, before it is done: ask again,
// or give the amount to the family's wallet instead (then never to the card).
import { formatShortDate } from '../../../domain/dates.ts';
import { formatEuros } from '../../../domain/money.ts';
import { ConfirmationForm } from '../../forms/confirmation.tsx';
import { Notice } from '../../forms/fields.tsx';

export function CardRefundConfirmationPage(props: { number: string; refund: { id: number; amount_cents: number; product: string; service_date: string; state: string }; suite: 'reessayer' | 'porte-monnaie' }) {
  const { number, refund, suite } = props;
  const amount = formatEuros(refund.amount_cents);
  const what = `${refund.product}, ${formatShortDate(refund.service_date)}`;
  return (
    <>
      <p>
        <a href={`/agent/commandes/${number}`}>← Commande {number}</a>
      </p>
      <h1>{suite === 'porte-monnaie' ? `Verser ${amount} au porte-monnaie` : `Redemander le remboursement de ${amount}`}</h1>
      <Notice kind="warning">
        <p>
          <strong>
            {suite === 'porte-monnaie'
              ? `Une fois confirmé : ${amount} (${what}) crédités sur le porte-monnaie de la famille ; la carte ne sera plus remboursée de ce montant.`
              : refund.state === 'requested'
                ? `Une fois confirmé : la demande de remboursement de ${amount} (${what}) est envoyée de nouveau au prestataire, qui ne rembourse jamais deux fois la même demande.`
                : `Une fois confirmé : le prestataire est prié de nouveau de rembourser ${amount} (${what}) sur la carte.`}
          </strong>
        </p>
        <p>Rien n'est encore fait.</p>
      </Notice>
      <ConfirmationForm action={`/agent/commandes/${number}/remboursement`} fields={[['remboursement', String(refund.id)], ['suite', suite]]} />
    </>
  );
}
