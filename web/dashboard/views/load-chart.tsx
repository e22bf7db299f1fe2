// A product's places booked against places offered, day by day, drawn on the server as SVG: no
// script, readable in print. Every bar carries its day and its figures (« 3/24 »), the places
// offered drawn as an outlined bar and those booked filled inside it, to the same scale, so a
// day's fill reads at a glance; a day with any booking shows at least a sliver of fill. The
// figures are also given as a table for screen readers and anyone who prefers numbers.
import type { ServiceLoad } from '../../../db/queries/dashboard/dashboard.ts';
import { formatShortDate, isoWeekday } from '../../../domain/dates.ts';

/** The chart's least width, and each day's least room: its figures above and its day below stay legible side by side. */
const WIDTH = 560;
const LEAST_STEP = 44;
const TOP = 16;
const PLOT = 100;
const BOTTOM = 30;
const HEIGHT = TOP + PLOT + BOTTOM;
/** The least height of a bar with a value, so that one booking among many places still shows. */
const SLIVER = 3;

const WEEKDAY = ['', 'lun.', 'mar.', 'mer.', 'jeu.', 'ven.', 'sam.', 'dim.'];

export function LoadChart({ id, title, days }: { id: string; title: string; days: ServiceLoad[] }) {
  const most = Math.max(1, ...days.map((d) => Math.max(d.capacity, d.booked)));
  // A few days share the width; many widen the drawing, which the page scales to fit.
  const step = Math.max(LEAST_STEP, Math.floor((WIDTH - 8) / Math.max(1, days.length)));
  const bar = Math.min(48, Math.round(step * 0.64));
  const width = Math.max(WIDTH, days.length * step + 8);
  const height = (value: number) => (value <= 0 ? 0 : Math.max(SLIVER, Math.round((PLOT * value) / most)));
  const full = days.filter((d) => d.booked >= d.capacity).length;
  const booked = days.reduce((sum, d) => sum + d.booked, 0);
  return (
    <figure class="load-chart">
      <svg viewBox={`0 0 ${width} ${HEIGHT}`} width="100%" role="img" aria-labelledby={`${id}-title ${id}-desc`}>
        <title id={`${id}-title`}>{title}</title>
        <desc id={`${id}-desc`}>
          {days.length} jour{days.length > 1 ? 's' : ''} de service ; {booked} place{booked > 1 ? 's' : ''} réservée{booked > 1 ? 's' : ''} en tout ; {full} jour{full > 1 ? 's' : ''} complet{full > 1 ? 's' : ''} ; au plus {most} places un jour. Le détail jour par jour suit dans le tableau.
        </desc>
        <line x1="0" y1={TOP + PLOT + 0.5} x2={width} y2={TOP + PLOT + 0.5} class="load-chart__axis" />
        {days.map((d, i) => {
          const x = 4 + i * step + Math.round((step - bar) / 2);
          const middle = x + bar / 2;
          const offered = height(d.capacity);
          const taken = height(d.booked);
          return (
            <g>
              <rect x={x + 0.5} y={TOP + PLOT - offered + 0.5} width={bar - 1} height={Math.max(0, offered - 1)} class="load-chart__capacity" />
              <rect x={x} y={TOP + PLOT - taken} width={bar} height={taken} class={d.booked >= d.capacity ? 'load-chart__full' : 'load-chart__booked'} />
              <text x={middle} y={TOP + PLOT - Math.max(offered, taken) - 4} class="load-chart__value">
                {d.booked}/{d.capacity}
              </text>
              <text x={middle} y={TOP + PLOT + 13} class="load-chart__label">
                {WEEKDAY[isoWeekday(d.day)]}
              </text>
              <text x={middle} y={TOP + PLOT + 26} class="load-chart__label">
                {formatShortDate(d.day).slice(0, 5).replace('-', '/')}
              </text>
            </g>
          );
        })}
      </svg>
      <figcaption>
        <details>
          <summary>Les chiffres jour par jour</summary>
          <table>
            <caption class="visually-hidden">{title}</caption>
            <thead>
              <tr>
                <th scope="col">Jour</th>
                <th scope="col">Réservés</th>
                <th scope="col">Places</th>
              </tr>
            </thead>
            <tbody>
              {days.map((d) => (
                <tr>
                  <td>{formatShortDate(d.day)}</td>
                  <td>{d.booked}</td>
                  <td>{d.capacity}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </details>
      </figcaption>
    </figure>
  );
}
