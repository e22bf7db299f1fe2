// "Date de réservation :": a month grid (L M M J V S D) in which only bookable days can be
// checked; every other day says why, in words (and a pattern), never by colour alone.
import { addMonths, monthTitle, type DayState } from '../../../domain/booking-calendar.ts';
import { MonthTable } from '../../layout/month-table.tsx';
import { formatLongDate, formatParisWeekdayHour, formatShortDeadline, type IsoDate } from '../../../domain/dates.ts';
import { FEW_PLACES } from '../../../domain/booking-calendar.ts';
import type { CustodyDayNote } from '../../../db/queries/guardians/index.ts';

export interface CalendarProps {
  productId: number;
  month: string;
  firstMonth: string;
  lastMonth: string;
  states: Map<IsoDate, DayState>;
  chosen: Set<IsoDate>;
  /** Full days chosen for their waiting list. */
  waiting?: Set<IsoDate>;
  /** Shared custody: the other guardian's weeks (not bookable) and the days they booked. */
  notes?: Map<IsoDate, CustodyDayNote>;
}

const reasons: Record<string, string> = {
  closed: 'fermé',
  'deadline-passed': 'délai dépassé',
  'already-booked': 'déjà réservé',
};

/** A day of the month; `outOfBand` when a refused cart swaps it alone (its id names the day). */
export function Day({ day, state, checked, waiting = false, outOfBand = false, note }: { day: IsoDate; state: DayState; checked: boolean; waiting?: boolean; outOfBand?: boolean; note?: CustodyDayNote | undefined }) {
  const number = Number(day.slice(8));
  const cell = { id: `jour-${day}`, 'hx-swap-oob': outOfBand ? 'true' : undefined };
  if (state.kind === 'other-month') return <td class="day day--other" aria-hidden="true">{number}</td>;
  if (state.kind === 'no-service') return <td {...cell} class="day day--none">{number}</td>;
  // The other guardian's week, or a day they booked: said with their name.
  if (note && (note.blocks ? state.kind === 'bookable' || state.kind === 'full' : state.kind === 'already-booked')) {
    return (
      <td {...cell} class="day day--unavailable day--custody">
        <span class="day__number">{number}</span>
        <span class="day__reason">{note.text}</span>
        <span class="visually-hidden"> ({formatLongDate(day)})</span>
      </td>
    );
  }
  if (state.kind === 'full') {
    // A full day can be chosen for its waiting list (« M'inscrire sur liste d'attente »).
    const id = `attente-${day}`;
    return (
      <td {...cell} class="day day--unavailable day--full">
        <span class="day__number">{number}</span>
        <span class="day__reason">complet</span>
        <input type="checkbox" name="attente" value={day} id={id} checked={waiting} />
        <label for={id} class="day__wait">
          liste d'attente<span class="visually-hidden"> du {formatLongDate(day)}</span>
        </label>
      </td>
    );
  }
  if (state.kind !== 'bookable') {
    return (
      <td {...cell} class={`day day--unavailable day--${state.kind}`}>
        <span class="day__number">{number}</span>
        <span class="day__reason">{reasons[state.kind]}</span>
        <span class="visually-hidden"> ({formatLongDate(day)})</span>
      </td>
    );
  }
  const id = `date-${day}`;
  return (
    <td {...cell} class="day day--bookable">
      <input type="checkbox" name="date" value={day} id={id} checked={checked} aria-describedby={`${id}-info`} />
      <label for={id}>
        <span class="day__number">{number}</span>
        <span class="visually-hidden"> {formatLongDate(day)}</span>
      </label>
      <span class="day__info" id={`${id}-info`}>
        {state.placesLeft <= FEW_PLACES ? `${state.placesLeft} place${state.placesLeft > 1 ? 's' : ''} ` : ''}
        <span aria-hidden="true">jusqu'au {formatShortDeadline(state.deadline)}</span>
        <span class="visually-hidden">réservable jusqu'au {formatParisWeekdayHour(state.deadline)}</span>
      </span>
    </td>
  );
}

export function Calendar({ productId, month, firstMonth, lastMonth, states, chosen, waiting = new Set(), notes }: CalendarProps) {
  // A submit button, so that without JavaScript the days already checked travel with the form;
  // with htmx only the calendar is fetched and swapped.
  const nav = (target: string, label: string) => (
    <button
      type="submit"
      class="link-button"
      name="mois"
      value={target}
      formmethod="get"
      formaction={`/produits/${productId}`}
      formnovalidate
      hx-get={`/produits/${productId}/calendrier?mois=${target}`}
      hx-include="#personalise"
      hx-target="#calendar"
      hx-swap="outerHTML"
    >
      {label}
    </button>
  );
  const offMonth = [...chosen].filter((day) => !day.startsWith(month)).sort();
  const offMonthWaiting = [...waiting].filter((day) => !day.startsWith(month)).sort();
  return (
    <div id="calendar" class="calendar">
      <div class="calendar__nav">
        <input type="hidden" name="mois_affiche" value={month} />
        {month > firstMonth ? nav(addMonths(month, -1), '← Mois précédent') : <span />}
        <h3 id="calendar-title" aria-live="polite">
          {monthTitle(month)}
        </h3>
        {month < lastMonth ? nav(addMonths(month, 1), 'Mois suivant →') : <span />}
      </div>
      <MonthTable month={month} labelledBy="calendar-title" cell={(day) => <Day day={day} state={states.get(day) ?? { kind: 'other-month' }} checked={chosen.has(day)} waiting={waiting.has(day)} note={notes?.get(day)} />} />
      {offMonth.length > 0 ? (
        <p class="muted">
          Aussi choisi{offMonth.length > 1 ? 's' : ''} :{' '}
          {offMonth.map((day, index) => (
            <span id={`choisi-${day}`}>
              {index > 0 ? ', ' : ''}
              {formatLongDate(day)}
              <input type="hidden" name="date" value={day} />
            </span>
          ))}
          .
        </p>
      ) : null}
      {offMonthWaiting.length > 0 ? (
        <p class="muted">
          Aussi en liste d'attente :{' '}
          {offMonthWaiting.map((day, index) => (
            <span>
              {index > 0 ? ', ' : ''}
              {formatLongDate(day)}
              <input type="hidden" name="attente" value={day} />
            </span>
          ))}
          .
        </p>
      ) : null}
    </div>
  );
}
