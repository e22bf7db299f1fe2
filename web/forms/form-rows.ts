// A list that a form holds as numbered rows (`libelle_1`, `prix_1`, `libelle_2`…), as long as staff
// need, without JavaScript: the page shows the rows already typed and a few empty ones, and a
// submit button of the form asks for the same page again with one more empty row, everything typed
// kept. Empty rows are ignored by whoever reads the list.
import type { FormValues } from './forms.ts';

/** The name and value of the button that asks for one more row (any other value is a real post). */
export const ADD_ROW = { name: 'ligne', value: 'ajouter' } as const;

/** Whether the post only asks for one more row (the form is shown again, nothing is checked or saved). */
export const asksForRow = (values: FormValues) => values[ADD_ROW.name] === ADD_ROW.value;

/** The highest row number posted for these prefixes, up to `max` (a row may have been left empty). */
function highestRow(values: FormValues, prefixes: readonly string[], max: number, filledOnly: boolean): number {
  let highest = 0;
  for (const [name, value] of Object.entries(values)) {
    const match = /^([a-z_]+)_(\d{1,3})$/.exec(name);
    if (!match || !prefixes.includes(match[1]!)) continue;
    const row = Number(match[2]);
    if (row > max || row <= highest || (filledOnly && value.trim() === '')) continue;
    highest = row;
  }
  return highest;
}

/**
 * How many rows the form shows: at least `initial`, every row posted, one empty row after the last
 * filled one, one more when asked; never more than `max`.
 */
export function rowsToShow(values: FormValues, options: { prefixes: readonly string[]; initial: number; max: number; adding?: boolean }): number {
  const { prefixes, initial, max } = options;
  const shown = Math.max(initial, highestRow(values, prefixes, max, false), highestRow(values, prefixes, max, true) + 1);
  return Math.min(max, shown + (options.adding ? 1 : 0));
}

/** The row numbers to read, 1 to the last posted (within `max`). */
export function postedRows(values: FormValues, prefixes: readonly string[], max: number): number[] {
  return Array.from({ length: highestRow(values, prefixes, max, false) }, (_, i) => i + 1);
}
