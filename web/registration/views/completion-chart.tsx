// Families complete against families concerned, per product (or per campaign), drawn like the
// dashboard's charts (web/layout/bar-chart.tsx): each bar carries its label and « complètes/concernées ».
import { BarChart, barStep } from '../../layout/bar-chart.tsx';

export interface CompletionBar {
  label: string;
  families: number;
  complete: number;
}

/** The least room of a bar: its label, cut to fit, sits under it; the table keeps it whole. */
const LEAST_STEP = 96;

const short = (label: string, step: number) => {
  const room = Math.max(6, Math.floor(step / 6.5));
  return label.length > room ? `${label.slice(0, room - 1)}…` : label;
};

export function CompletionChart({ id, title, bars }: { id: string; title: string; bars: CompletionBar[] }) {
  const families = bars.reduce((sum, b) => Math.max(sum, b.families), 0);
  const step = barStep(bars.length, LEAST_STEP);
  const description = `${bars.length} barre${bars.length > 1 ? 's' : ''} ; au plus ${families} famille${families > 1 ? 's' : ''} concernée${families > 1 ? 's' : ''}. Le détail suit dans le tableau.`;
  return (
    <BarChart
      id={id}
      title={title}
      description={description}
      bars={bars.map((b) => ({ labels: [short(b.label, step)], part: b.complete, whole: b.families }))}
      table={{ summary: 'Les chiffres', headings: ['Activité', 'Familles complètes', 'Familles concernées'], rows: bars.map((b) => [b.label, b.complete, b.families]) }}
      leastStep={LEAST_STEP}
      barShare={0.5}
      widestBar={56}
    />
  );
}
