// "Rien n'a été ajouté au panier": the answer to a cart refused because some days are no longer
// available. On opening day most parents get it, so it renders no calendar: with htmx only the
// refused days are swapped, unchecked and marked; without JavaScript a short page leads back to
// the calendar with the parent's other choices kept.
import { formatLongDate, type IsoDate } from '../../../domain/dates.ts';
import type { DayState } from '../../../domain/booking-calendar.ts';
import { Notice } from '../../forms/fields.tsx';
import { Day } from './calendar.tsx';

export interface Refusal {
  date: IsoDate;
  reason: string;
  /** A day refused until the family's yearly dossier is complete: its campaign. */
  campaignId?: number | undefined;
}

export const refusalWords: Record<string, string> = { full: 'complet', 'already-booked': 'déjà réservé', 'no-service': "pas d'accueil ce jour-là", 'deadline-passed': 'délai dépassé', closed: 'fermé', registration: 'dossier annuel à compléter' };

const dayStates: Record<string, DayState> = { full: { kind: 'full' }, 'already-booked': { kind: 'already-booked' }, 'deadline-passed': { kind: 'deadline-passed' }, closed: { kind: 'closed' } };

/** What the waiting list's button sends: the product, and the choice less the days still open. */
export interface WaitFor {
  productId: number;
  prestationId: number | null;
  children: number[];
}

/**
 * « M'inscrire sur liste d'attente » for the full days among those refused. Inside the calendar's
 * form (htmx), a button of that form: the refused days come back checked for their list. On the
 * page without JavaScript, a form of its own carrying the choices.
 */
function WaitingListButton({ failures, waitFor, inForm }: { failures: Refusal[]; waitFor: WaitFor | undefined; inForm: boolean }) {
  const full = failures.filter((failure) => failure.reason === 'full').map((failure) => failure.date);
  if (!waitFor || waitFor.prestationId === null || full.length === 0 || waitFor.children.length === 0) return null;
  const label = `M'inscrire sur liste d'attente${full.length > 1 ? ` pour ces ${full.length} jours complets` : ' pour ce jour complet'}`;
  if (inForm) {
    return (
      <button class="button button--secondary" type="submit" formaction={`/produits/${waitFor.productId}/liste-attente`}>
        {label}
      </button>
    );
  }
  return (
    <form method="post" action={`/produits/${waitFor.productId}/liste-attente`} class="inline-form">
      <input type="hidden" name="prestation" value={String(waitFor.prestationId)} />
      {waitFor.children.map((id) => (
        <input type="hidden" name="enfant" value={String(id)} />
      ))}
      {full.map((date) => (
        <input type="hidden" name="attente" value={date} />
      ))}
      <button class="button button--secondary" type="submit">
        {label}
      </button>
    </form>
  );
}

/** Days of next school year refused until the yearly dossier is complete: where to complete it. */
function DossierLink({ failures }: { failures: Refusal[] }) {
  const campaignId = failures.find((failure) => failure.reason === 'registration')?.campaignId;
  if (campaignId === undefined) return null;
  return (
    <p>
      Ces jours se réservent une fois votre dossier annuel complet : <a href={`/mon-compte/dossier-annuel?campagne=${campaignId}`}>compléter mon dossier annuel</a>.
    </p>
  );
}

export function RefusedDays({ failures, then, waitFor, inForm = false }: { failures: Refusal[]; then: string; waitFor?: WaitFor | undefined; inForm?: boolean }) {
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
      <DossierLink failures={failures} />
      <WaitingListButton failures={failures} waitFor={waitFor} inForm={inForm} />
    </Notice>
  );
}

/** htmx: the notice where the cart's answer goes, and each refused day swapped in the calendar. */
export function RefusedUpdate({ failures, waitFor }: { failures: Refusal[]; waitFor?: WaitFor | undefined }) {
  return (
    <>
      <RefusedDays failures={failures} then="Ils ne sont plus cochés : ajoutez les autres jours à nouveau." waitFor={waitFor} inForm />
      {failures.map((failure) => (
        <>
          <template>
            <Day day={failure.date} state={dayStates[failure.reason] ?? { kind: 'no-service' }} checked={false} waiting={failure.reason === 'full'} outOfBand />
          </template>
          {/* A day of another month: no longer chosen, but kept for its waiting list when full. */}
          {failure.reason === 'full' ? (
            <span id={`choisi-${failure.date}`} hx-swap-oob="outerHTML">
              <input type="hidden" name="attente" value={failure.date} />
            </span>
          ) : (
            <span id={`choisi-${failure.date}`} hx-swap-oob="delete" />
          )}
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
      <RefusedDays failures={failures} then="Vos autres choix sont gardés : revenez au calendrier pour les ajouter." waitFor={{ productId, prestationId: kept.prestationId, children: kept.children }} />
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
