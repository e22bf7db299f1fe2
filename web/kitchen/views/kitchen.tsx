// Staff: Effectifs cuisine. For each day ahead, the meals to cook per site and meal type, with
// the PAI baskets and how many plates need care; today, the children concerned by name (their
// allergies, diets or PAI, nothing else of their fiche sanitaire); readable and printable.
import type { KitchenChild, KitchenRow } from '../../../db/queries/kitchen/kitchen.ts';
import { formatLongDate, type IsoDate } from '../../../domain/dates.ts';
import { Field } from '../../forms/fields.tsx';

const plural = (count: number) => (count === 0 ? 'aucun enfant' : count === 1 ? '1 enfant' : `${count} enfants`);

/** « Bilal Martin : allergies : œufs ; Sans porc ». */
export const childLine = (child: KitchenChild): string => `${child.name} : ${child.needs.join(' ; ')}`;

/** « Sans porc : 2, Allergie signalée : 1 », counts without names; empty when no plate needs care. */
export const needsLine = (row: KitchenRow): string => row.needs.map((need) => `${need.kind} : ${need.count}`).join(', ');

function Needs({ row }: { row: KitchenRow }) {
  if (row.children) {
    if (row.children.length === 0) return <>—</>;
    return (
      <ul class="kitchen__children">
        {row.children.map((child) => (
          <li>{childLine(child)}</li>
        ))}
      </ul>
    );
  }
  if (row.needs.length === 0) return <>—</>;
  return (
    <ul class="kitchen__needs">
      {row.needs.map((need) => (
        <li>
          {need.kind} : {plural(need.count)}
        </li>
      ))}
    </ul>
  );
}

export function KitchenPage({ from, days, rows }: { from: IsoDate; days: number; rows: KitchenRow[] }) {
  const byDay = new Map<IsoDate, KitchenRow[]>();
  for (const row of rows) byDay.set(row.day, [...(byDay.get(row.day) ?? []), row]);
  return (
    <>
      <h1>Effectifs cuisine</h1>
      <p>Repas réservés et payés, par jour, site et type de repas, avec le nombre d’assiettes qui demandent une attention (allergie, régime, PAI). Les chiffres suivent chaque réservation et chaque annulation.</p>
      <p>Pour le service du jour seulement, les enfants concernés sont nommés avec leurs allergies et régimes tels que la fiche sanitaire les indique : chaque consultation est inscrite au journal. Ne les recopiez pas.</p>
      <form method="get" action="/agent/cuisine" class="inline-fields no-print">
        <Field name="du" label="À partir du" type="date" value={from} required />
        <Field name="jours" label="Nombre de jours (1 à 31)" value={String(days)} extra={{ inputmode: 'numeric', pattern: '[0-9]*', maxlength: '2' }} />
        <button class="button" type="submit">
          Afficher
        </button>
      </form>
      <p class="no-print">
        <a href={`/agent/cuisine/export.csv?du=${from}&jours=${days}`}>Exporter (CSV)</a> · Imprimez cette page pour la cuisine.
      </p>
      {rows.length === 0 ? <p>Aucun repas réservé sur cette période dans vos communes.</p> : null}
      {[...byDay.entries()].map(([day, meals]) => (
        <section aria-labelledby={`jour-${day}`}>
          <h2 id={`jour-${day}`}>{formatLongDate(day)}</h2>
          <table>
            <caption class="visually-hidden">Repas du {formatLongDate(day)}</caption>
            <thead>
              <tr>
                <th scope="col">Commune</th>
                <th scope="col">Site</th>
                <th scope="col">Type de repas</th>
                <th scope="col">Repas</th>
                <th scope="col">Allergies et régimes</th>
              </tr>
            </thead>
            <tbody>
              {meals.map((row) => (
                <tr>
                  <td>{row.commune}</td>
                  <td>{row.site}</td>
                  <td>{row.pai ? <strong>{row.meal}</strong> : row.meal}</td>
                  <td>{row.meals}</td>
                  <td>
                    <Needs row={row} />
                  </td>
                </tr>
              ))}
            </tbody>
            <tfoot>
              <tr>
                <th scope="row" colspan={3}>
                  Total du jour
                </th>
                <td>{meals.reduce((sum, row) => sum + row.meals, 0)}</td>
                <td>{plural(meals.reduce((sum, row) => sum + row.cared, 0))}</td>
              </tr>
            </tfoot>
          </table>
        </section>
      ))}
    </>
  );
}
