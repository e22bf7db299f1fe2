// Staff: a product's month, day by day: each service day with the children booked (a child books
// one prestation a day; places are counted per prestation, set in the table of the four weeks),
// and a button to close it (when nobody booked) or reopen it. A day with bookings links to the exceptional closure,
// which cancels and refunds them. States are words, never colour alone.
import { addMonths, monthTitle } from '../../../domain/booking-calendar.ts';
import { MonthTable } from '../../layout/month-table.tsx';
import { isoWeekday, type IsoDate } from '../../../domain/dates.ts';

export interface CalendarProduct {
  id: number;
  weekdays: number[];
  season_start: IsoDate;
  season_end: IsoDate;
  closed_days: IsoDate[];
}

function DayCell({ product, day, month, places }: { product: CalendarProduct; day: IsoDate; month: string; places: { taken: number; full: boolean } | undefined }) {
  const number = <span class="day__number">{Number(day.slice(8))}</span>;
  if (!day.startsWith(month)) return <td class="day--other">{number}</td>;
  const inSeason = day >= product.season_start && day <= product.season_end && product.weekdays.includes(isoWeekday(day));
  if (!inSeason) return <td class="day--none">{number}</td>;
  const closed = product.closed_days.includes(day);
  const label = `le ${Number(day.slice(8))} ${monthTitle(month).toLowerCase()}`;
  return (
    <td class={closed ? 'day--unavailable' : 'day--bookable'}>
      {number}
      <span class="day__info">{closed ? 'fermé' : places ? `${places.taken} inscrit${places.taken > 1 ? 's' : ''}${places.full ? ', complet' : ''}` : 'sans places'}</span>
      {!closed && places && places.taken > 0 ? (
        <a class="day__reason" href={`/agent/fermetures?produit=${product.id}&du=${day}`} aria-label={`Fermer ${label} : réservations à annuler`}>
          fermer…
        </a>
      ) : (
        <form method="post" action={`/agent/catalogue/${product.id}/jour`} class="inline-form">
          <input type="hidden" name="jour" value={day} />
          <input type="hidden" name="ouvrir" value={closed ? '1' : '0'} />
          <button class="link-button day__reason" type="submit" aria-label={`${closed ? 'Rouvrir' : 'Fermer'} ${label}`}>
            {closed ? 'rouvrir' : 'fermer'}
          </button>
        </form>
      )}
    </td>
  );
}

export function ProductMonth({ product, month, days }: { product: CalendarProduct; month: string; days: { day: IsoDate; taken: number; full: boolean }[] }) {
  const byDay = new Map(days.map((d) => [d.day, d]));
  const first = product.season_start.slice(0, 7);
  const last = product.season_end.slice(0, 7);
  return (
    <div class="calendar">
      <div class="calendar__nav">
        {month > first ? <a href={`/agent/catalogue/${product.id}?mois=${addMonths(month, -1)}#calendrier`}>← Mois précédent</a> : <span />}
        <h3 id="calendrier-titre">{monthTitle(month)}</h3>
        {month < last ? <a href={`/agent/catalogue/${product.id}?mois=${addMonths(month, 1)}#calendrier`}>Mois suivant →</a> : <span />}
      </div>
      <MonthTable month={month} labelledBy="calendrier-titre" cell={(day) => <DayCell product={product} day={day} month={month} places={byDay.get(day)} />} />
      <p class="field__hint">Chaque jour de service indique les enfants inscrits, toutes prestations comprises (un enfant réserve une prestation par jour), et « complet » quand toutes ses prestations le sont. Les places se comptent par prestation : voyez « Places par prestation et par jour » plus bas. Un jour réservé se ferme par une fermeture exceptionnelle, qui annule et rembourse.</p>
    </div>
  );
}
