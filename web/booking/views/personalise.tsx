// "Personnaliser votre produit": the prestation, the children with their price, the calendar,
// and "Ajouter au panier". A plain form (GET to refresh, POST to add); htmx refreshes the
// calendar and the children's prices in place and shows the "added" dialog without leaving the page.
import type { Child } from 'hono/jsx';
import { formatEuros } from '../../../domain/money.ts';
import { formatLongDate, type IsoDate } from '../../../domain/dates.ts';
import { DefaultSubmit, Notice } from '../../forms/fields.tsx';
import { refusalWords } from './refused.tsx';
import type { PendingRegistration } from '../../../db/queries/registration/index.ts';

export interface Beneficiary {
  id: number;
  name: string;
  priceCents: number;
  note: string;
}

export interface PersonaliseProps {
  productId: number;
  prestations: { id: number; label: string }[];
  prestationId: number | null;
  beneficiaries: Beneficiary[];
  chosenChildren: Set<number>;
  calendar: Child;
  errors?: { prestation?: string; enfant?: string; date?: string; liste?: string };
  /** The name typed for « Enregistrer comme liste », kept when refused. */
  listName?: string;
  /** A saved list applied to a month: its name, and its days left out with why. */
  applied?: { name: string; leftOut: { date: IsoDate; reason: string }[] } | undefined;
  /** The product's yearly registration the family has not completed: its days of that year refused, or at the top tier. */
  registration?: PendingRegistration | null;
}

/** A child's price beside its name; swapped out of band when the prestation or the children change. */
export function ChildPrice({ child, outOfBand = false }: { child: Beneficiary; outOfBand?: boolean }) {
  return (
    <span id={`prix-enfant-${child.id}`} hx-swap-oob={outOfBand ? 'true' : undefined}>
      ({formatEuros(child.priceCents)}){child.note ? <span class="muted"> – {child.note}</span> : null}
    </span>
  );
}


export function PersonaliseForm({ productId, prestations, prestationId, beneficiaries, chosenChildren, calendar, errors = {}, listName, applied, registration }: PersonaliseProps) {
  const refresh = { 'hx-get': `/produits/${productId}/calendrier`, 'hx-include': '#personalise', 'hx-target': '#calendar', 'hx-swap': 'outerHTML', 'hx-trigger': 'change' };
  return (
    <form id="personalise" method="post" action={`/produits/${productId}/panier`} hx-post={`/produits/${productId}/panier`} hx-target="#booking-result" hx-swap="innerHTML" novalidate>
      {/* The form's one text field is the list's name: Enter there (a phone keyboard's « OK ») saves the list instead of pressing « ← Mois précédent ». */}
      <DefaultSubmit label="Enregistrer comme liste" name="action" value="liste" />
      {registration ? (
        <Notice kind="warning">
          <p>
            Pour l’année scolaire {registration.schoolYear}, {registration.whenIncomplete === 'block' ? 'les jours de cette activité se réservent une fois votre dossier annuel complet' : 'les jours de cette activité sont facturés au tarif le plus élevé tant que votre dossier annuel n’est pas complet'} :{' '}
            <a href={`/mon-compte/dossier-annuel?campagne=${registration.campaignId}`}>compléter mon dossier annuel</a>.
          </p>
        </Notice>
      ) : null}
      {applied ? (
        <Notice kind="info">
          <p>
            La liste « {applied.name} » a coché ses jours de ce mois : vérifiez-les, puis ajoutez-les au panier.
          </p>
          {applied.leftOut.length > 0 ? (
            <ul>
              {applied.leftOut.map((day) => (
                <li>
                  {formatLongDate(day.date)} : non retenu ({refusalWords[day.reason] ?? day.reason})
                </li>
              ))}
            </ul>
          ) : null}
        </Notice>
      ) : null}
      <fieldset class={errors.prestation ? 'choice field--error' : 'choice'} {...refresh} aria-describedby={errors.prestation ? 'prestation-error' : undefined}>
        <legend>Type de prestation</legend>
        {errors.prestation ? <p class="field__error" id="prestation-error">{errors.prestation}</p> : null}
        {prestations.map((prestation) => (
          <div class="radio">
            <input type="radio" name="prestation" id={`prestation-${prestation.id}`} value={String(prestation.id)} checked={prestation.id === prestationId} />
            <label for={`prestation-${prestation.id}`}>{prestation.label}</label>
          </div>
        ))}
      </fieldset>
      <fieldset class={errors.enfant ? 'choice field--error' : 'choice'} {...refresh} aria-describedby={errors.enfant ? 'enfant-error' : 'enfant-hint'}>
        <legend>
          Bénéficiaire <span aria-hidden="true">*</span>
        </legend>
        <p class="field__hint" id="enfant-hint">
          Cocher les utilisateurs concernés
        </p>
        {errors.enfant ? <p class="field__error" id="enfant-error">{errors.enfant}</p> : null}
        {beneficiaries.length === 0 ? (
          <p>
            Déclarez d'abord vos enfants dans <a href="/mon-compte/filiations">Mes filiations</a>.
          </p>
        ) : (
          beneficiaries.map((child) => (
            <div class="checkbox">
              <input type="checkbox" name="enfant" id={`enfant-${child.id}`} value={String(child.id)} checked={chosenChildren.has(child.id)} />
              <label for={`enfant-${child.id}`}>
                {child.name} <ChildPrice child={child} />
              </label>
            </div>
          ))
        )}
        <p class="muted">* champs requis</p>
      </fieldset>
      <p>Sélectionner toutes les dates souhaitées en faisant défiler le calendrier, puis « ajouter au panier »</p>
      <h3 class="calendar-heading">Date de réservation :</h3>
      {errors.date ? <p class="field__error">{errors.date}</p> : null}
      {calendar}
      <div class="form-actions">
        <button class="button button--secondary" type="submit" formmethod="get" formaction={`/produits/${productId}`} formnovalidate>
          Mettre à jour le calendrier
        </button>
        <button class="button" type="submit">
          Ajouter au panier
        </button>
        <button class="button button--secondary" type="submit" formaction={`/produits/${productId}/liste-attente`}>
          M'inscrire sur liste d'attente
          <span class="visually-hidden"> pour les jours complets cochés</span>
        </button>
      </div>
      <p class="field__hint">Un jour complet se coche « liste d'attente » : si une place se libère, elle vous est proposée par mail.</p>
      <div id="booking-result" aria-live="polite"></div>
      <fieldset class={errors.liste ? 'choice field--error' : 'choice'}>
        <legend>Enregistrer comme liste</legend>
        <p class="field__hint" id="nom_liste-hint">
          Pour refaire ces réservations un autre mois : la prestation, les enfants cochés et les jours de la semaine des dates choisies.
        </p>
        {errors.liste ? (
          <p class="field__error" id="nom_liste-error">
            {errors.liste}
          </p>
        ) : null}
        <label for="nom_liste">Nom de la liste, par exemple « Les mercredis de Jérémy »</label>
        <input id="nom_liste" name="nom_liste" value={listName ?? ''} maxlength={60} aria-describedby={errors.liste ? 'nom_liste-hint nom_liste-error' : 'nom_liste-hint'} />
        <button class="button button--secondary" type="submit" name="action" value="liste">
          Enregistrer comme liste
        </button>
      </fieldset>
    </form>
  );
}
