// « Mes listes »: the bookings a family repeats, each applied to a month in one click (the
// calendar then opens with its days checked) or removed.
import { monthTitle } from '../../../domain/booking-calendar.ts';
import { WEEKDAYS } from '../../catalogue/index.ts';
import { Notice } from '../../forms/fields.tsx';

export interface ListRow {
  id: number;
  name: string;
  product: string;
  prestation: string;
  children: string[];
  weekdays: number[];
  months: string[];
}

export function ListsPage({ lists, message, error }: { lists: ListRow[]; message: string | null; error?: string | null | undefined }) {
  return (
    <>
      <h1>Mes listes</h1>
      {message ? <Notice kind="success">{message}</Notice> : null}
      {error ? <Notice kind="warning">{error}</Notice> : null}
      <p>Une liste retient une activité, une prestation, des enfants et des jours de la semaine. Appliquée à un mois, elle coche ses jours dans le calendrier ; les jours complets ou fermés sont laissés de côté et signalés.</p>
      {lists.length === 0 ? (
        <p>Aucune liste. Sur la page d'une activité, choisissez la prestation, les enfants et des jours, puis « Enregistrer comme liste ».</p>
      ) : (
        <ul class="cards">
          {lists.map((list) => (
            <li class="card">
              <h2>{list.name}</h2>
              <p>
                {list.product} – {list.prestation}
                <br />
                {list.children.join(', ')}, le {list.weekdays.map((day) => WEEKDAYS[day - 1]).join(', ')}
              </p>
              {list.months.length > 0 ? (
                <form method="post" action={`/mon-compte/listes/${list.id}/appliquer`} class="inline-fields">
                  <div class="field">
                    <label for={`mois-${list.id}`}>Mois</label>
                    <select id={`mois-${list.id}`} name="mois">
                      {list.months.map((month) => (
                        <option value={month}>{monthTitle(month)}</option>
                      ))}
                    </select>
                  </div>
                  <button class="button" type="submit">
                    Appliquer<span class="visually-hidden"> « {list.name} »</span>
                  </button>
                </form>
              ) : (
                <p>La saison de cette activité est terminée.</p>
              )}
              <form method="post" action={`/mon-compte/listes/${list.id}/supprimer`} class="inline-form">
                <button class="link-button" type="submit">
                  Supprimer<span class="visually-hidden"> « {list.name} »</span>
                </button>
              </form>
            </li>
          ))}
        </ul>
      )}
    </>
  );
}
