// Staff: one product of the catalogue: publish it; edit its text, channel, deadlines and pricing rules;
// change a prestation's price for bookings to come or add one; lengthen the season; close or
// reopen a day on the month's calendar; change the places of each day of the next four weeks.
import { RequiredDocumentsFieldset } from '../../documents/index.ts';
import type { FieldErrors, FormValues } from '../../forms/forms.ts';
import { formatShortDate, type IsoDate } from '../../../domain/dates.ts';
import { formatEuros } from '../../../domain/money.ts';
import { ErrorSummary, Field, Notice } from '../../forms/fields.tsx';
import { ProductDetailFields, productFieldLabels } from './product-fields.tsx';
import { ProductMonth, type CalendarProduct } from './staff-calendar.tsx';
import { PricingFields } from './pricing-fields.tsx';

interface GridCell {
  id: number;
  day: IsoDate;
  capacity: number;
  prestation: string;
  taken: number;
}

/** The one form that was sent and refused: its typed values and errors are shown again. */
export interface SentForm {
  name: 'fiche' | 'prestation' | 'saison';
  values: FormValues;
  errors: FieldErrors;
  /** The fiche's document types ticked (a field sent several times). */
  required?: string[];
}

/** The document types a product may require (« autre » says nothing a family could provide). */

const labels = {
  ...productFieldLabels, qf: 'Tranches de quotient familial',
  hors_commune: 'Hors commune', fratrie_2: '2e enfant', fratrie_3: '3e enfant et suivants', libelle: 'Libellé', prix: 'Prix', places: 'Places par jour pour cette prestation', fin: 'Nouvelle fin de saison',
};

