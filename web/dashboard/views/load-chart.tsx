// A product's places booked against places offered, day by day (web/layout/bar-chart.tsx draws it):
// every bar carries its day and its figures (« 3/24 »), a day with every place taken in the
// « full » colour.
import type { ServiceLoad } from '../../../db/queries/dashboard/dashboard.ts';
import { formatShortDate, isoWeekday } from '../../../domain/dates.ts';
import { BarChart } from '../../layout/bar-chart.tsx';

const WEEKDAY = ['', 'lun.', 'mar.', 'mer.', 'jeu.', 'ven.', 'sam.', 'dim.'];
const plural = (n: number, word: string) => `${n} ${word}${n > 1 ? 's' : ''}`;

export function LoadChart({ id, title, days }: { id: string; title: string; days: ServiceLoad[] }) {
  const most = Math.max(1, ...days.map((d) => Math.max(d.capacity, d.booked)));
  const full = days.filter((d) => d.booked >= d.capacity).length;
  const booked = days.reduce((sum, d) => sum + d.booked, 0);
  const description =
    `${plural(days.length, 'jour')} de service ; ${plural(booked, 'place')} réservée${booked > 1 ? 's' : ''} en tout ; ` +
    `${plural(full, 'jour')} complet${full > 1 ? 's' : ''} ; au plus ${most} places un jour. Le détail jour par jour suit dans le tableau.`;
  return (
    <BarChart
      id={id}
      title={title}
      description={description}
      bars={days.map((d) => ({ labels: [WEEKDAY[isoWeekday(d.day)]!, formatShortDate(d.day).slice(0, 5).replace('-', '/')], part: d.booked, whole: d.capacity, full: d.booked >= d.capacity }))}
      table={{ summary: 'Les chiffres jour par jour', headings: ['Jour', 'Réservés', 'Places'], rows: days.map((d) => [formatShortDate(d.day), d.booked, d.capacity]) }}
      leastStep={44}
      barShare={0.64}
      widestBar={48}
    />
  );
}
