// A product's places booked against places offered, day by day, drawn on the server as SVG: no
// script, readable in print. Its figures are also given as a table for screen readers and anyone
// who prefers numbers.
import type { ServiceLoad } from '../../../db/queries/dashboard/dashboard.ts';
import { formatShortDate } from '../../../domain/dates.ts';

const WIDTH = 560;
const HEIGHT = 120;
const AXIS = 18;

export function LoadChart({ id, title, days }: { id: string; title: string; days: ServiceLoad[] }) {
  const most = Math.max(1, ...days.map((d) => d.capacity));
  const step = (WIDTH - 4) / Math.max(1, days.length);
  const bar = Math.max(2, step * 0.7);
  const height = (value: number) => Math.round(((HEIGHT - AXIS) * value) / most);
  const full = days.filter((d) => d.booked >= d.capacity).length;
  return (
    <figure class="load-chart">
      <svg viewBox={`0 0 ${WIDTH} ${HEIGHT}`} width="100%" role="img" aria-labelledby={`${id}-title ${id}-desc`}>
        <title id={`${id}-title`}>{title}</title>
        <desc id={`${id}-desc`}>
          {days.length} jours de service ; {full} complet{full > 1 ? 's' : ''} ; au plus {most} places un jour.
        </desc>
        {days.map((d, i) => {
          const x = 2 + i * step;
          return (
            <g>
              <rect x={x} y={HEIGHT - AXIS - height(d.capacity)} width={bar} height={height(d.capacity)} class="load-chart__capacity" />
              <rect x={x} y={HEIGHT - AXIS - height(Math.min(d.booked, d.capacity))} width={bar} height={height(Math.min(d.booked, d.capacity))} class={d.booked >= d.capacity ? 'load-chart__full' : 'load-chart__booked'} />
              {i % 7 === 0 ? (
                <text x={x} y={HEIGHT - 4} class="load-chart__label">
                  {formatShortDate(d.day).slice(0, 5)}
                </text>
              ) : null}
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
