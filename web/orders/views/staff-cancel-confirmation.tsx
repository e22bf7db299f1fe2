// Staff: what cancelling reservations of an order will do, before it is done: each line with its
// child and day, what goes back to the wallet and to the card, the reason and the mail;
// « Confirmer » cancels, « Retour » goes back to the order's page as it was filled in.
import type { CancellationPreview } from '../../../db/queries/orders/staff-cancellation.ts';
import { formatShortDate } from '../../../domain/dates.ts';
import { formatEuros } from '../../../domain/money.ts';
import { ConfirmationForm } from '../../forms/confirmation.tsx';
import { Notice } from '../../forms/fields.tsx';

export function StaffCancelConfirmationPage(props: { number: string; preview: CancellationPreview; all: boolean; reason: string; reference: string | null; fields: [string, string][] }) {
  const { number, preview, all, reason, reference, fields } = props;
  const wallet = preview.lines.reduce((sum, line) => sum + line.walletCents, 0);
  const card = preview.lines.reduce((sum, line) => sum + line.cardCents, 0);
  const children = [...new Set(preview.lines.map((line) => line.child))];
  return (
    <>
      <p>
        <a href={`/agent/commandes/${number}`}>← Commande {number}</a>
      </p>
      <h1>{all ? `Confirmer l'annulation de toute la commande ${number}` : `Confirmer l'annulation de réservations de la commande ${number}`}</h1>
      <Notice kind="warning">
        <p>
          <strong>
            Une fois confirmée : {preview.lines.length} réservation(s) annulée(s) ({children.join(', ')}), {formatEuros(wallet + card)} remboursés :{' '}
            {[wallet > 0 || card === 0 ? `${formatEuros(wallet)} sur le porte-monnaie de la famille` : '', card > 0 ? `${formatEuros(card)} sur la carte bancaire` : ''].filter(Boolean).join(', ')}.
          </strong>
        </p>
        <p>Rien n'est encore fait : cela ne pourra pas être défait une fois confirmé.</p>
      </Notice>
      <ul>
        <li>
          Famille : {preview.family.name} ({preview.family.email}), prévenue par un courriel
        </li>
        <li>Motif : {reason}</li>
        {card > 0 && preview.byTransfer ? <li>Remboursement par virement de la régie, référence {reference}</li> : null}
        {card > 0 && !preview.byTransfer ? <li>Remboursement sur la carte demandé à Paybox une fois confirmé : la page de la commande dira sa réponse</li> : null}
      </ul>
      <table>
        <caption>Réservations annulées</caption>
        <thead>
          <tr>
            <th scope="col">Enfant</th>
            <th scope="col">Activité</th>
            <th scope="col">Jour</th>
            <th scope="col">Porte-monnaie</th>
            <th scope="col">Carte</th>
          </tr>
        </thead>
        <tbody>
          {preview.lines.map((line) => (
            <tr>
              <td>{line.child}</td>
              <td>{line.product}</td>
              <td>{formatShortDate(line.day)}</td>
              <td>{formatEuros(line.walletCents)}</td>
              <td>{formatEuros(line.cardCents)}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <ConfirmationForm action={`/agent/commandes/${number}/annuler`} fields={fields} />
    </>
  );
}
