// Staff: Fermetures exceptionnelles. Close days of a product with a reason; each closure's
// progress (reservations cancelled and refunded, families told) and its workflow in the Temporal UI.
import type { FieldErrors, FormValues } from '../../forms/forms.ts';
import { formatShortDate } from '../../../domain/dates.ts';
import { formatEuros } from '../../../domain/money.ts';
import { ErrorSummary, Field, Notice, SelectField } from '../../forms/fields.tsx';
import type { ProductChoice } from '../../tickets/index.ts';

export interface ClosureRow {
  id: number;
  product: string;
  commune: string;
  first_day: string;
  last_day: string;
  reason: string;
  state: 'running' | 'done';
  reservations_total: number | null;
  reservations_done: number;
  refunded_cents: number;
  families_mailed: number;
}

export const CLOSURE_REASONS = ['Grève', 'Intempéries', 'Raison sanitaire', 'Travaux', 'Autre'] as const;

const days = (c: ClosureRow) => (c.first_day === c.last_day ? `le ${formatShortDate(c.first_day)}` : `du ${formatShortDate(c.first_day)} au ${formatShortDate(c.last_day)}`);

export function ClosuresPage(props: { products: ProductChoice[]; closures: ClosureRow[]; temporalUi: string; message: string | null; values?: FormValues; errors?: FieldErrors }) {
  const { products, closures, temporalUi, message, values = {}, errors = {} } = props;
  const running = closures.some((c) => c.state === 'running');
  return (
    <>
      <h1>Fermetures exceptionnelles</h1>
      {message ? <Notice kind="success">{message}</Notice> : null}
      <p>
        Fermer des jours annule les réservations de ces jours, rembourse chaque famille sur son porte-monnaie de ce qu'elle a payé et la prévient par courriel. Les jours fermés ne
        sont plus réservables.
      </p>
      <form method="post" action="/agent/fermetures" novalidate>
        <ErrorSummary errors={errors} labels={{ produit: 'Activité', du: 'Premier jour', au: 'Dernier jour', motif: 'Motif', precision: 'Précision' }} />
        <SelectField name="produit" label="Activité" required value={values.produit} error={errors.produit} placeholder="Choisissez" options={products.map((p) => ({ value: String(p.id), label: `${p.name} – ${p.commune}` }))} />
        <div class="inline-fields">
          <Field name="du" label="Premier jour" type="date" required value={values.du} error={errors.du} />
          <Field name="au" label="Dernier jour" type="date" required value={values.au} error={errors.au} />
        </div>
        <SelectField name="motif" label="Motif" required value={values.motif} error={errors.motif} placeholder="Choisissez" options={CLOSURE_REASONS.map((r) => ({ value: r, label: r }))} />
        <Field name="precision" label="Précision donnée aux familles (facultatif)" value={values.precision} error={errors.precision} hint="Par exemple : « préavis de grève national »." />
        <button class="button" type="submit">
          Fermer ces jours
        </button>
      </form>

      <h2>Fermetures</h2>
      {running ? <meta http-equiv="refresh" content="5" /> : null}
      {closures.length === 0 ? (
        <p>Aucune fermeture dans vos communes.</p>
      ) : (
        <table>
          <caption class="visually-hidden">Fermetures et leur avancement</caption>
          <thead>
            <tr>
              <th scope="col">Activité</th>
              <th scope="col">Jours</th>
              <th scope="col">Motif</th>
              <th scope="col">Avancement</th>
              <th scope="col">Suivi</th>
            </tr>
          </thead>
          <tbody>
            {closures.map((c) => (
              <tr>
                <td>
                  {c.product} – {c.commune}
                </td>
                <td>{days(c)}</td>
                <td>{c.reason}</td>
                <td>
                  {c.state === 'done'
                    ? `Terminée : ${c.reservations_done} réservation(s) annulée(s), ${formatEuros(c.refunded_cents)} remboursés, ${c.families_mailed} famille(s) prévenue(s)`
                    : `En cours : ${c.reservations_done} / ${c.reservations_total ?? '…'} réservation(s) annulée(s) et remboursée(s)`}
                </td>
                <td>
                  <a href={`${temporalUi}/namespaces/default/workflows/closure-${c.id}`}>Processus closure-{c.id}</a>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </>
  );
}
