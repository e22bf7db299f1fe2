// Staff: Fermetures exceptionnelles. Close days of a product with a reason; each closure's
// progress (reservations cancelled and refunded, families told) and its workflow in the Temporal UI.
import type { FieldErrors, FormValues } from '../../forms/forms.ts';
import { formatShortDate } from '../../../domain/dates.ts';
import { formatEuros } from '../../../domain/money.ts';
import { ErrorSummary, Field, FieldError, Notice, SelectField } from '../../forms/fields.tsx';
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

const closedDays = (c: ClosureRow) => (c.first_day === c.last_day ? `le ${formatShortDate(c.first_day)}` : `du ${formatShortDate(c.first_day)} au ${formatShortDate(c.last_day)}`);

const labels = { produit: 'Activités', du: 'Premier jour', au: 'Dernier jour', motif: 'Motif', precision: 'Précision' };

export function ClosuresPage(props: {
  products: ProductChoice[];
  /** The days typed or linked to: the products listed are those running on them. */
  days: { first: string; last: string } | null;
  closures: ClosureRow[];
  temporalUi: string;
  message: string | null;
  values?: FormValues | undefined;
  errors?: FieldErrors | undefined;
  checked: number[];
}) {
  const { products, days, closures, temporalUi, message, values = {}, errors = {}, checked } = props;
  const running = closures.some((c) => c.state === 'running');
  return (
    <>
      <h1>Fermetures exceptionnelles</h1>
      {message ? <Notice kind="success">{message}</Notice> : null}
      <p>
        Fermer des jours annule les réservations de ces jours, rembourse chaque famille sur son porte-monnaie de ce qu'elle a payé et la prévient par courriel. Les jours fermés ne
        sont plus réservables. Plusieurs activités des mêmes jours se ferment ensemble (un jour de grève : cantine, garderie, accueil) ; la page dit ce qui va se passer et
        demande de confirmer avant d'agir.
      </p>
      <form method="get" action="/agent/fermetures" class="inline-fields">
        <Field name="jour" label="Voir les activités ouvertes le" type="date" value={days?.first} />
        <button class="button button--secondary" type="submit">
          Afficher
        </button>
      </form>
      <form method="post" action="/agent/fermetures" novalidate>
        <ErrorSummary errors={errors} labels={labels} />
        <div class="inline-fields">
          <Field name="du" label="Premier jour" type="date" required value={values.du} error={errors.du} />
          <Field name="au" label="Dernier jour" type="date" required value={values.au} error={errors.au} />
        </div>
        <fieldset id="produit" class={errors.produit ? 'field field--error' : 'field'} aria-describedby={errors.produit ? 'produit-error' : undefined}>
          <legend>
            {days ? `Activités ouvertes ${days.first === days.last ? `le ${formatShortDate(days.first)}` : `du ${formatShortDate(days.first)} au ${formatShortDate(days.last)}`}` : 'Activités'}
            <span aria-hidden="true"> *</span>
          </legend>
          <FieldError name="produit" error={errors.produit} />
          {products.length === 0 ? <p>{days ? 'Aucune activité de vos communes ne fonctionne ces jours-là.' : 'Aucune activité dans vos communes.'}</p> : null}
          {products.map((p) => (
            <div class="checkbox">
              <input type="checkbox" id={`produit-${p.id}`} name="produit" value={String(p.id)} checked={checked.includes(p.id)} />
              <label for={`produit-${p.id}`}>
                {p.name} – {p.commune}
              </label>
            </div>
          ))}
        </fieldset>
        <SelectField name="motif" label="Motif" required value={values.motif} error={errors.motif} placeholder="Choisissez" options={CLOSURE_REASONS.map((r) => ({ value: r, label: r }))} />
        <Field name="precision" label="Précision donnée aux familles (facultatif)" value={values.precision} error={errors.precision} hint="Par exemple : « préavis de grève national »." />
        <button class="button" type="submit">
          Voir ce que la fermeture va faire
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
                <td>{closedDays(c)}</td>
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
