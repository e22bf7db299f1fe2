// The treasury chart: money the staff's régies received each week, by method, drawn on the server
// as stacked SVG bars (no script, readable in print), each week's total above its bar; a legend
// names the colours, and the same figures follow as a table for screen readers and anyone who
// prefers numbers.
import type { WeeklyReceipts } from '../../../db/queries/regies/index.ts';
import { addDays, formatShortDate, type IsoDate } from '../../../domain/dates.ts';
import { formatEuros } from '../../../domain/money.ts';
import { METHOD_LABELS, REGIE_METHODS, type RegieMethod } from '../../../domain/regies.ts';

const WIDTH = 560;
const TOP = 18;
const PLOT = 110;
const BOTTOM = 18;
const HEIGHT = TOP + PLOT + BOTTOM;

/** Dark enough against white to tell apart from the background (3:1 at least). */
const COLOURS: Record<RegieMethod, string> = {
  card: '#000091',
  'payfip-card': '#1f6d3f',
  'payfip-sepa': '#6e5a2e',
  wallet: '#5f6670',
  cash: '#b3151a',
  cheque: '#8a4b00',
  cesu: '#6e445a',
  'cheques-vacances': '#9a3f91',
  transfer: '#3a3a3a',
};

export function TreasuryChart({ weeks, receipts }: { weeks: IsoDate[]; receipts: WeeklyReceipts[] }) {
  const methods = REGIE_METHODS.filter((method) => receipts.some((r) => r.method === method));
  const cents = (week: IsoDate, method: RegieMethod) => receipts.find((r) => r.week === week && r.method === method)?.cents ?? 0;
  const total = (week: IsoDate) => receipts.filter((r) => r.week === week).reduce((sum, r) => sum + r.cents, 0);
  const most = Math.max(1, ...weeks.map(total));
  const step = Math.floor((WIDTH - 8) / Math.max(1, weeks.length));
  const bar = Math.min(40, Math.round(step * 0.6));
  const all = weeks.reduce((sum, week) => sum + total(week), 0);
  return (
    <figure class="load-chart">
      <svg viewBox={`0 0 ${WIDTH} ${HEIGHT}`} width="100%" role="img" aria-labelledby="tresorerie-title tresorerie-desc">
        <title id="tresorerie-title">Recettes de vos régies par semaine et par moyen de paiement</title>
        <desc id="tresorerie-desc">
          {weeks.length} semaines, {formatEuros(all)} reçus en tout. Le détail semaine par semaine suit dans le tableau.
        </desc>
        <line x1="0" y1={TOP + PLOT + 0.5} x2={WIDTH} y2={TOP + PLOT + 0.5} class="load-chart__axis" />
        {weeks.map((week, i) => {
          const x = 4 + i * step + Math.round((step - bar) / 2);
          let y = TOP + PLOT;
          const weekTotal = total(week);
          return (
            <g>
              {methods.map((method) => {
                const height = Math.round((PLOT * cents(week, method)) / most);
                y -= height;
                return height > 0 ? <rect x={x} y={y} width={bar} height={height} fill={COLOURS[method]} /> : null;
              })}
              {weekTotal > 0 ? (
                <text x={x + bar / 2} y={y - 4} class="load-chart__value">
                  {`${Math.round(weekTotal / 100)}\u00a0€`}
                </text>
              ) : null}
              <text x={x + bar / 2} y={TOP + PLOT + 13} class="load-chart__label">
                {formatShortDate(week).slice(0, 5).replace('-', '/')}
              </text>
            </g>
          );
        })}
      </svg>
      <figcaption>
        <ul class="link-list link-list--inline">
          {methods.map((method) => (
            <li>
              <svg width="12" height="12" viewBox="0 0 12 12" aria-hidden="true">
                <rect width="12" height="12" fill={COLOURS[method]} />
              </svg>{' '}
              {METHOD_LABELS[method]}
            </li>
          ))}
        </ul>
        <details>
          <summary>Les chiffres semaine par semaine</summary>
          <table>
            <caption class="visually-hidden">Recettes par semaine et par moyen de paiement</caption>
            <thead>
              <tr>
                <th scope="col">Semaine du</th>
                {methods.map((method) => (
                  <th scope="col">{METHOD_LABELS[method]}</th>
                ))}
                <th scope="col">Total</th>
              </tr>
            </thead>
            <tbody>
              {weeks.map((week) => (
                <tr>
                  <th scope="row">
                    {formatShortDate(week)} au {formatShortDate(addDays(week, 6))}
                  </th>
                  {methods.map((method) => (
                    <td>{formatEuros(cents(week, method))}</td>
                  ))}
                  <td>{formatEuros(total(week))}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </details>
      </figcaption>
    </figure>
  );
}
