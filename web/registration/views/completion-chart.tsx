// Families complete against families concerned, per product (or per campaign), drawn on the server
// as SVG like the dashboard's charts: no script, readable in print. Each bar carries its label and
// « complètes/concernées », the families concerned outlined and those complete filled inside to the
// same scale; the figures are also given as a table for screen readers and anyone who prefers numbers.
const WIDTH = 560;
const LEAST_STEP = 96;
const TOP = 16;
const PLOT = 100;
const BOTTOM = 30;
const HEIGHT = TOP + PLOT + BOTTOM;
const SLIVER = 3;

export interface CompletionBar {
  label: string;
  families: number;
  complete: number;
}

/** A label short enough to sit under its bar; the table keeps it whole. */
const short = (label: string, step: number) => {
  const room = Math.max(6, Math.floor(step / 6.5));
  return label.length > room ? `${label.slice(0, room - 1)}…` : label;
};

export function CompletionChart({ id, title, bars }: { id: string; title: string; bars: CompletionBar[] }) {
  const most = Math.max(1, ...bars.map((b) => b.families));
  const step = Math.max(LEAST_STEP, Math.floor((WIDTH - 8) / Math.max(1, bars.length)));
  const bar = Math.min(56, Math.round(step * 0.5));
  const width = Math.max(WIDTH, bars.length * step + 8);
  const height = (value: number) => (value <= 0 ? 0 : Math.max(SLIVER, Math.round((PLOT * value) / most)));
  const families = bars.reduce((sum, b) => Math.max(sum, b.families), 0);
  return (
    <figure class="load-chart">
      <svg viewBox={`0 0 ${width} ${HEIGHT}`} width="100%" role="img" aria-labelledby={`${id}-title ${id}-desc`}>
        <title id={`${id}-title`}>{title}</title>
        <desc id={`${id}-desc`}>
          {bars.length} barre{bars.length > 1 ? 's' : ''} ; au plus {families} famille{families > 1 ? 's' : ''} concernée{families > 1 ? 's' : ''}. Le détail suit dans le tableau.
        </desc>
        <line x1="0" y1={TOP + PLOT + 0.5} x2={width} y2={TOP + PLOT + 0.5} class="load-chart__axis" />
        {bars.map((b, i) => {
          const x = 4 + i * step + Math.round((step - bar) / 2);
          const middle = x + bar / 2;
          const concerned = height(b.families);
          const done = height(b.complete);
          return (
            <g>
              <rect x={x + 0.5} y={TOP + PLOT - concerned + 0.5} width={bar - 1} height={Math.max(0, concerned - 1)} class="load-chart__capacity" />
              <rect x={x} y={TOP + PLOT - done} width={bar} height={done} class="load-chart__booked" />
              <text x={middle} y={TOP + PLOT - Math.max(concerned, done) - 4} class="load-chart__value">
                {b.complete}/{b.families}
              </text>
              <text x={middle} y={TOP + PLOT + 16} class="load-chart__label">
                {short(b.label, step)}
              </text>
            </g>
          );
        })}
      </svg>
      <figcaption>
        <details>
          <summary>Les chiffres</summary>
          <table>
            <caption class="visually-hidden">{title}</caption>
            <thead>
              <tr>
                <th scope="col">Activité</th>
                <th scope="col">Familles complètes</th>
                <th scope="col">Familles concernées</th>
              </tr>
            </thead>
            <tbody>
              {bars.map((b) => (
                <tr>
                  <td>{b.label}</td>
                  <td>{b.complete}</td>
                  <td>{b.families}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </details>
      </figcaption>
    </figure>
  );
}
