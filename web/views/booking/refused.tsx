// "Rien n'a été ajouté au panier": the answer to a cart refused because some days are no longer
// available. On opening day most parents get it, so it renders no calendar: with htmx only the
// refused days are swapped, unchecked and marked; without JavaScript a short page leads back to
// the calendar with the parent's other choices kept.
import { formatLongDate, type IsoDate } from '../../../domain/dates.ts';
import type { DayState } from '../../../domain/booking-calendar.ts';
import { Notice } from '../components/fields.tsx';
import { Day } from './calendar.tsx';

export interface Refusal {
  date: IsoDate;
  reason: string;
}

export const refusalWords: Record<string, string> = { full: 'complet', 'already-booked': 'déjà réservé', 'no-service': "pas d'accueil ce jour-là", 'deadline-passed': 'délai dépassé', closed: 'fermé' };

const dayStates: Record<string, DayState> = { full: { kind: 'full' }, 'already-booked': { kind: 'already-booked' }, 'deadline-passed': { kind: 'deadline-passed' }, closed: { kind: 'closed' } };

export function RefusedDays({ failures, then }: { failures: Refusal[]; then: string }) {
  return (
    <Notice kind="warning">
      <p>
        <strong>Rien n'a été ajouté au panier : certains jours ne sont plus disponibles.</strong> {then}
      </p>
      <ul>
        {failures.map((failure) => (
          <li>
            {formatLongDate(failure.date)} : {refusalWords[failure.reason] ?? failure.reason}
          </li>
        ))}
      </ul>
    </Notice>
  );
}

/** htmx: the notice where the cart's answer goes, and each refused day swapped in the calendar. */
export function RefusedUpdate({ failures }: { failures: Refusal[] }) {
  return (
    <>
      <RefusedDays failures={failures} then="Ils ne sont plus cochés : ajoutez les autres jours à nouveau." />
      {failures.map((failure) => (
        <>
          <template>
            <Day day={failure.date} state={dayStates[failure.reason] ?? { kind: 'no-service' }} checked={false} outOfBand />
          </template>
          <span id={`choisi-${failure.date}`} hx-swap-oob="delete" />
        </>
      ))}
    </>
  );
}

export interface RefusedPageProps {
  productId: number;
  productName: string;
  failures: Refusal[];
  /** What the parent chose, less the refused days: the way back keeps it. */
  kept: { prestationId: number | null; children: number[]; dates: IsoDate[]; month: string | undefined };
}

export function RefusedPage({ productId, productName, failures, kept }: RefusedPageProps) {
  return (
    <section class="refused">
      <h1>{productName}</h1>
      <RefusedDays failures={failures} then="Vos autres choix sont gardés : revenez au calendrier pour les ajouter." />
      <form method="get" action={`/produits/${productId}`}>
        {kept.prestationId === null ? null : <input type="hidden" name="prestation" value={String(kept.prestationId)} />}
        {kept.children.map((id) => (
          <input type="hidden" name="enfant" value={String(id)} />
        ))}
        {kept.dates.map((date) => (
          <input type="hidden" name="date" value={date} />
        ))}
        {kept.month ? <input type="hidden" name="mois" value={kept.month} /> : null}
        <button class="button" type="submit" autofocus>
          Revenir au calendrier
        </button>
      </form>
    </section>
  );
}
