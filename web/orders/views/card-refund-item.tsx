// Staff: one card refund of an order as it stands: done (by Paybox or by the régie's transfer, with
// its reference), asked and waiting for the provider's answer, refused with the provider's reason
// (« Réessayer » or « Verser au porte-monnaie »), or given to the wallet instead.
import type { staffOrder } from '../../../db/queries/orders/staff-orders.ts';
import { formatShortDate, parisDate } from '../../../domain/dates.ts';
import { formatEuros } from '../../../domain/money.ts';

type Refund = NonNullable<Awaited<ReturnType<typeof staffOrder>>>['cardRefunds'][number];

function Decision(props: { number: string; refund: Refund; choices: { suite: 'reessayer' | 'porte-monnaie'; label: string }[] }) {
  const { number, refund, choices } = props;
  return (
    <form method="post" action={`/agent/commandes/${number}/remboursement`} class="form-actions">
      <input type="hidden" name="remboursement" value={String(refund.id)} />
      {choices.map((choice) => (
        <button class="button button--secondary" type="submit" name="suite" value={choice.suite}>
          {choice.label}
        </button>
      ))}
    </form>
  );
}

export function CardRefundItem(props: { number: string; refund: Refund }) {
  const { number, refund } = props;
  const day = formatShortDate(parisDate(refund.updated_at));
  const amount = formatEuros(refund.amount_cents);
  if (refund.state === 'done') {
    return refund.method === 'transfer' ? (
      <li>Remboursé par virement de la régie le {day} : {amount}, référence {refund.provider_reference}</li>
    ) : (
      <li>Remboursé sur la carte le {day} : {amount}, référence {refund.provider_reference}</li>
    );
  }
  if (refund.state === 'to-wallet') return <li>Refusé sur la carte, versé au porte-monnaie le {day} : {amount}</li>;
  if (refund.state === 'requested') {
    return (
      <li>
        Remboursement de {amount} sur la carte demandé au prestataire le {day}, en attente de sa réponse.
        <Decision number={number} refund={refund} choices={[{ suite: 'reessayer', label: 'Relancer la demande' }]} />
      </li>
    );
  }
  return (
    <li>
      <strong>Remboursement de {amount} sur la carte refusé par le prestataire</strong> le {day}
      {refund.provider_comment ? ` : « ${refund.provider_comment} »` : ''}
      {refund.provider_code ? ` (code ${refund.provider_code})` : ''}. Réessayez, ou versez ce montant au porte-monnaie de la famille.
      <Decision
        number={number}
        refund={refund}
        choices={[
          { suite: 'reessayer', label: `Réessayer le remboursement de ${amount}` },
          { suite: 'porte-monnaie', label: `Verser ${amount} au porte-monnaie` },
        ]}
      />
    </li>
  );
}
