// A part against its whole, bar by bar (places booked of places offered, families complete of
// families concerned), drawn on the server as SVG: no script, readable in print. The whole is an
// outlined bar and the part fills it to the same scale, so a bar's fill reads at a glance; a part
// above zero shows at least a sliver. Each bar carries « part/whole » above and its label lines
// below, and the figures are also given as a table for screen readers and anyone who prefers numbers.
const WIDTH = 560;
const TOP = 16;
const PLOT = 100;
const BOTTOM = 30;
const HEIGHT = TOP + PLOT + BOTTOM;
/** The least height of a bar with a value, so that one booking among many places still shows. */
const SLIVER = 3;

export interface Bar {
  /** One or two short lines under the bar. */
  labels: string[];
  part: number;
  whole: number;
  /** Drawn in the « full » colour (a day with every place taken). */
  full?: boolean;
}

export interface BarTable {
  summary: string;
  /** The column headings: what names a row, the part, the whole. */
  headings: [string, string, string];
  rows: [string, number, number][];
}

export interface BarChartProps {
  id: string;
  title: string;
  /** What a screen reader hears before the table: the figures in one sentence. */
  description: string;
  bars: Bar[];
  table: BarTable;
  /** Each bar's least room, so that its figures and label stay legible side by side. */
  leastStep: number;
  /** The bar's share of its room, and its widest. */
  barShare: number;
  widestBar: number;
}

/** Each bar's room: a few bars share the width; many widen the drawing, which the page scales to fit. */
export const barStep = (count: number, leastStep: number) => Math.max(leastStep, Math.floor((WIDTH - 8) / Math.max(1, count)));

export function BarChart({ id, title, description, bars, table, leastStep, barShare, widestBar }: BarChartProps) {
  const most = Math.max(1, ...bars.map((b) => Math.max(b.whole, b.part)));
  const step = barStep(bars.length, leastStep);
  const bar = Math.min(widestBar, Math.round(step * barShare));
  const width = Math.max(WIDTH, bars.length * step + 8);
  const height = (value: number) => (value <= 0 ? 0 : Math.max(SLIVER, Math.round((PLOT * value) / most)));
  const lineGap = bars.some((b) => b.labels.length > 1) ? 13 : 16;
  return (
    <figure class="load-chart">
      <svg viewBox={`0 0 ${width} ${HEIGHT}`} width="100%" role="img" aria-labelledby={`${id}-title ${id}-desc`}>
        <title id={`${id}-title`}>{title}</title>
        <desc id={`${id}-desc`}>{description}</desc>
        <line x1="0" y1={TOP + PLOT + 0.5} x2={width} y2={TOP + PLOT + 0.5} class="load-chart__axis" />
        {bars.map((b, i) => {
          const x = 4 + i * step + Math.round((step - bar) / 2);
          const middle = x + bar / 2;
          const whole = height(b.whole);
          const part = height(b.part);
          return (
            <g>
              <rect x={x + 0.5} y={TOP + PLOT - whole + 0.5} width={bar - 1} height={Math.max(0, whole - 1)} class="load-chart__capacity" />
              <rect x={x} y={TOP + PLOT - part} width={bar} height={part} class={b.full ? 'load-chart__full' : 'load-chart__booked'} />
              <text x={middle} y={TOP + PLOT - Math.max(whole, part) - 4} class="load-chart__value">
                {b.part}/{b.whole}
              </text>
              {b.labels.map((label, line) => (
                <text x={middle} y={TOP + PLOT + lineGap * (line + 1)} class="load-chart__label">
                  {label}
                </text>
              ))}
            </g>
          );
        })}
      </svg>
      <figcaption>
        <details>
          <summary>{table.summary}</summary>
          <table>
            <caption class="visually-hidden">{title}</caption>
            <thead>
              <tr>
                {table.headings.map((heading) => (
                  <th scope="col">{heading}</th>
                ))}
              </tr>
            </thead>
            <tbody>
              {table.rows.map(([name, part, whole]) => (
                <tr>
                  <td>{name}</td>
                  <td>{part}</td>
                  <td>{whole}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </details>
      </figcaption>
    </figure>
  );
}
