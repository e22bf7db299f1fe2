// Staff: what a closure will do, before it is done: per product, each reservation cancelled with
// its child, family, day and refund, then each family's total and mail; « Confirmer » closes,
// « Retour » goes back to the form as it was typed.
import { formatShortDate } from '../../../domain/dates.ts';
import { formatEuros } from '../../../domain/money.ts';
import { ConfirmationForm } from '../../forms/confirmation.tsx';
import { Notice } from '../../forms/fields.tsx';
import type { ClosurePlan } from '../closure-plan.ts';

const daysWords = (days: { du: string; au: string }) => (days.du === days.au ? `le ${formatShortDate(days.du)}` : `du ${formatShortDate(days.du)} au ${formatShortDate(days.au)}`);

export function ClosureConfirmationPage(props: { plan: ClosurePlan; days: { du: string; au: string }; reason: string; values: Record<string, string> }) {
  const { plan, days, reason, values } = props;
  const fields: [string, string][] = [
    ...plan.products.map(({ product }) => ['produit', String(product.id)] as [string, string]),
    ...(['du', 'au', 'motif', 'precision'] as const).map((name) => [name, values[name] ?? ''] as [string, string]),
  ];
  return (
    <>
      <h1>Confirmer la fermeture</h1>
      <Notice kind="warning">
        <p>
          <strong>
            Fermeture {daysWords(days)} ({reason}). Une fois confirmée : {plan.reservations} réservation(s) annulée(s), {formatEuros(plan.refundCents)} remboursés sur les porte-monnaie des familles,{' '}
            {plan.mails} courriel(s) envoyé(s).
          </strong>
        </p>
        <p>Rien n'est encore fait : cela ne pourra pas être défait une fois confirmé.</p>
      </Notice>
      {plan.products.map(({ product, lines, families, refundCents }) => (
        <section>
          <h2>
            {product.name} – {product.commune}
          </h2>
          <p>
            Fermée {daysWords(days)} : {lines.length} réservation(s) annulée(s), {formatEuros(refundCents)} remboursés, {families.length} famille(s) prévenue(s) par un courriel chacune.
          </p>
          {lines.length === 0 ? (
            <p>Aucune réservation sur ces jours : les jours sont seulement fermés aux réservations.</p>
          ) : (
            <>
              <table>
                <caption>Réservations annulées</caption>
                <thead>
                  <tr>
                    <th scope="col">Enfant</th>
                    <th scope="col">Famille</th>
                    <th scope="col">Jour</th>
                    <th scope="col">Remboursé sur le porte-monnaie</th>
                  </tr>
                </thead>
                <tbody>
                  {lines.map((line) => (
                    <tr>
                      <td>{line.child}</td>
                      <td>{line.family}</td>
                      <td>{formatShortDate(line.day)}</td>
                      <td>{formatEuros(line.refundCents)}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
              <h3>Familles prévenues</h3>
              <ul>
                {families.map((family) => (
                  <li>
                    {family.family} ({family.email}) : {family.children.join(', ')} – {formatEuros(family.refundCents)} remboursés, un courriel
                  </li>
                ))}
              </ul>
            </>
          )}
        </section>
      ))}
      <ConfirmationForm action="/agent/fermetures" fields={fields} />
    </>
  );
}
