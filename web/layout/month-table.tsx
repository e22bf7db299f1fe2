// A month as a table of weeks, Monday first, each day's cell drawn by the caller: the families'
// booking calendar and the staff's calendar of a product share it.
import type { Child } from 'hono/jsx';
import { monthGrid } from '../../domain/booking-calendar.ts';
import type { IsoDate } from '../../domain/dates.ts';

const DAY_NAMES = ['Lundi', 'Mardi', 'Mercredi', 'Jeudi', 'Vendredi', 'Samedi', 'Dimanche'];

export function MonthTable({ month, labelledBy, cell }: { month: string; labelledBy: string; cell: (day: IsoDate) => Child }) {
  return (
    <table aria-labelledby={labelledBy}>
      <thead>
        <tr>
          {DAY_NAMES.map((name) => (
            <th scope="col" abbr={name}>
              {name.charAt(0)}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {monthGrid(month).map((week) => (
          <tr>{week.map((day) => cell(day))}</tr>
        ))}
      </tbody>
    </table>
  );
}
