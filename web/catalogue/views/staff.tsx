// Staff: the catalogue. Their communes' products with their state, and a new product with its
// prestations and prices (as many as it has) and its pricing rules, whose days come from its
// season and weekdays.
import type { FieldErrors, FormValues } from '../../forms/forms.ts';
import { formatShortDate } from '../../../domain/dates.ts';
import { DefaultSubmit, ErrorSummary, Field, Notice, SelectField } from '../../forms/fields.tsx';
import { ProductDetailFields, productFieldLabels } from './product-fields.tsx';
import { PricingFields, pricingFieldLabels } from './pricing-fields.tsx';
import { PrestationRows } from './prestation-rows.tsx';

export const WEEKDAYS = ['lundi', 'mardi', 'mercredi', 'jeudi', 'vendredi', 'samedi', 'dimanche'] as const;

interface ProductRow {
  id: number;
  name: string;
  commune: string;
  published: boolean;
  season_start: string;
  season_end: string;
}

const labels = { offre: "Inscription qui ouvre l'activité", ...productFieldLabels, jours: 'Jours', debut: 'Début de saison', fin: 'Fin de saison', places: 'Places par prestation et par jour', prestations: 'Prestations' };

export function CatalogueListPage(props: {
  products: ProductRow[];
  offers: { id: number; label: string; commune: string }[];
  message: string | null;
  values?: FormValues;
  errors?: FieldErrors;
  weekdays?: number[];
  prestationRows: { shown: number; max: number };
}) {
  const { products, offers, message, values = {}, errors = {}, weekdays = [3], prestationRows } = props;
  const rowLabels = Object.fromEntries(Array.from({ length: prestationRows.shown }, (_, i) => [[`libelle_${i + 1}`, `Prestation ${i + 1}`], [`prix_${i + 1}`, `Prix ${i + 1}`]]).flat());
  return (
    <>
      <h1>Catalogue</h1>
      {message ? <Notice kind="success">{message}</Notice> : null}
      {products.length === 0 ? (
        <p>Aucune activité dans vos communes.</p>
      ) : (
        <table>
          <caption class="visually-hidden">Activités de vos communes</caption>
          <thead>
            <tr>
              <th scope="col">Activité</th>
              <th scope="col">Saison</th>
              <th scope="col">État</th>
            </tr>
          </thead>
          <tbody>
            {products.map((p) => (
              <tr>
                <td>
                  <a href={`/agent/catalogue/${p.id}`}>
                    {p.name} – {p.commune}
                  </a>
                </td>
                <td>
                  du {formatShortDate(p.season_start)} au {formatShortDate(p.season_end)}
                </td>
                <td>{p.published ? 'Publiée' : 'Non publiée'}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}

      <h2>Nouvelle activité</h2>
      <p>Les jours de service sont créés d'après la saison et les jours choisis (sans les jours fériés ni les vacances de Noël pour une activité du temps scolaire). L'activité reste invisible des familles jusqu'à sa publication.</p>
      <form method="post" action="/agent/catalogue" novalidate>
        <DefaultSubmit label="Créer l'activité" />
        <ErrorSummary errors={errors} labels={{ ...labels, ...rowLabels, ...pricingFieldLabels }} />
        <SelectField name="offre" label={labels.offre} required value={values.offre} error={errors.offre} placeholder="Choisissez" options={offers.map((o) => ({ value: String(o.id), label: `${o.label} – ${o.commune}` }))} />
        <ProductDetailFields values={values} errors={errors} />
        <fieldset id="jours" class={errors.jours ? 'field field--error' : 'field'}>
          <legend>{labels.jours}</legend>
          {errors.jours ? <p class="field__error">{errors.jours}</p> : null}
          {WEEKDAYS.map((day, index) => (
            <div class="checkbox">
              <input type="checkbox" id={`jour-${index + 1}`} name="jours" value={String(index + 1)} checked={weekdays.includes(index + 1)} />
              <label for={`jour-${index + 1}`}>{day}</label>
            </div>
          ))}
        </fieldset>
        <div class="inline-fields">
          <Field name="debut" label={labels.debut} type="date" required value={values.debut} error={errors.debut} />
          <Field name="fin" label={labels.fin} type="date" required value={values.fin} error={errors.fin} />
        </div>
        <div class="checkbox">
          <input type="checkbox" id="scolaire" name="scolaire" value="1" checked={values.scolaire === '1'} />
          <label for="scolaire">Temps scolaire (fermée les jours fériés et à Noël)</label>
        </div>
        <Field
          name="places"
          label={labels.places}
          required
          value={values.places ?? '20'}
          error={errors.places}
          hint="Chaque prestation a ses places : 30 places pour « Matin » et 30 pour « Après-midi » accueillent jusqu'à 60 enfants ce jour-là. Chaque jour se règle ensuite sur la page de l'activité."
          extra={{ inputmode: 'numeric' }}
        />
        <PrestationRows action="/agent/catalogue" rows={prestationRows.shown} max={prestationRows.max} values={values} errors={errors} />
        <h3>Tarifs</h3>
        <PricingFields values={values} errors={errors} />
        <button class="button" type="submit">
          Créer l'activité
        </button>
      </form>
    </>
  );
}
