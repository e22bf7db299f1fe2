// « Mes listes d'attente » in Mon compte: the days the family waits for, its place in each line,
// the place offered (in the cart until its deadline) and the way to leave a line.
import { formatLongDate, formatParisWeekdayHour } from '../../../domain/dates.ts';
import { Notice } from '../../forms/fields.tsx';

export interface WaitingRow {
  id: number;
  service_date: string;
  status: 'waiting' | 'offered';
  position: number | null;
  offered_until: Date | null;
  child: string;
  product: string;
}

export function MyWaitingListsPage({ entries, message, error }: { entries: WaitingRow[]; message: string | null; error: string | null }) {
  return (
    <>
      <p>
        <a href="/mon-compte">← Mon compte</a>
      </p>
      <h1>Mes listes d'attente</h1>
      {message ? <Notice kind="success">{message}</Notice> : null}
      {error ? <Notice kind="warning">{error}</Notice> : null}
      <p>Quand une place se libère, elle est proposée à la première famille de la liste : elle l'attend dans son panier quelques heures, et un mail la prévient.</p>
      {entries.length === 0 ? (
        <p>Vous n'attendez aucun jour.</p>
      ) : (
        <table class="stack">
          <caption class="visually-hidden">Les jours attendus</caption>
          <thead>
            <tr>
              <th scope="col">Jour</th>
              <th scope="col">Enfant</th>
              <th scope="col">Prestation</th>
              <th scope="col">Place dans la liste</th>
              <th scope="col">Action</th>
            </tr>
          </thead>
          <tbody>
            {entries.map((entry) => (
              <tr>
                <td data-label="Jour">{formatLongDate(entry.service_date)}</td>
                <td data-label="Enfant">{entry.child}</td>
                <td data-label="Prestation">{entry.product}</td>
                <td data-label="Place dans la liste">
                  <Standing entry={entry} offered="Place proposée" />
                </td>
                <td>
                  <form method="post" action={`/mon-compte/listes-attente/${entry.id}/quitter`} class="inline-form">
                    <button class="link-button" type="submit">
                      {entry.status === 'offered' ? 'Refuser la place' : 'Quitter la liste'}
                      <span class="visually-hidden"> du {formatLongDate(entry.service_date)} pour {entry.child}</span>
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

/** Place in line (« 2e »), or the place offered with its deadline and the way to the cart. */
function Standing({ entry, offered }: { entry: WaitingRow; offered: string }) {
  if (entry.status === 'offered' && entry.offered_until) {
    return (
      <>
        {offered} jusqu'au {formatParisWeekdayHour(entry.offered_until)} : <a href="/panier">voir mon panier</a>
      </>
    );
  }
  return <>{`${entry.position ?? '–'}${entry.position === 1 ? 're' : 'e'}`}</>;
}

/** « Mes réservations »: the days the family waits for, each with its place in line. */
export function WaitingSummary({ entries }: { entries: WaitingRow[] }) {
  if (entries.length === 0) return null;
  return (
    <>
      <h2>En liste d'attente</h2>
      <ul>
        {entries.map((entry) => (
          <li>
            {formatLongDate(entry.service_date)} – {entry.child}, {entry.product} : <Standing entry={entry} offered="place proposée" />
            {entry.status === 'waiting' ? ' dans la liste' : null}
          </li>
        ))}
      </ul>
      <p>
        <a href="/mon-compte/listes-attente">Gérer mes listes d'attente</a>
      </p>
    </>
  );
}