export function CatalogueProductPage(props: {
  product: CalendarProduct & { name: string; commune: string; published: boolean };
  stored: FormValues;
  storedRequired: string[];
  prestations: { id: number; label: string; price_cents: number }[];
  grid: GridCell[];
  month: string;
  monthDays: { day: IsoDate; taken: number; full: boolean }[];
  message: string | null;
  error?: string | undefined;
  sent?: SentForm | undefined;
}) {
  const { product, prestations, grid, message, error, sent } = props;
  const formOf = (name: SentForm['name']) => (sent?.name === name ? { values: sent.values, errors: sent.errors } : { values: name === 'fiche' ? props.stored : {}, errors: {} });
  const fiche = formOf('fiche');
  const prestation = formOf('prestation');
  const season = formOf('saison');
  return (
    <>
      <p>
        <a href="/agent/catalogue">← Catalogue</a>
      </p>
      <h1>
        {product.name} – {product.commune}
      </h1>
      {message ? <Notice kind="success">{message}</Notice> : null}
      {error ? <Notice kind="warning">{error}</Notice> : null}
      <p>
        {product.published ? 'Publiée : les familles la voient et la réservent.' : 'Non publiée : les familles ne la voient pas.'}{' '}
        <a href={`/agent/presences/${product.id}`}>Présences</a> · <a href={`/agent/catalogue/${product.id}/attente`}>Listes d'attente</a>
      </p>
      <form method="post" action={`/agent/catalogue/${product.id}/publication`} class="inline-form">
        <button class="button" type="submit">
          {product.published ? 'Retirer de la publication' : 'Publier'}
        </button>
      </form>

      <h2 id="fiche">Fiche et tarifs</h2>
      <form method="post" action={`/agent/catalogue/${product.id}/fiche#fiche`} novalidate>
        <ErrorSummary errors={fiche.errors} labels={labels} />
        <ProductDetailFields values={fiche.values} errors={fiche.errors} />
        <PricingFields values={fiche.values} errors={fiche.errors} />
        <RequiredDocumentsFieldset legend="Pièces exigées pour réserver (acceptées et encore valables)" idPrefix="pieces" checked={sent?.name === 'fiche' ? (sent.required ?? []) : props.storedRequired} />
        <button class="button" type="submit">
          Enregistrer la fiche
        </button>
      </form>

      <h2 id="prestations">Prestations et prix</h2>
      <p>Un nouveau prix vaut pour les réservations à venir : ce qui est déjà réservé ou payé garde son prix.</p>
      {prestations.map((p) => (
        <form method="post" action={`/agent/catalogue/${product.id}/prix`} class="inline-fields" novalidate>
          <input type="hidden" name="prestation" value={String(p.id)} />
          <div class="field">
            <label for={`prix-${p.id}`}>
              {p.label} (actuellement {formatEuros(p.price_cents)}), nouveau prix en euros
            </label>
            <input id={`prix-${p.id}`} name="prix" inputmode="decimal" />
          </div>
          <button class="button button--secondary" type="submit">
            Changer le prix
          </button>
        </form>
      ))}
      <h3>Ajouter une prestation</h3>
      <form method="post" action={`/agent/catalogue/${product.id}/prestations#prestations`} class="inline-fields" novalidate>
        <Field name="libelle" label={labels.libelle} required value={prestation.values.libelle} error={prestation.errors.libelle} />
        <Field name="prix" label={`${labels.prix} (€)`} required value={prestation.values.prix} error={prestation.errors.prix} extra={{ inputmode: 'decimal' }} />
        <Field name="places" label={labels.places} required value={prestation.values.places} error={prestation.errors.places} extra={{ inputmode: 'numeric' }} />
        <button class="button button--secondary" type="submit">
          Ajouter
        </button>
      </form>

      <h2 id="saison">Saison</h2>
      <p>
        Du {formatShortDate(product.season_start)} au {formatShortDate(product.season_end)}. Prolonger la saison crée les jours nouveaux avec les places habituelles de chaque prestation.
      </p>
      <form method="post" action={`/agent/catalogue/${product.id}/saison#saison`} class="inline-fields" novalidate>
        <Field name="fin" label={labels.fin} type="date" required value={season.values.fin} error={season.errors.fin} />
        <div class="checkbox">
          <input type="checkbox" id="scolaire" name="scolaire" value="1" checked={season.values.scolaire === '1'} />
          <label for="scolaire">Temps scolaire (fermée les jours fériés et à Noël)</label>
        </div>
        <button class="button button--secondary" type="submit">
          Prolonger
        </button>
      </form>

      <h2 id="calendrier">Calendrier</h2>
      <ProductMonth product={product} month={props.month} days={props.monthDays} />

      <h2 id="places">Places par prestation et par jour, quatre semaines</h2>
      <p>Chaque prestation a ses places chaque jour : une famille réserve tant que la prestation choisie en a.</p>
      {grid.length === 0 ? (
        <p>Aucun jour de service dans les quatre prochaines semaines.</p>
      ) : (
        <table>
          <caption class="visually-hidden">Places par prestation et par jour</caption>
          <thead>
            <tr>
              <th scope="col">Jour</th>
              <th scope="col">Prestation</th>
              <th scope="col">Pris</th>
              <th scope="col">Places</th>
            </tr>
          </thead>
          <tbody>
            {grid.map((cell) => (
              <tr>
                <td>{formatShortDate(cell.day)}</td>
                <td>{cell.prestation}</td>
                <td>{cell.taken}</td>
                <td>
                  <form method="post" action={`/agent/catalogue/${product.id}/capacite`} class="inline-form" novalidate>
                    <input type="hidden" name="place" value={String(cell.id)} />
                    <label for={`places-${cell.id}`} class="visually-hidden">
                      Places le {formatShortDate(cell.day)}, {cell.prestation}
                    </label>
                    <input id={`places-${cell.id}`} name="places" value={String(cell.capacity)} inputmode="numeric" size={4} />
                    <button class="button button--secondary" type="submit">
                      Enregistrer
                    </button>
                  </form>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </>
  );
}
