// Staff: a product's waiting lists for the days ahead, each line in its order with the place
// offered, and the form that moves a family to the front with a reason (the next place freed, or
// one free now, is offered to it).
import type { LineEntry } from '../../../db/queries/waitlist-staff.ts';
import { formatLongDate, formatParisWeekdayHour } from '../../../domain/dates.ts';
import type { FieldErrors, FormValues } from '../../forms.ts';
import { ErrorSummary, Field, Notice } from '../components/fields.tsx';

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
      <ErrorSummary errors={errors} labels={{ raison: 'Raison', entree: 'Famille' }} />
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
                    <td>
                      {entry.status === 'waiting' && entry.position !== 1 ? (
                        <form method="post" action={`/agent/catalogue/${product.id}/attente`} class="inline-form" novalidate>
                          <input type="hidden" name="entree" value={String(entry.id)} />
                          <Field name="raison" label={`Raison pour remonter ${entry.child} en tête`} value={values.entree === String(entry.id) ? values.raison : undefined} error={values.entree === String(entry.id) ? errors.raison : undefined} />
                          <button class="button button--secondary" type="submit">
                            Remonter en tête
                          </button>
                        </form>
                      ) : null}
                    </td>
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
