// Staff: a product's waiting lists for the days ahead, each line in its order with the place
// offered, and for each family waiting the form that moves it to the front or offers it a place
// now (a free one, or one added for it), with a reason.
import type { LineEntry } from '../../../db/queries/waitlist/waitlist-staff.ts';
import { formatLongDate, formatParisWeekdayHour } from '../../../domain/dates.ts';
import type { FieldErrors, FormValues } from '../../forms/forms.ts';
import { ErrorSummary, Notice } from '../../forms/fields.tsx';

export function ProductLinesPage(props: { product: { id: number; name: string }; lines: LineEntry[]; message: string | null; values?: FormValues | undefined; errors?: FieldErrors | undefined }) {
  const { product, lines, message, values = {}, errors = {} } = props;
  const days = [...new Set(lines.map((entry) => `${entry.service_date}|${entry.prestation}`))];
  return (
    <>
      <p>
        <a href={`/agent/catalogue/${product.id}`}>← {product.name}</a>
      </p>
      <h1>Listes d'attente : {product.name}</h1>
      {message ? <Notice kind="success">{message}</Notice> : null}
      {/* Without links: each family's form has fields of its own, where the errors are shown too. */}
      <ErrorSummary errors={errors} labels={{}} />
      {days.length === 0 ? <p>Aucune famille n'attend un jour à venir.</p> : null}
      {days.map((key) => {
        const [day, prestation] = key.split('|') as [string, string];
        const entries = lines.filter((entry) => entry.service_date === day && entry.prestation === prestation);
        return (
          <section aria-labelledby={`ligne-${day}-${prestation}`}>
            <h2 id={`ligne-${day}-${prestation}`}>
              {formatLongDate(day)} – {prestation}
            </h2>
            <table>
              <caption class="visually-hidden">
                Liste d'attente du {formatLongDate(day)}, {prestation}
              </caption>
              <thead>
                <tr>
                  <th scope="col">Rang</th>
                  <th scope="col">Enfant (famille)</th>
                  <th scope="col">Résident</th>
                  <th scope="col">Action</th>
                </tr>
              </thead>
              <tbody>
                {entries.map((entry) => (
                  <tr>
                    <td>{entry.status === 'offered' && entry.offered_until ? `Place proposée jusqu'au ${formatParisWeekdayHour(entry.offered_until)}` : entry.position}</td>
                    <td>
                      {entry.child} ({entry.family || entry.email})
                    </td>
                    <td>{entry.resident ? 'oui' : 'non'}</td>
                    <td>{entry.status === 'waiting' ? <LineActions productId={product.id} entry={entry} values={values} errors={errors} /> : null}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </section>
        );
      })}
    </>
  );
}

/** A waiting family's actions; the errors of the last one sent stay beside its fields. */
function LineActions({ productId, entry, values, errors }: { productId: number; entry: LineEntry; values: FormValues; errors: FieldErrors }) {
  const mine = values.entree === String(entry.id);
  const id = `place-en-plus-${entry.id}`;
  return (
    <form method="post" action={`/agent/catalogue/${productId}/attente`} class="inline-form" novalidate>
      <input type="hidden" name="entree" value={String(entry.id)} />
      {mine && errors.entree ? <p class="field__error">{errors.entree}</p> : null}
      {/* Ids of the row's own: every family waiting has this form. */}
      <div class={mine && errors.raison ? 'field field--error' : 'field'}>
        <label for={`raison-${entry.id}`}>Raison (pour {entry.child})</label>
        {mine && errors.raison ? (
          <p class="field__error" id={`raison-${entry.id}-error`}>
            {errors.raison}
          </p>
        ) : null}
        <input id={`raison-${entry.id}`} name="raison" value={mine ? values.raison : undefined} maxlength={300} aria-invalid={mine && errors.raison ? 'true' : undefined} aria-describedby={mine && errors.raison ? `raison-${entry.id}-error` : undefined} />
      </div>
      <div class={mine && errors.place_en_plus ? 'checkbox field--error' : 'checkbox'}>
        {mine && errors.place_en_plus ? <p class="field__error">{errors.place_en_plus}</p> : null}
        <input type="checkbox" id={id} name="place_en_plus" value="oui" checked={mine && values.place_en_plus === 'oui'} />
        <label for={id}>en ajoutant une place ce jour-là s'il n'y en a pas de libre</label>
      </div>
      {entry.position !== 1 ? (
        <button class="button button--secondary" type="submit" name="action" value="tete">
          Remonter en tête
        </button>
      ) : null}
      <button class="button" type="submit" name="action" value="proposer">
        Proposer une place maintenant
      </button>
    </form>
  );
}
